@testable import HTMLModel

/// A node of ``TestTreeSink``'s in-memory tree. Identity is object identity.
final class TreeTestNode: Equatable {
    enum Kind {
        case document
        case fragment
        case element
        case text
        case comment
        case processingInstruction
        case doctype
    }

    let kind: Kind
    var name = ""
    var namespace: HTMLNamespace = .html
    var attributes: [HTMLAttribute] = []
    /// Text and comment data; the doctype's name.
    var data = ""
    var publicIdentifier = ""
    var systemIdentifier = ""
    var children: [TreeTestNode] = []
    weak var parent: TreeTestNode?
    /// A `template` element's contents (a fragment), made on first use.
    var templateContents: TreeTestNode?

    init(_ kind: Kind) {
        self.kind = kind
    }

    static func == (lhs: TreeTestNode, rhs: TreeTestNode) -> Bool { lhs === rhs }
}

/// An ``HTMLTreeSink`` building a plain Swift tree, dumped in the html5lib tree-construction
/// test format (`| <html>`, `|   <head>`, `"text"`, …).
final class TestTreeSink: HTMLTreeSink {
    let document = TreeTestNode(.document)
    private(set) var quirksMode: HTMLQuirksMode?
    private(set) var errors: [HTMLParseDiagnostic] = []

    var documentHandle: TreeTestNode { document }

    func createElement(name: String, namespace: HTMLNamespace, attributes: [HTMLAttribute]) -> TreeTestNode {
        let node = TreeTestNode(.element)
        node.name = name
        node.namespace = namespace
        node.attributes = attributes
        return node
    }

    func createComment(_ text: String) -> TreeTestNode {
        let node = TreeTestNode(.comment)
        node.data = String(text)
        return node
    }

    func createProcessingInstruction(target: String, data: String) -> TreeTestNode {
        let node = TreeTestNode(.processingInstruction)
        node.name = target
        node.data = data
        return node
    }

    func appendDoctype(name: String, publicIdentifier: String, systemIdentifier: String) {
        let node = TreeTestNode(.doctype)
        node.data = name
        node.publicIdentifier = publicIdentifier
        node.systemIdentifier = systemIdentifier
        append(node, to: document)
    }

    func append(_ child: TreeTestNode, to parent: TreeTestNode) {
        precondition(child.parent == nil, "append of an attached node")
        parent.children.append(child)
        child.parent = parent
    }

    func insert(_ child: TreeTestNode, before sibling: TreeTestNode) {
        precondition(child.parent == nil, "insert of an attached node")
        guard let parent = sibling.parent,
              let index = parent.children.firstIndex(where: { $0 === sibling }) else {
            preconditionFailure("insert before a detached node")
        }
        parent.children.insert(child, at: index)
        child.parent = parent
    }

    func appendText(_ text: Substring, to parent: TreeTestNode) {
        if let last = parent.children.last, last.kind == .text {
            last.data += text
            return
        }
        let node = TreeTestNode(.text)
        node.data = String(text)
        append(node, to: parent)
    }

    func insertText(_ text: Substring, before sibling: TreeTestNode) {
        guard let parent = sibling.parent,
              let index = parent.children.firstIndex(where: { $0 === sibling }) else {
            preconditionFailure("insertText before a detached node")
        }
        if index > 0, parent.children[index - 1].kind == .text {
            parent.children[index - 1].data += text
            return
        }
        let node = TreeTestNode(.text)
        node.data = String(text)
        insert(node, before: sibling)
    }

    func parent(of node: TreeTestNode) -> TreeTestNode? { node.parent }

    func detach(_ node: TreeTestNode) {
        guard let parent = node.parent else { return }
        parent.children.removeAll { $0 === node }
        node.parent = nil
    }

    func reparentChildren(of from: TreeTestNode, to: TreeTestNode) {
        let moved = from.children
        from.children = []
        for child in moved {
            child.parent = nil
            append(child, to: to)
        }
    }

    func addAttributesIfMissing(_ element: TreeTestNode, _ attributes: [HTMLAttribute]) {
        for attribute in attributes where !element.attributes.contains(where: { $0.name == attribute.name }) {
            element.attributes.append(attribute)
        }
    }

    func templateContents(of template: TreeTestNode) -> TreeTestNode {
        if let contents = template.templateContents { return contents }
        let contents = TreeTestNode(.fragment)
        template.templateContents = contents
        return contents
    }

    func setQuirksMode(_ mode: HTMLQuirksMode) {
        quirksMode = mode
    }

    func parseError(_ diagnostic: HTMLParseDiagnostic) {
        errors.append(diagnostic)
    }

    // MARK: Dump

    /// The document in html5lib format.
    func dumpDocument() -> String {
        var lines: [String] = []
        Self.dump(document.children, depth: 0, into: &lines)
        return lines.joined(separator: "\n")
    }

    /// A fragment parse's result: the children of the root `html` element the builder made
    /// (the `index`th, when one sink took several parses).
    func dumpFragment(root index: Int = 0) -> String {
        guard index < document.children.count else { return "" }
        let root = document.children[index]
        var lines: [String] = []
        Self.dump(root.children, depth: 0, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func dump(_ nodes: [TreeTestNode], depth: Int, into lines: inout [String]) {
        let indent = "| " + String(repeating: "  ", count: depth)
        for node in nodes {
            switch node.kind {
            case .element:
                lines.append(indent + "<" + prefix(of: node.namespace) + node.name + ">")
                let attributes = node.attributes
                    .map { (attributeNameString($0.name, on: node.namespace), $0.value) }
                    .sorted { $0.0.utf16.lexicographicallyPrecedes($1.0.utf16) }
                for (name, value) in attributes {
                    lines.append(indent + "  " + name + "=\"" + value + "\"")
                }
                if let contents = node.templateContents {
                    lines.append(indent + "  content")
                    dump(contents.children, depth: depth + 2, into: &lines)
                } else if node.namespace == .html && node.name == "template" {
                    lines.append(indent + "  content")
                }
                dump(node.children, depth: depth + 1, into: &lines)
            case .text:
                lines.append(indent + "\"" + node.data + "\"")
            case .comment:
                lines.append(indent + "<!-- " + node.data + " -->")
            case .processingInstruction:
                lines.append(indent + "<?" + node.name + " " + node.data + ">")
            case .doctype:
                if node.publicIdentifier.isEmpty && node.systemIdentifier.isEmpty {
                    lines.append(indent + "<!DOCTYPE " + node.data + ">")
                } else {
                    lines.append(indent + "<!DOCTYPE " + node.data + " \"" + node.publicIdentifier
                                 + "\" \"" + node.systemIdentifier + "\">")
                }
            case .document, .fragment:
                dump(node.children, depth: depth, into: &lines)
            }
        }
    }

    private static func prefix(of namespace: HTMLNamespace) -> String {
        switch namespace {
        case .html: return ""
        case .svg: return "svg "
        case .mathml: return "math "
        }
    }

    /// The html5lib "attribute name string": the builder keeps qualified names
    /// (`xlink:href`); on SVG and MathML elements the names the "adjust foreign attributes"
    /// table lists are in a namespace, which html5lib writes as `xlink href`.
    private static func attributeNameString(_ name: String, on namespace: HTMLNamespace) -> String {
        guard namespace != .html, let entry = ForeignAdjustments.namespacedForeignAttributes[name] else {
            return name
        }
        let designator: String
        switch entry.namespace {
        case ForeignAdjustments.xlinkNamespace: designator = "xlink"
        case ForeignAdjustments.xmlNamespace: designator = "xml"
        default: designator = "xmlns"
        }
        return designator + " " + entry.localName
    }
}
