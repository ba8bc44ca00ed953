import Testing
@testable import HTMXSemantics

struct ResponseHandlingTests {
    // htmx's default responseHandling: (status, matched index or nil, swap, error)
    static let defaults: [(Int, Int?, Bool, Bool)] = [
        (200, 1, true, false), (204, 0, false, false), (286, 1, true, false), (301, 1, true, false),
        (404, 2, false, true), (422, 2, false, true), (500, 2, false, true), (100, nil, false, false),
        (600, nil, false, false), (1204, 0, false, false), (20, nil, false, false),
    ]

    @Test(arguments: defaults)
    func defaultList(status: Int, index: Int?, swap: Bool, error: Bool) {
        let r = ResponseHandling.resolve(status: status).value
        if let index {
            guard case .matched(let i, _) = r else { Issue.record("expected a match for \(status)"); return }
            #expect(i == index)
        } else {
            #expect(r == .noMatch)
        }
        #expect(r.entry?.swap == swap)
        #expect(r.entry?.error == error)
    }

    @Test func configVectorsFromHtmxTests() {
        // test/core/config.js: [{code:'...', swap:true}] swaps everything 3-digit.
        let all = [ResponseHandlingEntry(code: "...", swap: true)]
        #expect(ResponseHandling.resolve(status: 404, entries: all).value.entry?.swap == true)
        // [{code:'200', swap:true}] does not swap a 404.
        let only200 = [ResponseHandlingEntry(code: "200", swap: true)]
        #expect(ResponseHandling.resolve(status: 404, entries: only200).value == .noMatch)
        // An unshifted 444 entry wins over the defaults.
        let custom = [ResponseHandlingEntry(code: "444", swap: true, target: "#a-div")] + ResponseHandlingEntry.htmxDefaults
        #expect(ResponseHandling.resolve(status: 444, entries: custom).value.entry?.target == "#a-div")
    }

    @Test func invalidPatternThrowsLikeHtmx() {
        let entries = [ResponseHandlingEntry(code: "[45", swap: false)] + ResponseHandlingEntry.htmxDefaults
        let r = ResponseHandling.resolve(status: 200, entries: entries)
        #expect(r.value == .threw(index: 0))
        #expect(r.value.entry == nil)
        #expect(r.diagnostics.map(\.code) == ["responseHandling.invalid-regex"])
    }

    @Test func unsupportedPatternIsSkipped() {
        let entries = [ResponseHandlingEntry(code: "(2)\\1", swap: true), ResponseHandlingEntry(code: "2..", swap: false)]
        let r = ResponseHandling.resolve(status: 200, entries: entries)
        #expect(r.value == .matched(index: 1, entry: entries[1]))
        #expect(r.diagnostics.map(\.code) == ["responseHandling.unsupported-regex"])
    }

    @Test func entriesFromJSON() throws {
        let json = GrammarJSON.parse("[{\"code\":404,\"swap\":1,\"error\":\"\",\"target\":\"#x\",\"event\":7},{\"swap\":true},3]").value
        guard case .array(let items)? = json else { Issue.record("not an array"); return }
        let parsed = items.map(ResponseHandlingEntry.fromJSON)
        let first = try #require(parsed[0].value)
        #expect(first.code == "404")
        #expect(first.swap)
        #expect(!first.error)
        #expect(first.target == "#x")
        #expect(first.event == nil)
        #expect(parsed[0].diagnostics.map(\.code) == ["responseHandling.not-string"])
        let second = try #require(parsed[1].value)
        #expect(second.code == nil)
        // No code: `new RegExp(undefined)` matches everything.
        #expect(second.pattern.matches(status: 999) == .match)
        #expect(parsed[2].value == nil)
    }

    // (pattern, status, outcome) beyond the generated corpus.
    static let patterns: [(String, Int, String)] = [
        ("^(?:2|3)\\d\\d$", 302, "t"), ("^(?:2|3)\\d\\d$", 1302, "f"), ("[^45]..", 200, "t"),
        ("2(?=0)", 200, "t"), ("2(?!0)", 200, "f"), ("\\b4", 404, "t"), ("x*", 200, "t"),
        ("(?<n>4)04", 404, "t"), ("(?<=4)04", 404, "u"), ("a{2,1}", 200, "throw"),
        ("\\62", 200, "t"), ("[\\d]{3}", 200, "t"), ("5{101}", 555, "u"), ("\\u0032", 2, "t"),
        ("[", 200, "throw"), ("a)", 200, "throw"), ("?", 200, "throw"), ("^*", 200, "throw"),
    ]

    @Test(arguments: patterns)
    func patternOutcomes(pattern: String, status: Int, expected: String) {
        let got: String
        switch StatusCodePattern(pattern).matches(status: status) {
        case .match: got = "t"
        case .noMatch: got = "f"
        case .invalid: got = "throw"
        case .unsupported: got = "u"
        }
        #expect(got == expected)
    }

    @Test func longPatternsAreRefusedNotCrashed() {
        let long = String(repeating: "(", count: 5000) + String(repeating: ")", count: 5000)
        if case .unsupported = StatusCodePattern(long).matches(status: 200) {} else {
            Issue.record("a 10,000-character pattern should be refused")
        }
        let heavy = String(repeating: "(?:.*)*", count: 30) + "x"
        let r = StatusCodePattern(heavy).matches(status: 200)
        #expect(r == .noMatch || r == .unsupported("pattern too expensive to evaluate"))
    }
}
