import EventStream
import Testing

/// `.browser` output never depends on how the bytes were chunked: every corpus input, whole,
/// byte at a time, at every two-way split and at seeded random splits, gives the same
/// messages, last event ID and reconnection time.
@Suite struct ChunkingTests {
    static var verifier: ChunkingVerifier<ParseResult> { ChunkingVerifier { ParseResult.parse($0, dialect: .browser) } }

    @Test(arguments: SSECorpus.all)
    func browserOutputIgnoresChunking(_ stream: SSECase) throws {
        let mismatches = Self.verifier.mismatches(try stream.input())
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// The verifier itself must notice a chunk-dependent parser, or its silence means nothing:
    /// htmx 4's reading of a CRLF split between chunks differs from the whole stream's.
    @Test func verifierCatchesChunkDependence() {
        let verifier = ChunkingVerifier<ParseResult> { ParseResult.parse($0, dialect: .htmx4) }
        let mismatches = verifier.mismatches(Array("data: a\r\ndata: b\r\n\r\n".utf8))
        #expect(!mismatches.isEmpty)
    }

    /// htmx 4 under random chunkings agrees with the literal model of `parseSSE` fed the same
    /// chunks, for every corpus input.
    @Test(arguments: SSECorpus.all)
    func htmx4MatchesModelUnderRandomChunking(_ stream: SSECase) throws {
        let input = try stream.input()
        var rng = SplitMix64(seed: 0xC0FFEE ^ UInt64(input.count))
        let runs = input.count > 4096 ? 3 : 30
        for run in 0..<runs {
            let pieces = run == 0 ? input.count : Int.random(in: 1...max(1, min(12, input.count)), using: &rng)
            let cuts = run == 0
                ? Array(0..<input.count)
                : (0..<pieces).map { _ in Int.random(in: 0...input.count, using: &rng) }.sorted()
            let chunks = ChunkingVerifier<ParseResult>.chunks(input, cuts: cuts)
            let actual = ParseResult.parse(chunks, dialect: .htmx4)
            let expected = HTMX4ParseSSEModel.parse(chunks)
            #expect(actual == expected, "cuts \(cuts.prefix(20))")
            if actual != expected { break }
        }
    }
}
