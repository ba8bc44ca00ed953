import HTMLModel

/// The event records of a run, in order. A long replay records hundreds of thousands of
/// events (W2 of the benchmarks: 350,000), and as an array of ``EventRecord`` they were most
/// of its memory. Here a record is 16 bytes: its type as an index into the run's few dozen
/// names, its PATH as a table step (a chain or an `#ID`), and the first of its detail members,
/// 16 bytes each in a list of their own. Everything is kept in chunks that grow without
/// copying, and records are built again when read.
public struct EventRecordList: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    fileprivate struct Entry {
        var type: Int32
        /// A step of `Storage.table` (a chain or an `#ID`), or an index into
        /// `Storage.otherPaths`.
        var path: Int32
        /// The first of the record's members in `Storage.members`.
        var detail: Int32
        var detailCount: UInt8
        var pathForm: PathForm
    }

    fileprivate enum PathForm: UInt8 {
        case step, detachedStep, other
    }

    /// One detail member: its key's index into `Storage.names`, and its value (a string's
    /// index into `Storage.strings`, a number's bits, a Boolean, or a PATH as an entry holds
    /// one).
    fileprivate struct Member {
        enum Kind: UInt8 { case string, number, bool, path }
        var key: Int32
        var kind: Kind
        var pathForm = PathForm.other
        var payload: UInt64
    }

    fileprivate final class Storage: @unchecked Sendable {
        // Appended to for every recorded event, never by two accesses at once (and only
        // read once the list is shared): no runtime exclusivity checks.
        @exclusivity(unchecked) var entries = ChunkedArray<Entry>()
        @exclusivity(unchecked) var members = ChunkedArray<Member>()
        @exclusivity(unchecked) var strings = ChunkedArray<String>()
        /// Types and detail keys.
        @exclusivity(unchecked) var names = Interner()
        /// The table of the chain PATHs kept as steps (a run has one).
        @exclusivity(unchecked) var table: PathTable?
        @exclusivity(unchecked) var otherPaths: [RecordedPath] = []

        /// The known detail keys first, so that a ``DetailKey``'s raw value is its name index.
        init() {
            for key in DetailKey.allCases { _ = names.index(of: key.name) }
        }

        /// A PATH as an entry or member holds it: a step of `table` (the first table seen)
        /// or an index into `otherPaths`.
        func encode(_ path: RecordedPath) -> (PathForm, Int32) {
            if let (t, step, detached) = path.tableStep { return encode(step: step, detached: detached, of: t) }
            return other(path)
        }

        /// Step `step` of table `t` as an entry or member holds it (the recorder's form: no
        /// ``RecordedPath`` made and taken apart, each a reference counted twice, per event).
        func encode(step: Int32, detached: Bool, of t: PathTable) -> (PathForm, Int32) {
            if table == nil { table = t }
            guard table === t else { return other(RecordedPath(table: t, step: step, detached: detached)) }
            return (detached ? .detachedStep : .step, step)
        }

        /// A PATH kept whole: given as text, or a step of a table other than `table`.
        private func other(_ path: RecordedPath) -> (PathForm, Int32) {
            otherPaths.append(path)
            return (.other, Int32(otherPaths.count - 1))
        }

        /// A detail member holding a PATH as `encode` gives it.
        func pathMember(_ key: Int32, _ encoded: (PathForm, Int32)) -> Member {
            Member(key: key, kind: .path, pathForm: encoded.0, payload: UInt64(UInt32(bitPattern: encoded.1)))
        }

        /// A detail member as kept: a string joins `strings`, a PATH is encoded.
        func member(_ key: Int32, _ value: DetailValue) -> Member {
            var m = Member(key: key, kind: .bool, payload: 0)
            switch value {
            case .string(let text):
                m.kind = .string
                m.payload = UInt64(strings.count)
                strings.append(text)
            case .number(let n):
                m.kind = .number
                m.payload = n.bitPattern
            case .bool(let b):
                m.payload = b ? 1 : 0
            case .path(let p):
                return pathMember(key, encode(p))
            }
            return m
        }

        func value(of member: Int) -> DetailValue {
            let m = members[member]
            switch m.kind {
            case .string: return .string(strings[Int(m.payload)])
            case .number: return .number(Double(bitPattern: m.payload))
            case .bool: return .bool(m.payload != 0)
            case .path: return .path(path(m.pathForm, Int32(truncatingIfNeeded: m.payload)))
            }
        }

        func path(_ form: PathForm, _ value: Int32) -> RecordedPath {
            switch form {
            case .step, .detachedStep: return RecordedPath(table: table!, step: value, detached: form == .detachedStep)
            case .other: return otherPaths[Int(value)]
            }
        }

        func copy() -> Storage {
            let c = Storage()
            c.names = names
            c.entries = entries
            c.members = members
            c.strings = strings
            c.table = table
            c.otherPaths = otherPaths
            return c
        }
    }

    private var storage = Storage()

    public init() {}

    public init(_ records: some Sequence<EventRecord>) {
        for r in records { append(r) }
    }

    public init(arrayLiteral records: EventRecord...) {
        self.init(records)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.entries.count }

    public subscript(position: Int) -> EventRecord {
        precondition(position >= 0 && position < endIndex, "EventRecordList index out of range")
        let s = storage
        let e = s.entries[position]
        var detail: [(String, DetailValue)] = []
        if e.detailCount > 0 {
            detail.reserveCapacity(Int(e.detailCount))
            for k in Int(e.detail)..<(Int(e.detail) + Int(e.detailCount)) {
                detail.append((s.names[s.members[k].key], s.value(of: k)))
            }
        }
        return EventRecord(type: s.names[e.type], path: s.path(e.pathForm, e.path), detail: detail)
    }

    /// A record as the list keeps it: its type and detail keys as indices for ``name(_:)``.
    /// For writers that spell a whole run, which can then spell each name once instead of
    /// once per record (a run has a few dozen names and hundreds of thousands of records).
    public struct Stored {
        public let type: Int32
        public let path: RecordedPath
        public let detailCount: Int
        fileprivate let firstMember: Int
    }

    public func stored(at position: Int) -> Stored {
        precondition(position >= 0 && position < endIndex, "EventRecordList index out of range")
        let s = storage
        let e = s.entries[position]
        return Stored(type: e.type, path: s.path(e.pathForm, e.path), detailCount: Int(e.detailCount), firstMember: Int(e.detail))
    }

    /// The `k`th detail member of a record this list's ``stored(at:)`` gave, its key as an
    /// index for ``name(_:)``.
    public func member(_ k: Int, of record: Stored) -> (key: Int32, value: DetailValue) {
        precondition(k >= 0 && k < record.detailCount, "detail member index out of range")
        let s = storage
        return (s.members[record.firstMember + k].key, s.value(of: record.firstMember + k))
    }

    /// A type or detail key given as an index by ``stored(at:)`` or ``member(_:of:)``.
    public func name(_ index: Int32) -> String { storage.names[index] }

    public mutating func append(_ record: EventRecord) {
        append(type: record.type, path: record.path, detail: record.detail)
    }

    public mutating func append(type: String, path: RecordedPath, detail: [(String, DetailValue)]) {
        // Members exactly as given (a record may carry a key twice).
        append(type: type, path: path) { writer in
            for (key, value) in detail { writer.add(key, value) }
        }
    }

    /// Appends a record whose detail members `write` puts straight into the list (no array
    /// of members built first, known keys never looked up).
    public mutating func append(type: String, path: RecordedPath, detail write: (inout DetailWriter) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let s = storage
        append(type, s.encode(path), s, write)
    }

    /// Appends a record whose PATH is step `step` of `table`, as ``NodePathCache`` gives it.
    mutating func append(type: String, step: Int32, detached: Bool, of table: PathTable,
                         detail write: (inout DetailWriter) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let s = storage
        append(type, s.encode(step: step, detached: detached, of: table), s, write)
    }

    private func append(_ type: String, _ path: (PathForm, Int32), _ s: Storage, _ write: (inout DetailWriter) -> Void) {
        var writer = DetailWriter(storage: s, first: s.members.count)
        write(&writer)
        s.entries.append(Entry(type: s.names.index(of: type), path: path.1, detail: Int32(writer.first),
                               detailCount: UInt8(writer.count), pathForm: path.0))
    }

    /// Puts the detail members of the record being appended, in order; a key put twice keeps
    /// its first position and takes the last value, as a JavaScript object's member does.
    public struct DetailWriter {
        fileprivate let storage: Storage
        fileprivate let first: Int
        fileprivate var count = 0

        public mutating func put(_ key: DetailKey, _ value: DetailValue) {
            put(key.rawValue, value)
        }

        public mutating func put(_ key: String, _ value: DetailValue) {
            put(storage.names.index(of: key), value)
        }

        /// Puts a node's PATH given as step `step` of `table` (``NodePathCache``'s form).
        mutating func putPath(_ key: DetailKey, step: Int32, detached: Bool, of table: PathTable) {
            put(storage.pathMember(key.rawValue, storage.encode(step: step, detached: detached, of: table)))
        }

        private mutating func put(_ key: Int32, _ value: DetailValue) {
            put(storage.member(key, value))
        }

        private mutating func put(_ member: Member) {
            // A string member put over is left in `strings`, unreferenced (a key put twice
            // is rare: htmx 4's `data` beside `message.data`).
            for i in first..<(first + count) where storage.members[i].key == member.key {
                storage.members[i] = member
                return
            }
            add(member)
        }

        /// Appends a member whatever the record already holds.
        fileprivate mutating func add(_ key: String, _ value: DetailValue) {
            guard count < Int(UInt8.max) else { return }
            add(storage.member(storage.names.index(of: key), value))
        }

        private mutating func add(_ member: Member) {
            // The format's detail table has a dozen members at most.
            guard count < Int(UInt8.max) else { return }
            storage.members.append(member)
            count += 1
        }
    }

    public static func == (a: EventRecordList, b: EventRecordList) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
    }
}

/// The detail keys the result format's table writes (`Conformance/FORMAT.md`, "Events"),
/// known to every list from the start: a recorder names them by case, and the list never
/// looks them up.
public enum DetailKey: Int32, CaseIterable, Sendable {
    case type, value, data, lastEventId, id, event, url, attempt, status, reason, error, verb, path
    case target, successful, failed, shouldSwap, isError, ignoreTitle, readyState, swap, task, style

    public var name: String { Self.names[Int(rawValue)] }

    /// Each case's name is its key (spelled once per process).
    private static let names = allCases.map { String(describing: $0) }
}
