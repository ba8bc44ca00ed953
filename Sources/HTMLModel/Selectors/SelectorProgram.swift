/// The matcher's form of a selector list: the parsed ``ComplexSelector`` tree flattened into
/// plain-data records that refer to each other by index, with every string in one byte pool.
///
/// The tables are unsafe buffers written once in `init` and read through a one-word
/// ``SelectorProgramRef``, so the hot path neither allocates nor touches a reference count
/// (the tree form's arrays inside enums cost a retain/release pair on every copy).
final class SelectorProgram: @unchecked Sendable {
    // @unchecked: the tables are written once in init and only read afterwards.
    private let tables: UnsafeMutablePointer<SelectorTables>

    init(_ list: [ComplexSelector]) {
        var b = SelectorProgramBuilder()
        let top = b.addList(list)
        func freeze<T>(_ a: [T]) -> UnsafeBufferPointer<T> {
            let m = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
            _ = m.initialize(from: a)
            return UnsafeBufferPointer(start: m.baseAddress, count: a.count)
        }
        var keys: [SubjectKey] = []
        let filter = SubjectFilter(list: top, b, keys: &keys)
        tables = .allocate(capacity: 1)
        tables.initialize(to: SelectorTables(
            bytes: freeze(b.bytes), names: freeze(b.names), simples: freeze(b.simples),
            compounds: freeze(b.compounds), combinators: freeze(b.combinators),
            complexes: freeze(b.complexes), relatives: freeze(b.relatives),
            attributes: freeze(b.attributes), nths: freeze(b.nths),
            languageRanges: freeze(b.languageRanges), top: top, subjectFilter: filter, subjectKeys: freeze(keys)))
    }

    deinit {
        func free<T>(_ b: UnsafeBufferPointer<T>) {
            let m = UnsafeMutableBufferPointer(mutating: b)
            _ = m.deinitialize()
            m.deallocate()
        }
        let t = tables.pointee
        free(t.bytes); free(t.names); free(t.simples); free(t.compounds); free(t.combinators)
        free(t.complexes); free(t.relatives); free(t.attributes); free(t.nths); free(t.languageRanges)
        free(t.subjectKeys)
        tables.deinitialize(count: 1)
        tables.deallocate()
    }

    /// Valid while this program is alive.
    var ref: SelectorProgramRef { SelectorProgramRef(tables: UnsafePointer(tables)) }
}

/// The program's tables (plain data).
struct SelectorTables {
    let bytes: UnsafeBufferPointer<UInt8>
    let names: UnsafeBufferPointer<String>
    let simples: UnsafeBufferPointer<SimpleOp>
    /// Simple-selector range of each compound.
    let compounds: UnsafeBufferPointer<ProgramRange>
    let combinators: UnsafeBufferPointer<SelectorCombinator>
    let complexes: UnsafeBufferPointer<ComplexRecord>
    let relatives: UnsafeBufferPointer<RelativeRecord>
    let attributes: UnsafeBufferPointer<AttributeRecord>
    let nths: UnsafeBufferPointer<NthRecord>
    let languageRanges: UnsafeBufferPointer<ProgramRange>
    /// The top-level list: a range of the complexes table.
    let top: ProgramRange
    /// What an element needs before the top-level list can match it.
    let subjectFilter: SubjectFilter
    /// The top-level list's subject keys, one per complex selector (empty when the filter
    /// lets everything through).
    let subjectKeys: UnsafeBufferPointer<SubjectKey>
}

/// A one-word handle on a program's tables, cheap to pass down the matcher.
struct SelectorProgramRef {
    let tables: UnsafePointer<SelectorTables>

    var names: UnsafeBufferPointer<String> { @inline(__always) get { tables.pointee.names } }
    var simples: UnsafeBufferPointer<SimpleOp> { @inline(__always) get { tables.pointee.simples } }
    var compounds: UnsafeBufferPointer<ProgramRange> { @inline(__always) get { tables.pointee.compounds } }
    var combinators: UnsafeBufferPointer<SelectorCombinator> { @inline(__always) get { tables.pointee.combinators } }
    var complexes: UnsafeBufferPointer<ComplexRecord> { @inline(__always) get { tables.pointee.complexes } }
    var relatives: UnsafeBufferPointer<RelativeRecord> { @inline(__always) get { tables.pointee.relatives } }
    var attributes: UnsafeBufferPointer<AttributeRecord> { @inline(__always) get { tables.pointee.attributes } }
    var nths: UnsafeBufferPointer<NthRecord> { @inline(__always) get { tables.pointee.nths } }
    var languageRanges: UnsafeBufferPointer<ProgramRange> { @inline(__always) get { tables.pointee.languageRanges } }
    var top: ProgramRange { @inline(__always) get { tables.pointee.top } }
    var subjectFilter: SubjectFilter { @inline(__always) get { tables.pointee.subjectFilter } }
    var subjectKeys: UnsafeBufferPointer<SubjectKey> { @inline(__always) get { tables.pointee.subjectKeys } }

    @inline(__always)
    func bytes(_ r: ProgramRange) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: tables.pointee.bytes[r.indices])
    }
}

/// A run of bytes in the pool, or of records in one of the program's tables.
struct ProgramRange {
    var start: Int32
    var count: Int32

    static let empty = ProgramRange(start: 0, count: 0)
    var isEmpty: Bool { count == 0 }
    var indices: Range<Int> { Int(start)..<(Int(start) + Int(count)) }
}

/// A complex selector: compounds `compounds.indices`, subject first (right to left);
/// `combinators[compounds.start + k]` links compound k to compound k + 1.
struct ComplexRecord {
    var compounds: ProgramRange
}

struct RelativeRecord {
    var complex: Int32
    var traversal: HasTraversal
}

struct AttributeRecord {
    /// Indices into the name table.
    var htmlName: Int32
    var foreignName: Int32
    var op: AttributeOperator
    var caseMode: AttributeCaseMode
    var value: ProgramRange
    var loweredValue: ProgramRange
}

struct NthRecord {
    var kind: NthSelector.Kind
    var a: Int
    var b: Int
    /// Range of the complexes table; empty without `of S`.
    var filter: ProgramRange

    /// Whether 1-based `position` is `a*n + b` for some integer n >= 0. Operands are at most
    /// 2^31 in magnitude, so 64-bit arithmetic cannot overflow.
    func accepts(_ position: Int) -> Bool {
        if a == 0 { return position == b }
        let diff = position - b
        return diff % a == 0 && diff / a >= 0
    }
}

/// One simple selector; payloads are indices and ranges only.
enum SimpleOp {
    case type(html: ProgramRange, foreign: ProgramRange)
    case never
    case id(ProgramRange)
    case className(ProgramRange)
    case attribute(Int32)
    case structural(StructuralPseudoClass)
    case state(StatePseudoClass)
    case scope
    case hasAnchor
    case nth(Int32)
    /// Range of the language-range table.
    case lang(ProgramRange)
    /// Ranges of the complexes table.
    case not(ProgramRange)
    case isOrWhere(ProgramRange)
    /// Range of the relatives table.
    case has(ProgramRange)
}

/// Flattens the parsed tree. Lists reserve their slots first so each list, compound and
/// complex occupies a contiguous range even though nested lists are appended in between.
struct SelectorProgramBuilder {
    var bytes: [UInt8] = []
    var names: [String] = []
    var simples: [SimpleOp] = []
    var compounds: [ProgramRange] = []
    var combinators: [SelectorCombinator] = []
    var complexes: [ComplexRecord] = []
    var relatives: [RelativeRecord] = []
    var attributes: [AttributeRecord] = []
    var nths: [NthRecord] = []
    var languageRanges: [ProgramRange] = []

    // Offsets are stored as Int32: a selector's tables are bounded by its text length, and
    // SelectorList rejects text over 2^26 bytes before building.

    mutating func addBytes(_ b: [UInt8]) -> ProgramRange {
        let r = ProgramRange(start: Int32(bytes.count), count: Int32(b.count))
        bytes.append(contentsOf: b)
        return r
    }

    mutating func addName(_ name: String) -> Int32 {
        names.append(name)
        return Int32(names.count - 1)
    }

    mutating func addList(_ list: [ComplexSelector]) -> ProgramRange {
        let start = complexes.count
        complexes.append(contentsOf: repeatElement(ComplexRecord(compounds: .empty), count: list.count))
        for (k, complex) in list.enumerated() {
            complexes[start + k] = addComplex(complex)
        }
        return ProgramRange(start: Int32(start), count: Int32(list.count))
    }

    /// Adds a complex selector outside any list (a `:has()` argument); returns its index.
    mutating func addStandaloneComplex(_ complex: ComplexSelector) -> Int32 {
        let index = complexes.count
        complexes.append(ComplexRecord(compounds: .empty))
        complexes[index] = addComplex(complex)
        return Int32(index)
    }

    private mutating func addComplex(_ complex: ComplexSelector) -> ComplexRecord {
        let start = compounds.count
        compounds.append(contentsOf: repeatElement(ProgramRange.empty, count: complex.compounds.count))
        // combinators share the compound index space; the last compound's slot is unused.
        combinators.append(contentsOf: complex.combinators)
        combinators.append(.descendant)
        precondition(combinators.count == compounds.count)
        for (k, compound) in complex.compounds.enumerated() {
            compounds[start + k] = addCompound(compound)
        }
        return ComplexRecord(compounds: ProgramRange(start: Int32(start), count: Int32(complex.compounds.count)))
    }

    private mutating func addCompound(_ compound: [SimpleSelector]) -> ProgramRange {
        let start = simples.count
        simples.append(contentsOf: repeatElement(SimpleOp.never, count: compound.count))
        for (k, simple) in compound.enumerated() {
            simples[start + k] = addSimple(simple)
        }
        return ProgramRange(start: Int32(start), count: Int32(compound.count))
    }

    private mutating func addSimple(_ simple: SimpleSelector) -> SimpleOp {
        switch simple {
        case .type(let htmlName, let foreignName):
            return .type(html: addBytes(htmlName), foreign: addBytes(foreignName))
        case .never: return .never
        case .id(let v): return .id(addBytes(v))
        case .className(let v): return .className(addBytes(v))
        case .attribute(let a):
            let record = AttributeRecord(
                htmlName: addName(a.htmlName), foreignName: addName(a.foreignName), op: a.op,
                caseMode: a.caseMode, value: addBytes(a.value), loweredValue: addBytes(a.loweredValue))
            attributes.append(record)
            return .attribute(Int32(attributes.count - 1))
        case .structural(let k): return .structural(k)
        case .state(let k): return .state(k)
        case .scope: return .scope
        case .hasAnchor: return .hasAnchor
        case .nth(let nth):
            let index = nths.count
            nths.append(NthRecord(kind: nth.kind, a: nth.a, b: nth.b, filter: .empty))
            nths[index].filter = addList(nth.filter)
            return .nth(Int32(index))
        case .lang(let ranges):
            let start = languageRanges.count
            languageRanges.append(contentsOf: repeatElement(ProgramRange.empty, count: ranges.count))
            for (k, r) in ranges.enumerated() { languageRanges[start + k] = addBytes(r) }
            return .lang(ProgramRange(start: Int32(start), count: Int32(ranges.count)))
        case .not(let list): return .not(addList(list))
        case .isOrWhere(let list): return .isOrWhere(addList(list))
        case .has(let list):
            let start = relatives.count
            relatives.append(contentsOf: repeatElement(RelativeRecord(complex: 0, traversal: .descendants), count: list.count))
            for (k, relative) in list.enumerated() {
                relatives[start + k] = RelativeRecord(complex: addStandaloneComplex(relative.complex), traversal: relative.traversal)
            }
            return .has(ProgramRange(start: Int32(start), count: Int32(list.count)))
        }
    }
}
