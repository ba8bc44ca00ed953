import HTMLModel

/// A PATH (`Conformance/FORMAT.md`, "PATH") as the recorder keeps it. A run records tens of
/// events per message, nearly all on elements whose ancestors earlier events already
/// named, so a chain PATH is kept as its last step in a ``PathTable`` (which links each step
/// to its parent's) and spelled out only when it is written or read.
public struct RecordedPath: Equatable, Sendable, CustomStringConvertible {
    private enum Form: Sendable {
        case text(String)
        /// `#ID`.
        case id(String)
        case step(PathTable, Int32, detached: Bool)
    }

    private let form: Form

    public init(_ text: String) { form = .text(text) }

    static func id(_ id: String) -> RecordedPath { RecordedPath(form: .id(id)) }

    init(table: PathTable, step: Int32, detached: Bool) {
        form = .step(table, step, detached: detached)
    }

    private init(form: Form) { self.form = form }

    /// The id of an `#ID` PATH, nil for the other forms.
    var idValue: String? {
        if case .id(let id) = form { return id }
        return nil
    }

    /// The table step a chain PATH is, nil for the other forms.
    var tableStep: (table: PathTable, step: Int32, detached: Bool)? {
        if case .step(let table, let step, let detached) = form { return (table, step, detached) }
        return nil
    }

    /// The PATH text.
    public var description: String {
        switch form {
        case .text(let s): return s
        case .id(let id): return "#" + id
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
            case .id(let id):
                out.append(UInt8(ascii: "#"))
                out.append(id)
            case .step(let table, let step, let detached):
                if detached { out.append("detached: " as StaticString) }
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

    func add(parent: Int32, name: Int32, index: Int, kind: Kind) -> Int32 {
        steps.append(Step(parent: parent, nameAndKind: UInt32(kind.rawValue) << 30 | UInt32(name), index: Int32(clamping: index)))
        return Int32(steps.count - 1)
    }

    func addName(_ name: String) -> Int32 {
        nameRanges.append((Int32(nameBytes.count), Int32(name.utf8.count)))
        nameBytes.append(name)
        return Int32(nameRanges.count - 1)
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
