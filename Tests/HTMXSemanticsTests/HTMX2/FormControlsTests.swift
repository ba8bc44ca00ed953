import HTMLModel
@testable import HTMXSemantics
import Testing

@Suite("Form controls")
struct FormControlsTests {
    @Test func valuesFollowAttributesUntilSetThroughTheProperty() {
        let doc = Document()
        let input = doc.createElement("input", attributes: [HTMLAttribute(name: "value", value: "a")])
        #expect(FormControls.value(input) == "a")
        input.setDirtyValue("b")
        #expect(FormControls.value(input) == "b")
        #expect(input.attribute("value") == "a")
        let box = doc.createElement("input", attributes: [HTMLAttribute(name: "type", value: "checkbox")])
        #expect(FormControls.value(box) == "on")
        #expect(FormControls.checked(box) == false)
        box.setChecked(true)
        #expect(FormControls.checked(box))
        #expect(FormControls.value(doc.createElement("div")) == nil)
    }

    @Test func selectValueIsTheSelectedOption() {
        let doc = Document()
        let select = doc.createElement("select")
        for (v, selected) in [("1", false), ("2", true), ("3", false)] {
            let o = doc.createElement("option", attributes: selected ? [HTMLAttribute(name: "selected", value: "")] : [])
            o.setTextContent(" opt  \(v) ")
            if v != "3" { o.setAttribute("value", v) }
            select.append(o)
        }
        #expect(FormControls.value(select) == "2")
        select.setDirtyValue("opt 3")
        #expect(FormControls.value(select) == "opt 3")
        select.setDirtyValue("missing")
        #expect(FormControls.value(select) == "", "no option has that value: nothing is selected")
    }

    @Test func formDataSetSkipsButtonsUncheckedDisabledAndNameless() {
        let doc = Document()
        let form = doc.createElement("form")
        func add(_ name: String, _ attrs: [(String, String)]) {
            form.append(doc.createElement(name, attributes: attrs.map { HTMLAttribute(name: $0.0, value: $0.1) }))
        }
        add("input", [("name", "t"), ("value", "x")])
        add("input", [("name", "c"), ("type", "checkbox")])
        add("input", [("name", "d"), ("value", "y"), ("disabled", "")])
        add("input", [("value", "noname")])
        add("button", [("name", "b"), ("value", "v")])
        add("input", [("name", "k"), ("type", "checkbox"), ("value", "on2"), ("checked", "")])
        let controls = form.elementChildren
        let set = FormControls.formDataSet(form, controls: controls)
        #expect(set.map(\.0) == ["t", "k"])
        #expect(set.map(\.1) == ["x", "on2"])
    }
}
