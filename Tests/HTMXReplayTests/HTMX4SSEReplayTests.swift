@testable import HTMXReplay
import HTMLModel
import HTMXSemantics
import Testing

/// hx-sse (htmx 4.0.0-beta5, src/ext/hx-sse.js) on the virtual clock: when connections are
/// made, what they send, and how backoff, `retry:`, jitter and pausing move them.
@Suite("hx-sse replay")
struct HTMX4SSEReplayTests {
    /// Runs a scenario and logs `TIME type [detail]` for the SSE lifecycle events.
    final class Run {
        let replay: HTMX4Replay
        var log: [String] = []
        let result: ReplaySession.Outcome

        init(_ json: String) throws {
            let scenario = try ScenarioLoader.decode(Array(json.utf8))
            replay = HTMX4Replay(scenario, document: Document(html: scenario.page))
            let recorder = replay.session.recorder
            let scheduler = replay.session.scheduler
            var log: [String] = []
            replay.session.dispatcher.observer = { event, reachesDocument in
                recorder.observe(event, reachesDocument: reachesDocument)
                guard event.type.contains("sse") || event.origin == .script && !event.type.hasPrefix("htmx:") else { return }
                let d = EventRecorder.detail(of: event.detail).map { key, value in
                    switch value {
                    case .string(let s): return "\(key)=\(s)"
                    default: return "\(key)=\(value)"
                    }
                }.joined(separator: " ")
                log.append("\(Int(scheduler.now)) \(event.type) \(d)")
            }
            result = replay.run()
            self.log = log
        }

        func times(of type: String) -> [Int] {
            log.filter { $0.split(separator: " ")[1] == type }.map { Int($0.split(separator: " ")[0])! }
        }
    }

    static func scenario(attrs: String, config: String = #"{"sse": {"reconnectJitter": 0}}"#, responses: String,
                         actions: String = "[]", until: Int = 10000, seed: Int = 0) -> String {
        """
        {"htmx": "4", "config": \(config), "seed": \(seed),
         "page": "<!DOCTYPE html><html><head><title>t</title></head><body><div id=\\"s\\" \(attrs)></div><div id=\\"out\\"></div></body></html>",
         "responses": \(responses), "actions": \(actions), "until": \(until)}
        """
    }

    static func stream(_ chunks: String, close: Int? = nil, status: Int = 200) -> String {
        #"{"method": "GET", "url": "/s", "status": \#(status), "headers": {"Content-Type": "text/event-stream"}, "chunks": \#(chunks)\#(close.map { #", "close": \#($0)"# } ?? "")}"#
    }

    static func failure(status: Int = 503) -> String {
        #"{"method": "GET", "url": "/s", "status": \#(status), "body": "down"}"#
    }

    @Test func failedReconnectsBackOffDoublingUpToTheMaximum() throws {
        // The stream ends at once; every reconnect then fails: attempts 1, 2, 3, 4, 5 wait
        // 100, 200, 400, 400, 400 ms after the previous failure.
        let responses = "[" + ([Self.stream("[]", close: 0)] + Array(repeating: Self.failure(), count: 5)).joined(separator: ",") + "]"
        let r = try Run(Self.scenario(attrs: ##"hx-sse:connect=\"/s\""##,
                                      config: #"{"sse": {"reconnectJitter": 0, "reconnectDelay": 100, "reconnectMaxDelay": 400}}"#,
                                      responses: responses, until: 1500))
        #expect(r.times(of: "htmx:sse:error") == [100, 300, 700, 1100, 1500])
        #expect(r.result.requests.count == 6)
    }

    @Test func aSuccessfulReconnectResetsTheAttemptCounter() throws {
        // Each connection ends at once and each reconnect succeeds: every wait is the base delay.
        let responses = "[" + Array(repeating: Self.stream("[]", close: 0), count: 5).joined(separator: ",") + "]"
        let r = try Run(Self.scenario(attrs: ##"hx-sse:connect=\"/s\""##,
                                      config: #"{"sse": {"reconnectJitter": 0, "reconnectDelay": 100, "reconnectMaxDelay": 400}}"#,
                                      responses: responses, until: 450))
        #expect(r.times(of: "htmx:after:sse:connection") == [0, 100, 200, 300, 400])
    }

    @Test func retryChangesTheDelayAndIdsAreSentBackAsLastEventID() throws {
        let first = Self.stream(#"[{"at": 0, "data": "id: 7\nretry: 250\ndata: a\n\n"}]"#, close: 50)
        let second = Self.stream(#"[{"at": 0, "data": "data: b\n\n"}]"#)
        let r = try Run(Self.scenario(attrs: ##"hx-sse:connect=\"/s\" hx-target=\"#out\""##, responses: "[\(first), \(second)]", until: 1000))
        #expect(r.times(of: "htmx:after:sse:connection") == [0, 300])
        #expect(r.result.requests.count == 2)
        #expect(r.result.requests[0].headers.first { $0.0 == "last-event-id" } == nil)
        #expect(r.result.requests[1].headers.first { $0.0 == "last-event-id" }?.1 == "7")
        #expect(r.replay.session.document.element(byID: "out")?.textContent == "b")
    }

    @Test func attemptsStopAtReconnectMaxAttempts() throws {
        // One stream, then nothing recorded: every reconnect is a network error.
        let r = try Run(Self.scenario(attrs: ##"hx-sse:connect=\"/s\""##,
                                      config: #"{"sse": {"reconnectJitter": 0, "reconnectDelay": 10, "reconnectMaxAttempts": 2}}"#,
                                      responses: "[\(Self.stream("[]", close: 0))]", until: 5000))
        // The first connection, then attempts 1 and 2.
        #expect(r.result.requests.count == 3)
        #expect(r.times(of: "htmx:sse:error").count == 2)
        #expect(r.log.last?.contains("htmx:sse:close") == true)
        #expect(r.log.last?.contains("reason=ended") == true)
    }

    @Test func jitterIsDrawnFromTheSeededGenerator() throws {
        func connectionTimes(seed: Int) throws -> [Int] {
            let responses = "[" + Array(repeating: Self.stream("[]", close: 0), count: 4).joined(separator: ",") + "]"
            return try Run(Self.scenario(attrs: ##"hx-sse:connect=\"/s\""##,
                                         config: #"{"sse": {"reconnectJitter": 0.5, "reconnectDelay": 1000}}"#,
                                         responses: responses, until: 20000, seed: seed)).times(of: "htmx:after:sse:connection")
        }
        let a = try connectionTimes(seed: 1)
        #expect(a == (try connectionTimes(seed: 1)))
        #expect(a != (try connectionTimes(seed: 2)))
        // Each reconnect succeeds, so every wait is the base delay ±50%.
        let waits = zip(a.dropFirst(), a).map { $0 - $1 }
        #expect(waits.count == 3)
        for wait in waits { #expect(wait >= 500 && wait <= 1500) }
    }

    @Test func hidingThePagePausesAndShowingItReconnectsAtAttemptOne() throws {
        let first = Self.stream(#"[{"at": 0, "data": "id: 1\ndata: a\n\n"}, {"at": 500, "data": "data: lost\n\n"}]"#)
        let second = Self.stream(#"[{"at": 0, "data": "data: c\n\n"}]"#)
        let r = try Run(Self.scenario(attrs: ##"hx-sse:connect=\"/s\" hx-target=\"#out\""##, responses: "[\(first), \(second)]",
                                      actions: #"[{"at": 100, "visibility": "hidden"}, {"at": 2000, "visibility": "visible"}]"#,
                                      until: 5000))
        // Visible again at 2000; attempt 1 waits the base delay (500 ms).
        #expect(r.times(of: "htmx:after:sse:connection") == [0, 2500])
        #expect(r.result.requests[1].headers.first { $0.0 == "last-event-id" }?.1 == "1")
        #expect(r.replay.session.document.element(byID: "out")?.textContent == "c")
        // The chunk sent while hidden was never read, and the page is told.
        #expect(r.result.diagnostics.filter { $0.code == "sse-messages-lost" }.count == 1)
    }

    @Test func namedMessagesAreEventsAndCloseEndsTheConnection() throws {
        let s = Self.stream(#"[{"at": 0, "data": "event: ping\ndata: 1\n\nevent: done\ndata: x\n\ndata: never\n\n"}]"#)
        let r = try Run(Self.scenario(attrs: ##"hx-sse:connect=\"/s\" hx-sse:close=\"done\" hx-target=\"#out\""##, responses: "[\(s)]", until: 3000))
        #expect(r.times(of: "ping") == [0])
        #expect(r.log.contains { $0.contains("htmx:sse:close") && $0.contains("reason=message") })
        #expect(r.replay.session.document.element(byID: "out")?.textContent == "")
        #expect(r.result.requests.count == 1)
    }

    @Test func aCloseNameTheStreamNeverSendsIsReported() throws {
        let s = Self.stream(#"[{"at": 0, "data": "data: a\n\n"}]"#, close: 10)
        let r = try Run(Self.scenario(attrs: ##"hx-sse:connect=\"/s\" hx-sse:close=\"bye\" hx-target=\"#out\""##,
                                      config: #"{"sse": {"reconnect": false}}"#, responses: "[\(s)]", until: 1000))
        #expect(r.result.diagnostics.contains { $0.code == "sse-close-never-sent" })
    }
}
