/// Feeds one input to a chunked parser in many different splits and reports every split whose
/// output differs from the whole-input result (STYLE.md practice 7, after swift-nio's
/// `ByteToMessageDecoderVerifier`).
///
/// The splits: the whole input as one chunk; one byte per chunk; every two-way split (for
/// inputs up to `exhaustiveLimit` bytes; above that, every split within 64 bytes of the start
/// or the end, around the first and last 32 line breaks, and at 256 evenly spread positions;
/// above 16 KiB, fewer of each, to keep a debug-build test run short); and `randomRuns`
/// random splits into several chunks from a seeded generator (10 above 16 KiB). Empty chunks are included
/// among the random ones, since a parser must take them in stride.
struct ChunkingVerifier<Output: Equatable> {
    /// Parses the chunks, in order, as one stream.
    var parse: ([ArraySlice<UInt8>]) -> Output
    var exhaustiveLimit = 4096
    var randomRuns = 50
    var seed: UInt64 = 0x5EED

    struct Mismatch: CustomStringConvertible {
        var splits: [Int]
        var expected: Output
        var actual: Output
        var description: String { "split at \(splits.count > 12 ? "\(splits.prefix(12))…" : "\(splits)"): expected \(expected), got \(actual)" }
    }

    /// The splits whose output differs from the whole input's (at most `limit` of them).
    func mismatches(_ input: [UInt8], limit: Int = 5) -> [Mismatch] {
        let expected = parse([input[...]])
        var found: [Mismatch] = []
        func check(_ cuts: [Int]) {
            guard found.count < limit else { return }
            let actual = parse(Self.chunks(input, cuts: cuts))
            if actual != expected { found.append(Mismatch(splits: cuts, expected: expected, actual: actual)) }
        }
        check(Array(0...input.count))  // one byte per chunk (plus empty chunks at the ends)
        for cut in twoWayCuts(input) { check([cut]) }
        var rng = SplitMix64(seed: seed ^ UInt64(input.count))
        for _ in 0..<(input.count > 16_384 ? min(randomRuns, 10) : randomRuns) {
            let pieces = Int.random(in: 1...max(1, min(16, input.count)), using: &rng)
            let cuts = (0..<pieces).map { _ in Int.random(in: 0...input.count, using: &rng) }.sorted()
            check(cuts)
        }
        return found
    }

    /// The positions of the two-way splits tried.
    private func twoWayCuts(_ input: [UInt8]) -> [Int] {
        if input.count <= exhaustiveLimit { return Array(0...input.count) }
        var cuts = Set<Int>()
        for k in 0...64 {
            cuts.insert(k)
            cuts.insert(input.count - k)
        }
        // Around the first and last 32 line breaks (a cut inside or beside a CRLF is where
        // chunked line splitting goes wrong), then evenly spread positions.
        let large = input.count > 16_384
        let breaks = input.indices.filter { input[$0] == 0x0A || input[$0] == 0x0D }
        for k in breaks.prefix(large ? 16 : 32) + breaks.suffix(large ? 16 : 32) {
            for d in -2...2 where k + d >= 0 && k + d <= input.count { cuts.insert(k + d) }
        }
        let stride = max(1, input.count / (large ? 32 : 256))
        for k in Swift.stride(from: 0, through: input.count, by: stride) { cuts.insert(k) }
        return cuts.sorted()
    }

    /// `input` cut at the given (sorted) offsets.
    static func chunks(_ input: [UInt8], cuts: [Int]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var previous = 0
        for cut in cuts {
            let c = min(max(cut, previous), input.count)
            result.append(input[previous..<c])
            previous = c
        }
        result.append(input[previous...])
        return result
    }
}
