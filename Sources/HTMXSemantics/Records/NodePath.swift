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
        record(node, cache: cache ?? NodePathCache()).description
    }

    /// The PATH of `node` as the recorder keeps it: a chain is one new step in `cache`'s
    /// table after the remembered steps of its ancestors; `#ID` and `document` are the table's
    /// one step for each.
    public static func record(_ node: Node, cache: NodePathCache) -> RecordedPath {
        cache.record(node)
    }
}

/// Builds chain PATHs as steps of a ``PathTable`` and remembers the steps of recent
/// elements, valid while the document's ``Document/structureVersion`` is unchanged (a chain
/// depends only on tree shape and tag names, never on attributes). Events fired in a row
/// share most of their ancestors, so a PATH usually costs one lookup and one new step.
public final class NodePathCache {
    private struct Slot {
        var identity: UInt = 0
        var generation: UInt = 0
        var step: Int32 = -1
    }

    private struct NameSlot {
        var bytes: [UInt8] = []
        var name: Int32 = -1
    }

    // Read and written for every recorded event, never by two accesses at once: no runtime
    // exclusivity checks.
    @exclusivity(unchecked) let table = PathTable()
    /// Direct-mapped by node address; a slot from an older generation or of another node is
    /// a miss. Allocated on first use (a one-off PATH needs none).
    @exclusivity(unchecked) private var slots: [Slot] = []
    private static let slotCount = 256
    /// Interned names by their bytes, direct-mapped.
    @exclusivity(unchecked) private var nameSlots: [NameSlot] = []
    private static let nameSlotCount = 64
    @exclusivity(unchecked) private var generation: UInt = 1
    /// The step spelling `document`, once made.
    @exclusivity(unchecked) private var documentStep: Int32 = -1
    private var document: ObjectIdentifier?
    private var version: UInt = 0
    /// The chain walked up by `elementStep`, with each element's nth-child index (-1: a bare
    /// name).
    @exclusivity(unchecked) private var pending: [(node: NodeRef, index: Int32)] = []

    public init() {}

    private func validate(for doc: Document) {
        let id = ObjectIdentifier(doc)
        let v = doc.structureVersion
        if document != id || version != v {
            document = id
            version = v
            generation &+= 1
        }
    }

    fileprivate func record(_ node: Node) -> RecordedPath {
        let (step, detached) = recordStep(node)
        return RecordedPath(table: table, step: step, detached: detached)
    }

    /// A node's PATH as a step of ``table``: what the recorder stores, without a
    /// ``RecordedPath`` made and taken apart per event.
    func recordStep(_ node: Node) -> (step: Int32, detached: Bool) {
        // The reference writes `#ID` for an element with an id whether or not it is still in
        // the document (removed swap targets appear as `#t` in the corpus).
        if let id = idStep(node.ref) { return (id, false) }
        if node.kind == .document {
            if documentStep < 0 { documentStep = table.add(parent: -1, name: table.addName("document"), index: 0, kind: .bare) }
            return (documentStep, false)
        }
        validate(for: node.document)
        return (step(node), !node.isConnected)
    }

    /// The last step of `node`'s PATH: an element's chain step; for any other node its
    /// parent's PATH (`#ID` when the parent has an id, nothing under the document or without
    /// a parent) and then `#text(K)`.
    private func step(_ node: Node) -> Int32 {
        if node.isElement { return elementStep(node) }
        var parentStep: Int32 = -1
        if let parent = node.parent, parent.kind != .document {
            parentStep = idStep(parent.ref) ?? step(parent)
        }
        return table.add(parent: parentStep, name: node.nodeName.withUTF8Bytes { intern($0, lowerCasing: false) },
                         index: node.childIndex, kind: .node)
    }

    /// The step of an element's chain, ids ignored (what it contributes as an ancestor): its
    /// bare name under the document, a fragment or nothing, else its parent's chain and
    /// `tag:nth-child(K)` (a bare name for the root element's children). Iterative, so deep
    /// trees cannot exhaust the stack; walked on ``NodeRef``s, which count no references.
    private func elementStep(_ element: Node) -> Int32 {
        // Walk up to the first ancestor whose step is remembered (or the top), then add down.
        defer { pending.removeAll(keepingCapacity: true) }
        var step: Int32 = -1
        var cur = element.ref
        while true {
            if let hit = remembered(cur.identity) {
                step = hit
                break
            }
            guard let parent = cur.parent, parent.kind != .fragment, parent.kind != .document else {
                pending.append((cur, -1))
                break
            }
            pending.append((cur, parent.parent?.kind == .document ? -1 : Int32(truncatingIfNeeded: cur.elementIndex)))
            cur = parent
        }
        var i = pending.count
        while i > 0 {
            i -= 1
            let (node, index) = pending[i]
            let name = node.withLocalNameUTF8 { intern($0, lowerCasing: true) }
            step = table.add(parent: step, name: name, index: index < 0 ? 0 : Int(index), kind: index < 0 ? .bare : .element)
            remember(node.identity, step)
        }
        return step
    }

    /// The `#ID` step of an element with a non-empty id, read in place (every recorded event
    /// asks this of its target, and most targets have ids).
    private func idStep(_ node: NodeRef) -> Int32? {
        guard node.isElement else { return nil }
        var step: Int32?
        _ = node.withAttributeUTF8("id") { id in
            if !id.isEmpty { step = table.idStep(id) }
        }
        return step
    }

    private func slot(_ identity: UInt) -> Int {
        Int(truncatingIfNeeded: (identity >> 4 ^ identity >> 12) & UInt(Self.slotCount - 1))
    }

    private func remembered(_ identity: UInt) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let s = slots[slot(identity)]
        return s.identity == identity && s.generation == generation ? s.step : nil
    }

    private func remember(_ identity: UInt, _ step: Int32) {
        if slots.isEmpty { slots = Array(repeating: Slot(), count: Self.slotCount) }
        slots[slot(identity)] = Slot(identity: identity, generation: generation, step: step)
    }

    /// The table's index of a name given as bytes; with `lowerCasing`, a name with ASCII
    /// capitals (a foreign element's) is stored as `String.lowercased()` gives it.
    private func intern(_ bytes: UnsafeBufferPointer<UInt8>, lowerCasing: Bool) -> Int32 {
        var h = UInt32(truncatingIfNeeded: bytes.count)
        for c in bytes { h = h &* 31 &+ UInt32(c) }
        let slot = Int((h ^ h >> 7) & UInt32(Self.nameSlotCount - 1))
        if nameSlots.isEmpty { nameSlots = Array(repeating: NameSlot(), count: Self.nameSlotCount) }
        if nameSlots[slot].name >= 0, nameSlots[slot].bytes.withUnsafeBufferPointer({ PathTable.bytesEqual($0, bytes) }) {
            return nameSlots[slot].name
        }
        var name = String(decoding: bytes, as: UTF8.self)
        if lowerCasing, bytes.contains(where: { $0 &- 0x41 < 26 }) { name = name.lowercased() }
        let index = table.addName(name)
        nameSlots[slot] = NameSlot(bytes: Array(bytes), name: index)
        return index
    }
}
