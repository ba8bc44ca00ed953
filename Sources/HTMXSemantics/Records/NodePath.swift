import HTMLModel

/// The result format's PATH of a node (`Conformance/FORMAT.md`, "PATH"): `document`, `#ID`
/// for an element with a non-empty id, otherwise the chain from the root (`html`, then bare
/// tag names for the root's children, then `tag:nth-child(K)`), with non-element nodes as
/// `#text(K)` among all child nodes, and `detached: ` before nodes outside the document.
public enum NodePath {
    public static func of(_ node: Node) -> String {
        of(node, cache: nil)
    }

    /// The PATH of `node`, reusing (and filling) `cache` for the chains of its ancestors.
    public static func of(_ node: Node, cache: NodePathCache?) -> String {
        if node.kind == .document { return "document" }
        // The reference writes `#ID` for an element with an id whether or not it is still in
        // the document (removed swap targets appear as `#t` in the corpus).
        if let id = nonEmptyID(node) { return "#" + id }
        let path = chain(node, cache)
        return node.isConnected ? path : "detached: " + path
    }

    /// An element's id when it has a non-empty one (one attribute lookup: every recorded
    /// event asks this of its target).
    private static func nonEmptyID(_ node: Node) -> String? {
        guard node.isElement, let id = node.attribute("id"), !id.isEmpty else { return nil }
        return id
    }

    private static func chain(_ node: Node, _ cache: NodePathCache?) -> String {
        if node.isElement { return elementChain(node, cache) }
        // A non-element node is its parent's PATH (which may be `#ID`) plus `#text(K)`.
        if let parent = node.parent, parent.kind != .document, parent.kind != .fragment {
            let parentPath = nonEmptyID(parent).map { "#" + $0 } ?? chain(parent, cache)
            return parentPath + " > \(node.nodeName)(\(node.childIndex))"
        }
        var parts: [String] = []
        var cur: Node? = node
        while let n = cur {
            if n.kind == .document { break }
            if n.isElement {
                parts.append(elementChain(n, cache))
                break
            }
            parts.append("\(n.nodeName)(\(n.childIndex))")
            if n.parent == nil { break }
            cur = n.parent
        }
        return parts.reversed().joined(separator: " > ")
    }

    /// The chain of an element, ids ignored (what it contributes as an ancestor): its bare
    /// name under the document, a fragment or nothing, else its parent's chain and
    /// `tag:nth-child(K)` (a bare name for the root element's children). Iterative, so deep
    /// trees cannot exhaust the stack.
    private static func elementChain(_ element: Node, _ cache: NodePathCache?) -> String {
        cache?.validate(for: element.document)
        // Walk up to the first ancestor whose chain is known (or the top), then build down.
        var pending: [(node: Node, name: String, index: Int?)] = []
        var prefix = ""
        var cur = element
        while true {
            if let hit = cache?.chains[cur] {
                prefix = hit
                break
            }
            let name = lowerCaseName(cur)
            guard let parent = cur.parent, parent.kind != .fragment, parent.kind != .document else {
                pending.append((cur, name, nil))
                break
            }
            pending.append((cur, name, parent.parent?.kind == .document ? nil : cur.elementIndex))
            cur = parent
        }
        for (node, name, index) in pending.reversed() {
            prefix = chain(prefix, name, index)
            cache?.chains[node] = prefix
        }
        return prefix
    }

    /// The local name, lower-cased (HTML names already are; foreign ones may not be).
    private static func lowerCaseName(_ element: Node) -> String {
        let name = element.localName
        return name.utf8.contains(where: { $0 &- 0x41 < 26 }) ? name.lowercased() : name
    }

    /// `prefix > name:nth-child(index)` (the separator only after a prefix, the index only
    /// when given), with its length reserved up front: PATHs run to tens of bytes, and the
    /// piecewise concatenation regrew each one several times.
    private static func chain(_ prefix: String, _ name: String, _ index: Int?) -> String {
        let digits = index.map { String($0) }
        var out = ""
        out.reserveCapacity(prefix.utf8.count + 3 + name.utf8.count + (digits.map { 12 + $0.utf8.count } ?? 0))
        if !prefix.isEmpty {
            out += prefix
            out += " > "
        }
        out += name
        if let digits {
            out += ":nth-child("
            out += digits
            out += ")"
        }
        return out
    }
}

/// Ancestor chains computed by ``NodePath/of(_:cache:)``, valid while the document's
/// ``Document/structureVersion`` is unchanged (a chain depends only on tree shape and tag
/// names, never on attributes). Events fired in a row share most of their ancestors.
public final class NodePathCache {
    fileprivate var chains: [Node: String] = [:]
    private var document: ObjectIdentifier?
    private var version: UInt = 0

    public init() {}

    fileprivate func validate(for doc: Document) {
        let id = ObjectIdentifier(doc)
        let v = doc.structureVersion
        if document != id || version != v {
            // Keys of another shape may name nodes since freed: drop them all.
            chains.removeAll(keepingCapacity: true)
            document = id
            version = v
        }
    }
}
