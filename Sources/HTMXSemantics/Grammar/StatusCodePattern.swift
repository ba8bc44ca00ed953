/// A responseHandling `code`: a JavaScript regular expression (no flags) tested
/// **unanchored** against the decimal status (htmx.js codeMatches: `new RegExp(code).test(…)`),
/// so `"20"` matches 200 and 120, and `"..."` matches every three-digit status.
///
/// Supported: literals, `.`, classes `[…]` (ranges, negation, `\d\w\s` and their
/// negations), `^`, `$`, `\b`, `\B`, `|`, groups `(…)`, `(?:…)`, `(?<name>…)`, lookahead
/// `(?=…)`/`(?!…)`, quantifiers `* + ? {n} {n,} {n,m}` (lazy too), escapes
/// (`\t\n\v\f\r`, `\0`, `\xHH`, `\uHHHH`, `\cX`, legacy octal, identity escapes).
/// Back-references and lookbehind are reported as unsupported.
public struct StatusCodePattern: Equatable, Sendable {
    /// The result of one test.
    public enum Outcome: Equatable, Sendable {
        case match
        case noMatch
        /// `new RegExp` throws a SyntaxError: htmx's response handling throws
        /// (surfacing as `htmx:onLoadError`).
        case invalid(String)
        /// Valid JavaScript this engine does not implement; treated as no match.
        case unsupported(String)
    }

    /// The pattern text (`""` for an entry without `code`).
    public let source: String
    private let compiled: Result<RegexNode, RegexProblem>

    /// `source` nil stands for an entry without `code` (`new RegExp(undefined)` matches all).
    public init(_ source: String?) {
        self.source = source ?? ""
        let scalars = Array(self.source.unicodeScalars).map(\.value)
        // The matcher recurses once per pattern element; a bound keeps the stack small.
        compiled = scalars.count > RegexParser.maxLength
            ? .failure(.unsupported("patterns longer than \(RegexParser.maxLength) characters"))
            : RegexParser.parse(scalars)
    }

    public static func == (a: StatusCodePattern, b: StatusCodePattern) -> Bool { a.source == b.source }

    /// `RegExp.prototype.test(subject)`: a match anywhere in `subject`.
    public func test(_ subject: String) -> Outcome {
        switch compiled {
        case .failure(.syntax(let why)): return .invalid(why)
        case .failure(.unsupported(let why)): return .unsupported(why)
        case .success(let node):
            var m = RegexMatcher(subject: Array(subject.unicodeScalars).map(\.value))
            for start in 0...m.subject.count {
                if m.match(node, start, { _, _ in true }) { return .match }
                if m.exhausted { return .unsupported("pattern too expensive to evaluate") }
            }
            return .noMatch
        }
    }

    /// htmx.js codeMatches.
    public func matches(status: Int) -> Outcome { test(String(status)) }
}

enum RegexProblem: Error, Equatable, Sendable {
    case syntax(String)
    case unsupported(String)
}

/// Character set over code points as sorted, non-overlapping inclusive ranges.
struct CharSet: Equatable, Sendable {
    var ranges: [ClosedRange<UInt32>]

    static let digit = CharSet(ranges: [0x30...0x39])
    static let word = CharSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    static let space = CharSet(ranges: [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    static let lineTerminators = CharSet(ranges: [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029])

    func contains(_ c: UInt32) -> Bool { ranges.contains { $0.contains(c) } }

    var inverted: CharSet {
        var out: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
            if r.upperBound >= next { next = r.upperBound &+ 1 }
        }
        if next <= 0x10FFFF { out.append(next...0x10FFFF) }
        return CharSet(ranges: out)
    }
}

indirect enum RegexNode: Sendable {
    case char(UInt32)
    case set(CharSet)
    case start, end
    case wordBoundary(Bool)
    case lookahead(RegexNode, negated: Bool)
    case sequence([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
}

/// Parser for the JavaScript pattern grammar without the `u` flag, with the web-compat
/// (Annex B) leniencies: a `{` that does not form a quantifier and a lone `]` or `}` are
/// literals; `\` before a letter with no meaning is that letter.
/// https://tc39.es/ecma262/#sec-patterns, #sec-regular-expressions-patterns
struct RegexParser {
    let s: [UInt32]
    var i = 0
    var depth = 0
    /// The first valid-but-unimplemented feature met; parsing goes on to find syntax errors.
    var unsupported: String?

    mutating func unsupportedFeature(_ why: String) -> RegexNode {
        if unsupported == nil { unsupported = why }
        return .set(CharSet(ranges: []))
    }
    static let maxDepth = 128
    static let maxCount = 100
    static let maxLength = 256

    /// Capturing groups in the pattern: a `\N` up to this count is a back-reference,
    /// above it (Annex B) a legacy octal or identity escape.
    let groupCount: Int

    init(s: [UInt32]) {
        self.s = s
        var count = 0
        var k = 0
        var inClass = false
        while k < s.count {
            let c = s[k]
            if c == 0x5C { k += 2; continue }
            if inClass {
                if c == 0x5D { inClass = false }
            } else if c == 0x5B {
                inClass = true
            } else if c == 0x28 {
                let named = k + 2 < s.count && s[k + 1] == 0x3F && s[k + 2] == 0x3C
                    && !(k + 3 < s.count && (s[k + 3] == 0x3D || s[k + 3] == 0x21))
                if k + 1 >= s.count || s[k + 1] != 0x3F || named { count += 1 }
            }
            k += 1
        }
        groupCount = count
    }

    static func parse(_ s: [UInt32]) -> Result<RegexNode, RegexProblem> {
        var p = RegexParser(s: s)
        do {
            let node = try p.disjunction()
            if p.i < s.count {
                throw RegexProblem.syntax(p.peek == 0x29 ? "unmatched ')'" : "unexpected character")
            }
            // Only a pattern JavaScript accepts can be "unsupported": syntax errors win.
            if let why = p.unsupported { return .failure(.unsupported(why)) }
            return .success(node)
        } catch let e as RegexProblem {
            return .failure(e)
        } catch {
            return .failure(.syntax("invalid pattern"))
        }
    }

    var peek: UInt32? { i < s.count ? s[i] : nil }

    mutating func eat(_ c: Character) -> Bool {
        if let p = peek, p == c.unicodeScalars.first?.value { i += 1; return true }
        return false
    }

    mutating func disjunction() throws -> RegexNode {
        var alternatives = [try alternative()]
        while eat("|") { alternatives.append(try alternative()) }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    mutating func alternative() throws -> RegexNode {
        var terms: [RegexNode] = []
        while let c = peek, c != 0x7C, c != 0x29 {  // | )
            terms.append(try term())
        }
        return terms.count == 1 ? terms[0] : .sequence(terms)
    }

    mutating func term() throws -> RegexNode {
        guard let c = peek else { throw RegexProblem.syntax("unexpected end") }
        var quantifiable = true
        let atom: RegexNode
        switch c {
        case 0x5E: i += 1; atom = .start; quantifiable = false  // ^
        case 0x24: i += 1; atom = .end; quantifiable = false  // $
        case 0x2E: i += 1; atom = .set(CharSet.lineTerminators.inverted)  // .
        case 0x28: atom = try group(&quantifiable)
        case 0x5B: atom = .set(try characterClass())
        case 0x5C: atom = try atomEscape(&quantifiable)
        case 0x2A, 0x2B, 0x3F: throw RegexProblem.syntax("nothing to repeat")  // * + ?
        case 0x7B:  // {
            if bracedQuantifierAhead() { throw RegexProblem.syntax("nothing to repeat") }
            i += 1
            atom = .char(c)
        default:
            i += 1
            atom = .char(c)
        }
        return try quantifier(on: atom, allowed: quantifiable)
    }

    /// True when a `{n}`, `{n,}` or `{n,m}` starts at the cursor.
    func bracedQuantifierAhead() -> Bool {
        var k = i
        return Self.scanBraced(s, &k) != nil
    }

    static func scanBraced(_ s: [UInt32], _ k: inout Int) -> (Int, Int?)? {
        guard k < s.count, s[k] == 0x7B else { return nil }
        var j = k + 1
        func number(_ j: inout Int) -> Int? {
            let start = j
            var v = 0
            while j < s.count, s[j] >= 0x30, s[j] <= 0x39 {
                v = min(v * 10 + Int(s[j] - 0x30), Int(Int32.max))
                j += 1
            }
            return j > start ? v : nil
        }
        guard let lo = number(&j) else { return nil }
        var hi: Int? = lo
        if j < s.count, s[j] == 0x2C {
            j += 1
            hi = number(&j)
        }
        guard j < s.count, s[j] == 0x7D else { return nil }
        k = j + 1
        return (lo, hi)
    }

    mutating func quantifier(on atom: RegexNode, allowed: Bool) throws -> RegexNode {
        guard let c = peek else { return atom }
        var lo = 0, hi: Int? = nil
        switch c {
        case 0x2A: i += 1
        case 0x2B: i += 1; lo = 1
        case 0x3F: i += 1; hi = 1
        case 0x7B:
            var k = i
            guard let (a, b) = Self.scanBraced(s, &k) else { return atom }
            i = k
            lo = a
            hi = b
            if let b, b < a { throw RegexProblem.syntax("numbers out of order in {} quantifier") }
        default: return atom
        }
        if !allowed { throw RegexProblem.syntax("nothing to repeat") }
        _ = eat("?")  // lazy: irrelevant to test()
        if lo > Self.maxCount || (hi ?? 0) > Self.maxCount {
            return unsupportedFeature("repetition counts above \(Self.maxCount)")
        }
        return .repetition(atom, min: lo, max: hi)
    }

    mutating func group(_ quantifiable: inout Bool) throws -> RegexNode {
        i += 1
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { _ = unsupportedFeature("groups nested deeper than \(Self.maxDepth)") }
        var lookahead: Bool?
        if eat("?") {
            if eat(":") {
            } else if eat("=") {
                lookahead = false
            } else if eat("!") {
                lookahead = true
            } else if eat("<") {
                if let p = peek, p == 0x3D || p == 0x21 {
                    i += 1
                    _ = unsupportedFeature("lookbehind")
                    _ = try disjunction()
                    guard eat(")") else { throw RegexProblem.syntax("unterminated group") }
                    quantifiable = false
                    return .set(CharSet(ranges: []))
                }
                let nameStart = i
                while let p = peek, p != 0x3E { i += 1 }
                guard i > nameStart, eat(">") else { throw RegexProblem.syntax("invalid group name") }
            } else {
                throw RegexProblem.syntax("invalid group")
            }
        }
        let inner = try disjunction()
        guard eat(")") else { throw RegexProblem.syntax("unterminated group") }
        if let negated = lookahead { return .lookahead(inner, negated: negated) }
        return inner
    }

    mutating func atomEscape(_ quantifiable: inout Bool) throws -> RegexNode {
        i += 1
        guard let c = peek else { throw RegexProblem.syntax("\\ at end of pattern") }
        switch c {
        case 0x62: i += 1; quantifiable = false; return .wordBoundary(true)  // \b
        case 0x42: i += 1; quantifiable = false; return .wordBoundary(false)  // \B
        case 0x31...0x39:
            var k = i
            var n = 0
            while k < s.count, s[k] >= 0x30, s[k] <= 0x39 {
                n = min(n * 10 + Int(s[k] - 0x30), 100_000)
                k += 1
            }
            if n <= groupCount {
                i = k
                return unsupportedFeature("back-references")
            }
            if c >= 0x38 { i += 1; return .char(c) }  // \8 \9: identity escapes
            return .char(legacyOctal())
        case 0x6B:
            i += 1
            if groupCount > 0 { return unsupportedFeature("named back-references (\\k)") }
            return .char(c)
        default: return .set(try escapeSet(inClass: false))
        }
    }

    /// A character or class escape after `\` (cursor on the letter).
    mutating func escapeSet(inClass: Bool) throws -> CharSet {
        guard let c = peek else { throw RegexProblem.syntax("\\ at end of pattern") }
        i += 1
        func one(_ v: UInt32) -> CharSet { CharSet(ranges: [v...v]) }
        switch c {
        case 0x64: return .digit
        case 0x44: return CharSet.digit.inverted
        case 0x77: return .word
        case 0x57: return CharSet.word.inverted
        case 0x73: return .space
        case 0x53: return CharSet.space.inverted
        case 0x74: return one(0x09)
        case 0x6E: return one(0x0A)
        case 0x76: return one(0x0B)
        case 0x66: return one(0x0C)
        case 0x72: return one(0x0D)
        case 0x62: return one(0x08)  // only reached inside a class
        case 0x30...0x37:
            i -= 1
            return one(legacyOctal())
        case 0x78, 0x75:  // \xHH \uHHHH; not followed by hex: the letter itself
            let n = c == 0x78 ? 2 : 4
            if let v = hex(n) { return one(v) }
            return one(c)
        case 0x63:  // \cX
            if let p = peek, (p >= 0x41 && p <= 0x5A) || (p >= 0x61 && p <= 0x7A) {
                i += 1
                return one(p % 32)
            }
            if unsupported == nil { unsupported = "\\c without a control letter" }
            return one(c)
        default:
            return one(c)
        }
    }

    /// Annex B LegacyOctalEscapeSequence at the cursor (first digit 0–7): up to three
    /// octal digits while the value stays at most 0o377.
    mutating func legacyOctal() -> UInt32 {
        func octal(_ k: Int) -> UInt32? { k < s.count && s[k] >= 0x30 && s[k] <= 0x37 ? s[k] - 0x30 : nil }
        guard let d0 = octal(i) else { return 0 }
        i += 1
        guard let d1 = octal(i) else { return d0 }
        i += 1
        if d0 <= 3, let d2 = octal(i) {
            i += 1
            return d0 * 64 + d1 * 8 + d2
        }
        return d0 * 8 + d1
    }

    mutating func hex(_ n: Int) -> UInt32? {
        guard i + n <= s.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<n {
            let c = s[i + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            v = v * 16 + d
        }
        i += n
        return v
    }

    mutating func characterClass() throws -> CharSet {
        i += 1
        let negated = eat("^")
        var ranges: [ClosedRange<UInt32>] = []
        while true {
            guard let c = peek else { throw RegexProblem.syntax("unterminated character class") }
            if c == 0x5D { i += 1; break }
            let a = try classAtom()
            if let dash = peek, dash == 0x2D, i + 1 < s.count, s[i + 1] != 0x5D {
                i += 1
                let b = try classAtom()
                if let lo = single(a), let hi = single(b) {
                    guard lo <= hi else { throw RegexProblem.syntax("range out of order in character class") }
                    ranges.append(lo...hi)
                } else {
                    // A class escape on either side: `-` is a literal (Annex B).
                    ranges += a.ranges + [0x2D...0x2D] + b.ranges
                }
            } else {
                ranges += a.ranges
            }
        }
        let set = CharSet(ranges: ranges)
        return negated ? set.inverted : set
    }

    private func single(_ set: CharSet) -> UInt32? {
        set.ranges.count == 1 && set.ranges[0].lowerBound == set.ranges[0].upperBound ? set.ranges[0].lowerBound : nil
    }

    mutating func classAtom() throws -> CharSet {
        guard let c = peek else { throw RegexProblem.syntax("unterminated character class") }
        if c == 0x5C {
            i += 1
            if let p = peek, p == 0x63 {
                // Annex B: `\c` inside a class also takes digits and `_`.
                if i + 1 < s.count {
                    let x = s[i + 1]
                    if (x >= 0x30 && x <= 0x39) || x == 0x5F {
                        i += 2
                        return CharSet(ranges: [(x % 32)...(x % 32)])
                    }
                }
            }
            if let p = peek, p == 0x2D { i += 1; return CharSet(ranges: [0x2D...0x2D]) }
            if let p = peek, p >= 0x38, p <= 0x39 { i += 1; return CharSet(ranges: [p...p]) }
            return try escapeSet(inClass: true)
        }
        i += 1
        return CharSet(ranges: [c...c])
    }
}

/// Backtracking matcher with a step budget (status strings are a few characters, but a
/// configured pattern could still be pathological).
struct RegexMatcher {
    let subject: [UInt32]
    var steps = 0
    var exhausted = false
    static let budget = 200_000

    init(subject: [UInt32]) { self.subject = subject }

    private func isWord(_ k: Int) -> Bool { k >= 0 && k < subject.count && CharSet.word.contains(subject[k]) }

    mutating func match(_ node: RegexNode, _ pos: Int, _ k: (inout RegexMatcher, Int) -> Bool) -> Bool {
        steps += 1
        if steps > Self.budget { exhausted = true }
        if exhausted { return false }
        switch node {
        case .char(let c):
            return pos < subject.count && subject[pos] == c && k(&self, pos + 1)
        case .set(let set):
            return pos < subject.count && set.contains(subject[pos]) && k(&self, pos + 1)
        case .start:
            return pos == 0 && k(&self, pos)
        case .end:
            return pos == subject.count && k(&self, pos)
        case .wordBoundary(let want):
            return (isWord(pos - 1) != isWord(pos)) == want && k(&self, pos)
        case .lookahead(let inner, let negated):
            let found = match(inner, pos, { _, _ in true })
            return found != negated && k(&self, pos)
        case .sequence(let nodes):
            return sequence(nodes[...], pos, k)
        case .alternation(let options):
            for o in options where match(o, pos, k) { return true }
            return false
        case .repetition(let inner, let lo, let hi):
            return repeatMatch(inner, lo, hi, 0, pos, k)
        }
    }

    private mutating func sequence(_ nodes: ArraySlice<RegexNode>, _ pos: Int, _ k: (inout RegexMatcher, Int) -> Bool) -> Bool {
        guard let first = nodes.first else { return k(&self, pos) }
        let rest = nodes.dropFirst()
        return match(first, pos) { m, next in m.sequence(rest, next, k) }
    }

    /// ECMA-262 RepeatMatcher: greedy, and an iteration past the minimum that matches the
    /// empty string ends the loop.
    private mutating func repeatMatch(
        _ inner: RegexNode, _ lo: Int, _ hi: Int?, _ count: Int, _ pos: Int,
        _ k: (inout RegexMatcher, Int) -> Bool
    ) -> Bool {
        if let hi, count >= hi { return k(&self, pos) }
        let more = match(inner, pos) { m, next in
            if count >= lo && next == pos { return false }
            return m.repeatMatch(inner, lo, hi, count + 1, next, k)
        }
        if more { return true }
        return count >= lo && k(&self, pos)
    }
}
