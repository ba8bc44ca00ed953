import Testing
@testable import HTMLModel

/// Targeted checks of builder behaviour the html5lib data does not pin down on its own:
/// the sink contract, fragment set-up, the scripting flag, and robustness on hostile input.
@Suite("TreeBuilder behaviour")
struct TreeBuilderBehaviourTests {
    private func document(_ html: String, scripting: Bool = true) -> String {
        let sink = TestTreeSink()
        var builder = HTMLTreeBuilder(sink: sink, scripting: scripting)
        builder.parseDocument(Array(html.utf8))
        return sink.dumpDocument()
    }

    private func fragment(_ html: String, context: String, namespace: HTMLNamespace = .html,
                          scripting: Bool = true) -> String {
        let sink = TestTreeSink()
        var builder = HTMLTreeBuilder(sink: sink, scripting: scripting)
        builder.parseFragment(Array(html.utf8), contextName: context, contextNamespace: namespace)
        return sink.dumpFragment()
    }

    @Test("a fragment parse builds under one html root appended to the caller's container")
    func fragmentRoot() throws {
        let sink = TestTreeSink()
        var builder = HTMLTreeBuilder(sink: sink)
        builder.parseFragment(Array("<p>a</p>b".utf8), contextName: "div")
        #expect(sink.document.children.count == 1)
        let root = try #require(sink.document.children.first)
        #expect(root.name == "html" && root.namespace == .html && root.attributes.isEmpty)
        #expect(sink.dumpFragment() == "| <p>\n|   \"a\"\n| \"b\"")
    }

    @Test("a builder parsing again starts from a clean state, whatever the last parse left open")
    func reusedBuilder() {
        let sink = TestTreeSink()
        var builder = HTMLTreeBuilder(sink: sink)
        // Leaves a table, a cell, a formatting element and a template mode open.
        builder.parseFragment(Array("<table><tr><td><b>one<template>".utf8), contextName: "div")
        builder.parseFragment(Array("<p>two<i>x</i>".utf8), contextName: "div")
        #expect(sink.document.children.count == 2)
        #expect(sink.dumpFragment(root: 1) == fragment("<p>two<i>x</i>", context: "div"))
        #expect(sink.dumpFragment(root: 1) == "| <p>\n|   \"two\"\n|   <i>\n|     \"x\"")
    }

    struct ContextCase: Sendable, CustomTestStringConvertible {
        var context: String
        var scripting: Bool
        var expected: String
        var testDescription: String { "\(context) scripting=\(scripting)" }
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments step 4.
    @Test("the context element picks the tokenizer state", arguments: [
        ContextCase(context: "title", scripting: true, expected: "| \"<b>&x</b>\""),
        ContextCase(context: "textarea", scripting: true, expected: "| \"<b>&x</b>\""),
        ContextCase(context: "style", scripting: true, expected: "| \"<b>&amp;x</b>\""),
        ContextCase(context: "xmp", scripting: true, expected: "| \"<b>&amp;x</b>\""),
        ContextCase(context: "iframe", scripting: true, expected: "| \"<b>&amp;x</b>\""),
        ContextCase(context: "noembed", scripting: true, expected: "| \"<b>&amp;x</b>\""),
        ContextCase(context: "noframes", scripting: true, expected: "| \"<b>&amp;x</b>\""),
        ContextCase(context: "script", scripting: true, expected: "| \"<b>&amp;x</b>\""),
        ContextCase(context: "plaintext", scripting: true, expected: "| \"<b>&amp;x</b>\""),
        ContextCase(context: "noscript", scripting: true, expected: "| \"<b>&amp;x</b>\""),
        ContextCase(context: "noscript", scripting: false, expected: "| <b>\n|   \"&x\""),
        ContextCase(context: "div", scripting: true, expected: "| <b>\n|   \"&x\""),
    ])
    func contextTokenizerState(_ testCase: ContextCase) {
        #expect(fragment("<b>&amp;x</b>", context: testCase.context, scripting: testCase.scripting)
                == testCase.expected)
    }

    @Test("an upper-case context name is matched case-insensitively")
    func contextNameCase() {
        #expect(fragment("<b>x</b>", context: "TITLE") == "| \"<b>x</b>\"")
        #expect(fragment("<td>x", context: "TR") == "| <td>\n|   \"x\"")
    }

    @Test("a template context parses in the template insertion mode")
    func templateContext() {
        #expect(fragment("<td>x</td>", context: "template") == "| <td>\n|   \"x\"")
        #expect(fragment("<col>", context: "template") == "| <col>")
    }

    /// Step 11 of the fragment algorithm: the form element pointer is the nearest form among
    /// the context element and its ancestors, so a form context makes nested forms ignored.
    @Test("a form context sets the form element pointer")
    func formContext() {
        #expect(fragment("<form id=x><input></form>b", context: "form") == "| <input>\n| \"b\"")
        #expect(fragment("<form id=x><input></form>b", context: "div")
                == "| <form>\n|   id=\"x\"\n|   <input>\n| \"b\"")
    }

    @Test("scripting on by default: noscript content is raw text")
    func scriptingDefault() {
        let on = document("<body><noscript><p>x</p></noscript>")
        #expect(on.contains("|     <noscript>\n|       \"<p>x</p>\""))
        let off = document("<body><noscript><p>x</p></noscript>", scripting: false)
        #expect(off.contains("|     <noscript>\n|       <p>\n|         \"x\""))
    }

    @Test("the LF right after <pre>, <listing>, <textarea> is dropped, only there")
    func leadingLineFeed() {
        #expect(document("<pre>\n\nx</pre>").contains("|     <pre>\n|       \"\nx\""))
        #expect(document("<listing>\nx</listing>").contains("|     <listing>\n|       \"x\""))
        #expect(document("<textarea>\n\nx</textarea>").contains("|     <textarea>\n|       \"\nx\""))
        // Only the very next token: after another tag the LF stays.
        #expect(document("<pre><b>\nx</b></pre>").contains("|       <b>\n|         \"\nx\""))
    }

    @Test("CDATA sections only open in foreign content")
    func cdataFollowsAdjustedCurrentNode() {
        #expect(document("<svg><![CDATA[a<b]]></svg>").contains("|     <svg svg>\n|       \"a<b\""))
        #expect(document("<div><![CDATA[a]]></div>").contains("|       <!-- [CDATA[a]] -->"))
        #expect(fragment("<![CDATA[a<b]]>", context: "svg", namespace: .svg) == "| \"a<b\"")
    }

    @Test("parse errors reach the sink")
    func parseErrorsReported() {
        let sink = TestTreeSink()
        var builder = HTMLTreeBuilder(sink: sink)
        builder.parseDocument(Array("<p></div><table>x".utf8))
        #expect(!sink.errors.isEmpty)
    }

    @Test("the quirks mode is reported from the doctype")
    func quirksMode() {
        func mode(_ html: String) -> HTMLQuirksMode? {
            let sink = TestTreeSink()
            var builder = HTMLTreeBuilder(sink: sink)
            builder.parseDocument(Array(html.utf8))
            return sink.quirksMode
        }
        #expect(mode("<!DOCTYPE html>") == .noQuirks)
        #expect(mode("<p>") == .quirks)
        #expect(mode(#"<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">"#) == .quirks)
        #expect(mode(#"<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">"#) == .limitedQuirks)
        #expect(mode(#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">"#) == .noQuirks)
        #expect(mode(#"<!DOCTYPE html SYSTEM "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd">"#) == .quirks)
    }

    @Test("foster parenting and templates go through templateContents(of:)")
    func templateContentsUsed() {
        // The libxml2 sink answers with the template itself; the tree must still be right.
        let sink = TemplateIsContentsSink()
        var builder = HTMLTreeBuilder(sink: sink)
        builder.parseDocument(Array("<template><tr><td>a</td></tr></template><table><template>b</template></table>".utf8))
        #expect(sink.dumpDocument() == """
            | <html>
            |   <head>
            |     <template>
            |       content
            |         <tr>
            |           <td>
            |             "a"
            |   <body>
            |     <table>
            |       <template>
            |         content
            |           "b"
            """)
    }

    // MARK: Robustness

    @Test("deep nesting does not recurse", arguments: [
        "<div>", "<b>", "<table>", "<svg>", "<math><mi>", "<a><p>", "<i><div>", "<select><option>",
        "<table><td>", "<font color=red><table>", "<template>", "<ul><li>",
    ])
    func deepNesting(_ unit: String) {
        let count = 20_000
        let sink = CountingTreeSink()
        var builder = HTMLTreeBuilder(sink: sink)
        builder.parseDocument(Array(String(repeating: unit, count: count).utf8) + Array("x".utf8))
        #expect(sink.elementCount >= 3)
    }

    @Test("misnested formatting stays bounded (adoption agency loop limits)")
    func adoptionAgencyBounded() {
        var html = ""
        for index in 0..<2_000 {
            html += "<b><i id=\(index)><p><a>x</b></i></p>"
        }
        let sink = CountingTreeSink()
        var builder = HTMLTreeBuilder(sink: sink)
        builder.parseDocument(Array(html.utf8))
        #expect(sink.textLength == 2_000)
    }

    @Test("random tag soup never breaks the sink contract", arguments: 0..<40)
    func tagSoup(_ seed: Int) {
        var generator = TreeSplitMix64(seed: UInt64(seed))
        let vocabulary = [
            "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>",
            "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<tbody>", "<caption>",
            "<col>", "<colgroup>", "<select>", "</select>", "<option>", "<optgroup>", "<input>",
            "<template>", "</template>", "<svg>", "</svg>", "<math>", "<mi>", "<mtext>",
            "<foreignObject>", "<desc>", "<annotation-xml encoding=text/html>", "</annotation-xml>",
            "<font color=1>", "</font>", "<nobr>", "<li>", "<dd>", "<dt>", "<form>", "</form>",
            "<h1>", "</h2>", "<pre>\n", "<textarea>", "</textarea>", "<title>", "</title>",
            "<script>", "</script>", "<style>", "</style>", "<noscript>", "</noscript>",
            "<frameset>", "<frame>", "</frameset>", "<body>", "</body>", "<html>", "</html>",
            "<head>", "</head>", "<plaintext>", "<image>", "<isindex>", "<br>", "</br>", "</p>",
            "<button>", "</button>", "<marquee>", "</marquee>", "<ruby>", "<rt>", "<rp>", "<hr>",
            "<![CDATA[x]]>", "<!-- c -->", "<!DOCTYPE html>", "text", " ", "\n", "\0", "&amp;",
            "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<keygen>", "<applet>", "<object>",
            "</object>", "<main>", "<dialog>", "<search>", "<selectedcontent>", "<datalist>",
        ]
        var html = ""
        for _ in 0..<400 {
            html += vocabulary[Int(generator.next() % UInt64(vocabulary.count))]
        }
        for scripting in [true, false] {
            let sink = TestTreeSink()
            var builder = HTMLTreeBuilder(sink: sink, scripting: scripting)
            builder.parseDocument(Array(html.utf8))
            #expect(!sink.dumpDocument().isEmpty)
            for context in ["div", "table", "tr", "select", "template", "svg", "math", "title", "html"] {
                let fragmentSink = TestTreeSink()
                var fragmentBuilder = HTMLTreeBuilder(sink: fragmentSink, scripting: scripting)
                let namespace: HTMLNamespace = context == "svg" ? .svg : context == "math" ? .mathml : .html
                fragmentBuilder.parseFragment(Array(html.utf8), contextName: context, contextNamespace: namespace)
                #expect(fragmentSink.document.children.count == 1)
            }
        }
    }

    @Test("arbitrary bytes parse")
    func arbitraryBytes() {
        var generator = TreeSplitMix64(seed: 7)
        for _ in 0..<50 {
            let bytes = (0..<2_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let sink = CountingTreeSink()
            var builder = HTMLTreeBuilder(sink: sink)
            builder.parseDocument(bytes)
            #expect(sink.elementCount >= 3)
        }
    }
}

/// Stores template contents in the template element itself, as the libxml2 sink does.
final class TemplateIsContentsSink: HTMLTreeSink {
    private let inner = TestTreeSink()
    var documentHandle: TreeTestNode { inner.documentHandle }
    func createElement(name: String, namespace: HTMLNamespace, attributes: [HTMLAttribute]) -> TreeTestNode {
        inner.createElement(name: name, namespace: namespace, attributes: attributes)
    }
    func createComment(_ text: String) -> TreeTestNode { inner.createComment(text) }
    func createProcessingInstruction(target: String, data: String) -> TreeTestNode {
        inner.createProcessingInstruction(target: target, data: data)
    }
    func appendDoctype(name: String, publicIdentifier: String, systemIdentifier: String) {
        inner.appendDoctype(name: name, publicIdentifier: publicIdentifier, systemIdentifier: systemIdentifier)
    }
    func append(_ child: TreeTestNode, to parent: TreeTestNode) { inner.append(child, to: parent) }
    func insert(_ child: TreeTestNode, before sibling: TreeTestNode) { inner.insert(child, before: sibling) }
    func appendText(_ text: Substring, to parent: TreeTestNode) { inner.appendText(text, to: parent) }
    func insertText(_ text: Substring, before sibling: TreeTestNode) { inner.insertText(text, before: sibling) }
    func parent(of node: TreeTestNode) -> TreeTestNode? { inner.parent(of: node) }
    func detach(_ node: TreeTestNode) { inner.detach(node) }
    func reparentChildren(of from: TreeTestNode, to: TreeTestNode) { inner.reparentChildren(of: from, to: to) }
    func addAttributesIfMissing(_ element: TreeTestNode, _ attributes: [HTMLAttribute]) {
        inner.addAttributesIfMissing(element, attributes)
    }
    func templateContents(of template: TreeTestNode) -> TreeTestNode { template }
    func setQuirksMode(_ mode: HTMLQuirksMode) {}
    func parseError(_ diagnostic: HTMLParseDiagnostic) {}

    /// The html5lib dump, showing a template's children under `content` as html5lib does.
    func dumpDocument() -> String {
        for template in allTemplates(inner.document) {
            let contents = TreeTestNode(.fragment)
            contents.children = template.children
            template.children = []
            template.templateContents = contents
        }
        return inner.dumpDocument()
    }

    private func allTemplates(_ root: TreeTestNode) -> [TreeTestNode] {
        var found: [TreeTestNode] = []
        var stack = [root]
        while let node = stack.popLast() {
            if node.kind == .element && node.namespace == .html && node.name == "template" { found.append(node) }
            stack.append(contentsOf: node.children)
        }
        return found
    }
}

/// A small deterministic generator, so the soup tests are reproducible.
struct TreeSplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Chromium's parser depth cap (`HTMLConstructionSite::kMaximumHTMLParserDOMTreeDepth`).
@Suite("TreeBuilder depth cap")
struct TreeBuilderDepthCapTests {
    @Test("past 512 open elements, new elements become siblings of the current node")
    func divs() {
        let sink = CountingTreeSink()
        var builder = HTMLTreeBuilder(sink: sink)
        builder.parseDocument(Array(String(repeating: "<div>", count: 1_000).utf8))
        // html, head, body, then 1000 divs: 511 nest (html=1, body=2, divs at 3...513),
        // the other 489 are siblings of the 511th.
        let depths = (1..<sink.parents.count).map { sink.depth(of: $0) }
        #expect(depths.max() == 513)
        #expect(depths.filter { $0 == 513 }.count == 490)
        #expect(sink.elementCount == 1_003)
    }

    @Test("text still goes into the deepest open element")
    func text() throws {
        let sink = TestTreeSink()
        var builder = HTMLTreeBuilder(sink: sink)
        builder.parseDocument(Array((String(repeating: "<span>", count: 600) + "deep").utf8))
        var node = try #require(sink.document.children.first?.children.last)  // body
        var depth = 2
        while let child = node.children.last, child.kind == .element {
            node = child
            depth += 1
        }
        #expect(depth == 513)
        #expect(node.children.last?.kind == .text && node.children.last?.data == "deep")
        // The 600th span sits beside the 511th and 512th ... as a sibling, and the text is in it.
        #expect(node.name == "span")
    }
}
