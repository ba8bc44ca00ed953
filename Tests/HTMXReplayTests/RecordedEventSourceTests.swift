@testable import HTMXReplay
import HTMXSemantics
import Testing

/// The browser EventSource model over recorded responses (FORMAT.md "Responses", WHATWG
/// server-sent events): what a script attached to the source sees, and when.
@Suite("EventSource over recorded responses")
struct RecordedEventSourceTests {
    static func stream(_ chunks: [(Double, String)], status: Int = 200, contentType: String = "text/event-stream",
                       close: Double? = nil, networkError: Bool = false) -> RecordedResponse {
        RecordedResponse(method: "GET", url: "/s", status: status, headers: [("Content-Type", contentType)],
                         chunks: chunks.map { RecordedResponse.Chunk(at: $0.0, data: Array($0.1.utf8)) },
                         close: close, networkError: networkError)
    }

    /// Opens a source on `/s` at t = 0 and logs every event as `TIME type[:data:lastEventId] readyState`.
    final class Probe {
        let scheduler = VirtualScheduler()
        let network: RecordedNetwork
        let source: HTMX2EventSource
        var log: [String] = []

        init(_ responses: [RecordedResponse], listen: [String] = ["message"]) {
            network = RecordedNetwork(responses: responses, scheduler: scheduler)
            source = network.makeEventSource(url: "/s", element: nil)
            source.onopen = { [unowned self] _ in log.append("\(Int(scheduler.now)) open \(source.readyState.rawValue)") }
            source.onerror = { [unowned self] _ in log.append("\(Int(scheduler.now)) error \(source.readyState.rawValue)") }
            for type in listen {
                source.addEventListener(type) { [unowned self] e in
                    log.append("\(Int(scheduler.now)) \(type):\(e["data"]?.stringValue ?? "?"):\(e["lastEventId"]?.stringValue ?? "?")")
                }
            }
        }

        // Pending reconnection timers hold the source, which holds the scheduler: a probe
        // ends its run as the replayer does.
        deinit { scheduler.cancelAll() }

        func run(_ until: Double) { scheduler.run(until: until) }
        var requestHeaders: [[String]] { network.requests.map { $0.headers.map { "\($0.0)=\($0.1)" } } }
    }

    @Test func opensThenDispatchesMessagesByType() {
        let p = Probe([Self.stream([(0, "event: a\ndata: x\n\n"), (50, "data: y\n\ndata: z\nid: 3\n\n")])], listen: ["a", "message"])
        p.run(1000)
        #expect(p.log == ["0 open 1", "0 a:x:", "50 message:y:", "50 message:z:3"])
        #expect(p.requestHeaders == [["accept=text/event-stream"]])
        #expect(p.source.readyState == .open, "a stream without close stays open")
    }

    @Test func bodyEndReconnectsAfterRetryWithLastEventID() {
        let p = Probe([Self.stream([(0, "retry: 1000\nid: 7\ndata: a\n\n")], close: 100), Self.stream([(0, "data: b\n\n")])])
        p.run(5000)
        #expect(p.log == ["0 open 1", "0 message:a:7", "100 error 0", "1100 open 1", "1100 message:b:7"])
        #expect(p.requestHeaders == [["accept=text/event-stream"], ["accept=text/event-stream", "last-event-id=7"]])
    }

    @Test func defaultReconnectionTimeIsThreeSeconds() {
        let p = Probe([Self.stream([(0, "data: a\n\n")], close: 10), Self.stream([])])
        p.run(3009)
        #expect(p.network.requests.count == 1)
        p.run(3010)
        #expect(p.network.requests.count == 2)
        #expect(p.requestHeaders[1] == ["accept=text/event-stream"], "no Last-Event-ID while the ID is empty")
    }

    @Test(arguments: [
        Self.stream([(0, "data: a\n\n")], status: 500),
        Self.stream([(0, "data: a\n\n")], status: 204),
        Self.stream([(0, "data: a\n\n")], contentType: "text/plain"),
    ])
    func aWrongResponseFailsTheConnection(_ response: RecordedResponse) {
        let p = Probe([response])
        p.run(20_000)
        #expect(p.log == ["0 error 2"])
        #expect(p.network.requests.count == 1, "a failed connection is not reopened by the browser")
    }

    @Test func noRecordingLeftFailsTheConnection() {
        let p = Probe([])
        p.run(20_000)
        #expect(p.log == ["0 error 2"])
        #expect(p.network.diagnostics.map(\.code) == ["no-recording"])
    }

    @Test func networkErrorReconnects() {
        let p = Probe([Self.stream([], networkError: true), Self.stream([(5, "data: ok\n\n")])])
        p.run(10_000)
        #expect(p.log == ["0 error 0", "3000 open 1", "3005 message:ok:"])
    }

    @Test func closeStopsDispatchAndReconnection() {
        let p = Probe([Self.stream([(0, "data: a\n\ndata: b\n\n")], close: 50), Self.stream([])])
        p.source.addEventListener("message") { [unowned p] _ in p.source.close() }
        p.run(10_000)
        #expect(p.log == ["0 open 1", "0 message:a:"], "the rest of the chunk and the reconnection are dropped")
        #expect(p.source.readyState == .closed)
        #expect(p.network.requests.count == 1)
    }

    @Test func chunkBoundariesAreInvisible() {
        let p = Probe([Self.stream([(0, "da"), (10, "ta: x\r"), (20, "\ndata: y\r\n\r\n")])])
        p.run(100)
        #expect(p.log == ["0 open 1", "20 message:x\ny:"])
    }

    @Test func rawNewlineInDataIsReported() {
        let p = Probe([Self.stream([(0, "data: <div>\n<p>lost</p></div>\n\n")])])
        p.run(100)
        #expect(p.log == ["0 open 1", "0 message:<div>:"])
        #expect(p.network.diagnostics.map(\.code) == ["sse-raw-newline"])
    }

    @Test(arguments: [("event: a\ndata: x\n\n", nil), (": comment\nretry: 5\nid: 1\n\n", nil),
                      ("data: x\n<li>y</li>\n", "<li>y</li>"), ("da", nil)] as [(String, String?)])
    func fieldNameScanner(_ text: String, _ expected: String?) {
        var scanner = FieldNameScanner()
        #expect(scanner.scan(Array(text.utf8)) == expected)
    }

    /// The scanner skips line bodies with memchr; at every split of the stream into two
    /// chunks it must report what a byte-by-byte reading reports.
    @Test func fieldNameScannerAtEveryChunking() {
        let texts = ["event: a\ndata: x\n\n", "data: <div>\r\n<p>lost</p>\r</div>\n", ": c\n:\r\nid\n<b\r\n",
                     "data: x\r<li>y</li>\n", "data:x\n\u{FEFF}data: y\n", "averyveryverylongfieldnamethatgoeson: 1\n", "\n\r\r\n"]
        for text in texts {
            let bytes = Array(text.utf8)
            let expected = Self.unknownFieldNames(bytes)
            for split in 0...bytes.count {
                var scanner = FieldNameScanner()
                let found = [scanner.scan(Array(bytes[..<split])), scanner.scan(Array(bytes[split...]))].compactMap { $0 }
                #expect(found.first == expected.first, "\(text.debugDescription) split at \(split)")
            }
        }
    }

    /// Every unknown field name, reading one line at a time.
    static func unknownFieldNames(_ bytes: [UInt8]) -> [String] {
        var names: [String] = []
        var line: [UInt8] = []
        for b in bytes + [0x0A] {
            guard b == 0x0A || b == 0x0D else { line.append(b); continue }
            defer { line = [] }
            guard let first = line.first, first != 0x3A else { continue }
            let name = Array(line.prefix(while: { $0 != 0x3A }).prefix(24))
            if ["event", "data", "id", "retry"].contains(String(decoding: name, as: UTF8.self)) { continue }
            if name.starts(with: [0xEF, 0xBB, 0xBF]) { continue }
            names.append(String(decoding: name, as: UTF8.self))
        }
        return names
    }
}
