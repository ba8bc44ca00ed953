@testable import EventStream
import Testing

/// The line scanner visits flagged bytes through a per-block bit mask and checks the common
/// sequence forms on one word load; both shortcuts must agree with the plain definition: the
/// first CR or LF, and whether the bytes before it are valid UTF-8 (as Swift's own validator
/// decides it), wherever the line starts and ends relative to the 32-byte blocks.
@Suite struct LineBreakScannerTests {
    /// Bytes that stress the scanner: line breaks, other C0 controls, ASCII, every lead class
    /// (including those with special second-byte ranges and invalid ones), continuation bytes
    /// at the range edges.
    static let alphabet: [UInt8] = [
        0x0A, 0x0D, 0x00, 0x09, 0x0E, 0x20, 0x41, 0x7F,
        0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xDF,
        0xE0, 0xE1, 0xE2, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]
    static let pieces: [String] = ["a", "é", "ß", "—", "日", "\u{FFFD}", "😀", "\u{10FFFF}", "\u{D7FF}", "\u{E000}"]

    private func expected(_ bytes: [UInt8], from start: Int, to end: Int) -> (end: Int, valid: Bool) {
        var stop = start
        while stop < end && bytes[stop] != 0x0A && bytes[stop] != 0x0D { stop += 1 }
        let valid = String(validating: bytes[start..<stop], as: UTF8.self) != nil
        return (stop, valid)
    }

    @Test func agreesWithThePlainDefinition() {
        var random = SplitMix64(seed: 0x5CA7_11E5)
        for round in 0..<4000 {
            var bytes: [UInt8] = []
            // Valid text most of the time, so that long clean runs reach the vector loop.
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                bytes += Array(Self.pieces.randomElement(using: &random)!.utf8)
            }
            let noise = Int.random(in: 0...8, using: &random)
            for _ in 0..<Int.random(in: 0...120, using: &random) {
                let raw = Int.random(in: 0..<16, using: &random) < noise
                bytes.append(raw ? Self.alphabet.randomElement(using: &random)! : 0x61)
                if round % 2 == 0 && Int.random(in: 0..<8, using: &random) == 0 {
                    bytes += Array(Self.pieces.randomElement(using: &random)!.utf8)
                }
            }
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for start in stride(from: 0, to: buffer.count, by: 5) {
                    for end in Set([buffer.count, max(start, buffer.count - 2), min(buffer.count, start + 33)]) {
                        let got = LineBreakScanner.scanLine(base, from: start, to: end)
                        let want = expected(bytes, from: start, to: end)
                        #expect(got.end == want.end && got.valid == want.valid, "bytes \(bytes[start..<end].map { $0 })")
                        if got.end != want.end || got.valid != want.valid { return }
                    }
                }
            }
        }
    }
}
