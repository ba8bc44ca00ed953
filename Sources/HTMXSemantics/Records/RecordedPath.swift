import HTMLModel

/// A PATH (`Conformance/FORMAT.md`, "PATH") as the recorder keeps it. A run records tens of
/// events per message, nearly all on elements whose ancestors earlier events already
/// named, so a chain PATH is kept as its last step in a ``PathTable`` (which links each step
/// to its parent's) and spelled out only when it is written or read.
public struct RecordedPath: Equatable, Sendable, CustomStringConvertible {
    private enum Form: Sendable {
        case text(String)
        case step(PathTable, Int32, detached: Bool)
    }

    private let form: Form

    public init(_ text: String) { form = .text(text) }

    init(table: PathTable, step: Int32, detached: Bool) {
        form = .step(table, step, detached: detached)
    }

    /// The table step a chain or `#ID` PATH is, nil for a PATH given as text.
    var tableStep: (table: PathTable, step: Int32, detached: Bool)? {
        if case .step(let table, let step, let detached) = form { return (table, step, detached) }
        return nil
    }

    /// The PATH text.
    public var description: String {
        switch form {
        case .text(let s): return s
        case .step:
            let bytes = GrowableBytes(capacity: 128)
            Writer().write(self, into: bytes)
            return String(decoding: bytes.bytes, as: UTF8.self)
        }
    }

    public static func == (a: RecordedPath, b: RecordedPath) -> Bool {
        a.description == b.description
    }

    /// Spells out recorded PATHs as UTF-8. Consecutive records mostly share all but their
    /// last step or two, so a writer keeps the text of the last chain it spelled and copies
    /// the shared prefix instead of spelling it again.
    public final class Writer {
        // Used once per written record, never by two accesses at once: no runtime
        // exclusivity checks.
        @exclusivity(unchecked) private var table: ObjectIdentifier?
        /// The last chain's steps, root first, each with the end of its text in `text`.
        @exclusivity(unchecked) private var last: [(step: Int32, end: Int)] = []
        private let text = GrowableBytes(capacity: 256)
        @exclusivity(unchecked) private var chain: [Int32] = []

        public init() {}

        /// Appends the PATH text's UTF-8 bytes to `out`.
        public func write(_ path: RecordedPath, into out: GrowableBytes) {
            switch path.form {
            case .text(let s): out.append(s)
            case .step(let table, let step, let detached):
                if detached { out.append("detached: " as StaticString) }
                // Most PATHs written are one step (`#ID`, `document`): its text goes straight
                // out, and the last chain's text stays for the next chain.
                if table.parent(of: step) < 0 { return table.appendText(of: step, to: out) }
                spell(table, step)
                out.append(text.bytes)
            }
        }

        /// Leaves the text of the chain ending at `step` in `text`.
        private func spell(_ table: PathTable, _ step: Int32) {
            if self.table != ObjectIdentifier(table) {
                self.table = ObjectIdentifier(table)
                last.removeAll()
            }
            chain.removeAll(keepingCapacity: true)
            var s = step
            while s >= 0 {
                chain.append(s)
                s = table.parent(of: s)
            }
            // The steps shared with the last chain, from the root, keep their text.
            var shared = 0
            while shared < last.count, shared < chain.count, last[shared].step == chain[chain.count - 1 - shared] {
                shared += 1
            }
            last.removeSubrange(shared...)
            text.truncate(to: last.last?.end ?? 0)
            for k in (0..<(chain.count - shared)).reversed() {
                if !last.isEmpty { text.append(" > " as StaticString) }
                table.appendText(of: chain[k], to: text)
                last.append((chain[k], text.count))
            }
        }
    }
}

/// The steps of recorded chain PATHs: each an element's name with its `:nth-child` index
/// (or bare), a non-element node's name with its child index, or a `#ID` root, linked to
/// the step before it. Steps are only ever added (a record keeps its step for good), by the
/// one ``NodePathCache`` that owns the table, on the thread running the replay; after the
/// run it is only read (``RecordedPath/Writer`` keeps its own state).
final class PathTable: @unchecked Sendable {
    enum Kind: UInt8 {
        /// `name` (under the document, a fragment or nothing; or the root's children).
        case bare
        /// `name:nth-child(K)`.
        case element
        /// `name(K)` for a text, comment or other non-element node.
        case node
        /// `#name` (an id, as the root of a non-element node's PATH).
        case id
    }

    /// Twelve bytes: a long run keeps a step for nearly every node it ever recorded.
    private struct Step {
        var parent: Int32
        /// The name's index in the low 30 bits, the kind in the top two.
        var nameAndKind: UInt32
        var index: Int32

        var name: Int { Int(nameAndKind & 0x3FFF_FFFF) }
        var kind: Kind { Kind(rawValue: UInt8(nameAndKind >> 30))! }
    }

    // Appended to for every recorded event, never by two accesses at once: no runtime
    // exclusivity checks.
    @exclusivity(unchecked) private var steps = ChunkedArray<Step>()
    /// The names and ids the steps refer to, as UTF-8 in one buffer.
    private let nameBytes = GrowableBytes(capacity: 256)
    @exclusivity(unchecked) private var nameRanges: [(start: Int32, count: Int32)] = []
    /// The `#ID` steps by their id's bytes, open addressing: one step per id however often it
    /// is recorded. A slot holds what a probe compares (the hash, where the id's bytes are),
    /// so a hit reads the slot and the bytes, not the step and name tables too.
    private struct IDSlot {
        var hash: UInt32 = 0
        var step: Int32 = -1
        var start: Int32 = 0
        var count: Int32 = 0
    }

    @exclusivity(unchecked) private var idSlots: [IDSlot] = []
    @exclusivity(unchecked) private var idCount = 0

    func add(parent: Int32, name: Int32, index: Int, kind: Kind) -> Int32 {
        steps.append(Step(parent: parent, nameAndKind: UInt32(kind.rawValue) << 30 | UInt32(name), index: Int32(clamping: index)))
        return Int32(steps.count - 1)
    }

    func addName(_ name: String) -> Int32 {
        name.withUTF8Bytes { addName($0) }
    }

    func addName(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        nameRanges.append((Int32(nameBytes.count), Int32(bytes.count)))
        nameBytes.append(bytes)
        return Int32(nameRanges.count - 1)
    }

    /// The `#ID` step of `id` (a root step), added the first time the id is seen.
    func idStep(_ id: UnsafeBufferPointer<UInt8>) -> Int32 {
        if idCount * 2 >= idSlots.count { growIDSlots() }
        let hash = Self.hash(id)
        return idSlots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var k = Int(hash) & mask
            while slots[k].step >= 0 {
                if slots[k].hash == hash,
                   Self.bytesEqual(UnsafeBufferPointer(start: nameBytes.bytes.baseAddress! + Int(slots[k].start), count: Int(slots[k].count)), id) {
                    return slots[k].step
                }
                k = (k + 1) & mask
            }
            let start = Int32(nameBytes.count)
            let step = add(parent: -1, name: addName(id), index: 0, kind: .id)
            slots[k] = IDSlot(hash: hash, step: step, start: start, count: Int32(id.count))
            idCount += 1
            return step
        }
    }

    private func growIDSlots() {
        let old = idSlots
        idSlots = Array(repeating: IDSlot(), count: max(64, old.count * 2))
        let mask = idSlots.count - 1
        for slot in old where slot.step >= 0 {
            var k = Int(slot.hash) & mask
            while idSlots[k].step >= 0 { k = (k + 1) & mask }
            idSlots[k] = slot
        }
    }

    /// Byte equality of two names (ids, tag names): a plain loop, as they are short.
    static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// FNV-1a.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for c in bytes { h = (h ^ UInt32(c)) &* 0x0100_0193 }
        return h
    }

    /// The step before `step` in its chain, -1 at the root.
    func parent(of step: Int32) -> Int32 { steps[Int(step)].parent }

    /// Appends one step's own text: `name:nth-child(K)`, `name(K)`, `name` or `#name`.
    func appendText(of index: Int32, to out: GrowableBytes) {
        let step = steps[Int(index)]
        if step.kind == .id { out.append(UInt8(ascii: "#")) }
        let range = nameRanges[step.name]
        if range.count > 0 { out.append(nameBytes.bytes.baseAddress! + Int(range.start), Int(range.count)) }
        switch step.kind {
        case .element:
            out.append(":nth-child(" as StaticString)
            Self.appendDecimal(step.index, out)
            out.append(UInt8(ascii: ")"))
        case .node:
            out.append(UInt8(ascii: "("))
            Self.appendDecimal(step.index, out)
            out.append(UInt8(ascii: ")"))
        case .bare, .id: break
        }
    }

    private static func appendDecimal(_ n: Int32, _ out: GrowableBytes) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var v = n.magnitude
        var digits: (UInt64, UInt64) = (0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[15 - count] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
                count += 1
            } while v > 0
            out.append(d.baseAddress!.assumingMemoryBound(to: UInt8.self) + (16 - count), count)
        }
    }
}
