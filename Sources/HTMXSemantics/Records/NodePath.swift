import HTMLModel

/// The result format's PATH of a node (`Conformance/FORMAT.md`, "PATH"): `document`, `#ID`
/// for an element with a non-empty id, otherwise the chain from the root (`html`, then bare
/// tag names for the root's children, then `tag:nth-child(K)`), with non-element nodes as
/// `#text(K)` among all child nodes, and `detached: ` before nodes outside the document.
public enum NodePath {
    public static func of(_ node: Node) -> String {
        if node.kind == .document { return "document" }
        // The reference writes `#ID` for an element with an id whether or not it is still in
        // the document (removed swap targets appear as `#t` in the corpus).
        if node.isElement, !node.id.isEmpty { return "#" + node.id }
        let path = chain(node)
        return node.isConnected ? path : "detached: " + path
    }

    private static func chain(_ node: Node) -> String {
        // A non-element node is its parent's PATH (which may be `#ID`) plus `#text(K)`.
        if !node.isElement, let parent = node.parent, parent.kind != .document, parent.kind != .fragment {
            return chain(parent) + " > \(node.nodeName)(\(node.childIndex))"
        }
        var parts: [String] = []
        var cur: Node? = node
        while let n = cur {
            if n.kind == .document { break }
            if n.isElement {
                let id = n.id
                if n == node && !id.isEmpty {
                    parts.append("#" + id)
                    break
                }
                let name = n.localName.lowercased()
                guard let parent = n.parent, parent.kind != .fragment else {
                    parts.append(name)
                    break
                }
                if parent.kind == .document {
                    parts.append(name)
                } else if parent.parent?.kind == .document {
                    parts.append(name)
                } else {
                    parts.append("\(name):nth-child(\(n.elementIndex))")
                }
            } else {
                parts.append("\(n.nodeName)(\(n.childIndex))")
                if n.parent == nil { break }
            }
            cur = n.parent
        }
        return parts.reversed().joined(separator: " > ")
    }
}
