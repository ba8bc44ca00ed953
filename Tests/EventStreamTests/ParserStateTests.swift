import EventStream
import Testing

/// State that outlives one event or one stream, and the parser's value semantics.
@Suite struct ParserStateTests {
    private func parse(_ text: String, _ dialect: EventStreamDialect = .browser) -> ParseResult {
        ParseResult.parse([Array(text.utf8)[...]], dialect: dialect)
    }

    @Test func lastEventIDRules() {
        // Persists, is set by a block without data, reset by an empty id, unchanged by an id
        // with NUL, and not set by a block the stream never closed.
        let result = parse("id: 1\ndata: a\n\ndata: b\n\nid: 2\n\ndata: c\n\nid:\ndata: d\n\nid: x\0y\ndata: e\n\nid: 9\n")
        #expect(result.messages.map(\.lastEventID) == ["1", "1", "2", "", ""])
        #expect(result.lastEventID == "")
    }

    @Test func lastEventIDSeedsAReconnection() throws {
        var parser = EventStreamParser(dialect: .browser)
        parser.lastEventID = "41"
        try parser.feed(Array("data: a\n\n".utf8))
        #expect(parser.next()?.lastEventID == "41")
    }

    @Test func reconnectionTime() {
        #expect(parse("retry: 1500\n").reconnectionTime == 1500)
        #expect(parse("retry: 1500\nretry: 1x\nretry: -5\nretry:  7\n").reconnectionTime == 1500)
        #expect(parse("retry: 1500\nretry:\n").reconnectionTime == 3000)  // Chromium: default delay
        #expect(parse("retry: 18446744073709551616\n").reconnectionTime == nil)  // uint64 overflow
        #expect(parse("retry: 18446744073709551615\n").reconnectionTime == Int.max)
        #expect(parse("retry: 5\n", .htmx4).reconnectionTime == nil)
    }

    @Test func finishDropsTheUnterminatedEventAndRestarts() throws {
        var parser = EventStreamParser(dialect: .browser)
        try parser.feed(Array("id: 3\ndata: a\n\nevent: x\ndata: b\n".utf8))
        try parser.finish()
        #expect(parser.next()?.data == "a")
        #expect(parser.next() == nil)
        // The next connection's stream: BOM stripped again, event type reset, id kept.
        try parser.feed([0xEF, 0xBB, 0xBF] + Array("data: c\n\n".utf8))
        #expect(parser.next() == EventStreamMessage(data: "c", lastEventID: "3"))
    }

    @Test func htmx4FirstChunkCheckRestartsAfterFinish() throws {
        var parser = EventStreamParser(dialect: .htmx4)
        let doubleBOM: [UInt8] = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]
        try parser.feed(doubleBOM + Array("data: a\n\n".utf8))
        try parser.finish()
        try parser.feed(doubleBOM + Array("data: b\n\n".utf8))
        #expect(parser.next()?.data == "a")
        #expect(parser.next()?.data == "b")
    }

    @Test func nonContiguousAndRawChunks() throws {
        var parser = EventStreamParser(dialect: .browser)
        try parser.feed(Array("data: a".utf8).lazy.map { $0 })
        try Array("\n\n".utf8).withUnsafeBytes { try parser.feed($0) }
        #expect(parser.next()?.data == "a")
    }

    @Test func partiallyDrainedQueueKeepsOrder() throws {
        var parser = EventStreamParser(dialect: .browser)
        var expected = 0
        for round in 0..<50 {
            let text = (0..<100).map { "data: \(round * 100 + $0)\n\n" }.joined()
            try parser.feed(Array(text.utf8))
            for _ in 0..<60 {
                #expect(parser.next()?.data == "\(expected)")
                expected += 1
            }
        }
        while let message = parser.next() {
            #expect(message.data == "\(expected)")
            expected += 1
        }
        #expect(expected == 5000)
    }

    @Test func messagesOutliveTheParserAndBlockReuse() throws {
        var kept: [EventStreamMessage] = []
        do {
            var parser = EventStreamParser(dialect: .htmx4)
            for n in 0..<5000 {
                try parser.feed(Array("event: e\(n)\nid: \(n)\ndata: \(String(repeating: "x", count: n % 300))\(n)\n\n".utf8))
                while let message = parser.next() {
                    if n % 7 == 0 { kept.append(message) }
                }
            }
        }
        for message in kept {
            let n = Int(message.id ?? "") ?? -1
            #expect(message.event == "e\(n)")
            #expect(message.data == String(repeating: "x", count: n % 300) + "\(n)")
        }
        #expect(kept.count == 715)
    }

    @Test func copiesOfAParserAreIndependent() throws {
        var first = EventStreamParser(dialect: .browser)
        try first.feed(Array("data: shared\n\nid: 1\ndata: pre".utf8))
        var second = first
        try first.feed(Array("fix-one\n\n".utf8))
        try second.feed(Array("fix-two\n\n".utf8))
        let a = [first.next(), first.next()]
        let b = [second.next(), second.next()]
        #expect(a.map { $0?.data } == ["shared", "prefix-one"])
        #expect(b.map { $0?.data } == ["shared", "prefix-two"])
        // Many more messages in one copy must not overwrite the other's.
        for n in 0..<3000 { try first.feed(Array("data: \(n) \(String(repeating: "y", count: 50))\n\n".utf8)) }
        while first.next() != nil {}
        #expect(b.map { $0?.data } == ["shared", "prefix-two"])
    }

    @Test func recordedChunks() throws {
        let chunks = [EventStreamChunk(at: 0, text: "data: a\r"), EventStreamChunk(at: 250, text: "\ndata: b\n\n")]
        let htmx4 = try EventStreamParser.messages(in: chunks, dialect: .htmx4)
        #expect(htmx4.map(\.at) == [250, 250])
        #expect(htmx4.map(\.message.data) == ["a", "b"])
        let browser = try EventStreamParser.messages(in: chunks, dialect: .browser)
        #expect(browser == [TimedEventStreamMessage(at: 250, message: EventStreamMessage(data: "a\nb"))])
        #expect(try EventStreamParser.messages(in: Array("data: z\n\n".utf8), dialect: .browser).map(\.data) == ["z"])
    }

    @Test func messageFields() {
        var message = EventStreamMessage(event: "", data: "d", id: "i", lastEventID: "l", retry: 5)
        #expect(message.type == "message")
        message.event = "named"
        message.data = "changed"
        #expect(message == EventStreamMessage(event: "named", data: "changed", id: "i", lastEventID: "l", retry: 5))
        #expect(message.type == "named")
        message.id = nil
        #expect(message.idUTF8 == nil)
        #expect(Array(message.dataUTF8) == Array("changed".utf8))
        #expect(EventStreamMessage(data: "a", id: "") != EventStreamMessage(data: "a"))
        #expect(EventStreamMessage(event: "ab", data: "c") != EventStreamMessage(event: "a", data: "bc"))
        #expect(EventStreamMessage(dataUTF8: [0x61, 0xFF]).data == "a\u{FFFD}")
    }

    @Test func eventStreamData() {
        let a = EventStreamData("héllo")
        let b = EventStreamData(Array("héllo".utf8))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a.count == 6 && a.string == "héllo" && a[1] == 0xC3)
        #expect(EventStreamData([0xC3]).string == "\u{FFFD}")
        #expect(EventStreamData("").isEmpty)
    }
}
