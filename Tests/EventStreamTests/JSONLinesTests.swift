import EventStream
import Testing

/// The JSON Lines format of the corpus (`Conformance/sse/README.md`, "Format").
@Suite struct JSONLinesTests {
    @Test func browserKeysAndMessageType() {
        let message = EventStreamMessage(data: "a\nb", lastEventID: "7")
        #expect(message.jsonLine(dialect: .browser) == #"{"type":"message","data":"a\nb","lastEventId":"7"}"#)
        let named = EventStreamMessage(event: "update", data: "x")
        #expect(named.jsonLine(dialect: .browser) == #"{"type":"update","data":"x","lastEventId":""}"#)
    }

    @Test func htmx4KeysAndNullRetry() {
        let message = EventStreamMessage(data: "a\nb", id: "7")
        #expect(message.jsonLine(dialect: .htmx4) == #"{"event":"","data":"a\nb","id":"7","retry":null}"#)
        let retry = EventStreamMessage(event: "e", data: "", id: "", retry: -0.0)
        #expect(retry.jsonLine(dialect: .htmx4) == #"{"event":"e","data":"","id":"","retry":0}"#)
    }

    @Test func escaping() {
        let text = "q\"b\\s/\u{8}\u{C}\n\r\t\u{0}\u{1B}\u{1F} \u{7F}\u{2028}\u{2029}\u{FFFD}é😀"
        let expected = #"q\"b\\s/\b\f\n\r\t\u0000\u001b\u001f "# + "\u{7F}\u{2028}\u{2029}\u{FFFD}é😀"
        let line = EventStreamMessage(data: text).jsonLine(dialect: .htmx4)
        #expect(line == #"{"event":"","data":""# + expected + #"","id":"","retry":null}"#)
    }

    @Test func appendEndsEachObjectWithLF() {
        var out: [UInt8] = []
        EventStreamJSONLines.append(EventStreamMessage(data: "1"), dialect: .browser, to: &out)
        EventStreamJSONLines.append(EventStreamMessage(data: "2"), dialect: .browser, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "{\"type\":\"message\",\"data\":\"1\",\"lastEventId\":\"\"}\n{\"type\":\"message\",\"data\":\"2\",\"lastEventId\":\"\"}\n")
    }
}
