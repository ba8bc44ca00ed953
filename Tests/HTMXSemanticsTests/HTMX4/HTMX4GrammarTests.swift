@testable import HTMXSemantics
import Testing

/// The small grammars of htmx 4 core: trigger specs, swap specs, `<hx-*>` rewriting, the
/// head scan, `CSS.escape`.
@Suite("htmx 4 grammars")
struct HTMX4GrammarTests {
    @Test(arguments: [
        ("click", "click", ""),
        ("  keyup[key=='Enter'] changed delay:1s ", "keyup[key=='Enter']", "changed delay:1s"),
        ("click[ctrlKey && shiftKey] once", "click[ctrlKey && shiftKey]", "once"),
        ("every 2s", "every", "2s"),
        ("a[b][c d] x", "a[b][c d]", "x"),
    ])
    func triggerPart(_ input: String, _ name: String, _ rest: String) {
        let r = HTMX4Runtime.splitTriggerPart(input)
        #expect(r?.0 == name)
        #expect(r?.1 == rest)
    }

    @Test func aModifierListOverSeveralLinesDoesNotMatch() {
        #expect(HTMX4Runtime.splitTriggerPart("keyup changed\ndelay:1s") == nil)
        #expect(HTMX4Runtime.splitTriggerPart("   ") == nil)
    }

    @Test func anUnterminatedFilterThrows() {
        #expect(throws: HTMX4Error.self) { try HTMX4Runtime.parseTriggerSpecs("click[ctrlKey") }
    }

    @Test func specsCarryTheirModifiers() throws {
        let specs = try HTMX4Runtime.parseTriggerSpecs(#"input changed delay:300ms, search, custom from:"closest form""#)
        #expect(specs.map(\.name) == ["input", "search", "custom"])
        #expect(specs[0].flag("changed"))
        #expect(specs[0].string("delay") == "300ms")
        #expect(specs[2].string("from") == "closest form")
    }

    @Test(arguments: [
        ("innerHTML", "innerHTML", "{}"),
        ("outerHTML swap:100ms settle:0", "outerHTML", #"{"swap":"100ms","settle":0}"#),
        ("swap:100ms", "innerHTML", #"{"swap":"100ms"}"#),
        ("before", "beforebegin", "{}"),
        ("after", "afterend", "{}"),
        ("prepend", "afterbegin", "{}"),
        ("append ignoreTitle", "beforeend", #"{"ignoreTitle":true}"#),
        ("  ", "innerHTML", "{}"),
    ])
    func swapSpec(_ input: String, _ style: String, _ modifiers: String) {
        let spec = HTMX4SwapSpec(input, defaultSwap: "innerHTML")
        #expect(spec.style == style)
        #expect(GrammarJSON.Value.object(spec.modifiers).jsonText == modifiers)
    }

    @Test func hxTagsBecomeTemplates() {
        #expect(HTMX4Runtime.rewriteHxTags(#"a<hx-partial id="x"><b>1</b></hx-partial>"#)
                == #"a<template hx type="partial" id="x"><b>1</b></template>"#)
        #expect(HTMX4Runtime.rewriteHxTags("<HX-Oob>t</HX-OOB>") == #"<template hx type="Oob">t</template>"#)
        #expect(HTMX4Runtime.rewriteHxTags("<hx-1>x</hx-1>") == "<hx-1>x</hx-1>")
        #expect(HTMX4Runtime.rewriteHxTags("<hx-a/>") == "<hx-a/>")
    }

    @Test func theFirstHeadIsFound() {
        let s = "<p>a</p><HEAD class=x><title>T</title></head><head>2</head>"
        let r = ResponseText.firstHead(s)
        #expect(r.map { String(s[$0]) } == "<HEAD class=x><title>T</title></head>")
        #expect(ResponseText.firstHead("<header>x</header>") == nil)
        #expect(ResponseText.firstHead("<head>unclosed") == nil)
    }

    @Test(arguments: [("a", "a"), ("1a", "\\31 a"), ("a.b", "a\\.b"), ("-", "\\-"), ("-1", "-\\31 "), ("é", "é"), ("a b", "a\\ b")])
    func cssEscape(_ input: String, _ escaped: String) {
        #expect(HTMX4Runtime.cssEscape(input) == escaped)
    }
}
