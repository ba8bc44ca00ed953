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

    /// The ref-predicate scans find what the Node-predicate scans find: elements only, tree
    /// order, template contents not entered, attribute names as `hasAttribute` matches them.
    @Test func elementScansMatchNodeScans() {
        let doc = Document(html: "<div id=r><p ID=a hx-on:click=x>t<b data-x id=b></b></p><!--c-->"
            + "<template><i id=hidden></i></template><svg viewBox='0 0 1 1' id=s><g id='g'/></svg><span hx-on-load=y></span></div>")
        let root = doc.node.firstDescendant(where: { $0.id == "r" })!
        let prefixes = [Array("hx-on:".utf8), Array("hx-on-".utf8)]
        for name in ["id", "data-x", "viewbox", "viewBox", "missing"] {
            let expected = root.descendants(where: { $0.isElement && $0.hasAttribute(name) }).map(\.identity)
            #expect(root.descendantElements(where: { $0.hasAttribute(name) }).map(\.identity) == expected, "[\(name)]")
            #expect(root.firstDescendantElement(where: { $0.hasAttribute(name) })?.identity == expected.first)
        }
        #expect(root.descendantElements(where: { $0.hasAttribute("id") }).map(\.id) == ["a", "b", "s", "g"])
        let hxOn = root.descendantElements(where: { $0.containsAttributeName(withPrefixIn: prefixes) })
        #expect(hxOn.map(\.localName) == ["p", "span"])
        #expect(hxOn.map(\.identity) == root.descendants(where: { $0.containsAttributeName(withPrefixIn: prefixes) }).map(\.identity))
        #expect(root.descendantElements(where: { _ in true }).count == root.descendants(where: \.isElement).count)
        // Every name check a ref offers answers as the node's does, on every element.
        let exact = [Array("data-x".utf8), Array("hx-on:click".utf8)], folded = Node.foldedAttributeNames(["viewbox", "id"])
        var visited: [UInt] = []
        root.forEachDescendantElement { ref in
            let node = root.sameDocumentNode(ref)
            visited.append(node.identity)
            #expect(node.identity == ref.identity)
            #expect(ref.containsAttributeName(in: exact) == node.containsAttributeName(in: exact))
            #expect(ref.containsAttributeName(caseInsensitivelyIn: folded) == node.containsAttributeName(caseInsensitivelyIn: folded))
            for tag in ["p", "b", "svg", "g", "span", "i"] {
                #expect(ref.isHTMLElement(named: tag) == node.isHTMLElement(named: tag), "\(tag) on \(node.localName)")
            }
        }
        #expect(visited == root.descendants(where: \.isElement).map(\.identity))
        #expect(root.descendantElements(where: { $0.containsAttributeName(in: exact) }).map(\.localName) == ["p", "b"])
        #expect(!root.containsAttributeName(in: [Array("ID".utf8)]), "exact names, as stored (lower-cased by the parser)")
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
