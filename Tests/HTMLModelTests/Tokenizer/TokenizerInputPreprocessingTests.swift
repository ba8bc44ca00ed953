import Testing
import HTMLModel

/// Decoding and "preprocessing the input stream"
/// (<https://html.spec.whatwg.org/multipage/parsing.html#preprocessing-the-input-stream>):
/// U+FFFD per maximal invalid UTF-8 subsequence, one leading BOM dropped, CRLF/CR -> LF.
@Suite struct TokenizerInputPreprocessingTests {
    /// All characters of `bytes` as the tokenizer sees them: PLAINTEXT emits every character
    /// (U+0000 becomes U+FFFD there).
    static func plaintext(_ bytes: [UInt8]) -> String {
        let result = tokenizeAll(bytes, contentState: .plaintext)
        var text = ""
        for token in result.tokens {
            guard case .characters(let run) = token else { return "<unexpected \(token)>" }
            text += run
        }
        return text
    }

    struct DecodingCase: Sendable, CustomTestStringConvertible {
        var label: String
        var bytes: [UInt8]
        var expected: String
        var testDescription: String { label }
    }

    static let decodingCases: [DecodingCase] = [
        .init(label: "lone continuation byte", bytes: [0x61, 0x80, 0x62], expected: "a\u{FFFD}b"),
        .init(label: "truncated 2-byte at end", bytes: [0x61, 0xC3], expected: "a\u{FFFD}"),
        .init(label: "truncated 3-byte is one U+FFFD", bytes: [0xE2, 0x82, 0x78], expected: "\u{FFFD}x"),
        .init(label: "truncated 4-byte is one U+FFFD", bytes: [0xF0, 0x9F, 0x98, 0x78], expected: "\u{FFFD}x"),
        .init(label: "encoded surrogate: three U+FFFD", bytes: [0xED, 0xA0, 0x80], expected: "\u{FFFD}\u{FFFD}\u{FFFD}"),
        .init(label: "overlong 2-byte: two U+FFFD", bytes: [0xC0, 0xAF], expected: "\u{FFFD}\u{FFFD}"),
        .init(label: "overlong 3-byte: three U+FFFD", bytes: [0xE0, 0x80, 0x80], expected: "\u{FFFD}\u{FFFD}\u{FFFD}"),
        .init(label: "above U+10FFFF: four U+FFFD", bytes: [0xF4, 0x90, 0x80, 0x80],
              expected: "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        .init(label: "FE and FF", bytes: [0xFE, 0x41, 0xFF], expected: "\u{FFFD}A\u{FFFD}"),
        .init(label: "invalid byte restarts a sequence", bytes: [0xE2, 0x41, 0xE2, 0x82, 0xAC],
              expected: "\u{FFFD}A\u{20AC}"),
        .init(label: "valid 4-byte", bytes: [0xF0, 0x9F, 0x98, 0x80], expected: "\u{1F600}"),
        .init(label: "BOM dropped", bytes: [0xEF, 0xBB, 0xBF, 0x61], expected: "a"),
        .init(label: "only one BOM dropped", bytes: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x61], expected: "\u{FEFF}a"),
        .init(label: "BOM later is a character", bytes: [0x61, 0xEF, 0xBB, 0xBF], expected: "a\u{FEFF}"),
        .init(label: "truncated BOM", bytes: [0xEF, 0xBB], expected: "\u{FFFD}"),
        .init(label: "BOM then CRLF", bytes: [0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x61], expected: "\na"),
        .init(label: "CRLF", bytes: Array("a\r\nb".utf8), expected: "a\nb"),
        .init(label: "lone CR", bytes: Array("a\rb".utf8), expected: "a\nb"),
        .init(label: "CR CR LF", bytes: Array("a\r\r\nb".utf8), expected: "a\n\nb"),
        .init(label: "LF CR", bytes: Array("a\n\rb".utf8), expected: "a\n\nb"),
        .init(label: "CR at end", bytes: Array("a\r".utf8), expected: "a\n"),
        .init(label: "CR before invalid byte", bytes: [0x0D, 0xFF, 0x0D], expected: "\n\u{FFFD}\n"),
    ]

    @Test(arguments: decodingCases)
    func decoding(_ testCase: DecodingCase) {
        #expect(Self.plaintext(testCase.bytes) == testCase.expected)
    }

    /// A splitmix64 generator: deterministic, so a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What preprocessing should produce, by an independent route: the standard library's
    /// UTF-8 repair (also U+FFFD per maximal subpart), then newline normalisation on scalars.
    static func reference(_ bytes: [UInt8]) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let decoded = String(decoding: body, as: UTF8.self)
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in decoded.unicodeScalars {
            switch scalar {
            case "\r":
                scalars.append("\n")
                previousWasCR = true
                continue
            case "\n" where previousWasCR:
                break
            case "\0":
                scalars.append("\u{FFFD}")  // PLAINTEXT's NUL handling
            default:
                scalars.append(scalar)
            }
            previousWasCR = false
        }
        return String(scalars)
    }

    @Test func randomBytesMatchStandardLibraryRepair() {
        var generator = SeededGenerator(state: 0x5EED)
        // Bytes biased towards the interesting ones: lead and continuation bytes, CR, LF.
        let palette: [UInt8] = [0x41, 0x0D, 0x0A, 0x00, 0x80, 0xBF, 0xC2, 0xC0, 0xDF, 0xE0, 0xE1, 0xED, 0xEF,
                                0xBB, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x90, 0x8F]
        for round in 0 ..< 2000 {
            let length = Int(generator.next() % 24)
            var bytes: [UInt8] = []
            for _ in 0 ..< length {
                let pick = generator.next()
                bytes.append(pick % 4 == 0 ? UInt8(truncatingIfNeeded: pick >> 8) : palette[Int((pick >> 8) % UInt64(palette.count))])
            }
            if round % 7 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            let got = Self.plaintext(bytes)
            let expected = Self.reference(bytes)
            #expect(got == expected, "bytes \(bytes)")
            if got != expected { return }
        }
    }

    @Test func invalidBytesInTagAndAttribute() {
        let tokens = tokenizeAll([0x3C, 0x61, 0xFF, 0x62, 0x20, 0x78, 0x3D, 0x22, 0xC3, 0x22, 0x3E]).tokens
        #expect(tokens == [.startTag(name: "a\u{FFFD}b", attributes: [HTMLAttribute(name: "x", value: "\u{FFFD}")], selfClosing: false)])
    }

    @Test func newlinesNormalisedInsideTokens() {
        let tokens = tokenizeAll("a\r<b title=\"x\r\ny\rz\">\r\n<!--c\r\nd-->&amp\r\n")
        #expect(tokens == [
            .characters("a\n"),
            .startTag(name: "b", attributes: [HTMLAttribute(name: "title", value: "x\ny\nz")], selfClosing: false),
            .characters("\n"),
            .comment("c\nd"),
            .characters("&\n"),
        ])
    }

    @Test func positionsCountNormalisedLines() {
        // CRLF, lone CR and LF each end one line; the error is at `>` of `</>`.
        let result = tokenizeAll(Array("a\r\nb\rc\n  </>".utf8))
        #expect(result.diagnostics == [HTMLParseDiagnostic(code: "missing-end-tag-name", line: 4, column: 5)])
    }

    @Test func columnsCountUTF16CodeUnits() {
        // U+1F600 is two UTF-16 code units, é one.
        let result = tokenizeAll(Array("\u{1F600}é</>".utf8))
        #expect(result.diagnostics == [HTMLParseDiagnostic(code: "missing-end-tag-name", line: 1, column: 6)])
    }

    @Test func inputStreamErrors() {
        // U+0001 (C0 control), U+0085 (C1 control), U+FDD0 and U+10FFFF (noncharacters).
        // (Built from scalars: Swift string literals reject noncharacter escapes.)
        let scalars: [UInt32] = [0x61, 0x01, 0x62, 0x85, 0xFDD0, 0x0A, 0x10FFFF]
        let text = String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
        let result = tokenizeAll(Array(text.utf8))
        #expect(result.diagnostics == [
            HTMLParseDiagnostic(code: "control-character-in-input-stream", line: 1, column: 2),
            HTMLParseDiagnostic(code: "control-character-in-input-stream", line: 1, column: 4),
            HTMLParseDiagnostic(code: "noncharacter-in-input-stream", line: 1, column: 5),
            HTMLParseDiagnostic(code: "noncharacter-in-input-stream", line: 2, column: 1),
        ])
        // The characters themselves stay.
        #expect(result.tokens == [.characters(text)])
    }

    @Test func inputStreamErrorsInterleaveWithTokenizerErrors() {
        let result = tokenizeAll(Array("\u{01}</>\u{01}".utf8))
        #expect(result.diagnostics.map(\.code) == [
            "control-character-in-input-stream", "missing-end-tag-name", "control-character-in-input-stream",
        ])
    }
}
