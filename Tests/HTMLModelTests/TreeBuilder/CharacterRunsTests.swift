@testable import HTMLModel
import Testing

@Suite("Character runs")
struct CharacterRunsTests {
    /// The word-at-a-time NUL check agrees with a byte-by-byte one on runs of every length up
    /// to three words, with the NUL at every position or absent, inside substrings that start
    /// part-way into their string (and into a multi-byte character's neighbourhood).
    @Test func containsNullAgreesWithAByteWalk() {
        for length in 0...24 {
            for nul in -1..<length {
                var scalars = (0..<length).map { $0 % 5 == 4 ? "é" : "a" }
                if nul >= 0 { scalars[nul] = "\u{0}" }
                let whole = "xé" + scalars.joined() + "yz"
                let run = whole.dropFirst(2).dropLast(2)
                #expect(CharacterRuns.containsNull(run) == run.utf8.contains(0), "length \(length), NUL at \(nul)")
                #expect(CharacterRuns.removingNulls(run).utf8.contains(0) == false)
            }
        }
    }
}
