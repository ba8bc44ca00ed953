import EventStream
import Testing

/// htmx 4's `parseSSE` depends on where the body's chunks split, and the replay feeds recorded
/// chunks exactly as they arrive, so these pin that dependence. Line numbers refer to
/// `src/ext/hx-sse.js` at tag `v4.0.0-beta5`; every expectation was also checked by running
/// that `parseSSE` in Node with the same chunks.
@Suite struct HTMX4ChunkBoundaryTests {
    private func messages(_ chunks: [String], _ dialect: EventStreamDialect = .htmx4) -> [EventStreamMessage] {
        ParseResult.parse(chunks.map { Array($0.utf8)[...] }, dialect: dialect).messages
    }

    private func messages(bytes chunks: [[UInt8]], _ dialect: EventStreamDialect = .htmx4) -> [EventStreamMessage] {
        ParseResult.parse(chunks.map { $0[...] }, dialect: dialect).messages
    }

    private func htmx4(_ data: String, event: String = "", id: String = "", lastEventID: String = "", retry: Double? = nil) -> EventStreamMessage {
        EventStreamMessage(event: event, data: data, id: id, lastEventID: lastEventID, retry: retry)
    }

    /// hx-sse.js:50-51 `let lines = buffer.split(/\r\n|\r|\n/); buffer = lines.pop() || '';`
    /// runs after every chunk: a CR ending one chunk has already ended its line, and the LF
    /// starting the next chunk ends an empty line, which dispatches early.
    @Test func crAtChunkEndThenLFIsTwoLineEnds() {
        #expect(messages(["data: a\r", "\ndata: b\r\n\r\n"]) == [htmx4("a"), htmx4("b")])
        // The browser joins them (WHATWG: CRLF is one line end wherever the chunks split).
        #expect(messages(["data: a\r", "\ndata: b\r\n\r\n"], .browser) == [EventStreamMessage(data: "a\nb")])
    }

    /// hx-sse.js:50: within one chunk the regex takes `\r\n` as one separator.
    @Test func crlfInsideOneChunkIsOneLineEnd() {
        #expect(messages(["data: a\r\ndata: b\r", "\n\r\n"]) == [htmx4("a\nb")])
        #expect(messages(["data: a\r\ndata: b\r\n\r\n"]) == [htmx4("a\nb")])
    }

    /// hx-sse.js:50-51 and :38 (`reader.read()`): an empty read in between does not join a CR
    /// and an LF either; the LF still starts an empty line.
    @Test func emptyChunkBetweenCRAndLF() {
        #expect(messages(["data: a\r", "", "\ndata: b\n\n"]) == [htmx4("a"), htmx4("b")])
    }

    /// hx-sse.js:50: lone CRs are line ends in any chunking; only an LF right after a
    /// chunk-ending CR makes the extra line.
    @Test func loneCRsAcrossChunks() {
        #expect(messages(["data: a\r", "data: b\r", "\r"]) == [htmx4("a\nb")])
    }

    /// The corpus stream `eol-crlf` read one byte per chunk: `data: one` dispatches at the
    /// spurious empty line, before `event: x` is read, and the data-less block that follows
    /// (hx-sse.js:54-60 resets nothing without data) hands `x` to the next message.
    @Test func eolCRLFByteAtATime() {
        let input = Array("data: one\r\nevent: x\r\n\r\ndata: two\r\n\r\n".utf8)
        let chunks = input.map { [$0] }
        #expect(messages(bytes: chunks) == [htmx4("one"), htmx4("two", event: "x")])
        #expect(messages(bytes: [input]) == [htmx4("one", event: "x"), htmx4("two")])
    }

    /// The corpus stream `eol-mixed-in-event` in two-byte chunks splits its first CRLF.
    @Test func eolMixedTwoBytesAtATime() {
        let input = Array("data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\n\n".utf8)
        let chunks = stride(from: 0, to: input.count, by: 2).map { Array(input[$0..<min($0 + 2, input.count)]) }
        #expect(messages(bytes: chunks) == [htmx4("a"), htmx4("b\nc"), htmx4("d")])
        #expect(messages(bytes: [input]) == [htmx4("a\nb\nc"), htmx4("d")])
    }

    /// hx-sse.js:43-46 `if (firstChunk) { if (chunk.charCodeAt(0) === 0xFEFF) chunk = chunk.slice(1);
    /// firstChunk = false; }` looks only at the first decoded chunk, after TextDecoder
    /// (hx-sse.js:30, :41) has dropped one BOM: two leading BOMs vanish only when the first
    /// chunk holds both.
    @Test func secondBOMStrippedOnlyFromTheFirstChunk() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = Array("data: Hello\n\n".utf8)
        #expect(messages(bytes: [bom + bom + body]) == [htmx4("Hello")])
        #expect(messages(bytes: [bom + bom, body]) == [htmx4("Hello")])
        // Second BOM in the second chunk: it stays, the field name is "\u{FEFF}data", nothing.
        #expect(messages(bytes: [bom, bom + body]).isEmpty)
        // Second BOM cut in two: the first chunk decodes to "" and the check is spent.
        #expect(messages(bytes: [bom + [0xEF], [0xBB, 0xBF] + body]).isEmpty)
        // First chunk incomplete (decodes to ""): same.
        #expect(messages(bytes: [[0xEF], Array(bom.dropFirst()) + bom + body]).isEmpty)
        // An empty first read spends the check too.
        #expect(messages(bytes: [[], bom + bom + body]).isEmpty)
        // The browser always strips exactly one BOM.
        #expect(messages(bytes: [bom + bom + body], .browser).isEmpty)
    }

    /// hx-sse.js:30, :41: TextDecoder drops the one leading BOM even when its bytes arrive in
    /// separate reads (its "BOM seen" flag waits for the first decoded scalar).
    @Test func firstBOMStrippedAcrossChunks() {
        #expect(messages(bytes: [[0xEF], [0xBB], [0xBF] + Array("data: x\n\n".utf8)]) == [htmx4("x")])
    }

    /// hx-sse.js:41 `decoder.decode(value, {stream: true})` keeps an incomplete UTF-8 sequence
    /// for the next read, so a character split between chunks decodes whole.
    @Test func utf8SequenceSplitAcrossChunks() {
        let input = Array("data: €\n\n".utf8)
        for cut in 6...8 {
            #expect(messages(bytes: [Array(input[..<cut]), Array(input[cut...])]) == [htmx4("€")])
        }
    }

    /// hx-sse.js:38-39 `if (done) break;`: the buffer's unterminated line and a block without
    /// its blank line are dropped at the end of the body.
    @Test func unterminatedEndIsDropped() {
        #expect(messages(["data: a\n\n", "data: b"]) == [htmx4("a")])
        #expect(messages(["data: a\n\n", "data: b\n"]) == [htmx4("a")])
    }

    /// hx-sse.js:54-60: only a block with data is yielded and only then is `message` replaced,
    /// so a data-less block's `event`, `id` and `retry` reach the next message, also when it
    /// arrives in a later chunk.
    @Test func dataLessBlockLeaksIntoNextChunk() {
        #expect(messages(["event: a\nid: 1\nretry: 5\n\n", "data: x\n\n"]) == [htmx4("x", event: "a", id: "1", lastEventID: "1", retry: 5)])
    }

    /// hx-sse.js:240-242 (`if (msg.id) { connection.lastEventId = msg.id; }`): the parser's
    /// `lastEventID` follows the last non-empty id, for the reconnection's `Last-Event-ID`.
    @Test func lastEventIDFollowsNonEmptyIDs() {
        var parser = EventStreamParser(dialect: .htmx4)
        #expect(throws: Never.self) { try parser.feed(Array("id: 7\ndata: a\n\n".utf8)) }
        #expect(parser.lastEventID == "7")
        #expect(throws: Never.self) { try parser.feed(Array("data: b\n\nid:\ndata: c\n\n".utf8)) }
        #expect(parser.lastEventID == "7")
        let all = [parser.next(), parser.next(), parser.next()].compactMap { $0 }
        #expect(all.map(\.id) == ["7", "", ""])
        #expect(all.map(\.lastEventID) == ["7", "7", "7"])
    }
}
