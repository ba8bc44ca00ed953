import Testing
@testable import HTMXSemantics

struct TriggerFilterTests {
    // (hx-trigger value, filter expression, relative references)
    static let filters: [(String, String, [String])] = [
        ("evt[foo]", "foo", ["foo"]),
        ("evt[foo&&bar]", "foo&&bar", ["foo", "bar"]),
        ("evt[target.classList.contains('doIt')]", "target.classList.contains('doIt')", ["target"]),
        ("evt[target.id=='foo']", "target.id=='foo'", ["target"]),
        ("evt[!target.classList.contains('disabled')]", "!target.classList.contains('disabled')", ["target"]),
        ("evt[globalFun(event)]", "globalFun(event)", ["globalFun"]),
        ("evt[foo.bar]", "foo.bar", ["foo"]),
        ("evt[foo[0]]", "foo[0]", ["foo"]),
        ("evt[]", "", []),
        ("load[true]", "true", []),
        ("load[false]", "false", []),
        ("keyup[key=='Enter'&&this.value]", "key=='Enter'&&this.value", ["key"]),
        ("click[ctrlKey && shiftKey]", "ctrlKey && shiftKey", ["ctrlKey", "shiftKey"]),
        ("click[a. b]", "a. b", ["a", "b"]),
        ("click[x==']']", "x==']'", ["x"]),
    ]

    @Test(arguments: filters)
    func filterText(value: String, expression: String, references: [String]) {
        let r = TriggerSpec.parseList(value)
        #expect(r.diagnostics.isEmpty)
        let f = r.value.first?.eventFilter
        #expect(f?.expression == expression)
        #expect(f?.relativeReferences == references)
    }

    @Test func compiledSourceMatchesHtmx() {
        let f = TriggerSpec.parseList("evt[foo.bar]").value.first?.eventFilter
        #expect(f?.compiledSource == " return (function(event){ return (((event.foo) ? (event.foo) : (window.foo)).bar)})")
        let empty = TriggerSpec.parseList("evt[]").value.first?.eventFilter
        #expect(empty?.compiledSource == " return (function(event){ return (true)})")
    }

    // Filters whose compiled function htmx cannot build: syntax error on body, no filter.
    static let broken = ["evt[{]", "evt[ ]", "evt[(a]", "evt[a)]", "evt[{a)}]"]

    @Test(arguments: broken)
    func syntaxErrorLeavesSpecUnfiltered(value: String) {
        let r = TriggerSpec.parseList(value)
        #expect(r.value == [t("evt")])
        #expect(r.diagnostics.map(\.code) == ["htmx:syntax:error"])
        #expect(r.diagnostics.first?.detail?.hasPrefix(" return (function(event){ return (") == true)
    }

    @Test func templateLiteralsAreNotJudged() {
        let r = TriggerSpec.parseList("evt[`(`==x]")
        #expect(r.value.first?.eventFilter?.expression == "`(`==x")
        #expect(r.diagnostics.isEmpty)
    }

    @Test func unterminatedFilterSwallowsTheRest() {
        let r = TriggerSpec.parseList("click[foo, keyup")
        #expect(r.value == [t("click")])
        #expect(r.diagnostics.map(\.code) == ["hx-trigger.unterminated-filter"])
        // A `/` inside a filter opens a string token that runs to the next `/`.
        let slash = TriggerSpec.parseList("click[count/2 > 1], keyup")
        #expect(slash.value == [t("click")])
    }
}
