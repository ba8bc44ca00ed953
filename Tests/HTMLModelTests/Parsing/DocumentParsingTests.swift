import HTMLModel
import Testing

@Suite("Document and fragment parsing into libxml2")
struct DocumentParsingTests {
    @Test(arguments: [
        // (context, input, expected innerHTML of the parsed fragment)
        ("template", "<tr><td>a</td></tr>", "<tr><td>a</td></tr>"),
        ("template", "<td>a</td><td>b</td>", "<td>a</td><td>b</td>"),
        ("template", "<option>a</option><option>b</option>", "<option>a</option><option>b</option>"),
        ("template", "<li>a</li>text<li>b</li>", "<li>a</li>text<li>b</li>"),
        ("template", "bare text", "bare text"),
        ("template", "a<b>b</b>c<!--x-->", "a<b>b</b>c<!--x-->"),
        ("template", "<section><dialog open>d</dialog><my-widget x=1>w</my-widget><hx-partial id=p>q</hx-partial></section>",
         "<section><dialog open=\"\">d</dialog><my-widget x=\"1\">w</my-widget><hx-partial id=\"p\">q</hx-partial></section>"),
        ("template", "<col span=2>", "<col span=\"2\">"),
        ("template", "<p>unclosed<div>block", "<p>unclosed</p><div>block</div>"),
        ("div", "<tr><td>a</td></tr>", "a"),
        ("tbody", "<tr><td>a</td></tr>", "<tr><td>a</td></tr>"),
        ("select", "<option>a<option>b", "<option>a</option><option>b</option>"),
        ("textarea", "<b>not a tag</b>", "&lt;b&gt;not a tag&lt;/b&gt;"),
    ])
    func fragmentParsing(_ context: String, _ input: String, _ expected: String) {
        let doc = Document()
        let parsed = doc.parseFragment(Array(input.utf8), contextName: context)
        #expect(parsed.fragment.innerHTML == expected)
        #expect(parsed.fragment.kind == .fragment)
        #expect(parsed.fragment.parent == nil)
    }

    @Test func fragmentNodesMoveIntoTheDocument() throws {
        let doc = Document(html: "<!DOCTYPE html><html><head><title>t</title></head><body><table id=t><tbody id=b></tbody></table></body></html>")
        let tbody = try #require(doc.element(byID: "b"))
        let parsed = doc.parseFragment("<tr id=r1><td>1</td></tr><tr id=r2><td>2</td></tr>")
        tbody.append(parsed.fragment)
        #expect(tbody.innerHTML == #"<tr id="r1"><td>1</td></tr><tr id="r2"><td>2</td></tr>"#)
        #expect(doc.element(byID: "r2")?.parent == tbody)
        doc.releaseDetachedNodes()
        #expect(doc.element(byID: "r1")?.textContent == "1")
    }

    @Test func documentParseRecordsDiagnosticsWithPositions() {
        let doc = Document(html: "<p>a</b>\n<div>\u{0}</div>")
        #expect(!doc.diagnostics.isEmpty)
        #expect(doc.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 })
        #expect(doc.quirksMode == .quirks, "no doctype means quirks mode")
        #expect(doc.body?.outerHTML == "<body><p>a\n</p><div></div></body>")
    }

    @Test func titleIsStrippedAndCollapsed() {
        let doc = Document(html: "<title>  a \n  b&amp;c </title><body><svg><title>no</title></svg>")
        #expect(doc.title == "a b&c")
        #expect(Document(html: "<body>x").title == "")
    }

    @Test func processingInstructionsBecomeNodes() {
        let doc = Document(html: "<!DOCTYPE html><body><p>1<?php echo 1 ?>2<?xml x?>3</p>")
        #expect(doc.body?.innerHTML == "<p>1<?php echo 1 ?>2<!--?xml x?-->3</p>")
        let p = doc.body?.firstChild
        #expect(p?.childNodes.map(\.kind) == [.text, .processingInstruction, .text, .comment, .text])
        #expect(p?.childNodes[1].nodeName == "php")
    }

    @Test(arguments: [
        "", "<", "</", "<!", "<!--", "<?", "&", "&#", "&#x", "<a b='", "<svg><![CDATA[", "<table><td><svg><foreignObject><table>",
        "<template><template><template>", String(repeating: "<div>", count: 5000), String(repeating: "<b><i>", count: 2000),
        "\u{FEFF}\u{0}\r\n\r", "<select><select><option><optgroup>", "<frameset><frameset></frameset>",
    ])
    func hostileInputsParseWithoutCrashing(_ input: String) {
        let doc = Document(html: input)
        #expect(doc.documentElement != nil)
        _ = doc.body?.outerHTML
        _ = doc.parseFragment(input).fragment.innerHTML
    }

    /// Attributes are appended after the last one built, not after a walk of the list: an
    /// element with thousands of them keeps their source order, duplicates dropped.
    @Test func manyAttributesKeepSourceOrder() {
        let names = (0..<3_000).map { "a\($0)" }
        let source = names.map { "\($0)=\"\($0)\"" }.joined(separator: " ")
        let doc = Document(html: "<body><p \(source) a7=\"dup\">x</p>")
        let p = doc.body!.firstElementChild!
        #expect(p.outerHTML == "<p \(source)>x</p>")
        #expect(doc.parseFragment("<p \(source) a0=\"dup\">x</p>").fragment.innerHTML == "<p \(source)>x</p>")
    }

    /// A second `<body>` (or `<html>`) tag adds the attributes the element lacks, in order,
    /// and keeps the values it has.
    @Test func secondBodyTagAddsOnlyMissingAttributes() {
        let first = (0..<40).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let second = (20..<60).map { "a\($0)=\"2\"" }.joined(separator: " ")
        let doc = Document(html: "<body \(first)><p>x</p><body \(second)>")
        let expected = (0..<40).map { "a\($0)=\"1\"" } + (40..<60).map { "a\($0)=\"2\"" }
        #expect(doc.body!.outerHTML == "<body \(expected.joined(separator: " "))><p>x</p></body>")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let doc = Document(html: [0x3C, 0x70, 0x3E, 0x61, 0xFF, 0x62, 0xE2, 0x82])
        #expect(doc.body?.innerHTML == "<p>a\u{FFFD}b\u{FFFD}</p>")
    }
}

@Suite("Selectors over parsed documents")
struct NodeSelectorTests {
    static let page = """
    <!DOCTYPE html><html><head><title>t</title></head><body>
    <div id="a" class="box x"><p class="x">1</p><p>2</p><span hx-sse:connect="/s">3</span></div>
    <ul><li>1</li><li class="odd">2</li><li>3</li></ul>
    <form><input type="checkbox" id="c" checked><input id="d" disabled><fieldset disabled><input id="e"></fieldset></form>
    <template><p class="x" id="inside">hidden</p></template>
    <svg><foreignObject id="fo"></foreignObject></svg>
    </body></html>
    """

    @Test func querySelectorAllInTreeOrder() throws {
        let doc = Document(html: Self.page)
        #expect(try doc.querySelectorAll(".x").map(\.localName) == ["div", "p"], "template contents are not searched")
        #expect(try doc.querySelector("#inside") == nil)
        #expect(try doc.querySelector(#"[hx-sse\:connect]"#)?.textContent == "3")
        #expect(try doc.querySelectorAll("li:nth-child(odd)").map { $0.textContent ?? "" } == ["1", "3"])
        #expect(try doc.querySelectorAll("input:disabled").map(\.id) == ["d", "e"])
        #expect(try doc.querySelectorAll(":checked").map(\.id) == ["c"])
        #expect(try doc.querySelector("foreignObject")?.id == "fo")
        #expect(try doc.querySelector("div:has(> span)")?.id == "a")
    }

    @Test func elementScopedQueriesExcludeTheElement() throws {
        let doc = Document(html: Self.page)
        let a = try #require(doc.element(byID: "a"))
        #expect(try a.querySelector(".x")?.localName == "p")
        #expect(try a.querySelectorAll("p").count == 2)
        #expect(try a.matches("div.box"))
        let p = try #require(try a.querySelector("p"))
        #expect(try p.closest(".box") == a)
        #expect(try p.closest("ul") == nil)
        #expect(try doc.querySelector("#a") == a)
        #expect(try a.querySelector("#a") == nil)
    }

    @Test func invalidSelectorsThrowWithPosition() {
        let doc = Document(html: Self.page)
        #expect(throws: SelectorParseError.self) { try doc.querySelector("div)") }
        #expect(throws: SelectorParseError.self) { try doc.querySelector("") }
        do {
            _ = try doc.querySelector("p:bogus")
            Issue.record("expected an error")
        } catch {
            #expect(error.position == 1)
        }
    }
}

@Suite("Selector queries answered by the id index")
struct IDIndexQueryTests {
    @Test func tagAndIdQueriesAgreeWithTheWalk() throws {
        let doc = Document(html: """
        <body><div id="root"><p id="x">1</p><span id="y"><b id="x">2</b></span></div><i id="x">3</i><svg><g id="g"></g></svg></body>
        """)
        let root = try #require(doc.element(byID: "root"))
        // Duplicate ids: the first in tree order inside the root with the right tag.
        #expect(try root.querySelector("#x")?.localName == "p")
        #expect(try root.querySelector("B#x")?.textContent == "2")
        #expect(try root.querySelector("i#x") == nil, "outside the root")
        #expect(try doc.querySelector("i#x")?.textContent == "3")
        #expect(try doc.querySelector("#nope") == nil)
        #expect(try doc.querySelector("g#g")?.localName == "g")
        #expect(try doc.querySelector("G#g") == nil, "foreign elements match their tag case-sensitively")
        #expect(try root.querySelector("#root") == nil, "the root itself is not a descendant")
        // Detached roots take the ordinary walk.
        let frag = doc.parseFragment(#"<p id="d">d</p>"#).fragment
        #expect(try frag.querySelector("#d")?.textContent == "d")
        #expect(try frag.querySelector("p#d")?.textContent == "d")
    }
}

@Suite("querySelectorAll answered by the id index")
struct IDIndexQueryAllTests {
    @Test func duplicatesInTreeOrderInsideTheRoot() throws {
        let doc = Document(html: #"<body><i id="x">1</i><div id="r"><b id="x">2</b><p><i id="x">3</i></p></div></body>"#)
        #expect(try doc.querySelectorAll("#x").map { $0.textContent ?? "" } == ["1", "2", "3"])
        #expect(try doc.querySelectorAll("i#x").map { $0.textContent ?? "" } == ["1", "3"])
        let r = try #require(doc.element(byID: "r"))
        #expect(try r.querySelectorAll("#x").map { $0.textContent ?? "" } == ["2", "3"])
        #expect(try doc.querySelectorAll("#none").isEmpty)
    }
}
