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
        let builder = cache ?? NodePathCache()
        builder.validate(for: node.document)
        let path = builder.chain(node)
        return node.isConnected ? path : "detached: " + path
    }

    /// An element's id when it has a non-empty one (one attribute lookup: every recorded
    /// event asks this of its target).
    fileprivate static func nonEmptyID(_ node: Node) -> String? {
        guard node.isElement, let id = node.attribute("id"), !id.isEmpty else { return nil }
        return id
    }
}

/// Builds PATH chains and remembers those of recent elements, valid while the document's
/// ``Document/structureVersion`` is unchanged (a chain depends only on tree shape and tag
/// names, never on attributes). Events fired in a row share most of their ancestors, so a
/// PATH is usually one remembered chain plus one step, assembled as bytes: Swift's piecewise
/// `String` appends cost several times the copy itself.
public final class NodePathCache {
    private struct Slot {
        var identity: UInt
        var generation: UInt
        var chain: String
    }

    /// Direct-mapped by node address; a slot from an older generation or another node is a
    /// miss. Allocated on first use (a one-off PATH needs none).
    private var slots: [Slot?] = []
    private static let slotCount = 256
    private var generation: UInt = 0
    private var document: ObjectIdentifier?
    private var version: UInt = 0
    /// Scratch space reused by every step.
    private var bytes: [UInt8] = []
    private var pending: [(node: Node, index: Int?)] = []

    public init() {}

    fileprivate func validate(for doc: Document) {
        let id = ObjectIdentifier(doc)
        let v = doc.structureVersion
        if document != id || version != v {
            document = id
            version = v
            generation &+= 1
        }
    }

    fileprivate func chain(_ node: Node) -> String {
        if node.isElement { return elementChain(node) }
        // A non-element node is its parent's PATH (which may be `#ID`) plus `#text(K)`.
        if let parent = node.parent, parent.kind != .document, parent.kind != .fragment {
            let parentPath = NodePath.nonEmptyID(parent).map { "#" + $0 } ?? chain(parent)
            return step(after: parentPath, node.nodeName.utf8, lowerCasing: false, opener: "(", index: node.childIndex)
        }
        var parts: [String] = []
        var cur: Node? = node
        while let n = cur {
            if n.kind == .document { break }
            if n.isElement {
                parts.append(elementChain(n))
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
    private func elementChain(_ element: Node) -> String {
        // Walk up to the first ancestor whose chain is known (or the top), then build down.
        defer { pending.removeAll(keepingCapacity: true) }
        var prefix = ""
        var cur = element
        while true {
            if let hit = remembered(cur) {
                prefix = hit
                break
            }
            guard let parent = cur.parent, parent.kind != .fragment, parent.kind != .document else {
                pending.append((cur, nil))
                break
            }
            pending.append((cur, parent.parent?.kind == .document ? nil : cur.elementIndex))
            cur = parent
        }
        var i = pending.count
        while i > 0 {
            i -= 1
            let (node, index) = pending[i]
            prefix = node.withLocalNameUTF8 { step(after: prefix, $0, lowerCasing: true, opener: ":nth-child(", index: index) }
            remember(node, prefix)
        }
        return prefix
    }

    private func slot(_ node: Node) -> Int {
        let a = node.identity
        return Int(truncatingIfNeeded: (a >> 4 ^ a >> 12) & UInt(Self.slotCount - 1))
    }

    private func remembered(_ node: Node) -> String? {
        guard !slots.isEmpty, let s = slots[slot(node)], s.identity == node.identity, s.generation == generation else { return nil }
        return s.chain
    }

    private func remember(_ node: Node, _ chain: String) {
        if slots.isEmpty { slots = Array(repeating: nil, count: Self.slotCount) }
        slots[slot(node)] = Slot(identity: node.identity, generation: generation, chain: chain)
    }

    /// `prefix > name` then, with an index, `opener K)`; the separator only after a
    /// prefix. With `lowerCasing`, a name with ASCII capitals (a foreign element's) is
    /// lower-cased as `String.lowercased()` does.
    private func step<Name: Collection>(after prefix: String, _ name: Name, lowerCasing: Bool, opener: StaticString, index: Int?) -> String
    where Name.Element == UInt8 {
        bytes.removeAll(keepingCapacity: true)
        if !prefix.isEmpty {
            bytes.append(contentsOf: prefix.utf8)
            bytes.append(contentsOf: [0x20, 0x3E, 0x20])
        }
        if lowerCasing, name.contains(where: { $0 &- 0x41 < 26 }) {
            bytes.append(contentsOf: String(decoding: name, as: UTF8.self).lowercased().utf8)
        } else {
            bytes.append(contentsOf: name)
        }
        if let index {
            bytes.append(contentsOf: UnsafeBufferPointer(start: opener.utf8Start, count: opener.utf8CodeUnitCount))
            appendDecimal(index)
            bytes.append(0x29)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendDecimal(_ n: Int) {
        var v = n.magnitude
        if n < 0 { bytes.append(0x2D) }
        let start = bytes.count
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: v % 10) &+ 0x30)
            v /= 10
        } while v > 0
        bytes[start...].reverse()
    }
}
