import HTMLModel
@testable import HTMXSemantics
import Testing

/// htmx 4 parses a response as `<template>` + response + `</template>` in a whole document;
/// the engine uses the template-context fragment parser where the response cannot tell the
/// difference. On every generated input the check lets through, both must give the same nodes
/// once comments are dropped (as both dialects drop them from responses).
@Suite("htmx 4 fragment fast path")
struct FragmentFastPathTests {
    static let pieces = ["<p>", "</p>", "<div class=\"a\">", "</div>", "<li>", "</li>", "<ul>", "</ul>", "<b>", "</b>", "<i>",
                         "<a href=\"/x\">", "</a>", "<span id=\"s\">", "</span>", "<br>", "<hr/>", "<img src=x>", "<input value=\"v\">",
                         "text", " ", "\n", "&amp;", "&lt;", "&copy", "&#x41;", "é", "<!-- c -->", "<!-- open", "<option>", "<dd>",
                         "<dt>", "<h1>", "</h2>", "<button>", "<nobr>", "<em>", "</em>", "<tr>", "<td>", "</td>", "<caption>",
                         "<col>", "<ruby><rt>", "<a title=\"x>", "<", ">", "</", "<p", "<custom-el>", "</x>", "\u{0}", "<!DOCTYPE html>",
                         "<table>", "<textarea>", "<form>", "<svg>", "<select>", "<template>", "</template>", "<title>t"]

    static func documentPath(_ doc: Document, _ s: String) -> String {
        let parsed = doc.parseDetachedDocument(Array(("<template>" + s + "</template>").utf8))
        let frag = doc.createDocumentFragment()
        if let t = try? parsed.root.querySelector("template") { for c in t.templateContentNodes { frag.append(c) } }
        HTMX2Runtime.removeComments(frag)
        return frag.innerHTML
    }

    static func fragmentPath(_ doc: Document, _ s: String) -> String {
        let frag = doc.parseFragment(Array(s.utf8), contextName: "template").fragment
        HTMX2Runtime.removeComments(frag)
        return frag.innerHTML
    }

    @Test func bothPathsAgreeWhereTheCheckAllowsTheFastOne() {
        let doc = Document(html: "<!DOCTYPE html><html><head></head><body></body></html>")
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var checked = 0
        for _ in 0..<4000 {
            var s = ""
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let n = Int(state % 12) + 1
            for _ in 0..<n {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                s += Self.pieces[Int(state % UInt64(Self.pieces.count))]
            }
            guard HTMX4Runtime.fragmentParseIsEquivalent(Array(s.utf8)) else { continue }
            checked += 1
            #expect(Self.fragmentPath(doc, s) == Self.documentPath(doc, s), "input \(s.debugDescription)")
        }
        #expect(checked > 1000)
    }

    @Test(arguments: ["<p>a<table>", "x<textarea>y", "a</", "b<", "<template>t</template>", "<svg><![CDATA[x", "<form><form>"])
    func riskyInputsTakeTheDocumentPath(_ s: String) {
        #expect(!HTMX4Runtime.fragmentParseIsEquivalent(Array(s.utf8)))
    }
}
