import EventStream
import Testing

/// The parser's UTF-8 repair must equal the Encoding Standard's decoder: one U+FFFD per maximal
/// invalid subpart, checked against a literal transcription of the decoder.
@Suite struct UTF8RepairTests {
    static let cases: [([UInt8], String)] = [
        ([0xF0, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xE2, 0x82, 0x41], "\u{FFFD}A"),
        ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"),
        ([0xE1, 0x80, 0xE2, 0xF0, 0x91, 0x92, 0xF1, 0xBF, 0x41], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}A"),
        ([0xF0, 0x9F, 0x98], "\u{FFFD}"),
        ([0xEF, 0xBB, 0xBF], "\u{FEFF}"),
    ]

    private func parsedData(_ bytes: [UInt8]) -> String? {
        let stream = Array("data: ".utf8) + bytes + [0x0A, 0x0A]
        return ParseResult.parse([stream[...]], dialect: .browser).messages.first?.data
    }

    @Test(arguments: cases)
    func knownSequences(_ bytes: [UInt8], _ expected: String) {
        #expect(ReferenceUTF8Decoder.string(bytes) == expected)
        #expect(parsedData(bytes) == expected)
        #expect(EventStreamData(bytes).string == expected)
    }

    /// Random byte strings without CR or LF, as data values, event names and ids.
    @Test func randomBytesMatchTheReferenceDecoder() {
        var rng = SplitMix64(seed: 0xBAD_F00D)
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                    0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0x0E...0xFF, using: &rng)
            }
            let expected = ReferenceUTF8Decoder.string(bytes)
            // Data taken from the line scanner's clean path when possible, repaired otherwise,
            // and long enough to cross the 32-byte vector steps.
            let padded = Array(repeating: 0x61, count: 40) + bytes
            #expect(parsedData(bytes) == expected)
            #expect(parsedData(padded) == String(repeating: "a", count: 40) + expected)
            let named = ParseResult.parse([(Array("event: ".utf8) + bytes + Array("\nid: ".utf8) + bytes + Array("\ndata\n\n".utf8))[...]], dialect: .htmx4)
            #expect(named.messages.first?.event == expected)
            #expect(named.messages.first?.id == (bytes.contains(0) ? "" : expected))
        }
    }
}
