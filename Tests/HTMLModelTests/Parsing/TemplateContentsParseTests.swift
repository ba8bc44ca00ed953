@testable import HTMLModel
import Testing

/// `Document.parseTemplateContents` resumes a document parse inside a kept
/// `<html><body><template>` wrapper instead of parsing the wrapper each time. These tests hold
/// it to the whole parse it stands for, on every html5lib tree-construction input and on the
/// inputs where the state left by the wrapper matters.
@Suite("Template contents parsed inside a kept wrapper")
struct TemplateContentsParseTests {
    /// The template's contents after parsing `prefix + input + suffix` as a whole document.
    static func wholeParse(_ input: String, prefix: String, suffix: String) -> String {
        let doc = Document()
        let parsed = doc.parseDetachedDocument(Array((prefix + input + suffix).utf8))
        let template = parsed.root.firstDescendant { $0.isHTMLElement(named: "template") }
        return dump(template?.templateContentNodes ?? [])
    }

    static func resumedParse(_ input: String, in doc: Document = Document()) -> String? {
        doc.parseTemplateContents(Array(input.utf8)).map { dump($0.childNodes) }
    }

    /// Kind, namespace, name, attributes and text of every node, nested: what innerHTML
    /// would not show (namespaces) included.
    static func dump(_ nodes: [Node], depth: Int = 0) -> String {
        var out = ""
        for n in nodes {
            out += String(repeating: " ", count: depth)
            switch n.kind {
            case .element:
                out += "<\(n.namespace) \(n.localName)"
                for a in n.attributes { out += " \(a.name)=\"\(a.value)\"" }
                out += ">\n" + dump(n.childNodes + n.templateContentNodes, depth: depth + 1)
            default:
                out += "\(n.kind) \((n.textContent ?? "").debugDescription)\n"
            }
        }
        return out
    }

    static let wrappers = [("<body><template class=\"internal-htmx-wrapper\">", "</template></body>"), ("<template>", "</template>")]

    @Test("every html5lib input the shortcut takes builds what the wrapped whole parse builds")
    func html5libInputs() {
        var compared = 0
        for testCase in TreeConstructionCase.all where testCase.context == nil {
            // Declined (the caller parses the whole text): a `</template`, or an input
            // ending inside a tag, comment, raw text or CDATA section.
            guard let resumed = Self.resumedParse(testCase.input) else { continue }
            for (prefix, suffix) in Self.wrappers {
                let whole = Self.wholeParse(testCase.input, prefix: prefix, suffix: suffix)
                #expect(resumed == whole, "\(testCase.id) after \(prefix)\ninput: \(testCase.input.debugDescription)")
            }
            compared += 1
        }
        #expect(compared > 1200, "the shortcut takes most inputs")
    }

    @Test("inputs where the wrapper's state shows", arguments: [
        ("<p><table><tr><td>quirks: the table stays in the p", true),
        ("<form id=a><form id=b>nested forms are both kept</form></form>", true),
        ("<table><form>ignored inside a table</form><tr><td>x", true),
        ("<html lang=x><body class=y><frameset><head><title>t</title>", true),
        ("</body></html>after the end tags<br>", true),
        ("<template>nested, never closed", true),
        ("<b><p>misnested</b>formatting<a><table><a>", true),
        ("<tr><td>row first</td></tr>", true),
        ("<svg><title>svg</title><foreignObject><p>html</p></foreignObject></svg><math><mi>x", true),
        ("<select><option>a<option>b</select><textarea>\n<b>t</b></textarea>&amp", true),
        ("", true),
        // The wrapper's closing tags would be taken in: declined.
        ("<!DOCTYPE html><!--comment--><plaintext>text", false),
        ("<div title=\"unterminated", false),
        ("<textarea>open", false),
        ("<script>open", false),
        ("<!-- open comment", false),
        ("<svg><![CDATA[open", false),
        ("a<", false),
        ("<p>closes the wrapper</TEMPLATE>after", false),
    ])
    func wrapperState(_ input: String, resumes: Bool) {
        let resumed = Self.resumedParse(input)
        #expect((resumed != nil) == resumes)
        guard let resumed else { return }
        for (prefix, suffix) in Self.wrappers {
            #expect(resumed == Self.wholeParse(input, prefix: prefix, suffix: suffix), "after \(prefix)")
        }
    }

    @Test func endTemplateIsDetectedInAnyCase() {
        #expect(Document.mayEndTemplate(Array("a</TeMpLaTe>".utf8)))
        #expect(Document.mayEndTemplate(Array("</template".utf8)))
        #expect(!Document.mayEndTemplate(Array("</templat".utf8)))
        #expect(!Document.mayEndTemplate(Array("< /template>".utf8)))
        #expect(!Document.mayEndTemplate(Array("<template>".utf8)))
    }

    @Test func theWrapperIsReusedAndLeftEmpty() throws {
        let doc = Document(html: "<!DOCTYPE html><body><ul id=u></ul>")
        for k in 0..<3 {
            let fragment = try #require(doc.parseTemplateContents(Array("<li id=i\(k)>\(k)</li>".utf8)))
            #expect(fragment.kind == .fragment && fragment.parent == nil)
            try #require(doc.element(byID: "u")).append(fragment)
        }
        #expect(doc.element(byID: "u")?.innerHTML == #"<li id="i0">0</li><li id="i1">1</li><li id="i2">2</li>"#)
        let wrapper = try #require(doc.templateWrapper)
        #expect(wrapper.pointee.children?.pointee.children?.pointee.children == nil, "the kept template is empty")
        doc.releaseDetachedNodes()
        #expect(doc.templateWrapper == wrapper, "a release does not free the kept wrapper")
        #expect(Self.resumedParse("<p>after release", in: doc) == "<html p>\n text \"after release\"\n")
    }
}
