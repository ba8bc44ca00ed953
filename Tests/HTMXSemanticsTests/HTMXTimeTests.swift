import Testing
@testable import HTMXSemantics

struct HTMXTimeTests {
    // test/core/internals.js "handles parseInterval correctly", plus parseFloat edge cases.
    static let table: [(String?, Double?)] = [
        ("1ms", 1), ("300ms", 300), ("1s", 1000), ("1.5s", 1500), ("2s", 2000),
        ("0ms", 0), ("0s", 0), ("0m", 0), ("0", 0), ("5", 5),
        (nil, nil), ("", nil), ("undefined", nil), ("true", nil), ("false", nil),
        ("2m", 120_000), ("500ms", 500), ("1000", 1000),
        (" 2s", 2000), ("2 s", 2000), ("  7  ", 7), ("\u{A0}3", 3),
        ("10px", 10), ("1e3", 1000), ("1e3ms", 1000), ("-5", -5), (".5s", 500), ("+4", 4),
        ("1.2.3", 1.2), ("1e", 1), ("1e+", 1), ("0x10", 0), ("Infinity", .infinity),
        ("-Infinity", -.infinity), ("infinity", nil), ("s", nil), ("ms", nil), ("m", nil),
        ("1sms", 1), ("1ms ", 1), ("abc", nil), ("5 ms", 5), ("1_000", 1), ("٣", nil),
    ]

    @Test(arguments: table)
    func parseInterval(input: String?, expected: Double?) {
        #expect(HTMXTime.parseInterval(input) == expected)
    }

    @Test func fractionalSecondsRoundLikeJavaScript() {
        // 0.1 * 1000 is exactly 100 in IEEE doubles, as in JavaScript.
        #expect(HTMXTime.parseInterval("0.1s") == 100)
        #expect(HTMXTime.parseInterval("0.3m") == 0.3 * 1000 * 60)
    }
}
