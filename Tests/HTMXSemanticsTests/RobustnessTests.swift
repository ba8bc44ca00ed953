import Testing
@testable import HTMXSemantics

/// Every parser takes arbitrary text without trapping; a few structural invariants are
/// checked on a deterministic pseudo-random corpus.
struct RobustnessTests {
    static let alphabet: [String] = [
        "a", "Z", "_", "$", "0", "9", " ", "\t", "\n", "\u{A0}", "\u{2028}", "\u{FEFF}", ",", ":", ";", "[", "]",
        "(", ")", "{", "}", "<", ">", "/", "\\", "\"", "'", "`", ".", "#", "-", "*", "+", "?", "|", "^", "$",
        "é", "😀", "\u{0}", "every", "from", "closest", "delay", "ms", "s", "true", "unset", "js:", "global ",
    ]

    /// A small xorshift generator so the corpus is the same on every run.
    struct Rng {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(n))
        }
    }

    static let corpus: [String] = {
        var rng = Rng(state: 0x9E37_79B9_7F4A_7C15)
        return (0..<400).map { _ in
            (0..<rng.next(24)).map { _ in alphabet[rng.next(alphabet.count)] }.joined()
        }
    }()

    @Test(arguments: corpus)
    func everyParserAcceptsAnything(text: String) {
        let specs = TriggerSpec.parseList(text).value
        #expect(specs.allSatisfy { !$0.trigger.isEmpty })
        _ = TriggerSpec.specs(for: text, tagName: "input", inputType: "submit")
        _ = SwapSpec.parse(text)
        _ = SwapStyle.effective(text, defaultSwapStyle: text)
        _ = ExtendedSelector.parse(text)
        _ = AttributeTarget.parse(text)
        _ = SyncSpec.parse(text)
        _ = ParamsFilter.parse(text)
        _ = SwapOOBSpec.parse(text).value.targetSelector(elementID: text)
        _ = SelectOOBEntry.parseList(text)
        _ = InheritanceList.parse(text)
        _ = ValuesAttribute.parse(text)
        _ = TriggerHeaderEvent.parse(text)
        _ = TriggerHeaderEvent.parse("{" + text + "}")
        _ = StatusCodePattern(text).matches(status: 200)
        _ = HTMXTime.parseInterval(text)
        _ = CSSEscape.escape(text)
    }

    @Test(arguments: corpus)
    func tokenizerIsLossless(text: String) {
        let bytes = Array(text.utf8)
        let tokens = TriggerTokenizer.tokenize(bytes)
        var rebuilt: [UInt8] = []
        var expectedStart = 0
        for tok in tokens {
            #expect(tok.range.lowerBound == expectedStart)
            rebuilt += bytes[tok.range]
            expectedStart = tok.range.upperBound
        }
        #expect(rebuilt == bytes)
    }

    @Test(arguments: corpus)
    func jsonRoundTrips(text: String) {
        for candidate in ["{\"k\":" + text + "}", "[" + text + "]", text] {
            guard let v = GrammarJSON.parse(candidate).value else { continue }
            #expect(GrammarJSON.parse(v.jsonText).value == v)
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let r = GrammarJSON.parse(deep)
        #expect(r.value == nil)
        #expect(r.diagnostics.first?.message.contains("nesting") == true)
        let triggers = String(repeating: "[", count: 50_000) + "x"
        #expect(TriggerSpec.parseList("click" + triggers).value == [TriggerSpec(trigger: "click")])
    }
}

struct JSTextTests {
    static let trims: [(String, String)] = [
        ("  a  ", "a"), ("\u{A0}a\u{3000}", "a"), ("\u{FEFF}a\u{2029}", "a"), ("\u{200B}a", "\u{200B}a"),
        ("\u{85}a", "\u{85}a"), ("\t\n\u{B}\u{C}\r a", "a"), ("", ""), ("\u{2000}\u{200A}", ""),
    ]

    @Test(arguments: trims)
    func trim(input: String, expected: String) {
        #expect(JSText.trim(input) == expected)
    }

    static let splits: [(String, [String])] = [
        ("a b", ["a", "b"]), ("  a   b  ", ["a", "b"]), ("", [""]), ("   ", [""]), ("a\u{A0}\u{1680}b", ["a", "b"]),
        ("a\u{200B}b", ["a\u{200B}b"]),
    ]

    @Test(arguments: splits)
    func splitOnWhitespace(input: String, expected: [String]) {
        #expect(JSText.splitOnWhitespace(input) == expected)
    }

    static let includes: [(String, String, Bool)] = [
        ("innerHTML swapEmpty:false", "swapEmpty", true), ("innerHTML", "swapEmpty", false), ("", "", true),
        ("abc", "", true), ("ab", "abc", false), ("aab", "ab", true), ("text/event-stream; charset=utf-8", "text/event-stream", true),
        // Code units, not grapheme clusters: "e" is inside "e\u{301}" for JavaScript.
        ("e\u{301}", "e", true), ("é", "e", false), ("xx\u{1F600}", "\u{1F600}", true),
    ]

    @Test(arguments: includes)
    func includesSearchesCodeUnits(haystack: String, needle: String, expected: Bool) {
        #expect(JSText.includes(haystack, needle) == expected)
    }

    @Test func objectOrderFollowsJavaScript() {
        var o = GrammarJSON.JSObject()
        o["b"] = .number(1)
        o["10"] = .number(2)
        o["2"] = .number(3)
        o["01"] = .number(4)
        o["4294967295"] = .number(5)
        o["b"] = .number(6)
        #expect(o.keys == ["2", "10", "b", "01", "4294967295"])
        #expect(o["b"] == .number(6))
        o["10"] = nil
        o["b"] = nil
        #expect(o.keys == ["2", "01", "4294967295"])
        #expect(o["01"] == .number(4))
    }

    static let strings: [(GrammarJSON.Value, String, Bool)] = [
        (.null, "null", false), (.bool(true), "true", true), (.number(0), "0", false), (.number(.nan), "NaN", false),
        (.number(-0.0), "0", false), (.string(""), "", false), (.string("x"), "x", true),
        (.array([.number(1), .null, .array([.string("a"), .number(2)])]), "1,,a,2", true),
        (.object(GrammarJSON.JSObject()), "[object Object]", true), (.number(1e21), "1e+21", true),
    ]

    @Test(arguments: strings)
    func jsStringAndTruthiness(value: GrammarJSON.Value, string: String, truthy: Bool) {
        #expect(value.jsString == string)
        #expect(value.isTruthy == truthy)
    }
}
