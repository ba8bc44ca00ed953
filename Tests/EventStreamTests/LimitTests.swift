import EventStream
import Testing

/// Past a limit the parser throws a typed error naming the byte offset, keeps what it
/// dispatched before, and refuses the rest of the stream.
@Suite struct LimitTests {
    let limits = EventStreamLimits(maxLineLength: 10, maxEventSize: 16)

    @Test(arguments: EventStreamDialect.allCases)
    func overlongLineIsATypedErrorWithItsOffset(_ dialect: EventStreamDialect) {
        // "data: ok\n\n" is 10 bytes; the long line starts at offset 10.
        let input = Array("data: ok\n\ndata: 0123456789\n\n".utf8)
        let result = ParseResult.parse([input[...]], dialect: dialect, limits: limits)
        #expect(result.messages.map(\.data) == ["ok"])
        #expect(result.error?.code == .lineTooLong)
        #expect(result.error?.byteOffset == 20)
        #expect(result.error?.message.contains("20") == true)
    }

    @Test(arguments: EventStreamDialect.allCases)
    func overlongLineIsFoundWithoutItsEnd(_ dialect: EventStreamDialect) {
        // The line never ends: the parser must not wait for a line break to complain.
        var parser = EventStreamParser(dialect: dialect, limits: limits)
        #expect(throws: Never.self) { try parser.feed(Array("data: 01".utf8)) }
        #expect(throws: EventStreamError.self) { try parser.feed(Array("23456789".utf8)) }
        do {
            try parser.feed(Array("more".utf8))
            Issue.record("a stopped stream accepted more input")
        } catch {
            #expect(error.code == .lineTooLong && error.byteOffset == 10)
        }
    }

    @Test(arguments: EventStreamDialect.allCases)
    func lineAtTheLimitIsAccepted(_ dialect: EventStreamDialect) {
        let input = Array("data: 0123\n\n".utf8)  // the line is exactly 10 bytes
        let result = ParseResult.parse([input[...]], dialect: dialect, limits: limits)
        #expect(result.error == nil)
        #expect(result.messages.map(\.data) == ["0123"])
    }

    @Test(arguments: EventStreamDialect.allCases)
    func oversizedEventIsATypedErrorAtItsLine(_ dialect: EventStreamDialect) {
        // Lines of 10 bytes with 4 bytes of data: 4, 9, 14 bytes; the fourth line (offset 30) makes 19.
        let input = Array("data:abcd\ndata:efgh\ndata:ijkl\ndata:mnop\n\n".utf8)
        let result = ParseResult.parse([input[...]], dialect: dialect, limits: limits)
        #expect(result.messages.isEmpty)
        #expect(result.error?.code == .eventTooLarge)
        #expect(result.error?.byteOffset == 30)
    }

    @Test func errorOffsetDoesNotDependOnChunking() {
        let input = Array("data: ok\n\nevent: a\ndata: 0123456789abcdef\n\n".utf8)
        let verifier = ChunkingVerifier<ParseResult> { ParseResult.parse($0, dialect: .browser, limits: limits) }
        #expect(verifier.mismatches(input).isEmpty)
        #expect(ParseResult.parse([input[...]], dialect: .browser, limits: limits).error?.byteOffset == 29)
    }

    @Test func finishRethrowsThenStartsAFreshStream() throws {
        var parser = EventStreamParser(dialect: .browser, limits: limits)
        #expect(throws: EventStreamError.self) { try parser.feed(Array("id: 1\n\ndata: 0123456789\n".utf8)) }
        #expect(throws: EventStreamError.self) { try parser.finish() }
        // A reconnection's stream parses normally and keeps the last event ID.
        try parser.feed(Array("data: b\n\n".utf8))
        try parser.finish()
        #expect(parser.next() == EventStreamMessage(data: "b", lastEventID: "1"))
    }

    @Test func memoryStaysBoundedForEndlessLines() {
        // 64 MiB of one line against a 1 KiB limit, in 64 KiB chunks: the error comes after the
        // first KiB and nothing more is buffered.
        var parser = EventStreamParser(dialect: .browser, limits: EventStreamLimits(maxLineLength: 1024))
        let chunk = [UInt8](repeating: 0x61, count: 65_536)
        var thrown: EventStreamError?
        for _ in 0..<1024 {
            do { try parser.feed(chunk) } catch { thrown = error; break }
        }
        #expect(thrown?.byteOffset == 1024)
    }

    @Test func defaultsAreLarge() {
        let limits = EventStreamLimits()
        #expect(limits.maxLineLength == 16 << 20)
        #expect(limits.maxEventSize == 64 << 20)
    }
}
