import CLibXML2

/// Connected elements by `id`, kept current by every mutation that connects or disconnects
/// an element or changes its `id`, so `getElementById` never walks the tree.
struct IDIndex {
    private enum Entry {
        case one(xmlNodePtr)
        case many([xmlNodePtr])
    }

    private var table: [String: Entry] = [:]

    var isEmpty: Bool { table.isEmpty }

    mutating func removeAll() { table.removeAll(keepingCapacity: true) }

    // Each update hashes the id once: a lookup for the slot, then changes made in place
    // (every swap indexes the ids of what it inserts and unindexes what it removes).
    mutating func add(_ id: String, _ node: xmlNodePtr) {
        guard !id.isEmpty else { return }
        guard let i = table.index(forKey: id) else {
            table[id] = .one(node)
            return
        }
        switch table.values[i] {
        case .one(let existing) where existing != node: table.values[i] = .many([existing, node])
        case .many(var list) where !list.contains(node):
            table.values[i] = .one(node)  // drops the stored list's reference: appended in place
            list.append(node)
            table.values[i] = .many(list)
        default: break
        }
    }

    mutating func remove(_ id: String, _ node: xmlNodePtr) {
        guard !id.isEmpty, let i = table.index(forKey: id) else { return }
        switch table.values[i] {
        case .one(let existing) where existing == node: table.remove(at: i)
        case .many(var list):
            table.values[i] = .one(node)  // drops the stored list's reference: edited in place
            list.removeAll { $0 == node }
            table.values[i] = list.count == 1 ? .one(list[0]) : .many(list)
        default: break
        }
    }

    /// Calls `body` with every connected element with this id, in tree order, without an
    /// array for the usual single one.
    func forEach(_ id: String, _ body: (xmlNodePtr) -> Void) {
        switch table[id] {
        case nil: return
        case .one(let p): body(p)
        case .many(let list) where list.count > Self.sortedHoldersLimit: Self.inTreeOrder(list, body)
        case .many(let list): list.sorted(by: TreeOrder.precedes).forEach(body)
        }
    }

    /// Past this many holders of one id, they are put in tree order by one walk of the
    /// document rather than by comparing them (ordering siblings walks the sibling list, so
    /// sorting thousands of elements sharing an id was quadratic and worse).
    static let sortedHoldersLimit = 16

    /// Calls `body` with the connected elements of `list` in tree order, walking the
    /// document until all are found.
    private static func inTreeOrder(_ list: [xmlNodePtr], _ body: (xmlNodePtr) -> Void) {
        guard let doc = list.first?.pointee.doc else { return }
        let top = UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self)
        let wanted = Set(list)
        var left = wanted.count
        _ = RawTree.firstDescendant(top) { p in
            if wanted.contains(p) {
                body(p)
                left -= 1
            }
            return left == 0
        }
    }

    /// How many connected elements have this id.
    func count(_ id: String) -> Int {
        switch table[id] {
        case nil: return 0
        case .one: return 1
        case .many(let list): return list.count
        }
    }

    /// The first element in tree order with this id.
    func lookup(_ id: String) -> xmlNodePtr? {
        switch table[id] {
        case nil: return nil
        case .one(let p): return p
        case .many(let list): return list.min(by: TreeOrder.precedes)
        }
    }
}

/// Document-order comparison of two connected nodes.
enum TreeOrder {
    static func precedes(_ a: xmlNodePtr, _ b: xmlNodePtr) -> Bool {
        if a == b { return false }
        let pa = ancestry(a), pb = ancestry(b)
        var i = 0
        while i < pa.count, i < pb.count, pa[i] == pb[i] { i += 1 }
        if i == pa.count { return true }   // a is an ancestor of b
        if i == pb.count { return false }  // b is an ancestor of a
        // pa[i] and pb[i] are siblings: which comes first?
        var s = pa[i].pointee.next
        while let n = s {
            if n == pb[i] { return true }
            s = n.pointee.next
        }
        return false
    }

    private static func ancestry(_ p: xmlNodePtr) -> [xmlNodePtr] {
        var chain: [xmlNodePtr] = []
        var cur: xmlNodePtr? = p
        while let c = cur { chain.append(c); cur = c.pointee.parent }
        return chain.reversed()
    }
}
