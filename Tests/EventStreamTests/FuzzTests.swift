import EventStream
import Testing

/// Seeded random bytes: no input may crash the parser or get past its limits, the browser
/// reading (errors included) must not depend on chunking, and both dialects must agree with
/// the literal models of their clients.
@Suite struct FuzzTests {
    /// Bytes that matter to the grammar turn up far more often than in uniform noise.
    static let pieces: [[UInt8]] = [
        Array("data".utf8), Array("event".utf8), Array("id".utf8), Array("retry".utf8), [0x3A], [0x20], [0x0A], [0x0D],
        [0x0D, 0x0A], [0x0A, 0x0A], [0xEF, 0xBB, 0xBF], [0xEF], [0xBB], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80],
        [0xC3], [0x80], [0xFF], [0xED, 0xA0, 0x80], [0x00], [0x09], Array("12".utf8), Array("-x".utf8), Array("+7".utf8),
    ]

    static func input(_ rng: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        let count = Int.random(in: 0...24, using: &rng)
        for _ in 0..<count {
            if Int.random(in: 0..<4, using: &rng) == 0 {
                bytes.append(UInt8.random(in: 0...255, using: &rng))
            } else {
                bytes += pieces.randomElement(using: &rng)!
            }
        }
        return bytes
    }

    @Test func hundredThousandRandomInputs() {
        var rng = SplitMix64(seed: 20_251_122)
        let limits = EventStreamLimits(maxLineLength: 12, maxEventSize: 20)
        var errors = 0
        for n in 0..<100_000 {
            let bytes = Self.input(&rng)
            let dialect: EventStreamDialect = n % 2 == 0 ? .browser : .htmx4
            let cuts = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int.random(in: 0...bytes.count, using: &rng) }.sorted()
            let chunks = ChunkingVerifier<ParseResult>.chunks(bytes, cuts: cuts)
            let limited = ParseResult.parse(chunks, dialect: dialect, limits: limits)
            for message in limited.messages {
                #expect(message.dataUTF8.count <= limits.maxEventSize)
            }
            if let error = limited.error {
                errors += 1
                #expect(error.byteOffset >= 0 && error.byteOffset <= bytes.count)
                switch error.code {
                case .lineTooLong:
                    // The line began at least `maxLineLength` bytes before the offset and the
                    // byte at the offset exists: the error comes as soon as the line is too long.
                    #expect(error.byteOffset >= limits.maxLineLength && error.byteOffset < bytes.count)
                case .eventTooLarge:
                    let start = error.byteOffset
                    #expect(start == 0 || start == 3 || start == 6 || bytes[start - 1] == 0x0A || bytes[start - 1] == 0x0D)
                }
            }
            if n % 10 == 0 {
                let whole = ParseResult.parse([bytes[...]], dialect: dialect, limits: limits)
                if dialect == .browser {
                    let byteByByte = ParseResult.parse(ChunkingVerifier<ParseResult>.chunks(bytes, cuts: Array(0...bytes.count)), dialect: .browser, limits: limits)
                    #expect(limited == whole, "input \(bytes) cuts \(cuts)")
                    #expect(byteByByte == whole, "input \(bytes)")
                }
                let unlimited = ParseResult.parse(chunks, dialect: dialect)
                let model = dialect == .browser ? ChromiumEventSourceModel.parse(bytes) : HTMX4ParseSSEModel.parse(chunks)
                #expect(unlimited == model, "input \(bytes) cuts \(cuts)")
            }
        }
        // The limits are small enough that a good share of inputs hit them.
        #expect(errors > 1000)
    }

    /// Uniform random bytes, longer, through both dialects and the models.
    @Test(arguments: 0..<200)
    func uniformNoiseMatchesModels(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) ^ 0xF00D)
        let bytes = (0..<Int.random(in: 0...400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect(ParseResult.parse([bytes[...]], dialect: .browser) == ChromiumEventSourceModel.parse(bytes))
        let cuts = (0..<4).map { _ in Int.random(in: 0...bytes.count, using: &rng) }.sorted()
        let chunks = ChunkingVerifier<ParseResult>.chunks(bytes, cuts: cuts)
        #expect(ParseResult.parse(chunks, dialect: .htmx4) == HTMX4ParseSSEModel.parse(chunks))
    }
}
