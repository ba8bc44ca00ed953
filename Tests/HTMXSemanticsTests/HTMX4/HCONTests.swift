@testable import HTMXSemantics
import Testing

/// HCON as htmx 4.0.0-beta5's `HCON.parse` / `split` / `merge` behave (src/htmx.js, the
/// examples in its doc comments and the regex's corner cases).
@Suite("HCON")
struct HCONTests {
    static func json(_ s: String) -> String? {
        HCON.parse(s).map { GrammarJSON.Value.object($0).jsonText }
    }

    @Test(arguments: [
        ("foo:1 bar:true", #"{"foo":1,"bar":true}"#),
        ("sse.mode:once", #"{"sse":{"mode":"once"}}"#),
        (#"{"foo": 1}"#, #"{"foo":1}"#),
        ("", "{}"),
        ("once", #"{"once":true}"#),
        ("delay:500ms", #"{"delay":"500ms"}"#),
        (#"a:"5""#, #"{"a":5}"#),
        ("a:'x y'", #"{"a":"x y"}"#),
        (#""a.b":1"#, #"{"a.b":1}"#),
        ("a.b:1 a.c:2", #"{"a":{"b":1,"c":2}}"#),
        ("from:<div.x/>", #"{"from":"div.x"}"#),
        ("a:1,b:2", #"{"a":1,"b":2}"#),
        ("a:null", #"{"a":null}"#),
        (#"a:"x"y"#, #"{"a":"\"x\"y"}"#),
        ("a: ", "{}"),
        ("1s", #"{"1s":true}"#),
        ("500", #"{"500":true}"#),
        ("__proto__:1 b:2", #"{"b":2}"#),
        ("target:#out swap:outerHTML", ##"{"target":"#out","swap":"outerHTML"}"##),
    ])
    func parse(_ input: String, _ expected: String) {
        #expect(Self.json(input) == expected)
    }

    /// `String.prototype.trim` (checked in Node): U+0085 is not whitespace to JavaScript.
    @Test(arguments: [("\u{85}x\u{85}", "\u{85}x\u{85}"), ("\u{3000}x\u{FEFF}", "x"), (" \tx\n", "x"), ("x", "x"), ("\u{A0}\u{2028}", "")])
    func trim(_ input: String, _ expected: String) {
        #expect(HCON.trim(input) == expected)
    }

    @Test func invalidJSONThrowsAsHtmxDoes() {
        #expect(HCON.parse("{not json") == nil)
    }

    @Test(arguments: [
        ("a:1, b:2", ["a:1", " b:2"]),
        (#"from:".a, .b", click"#, [#"from:".a, .b""#, " click"]),
        ("click[a,b], keyup", ["click[a,b]", " keyup"]),
        ("f(a,b),c", ["f(a,b)", "c"]),
        ("<a, b/>,c", ["<a, b/>", "c"]),
        ("a,'b,c'", ["a", "'b,c'"]),
        ("x", ["x"]),
    ])
    func split(_ input: String, _ expected: [String]) {
        #expect(HCON.split(input) == expected)
    }

    /// The one-pass split against the lookaheads run from each comma as a regex engine runs
    /// them, on random strings of the characters they look at.
    @Test func splitMatchesTheLookaheadsScannedFromEachComma() {
        func scannedSplitsAt(_ b: [UInt8], _ from: Int) -> Bool {
            for (open, close) in [(UInt8(ascii: "["), UInt8(ascii: "]")), (UInt8(ascii: "("), UInt8(ascii: ")"))] {
                var j = from
                while j < b.count, b[j] != open {
                    if b[j] == close { return false }
                    j += 1
                }
            }
            var j = from
            while j < b.count, b[j] != UInt8(ascii: "<") {
                if b[j] == UInt8(ascii: "/"), j + 1 < b.count, b[j + 1] == UInt8(ascii: ">") { return false }
                j += 1
            }
            j = from
            while j < b.count {
                let c = b[j]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    guard let close = b[(j + 1)...].firstIndex(of: c) else { return false }
                    j = close + 1
                } else {
                    j += 1
                }
            }
            return true
        }
        let alphabet = Array(#"[]()</>"',,a "#.utf8)
        let random = SeededRandom(seed: 7)
        var mismatches: [String] = []
        for _ in 0..<3_000 {
            let length = Int(random.next() * 24)
            let b = (0..<length).map { _ in alphabet[Int(random.next() * Double(alphabet.count))] }
            let splits = HCON.commaSplits(b)
            for from in 0...b.count where splits[from] != scannedSplitsAt(b, from) {
                mismatches.append("\(String(decoding: b, as: UTF8.self).debugDescription) at \(from)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func mergeIsDeepForObjectsAndReplacesTheRest() {
        var target = HCON.parse("a.c:2 d:1")!
        HCON.merge(HCON.parse("a.b:1 d:x")!, into: &target)
        #expect(GrammarJSON.Value.object(target).jsonText == #"{"a":{"c":2,"b":1},"d":"x"}"#)
    }

    @Test(arguments: [("100ms", 100.0), ("2s", 2000), ("1m", 60000), ("1.5s", 1500), ("250", 250)] as [(String, Double)])
    func interval(_ s: String, _ ms: Double) {
        #expect(HTMX4Interval.parse(s) == ms)
    }

    @Test(arguments: ["", "abc", "10px", "-5", "1e3", "s"])
    func intervalIsUndefinedOutsideItsPattern(_ s: String) {
        #expect(HTMX4Interval.parse(s) == nil)
    }
}

/// HCON and the trigger-part pattern against outputs recorded from htmx 4's own code
/// (`Vectors/HTMX4Vectors.swift`).
@Suite("htmx 4 differential")
struct HTMX4DifferentialTests {
    @Test(arguments: HTMX4Vectors.hconParse)
    func hconParse(_ input: String, _ expected: String) {
        let got = HCON.parse(input).map { GrammarJSON.Value.object($0).jsonText } ?? "throws"
        #expect(got == expected, "HCON.parse(\(input.debugDescription))")
    }

    @Test(arguments: HTMX4Vectors.hconSplit)
    func hconSplit(_ input: String, _ expected: String) {
        let got = GrammarJSON.Value.array(HCON.split(input).map { .string($0) }).jsonText
        #expect(got == expected, "HCON.split(\(input.debugDescription))")
    }

    @Test(arguments: HTMX4Vectors.triggerParts)
    func triggerPart(_ input: String, _ expected: String) {
        let got = HTMX4Runtime.splitTriggerPart(input).map { GrammarJSON.Value.array([.string($0.0), .string($0.1)]).jsonText } ?? "nomatch"
        #expect(got == expected, "trigger part \(input.debugDescription)")
    }
}
