import HTMLModel
import HTMXSemantics
import Testing

@Suite("Result PATHs")
struct NodePathTests {
    @Test func pathsOfElementsTextAndRemovedNodes() {
        let doc = Document()
        let html = doc.createElement("html")
        doc.node.append(html)
        let body = doc.createElement("body")
        html.append(body)
        let out = doc.createElement("div", attributes: [HTMLAttribute(name: "id", value: "out")])
        let plain = doc.createElement("div")
        body.append(plain)
        body.append(out)
        let p = doc.createElement("p")
        plain.append(p)
        out.append(doc.createTextNode("a"))
        out.append(doc.createTextNode("b"))
        #expect(NodePath.of(doc.node) == "document")
        #expect(NodePath.of(body) == "html > body")
        #expect(NodePath.of(p) == "html > body > div:nth-child(1) > p:nth-child(1)")
        #expect(NodePath.of(out.childNodes[1]) == "#out > #text(2)")
        out.remove()
        #expect(NodePath.of(out) == "#out", "an element with an id is #ID even once removed")
        p.remove()
        #expect(NodePath.of(p) == "detached: p")
    }
}
