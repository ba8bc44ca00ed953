@testable import HTMLModel
import Testing

/// `Document.parseTemplateContents` resumes a document parse inside a kept
/// `<html><body><template>` wrapper instead of parsing the wrapper each time, and parses the
/// whole wrapped text where that could differ. These tests hold both to the whole parse, on
/// every html5lib tree-construction input and on the inputs where the state left by the
/// wrapper matters.
@Suite("Template contents parsed inside a kept wrapper")
struct TemplateContentsParseTests {
    /// The template's contents after parsing `prefix + input + suffix` as a whole document.
    static func wholeParse(_ input: String, prefix: String, suffix: String) -> String {
        let doc = Document()
        let parsed = doc.parseDetachedDocument(Array((prefix + input + suffix).utf8))
        let template = parsed.root.firstDescendant { $0.isHTMLElement(named: "template") }
        return dump(template?.templateContentNodes ?? [])
    }

    /// The shortcut alone: nil when it declines.
    static func resumedParse(_ input: String, in doc: Document = Document()) -> String? {
        doc.resumeInsideKeptWrapper(Array(input.utf8)).map { dump($0.childNodes) }
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
    static let apiWrappers: [Document.TemplateWrapper] = [.insideBody, .leading]

    @Test("every html5lib input parses as the content of either wrapper, shortcut or not")
    func html5libInputsThroughTheAPI() {
        for testCase in TreeConstructionCase.all where testCase.context == nil {
            for ((prefix, suffix), wrapper) in zip(Self.wrappers, Self.apiWrappers) {
                let doc = Document()
                let parsed = doc.parseTemplateContents(Array(testCase.input.utf8), wrapper: wrapper)
                let whole = doc.parseDetachedDocument(Array((prefix + testCase.input + suffix).utf8))
                #expect(Self.dump(parsed.fragment.childNodes) == Self.wholeParse(testCase.input, prefix: prefix, suffix: suffix),
                        "\(testCase.id) after \(prefix)\ninput: \(testCase.input.debugDescription)")
                #expect(parsed.title == whole.title, "\(testCase.id) after \(prefix)")
                #expect(parsed.fragment.kind == .fragment && parsed.fragment.parent == nil)
            }
        }
    }

    @Test("every html5lib input the shortcut takes builds what the wrapped whole parse builds")
    func html5libInputs() {
        var compared = 0
        for testCase in TreeConstructionCase.all where testCase.context == nil {
            // Declined (the caller parses the whole text): the wrapper's end tag, or an
            // input ending inside a tag, comment, raw text or CDATA section.
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
        // The wrapper's own end tag, however reached: declined.
        ("<p>closes the wrapper</TEMPLATE>after", false),
        ("<template>inner</template></template >after", false),
        ("<table><tr><td>cell</template><p>after", false),
        ("<svg><g></template>after", false),
        // An inner template's end tag leaves the wrapper open.
        ("<template><p>inner</p></TEMPLATE><p>after</p>", true),
        ("<template><template>a</template>b</template>c", true),
        ("<svg><template></template></svg>foreign template", true),
    ])
    func wrapperState(_ input: String, resumes: Bool) {
        let resumed = Self.resumedParse(input)
        #expect((resumed != nil) == resumes)
        guard let resumed else { return }
        for (prefix, suffix) in Self.wrappers {
            #expect(resumed == Self.wholeParse(input, prefix: prefix, suffix: suffix), "after \(prefix)")
        }
    }

    /// A declined parse that met the wrapper's end tag stopped there: the kept wrapper is
    /// unchanged and serves the next response.
    @Test func theWrapperSurvivesItsEndTag() throws {
        let doc = Document()
        #expect(Self.resumedParse("<p>a</template><p id=outside>b</body></html><p>c", in: doc) == nil)
        let wrapper = try #require(doc.templateWrapper)
        #expect(Self.resumedParse("<p>next", in: doc) == "<html p>\n text \"next\"\n")
        #expect(doc.templateWrapper == wrapper)
    }

    @Test func theWrapperIsReusedAndLeftEmpty() throws {
        let doc = Document(html: "<!DOCTYPE html><body><ul id=u></ul>")
        for k in 0..<3 {
            let fragment = try #require(doc.resumeInsideKeptWrapper(Array("<li id=i\(k)>\(k)</li>".utf8)))
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
