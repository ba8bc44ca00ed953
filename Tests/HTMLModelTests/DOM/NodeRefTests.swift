import Testing
@testable import HTMLModel

@Suite("NodeRef and raw name checks")
struct NodeRefTests {
    /// Every node of a parsed page and of a detached subtree: a NodeRef answers what its
    /// Node answers, and walking up by refs visits the nodes walking up by Nodes does.
    @Test func refsAgreeWithNodes() {
        let doc = Document(html: "<!DOCTYPE html><title>t</title><div id=a><p>x<b>y</b></p><!--c--><svg><foreignObject/></svg></div>"
            + "<template><i>in</i></template><p>z</p>")
        let detached = doc.createElement("section")
        detached.append(doc.createElement("em"))
        detached.firstChild!.append(doc.createTextNode("w"))
        var nodes = [doc.node] + doc.node.descendants + [detached] + detached.descendants
        if let template = doc.node.firstDescendant(where: { $0.isHTMLElement(named: "template") }) {
            nodes += RawTreeTestAccess.templateContents(template)
        }
        #expect(nodes.count > 15)
        for node in nodes {
            let ref = node.ref
            #expect(ref.identity == node.identity)
            #expect(ref.kind == node.kind)
            #expect(ref.isElement == node.isElement)
            #expect(ref.parent?.identity == node.parent?.identity, "parent of \(node.nodeName)")
            if node.isElement {
                #expect(ref.elementIndex == node.elementIndex)
                #expect(ref.withLocalNameUTF8 { Array($0) } == Array(node.localName.utf8))
            }
            var up: [UInt] = [], upRefs: [UInt] = []
            var n: Node? = node
            while let c = n { up.append(c.identity); n = c.parent }
            var r: NodeRef? = ref
            while let c = r { upRefs.append(c.identity); r = c.parent }
            #expect(up == upRefs)
        }
    }

    @Test func literalNameComparison() {
        func equals(_ s: String, _ name: StaticString) -> Bool {
            let bytes = Array(s.utf8) + [0]
            return bytes.withUnsafeBufferPointer { RawTree.cStringEquals($0.baseAddress!, name) }
        }
        #expect(equals("template", "template"))
        #expect(!equals("templat", "template"))
        #expect(!equals("templates", "template"))
        #expect(!equals("Template", "template"))
        #expect(!equals("", "template"))
        #expect(equals("", ""))
        #expect(!equals("t", ""))
        #expect(equals("br", "br") && !equals("b", "br") && !equals("bra", "br"))
    }

    @Test func utf8BytesInPlace() {
        let samples = ["", "a", "htmx:beforeCleanupElement", "naïve café 日本", String(repeating: "long text ", count: 40)]
        for s in samples {
            #expect(s.withUTF8Bytes { Array($0) } == Array(s.utf8))
            let sub = s.dropFirst()
            #expect(sub.withUTF8Bytes { Array($0) } == Array(sub.utf8))
        }
    }
}

/// Template contents are not DOM children; the model keeps them as the template node's own
/// libxml2 children, which a test reaches through the raw tree.
enum RawTreeTestAccess {
    static func templateContents(_ template: Node) -> [Node] {
        var out: [Node] = []
        RawTree.forEachDescendant(template.ptr, includingTemplateContents: true) { out.append(Node(template.document, $0)) }
        return out
    }
}
