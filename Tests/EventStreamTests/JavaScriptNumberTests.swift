import EventStream
import Testing

/// `parseInt(s, 10)` and `Number.prototype.toString()`, as htmx 4's `retry` needs them. The
/// expected values are what JavaScript (V8) gives.
@Suite struct JavaScriptNumberTests {
    static let parseIntCases: [(String, Double?)] = [
        ("10", 10), ("10ms", 10), ("-1", -1), ("1.5", 1), ("0x10", 0), ("+7", 7), ("  42", 42),
        ("\t\u{B}\u{C}\u{A0}\u{1680}\u{2000}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}5", 5),
        ("\u{200B}5", nil),  // U+200B ZERO WIDTH SPACE is not white space in ECMAScript
        ("007", 7), ("", nil), ("x", nil), ("-", nil), ("+", nil), ("- 1", nil), ("1e3", 1), ("١٢", nil),
        ("12345678901234567890", 12_345_678_901_234_567_168), ("99999999999999999999999", 1e23),
        ("9007199254740993", 9_007_199_254_740_992),
    ]

    @Test(arguments: parseIntCases)
    func parseInt(_ input: String, _ expected: Double?) {
        #expect(JavaScriptNumber.parseInt10(Array(input.utf8)) == expected)
    }

    @Test func minusZeroStaysNegative() throws {
        let value = try #require(JavaScriptNumber.parseInt10(Array("-0".utf8)))
        #expect(value == 0 && value.sign == .minus)
        #expect(JavaScriptNumber.parseInt10(Array("-000".utf8))?.sign == .minus)
    }

    @Test func hugeDigitRunsOverflowToInfinity() {
        #expect(JavaScriptNumber.parseInt10(Array(String(repeating: "9", count: 400).utf8)) == .infinity)
    }

    static let formatCases: [(Double, String?)] = [
        (0, "0"), (-0.0, "0"), (10, "10"), (-1, "-1"), (9.999999999999999e20, "999999999999999900000"), (1e20, "100000000000000000000"), (5e-7, "5e-7"), (0.1 + 0.2, "0.30000000000000004"),
        (12_345_678_901_234_567_168, "12345678901234567000"), (9_007_199_254_740_992, "9007199254740992"),
        (1e21, "1e+21"), (1e23, "1e+23"), (1.5e300, "1.5e+300"), (-2.5e22, "-2.5e+22"), (0.5, "0.5"),
        (1.25, "1.25"), (0.000001, "0.000001"), (1e-7, "1e-7"), (123.456, "123.456"),
        (.infinity, nil), (-.infinity, nil), (.nan, nil),
    ]

    @Test(arguments: formatCases)
    func format(_ value: Double, _ expected: String?) {
        #expect(JavaScriptNumber.format(value) == expected)
    }
}
