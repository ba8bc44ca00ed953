@testable import HTMXReplay
import HTMXSemantics
import Testing

/// Runs whose events or timers multiply stop at ``ReplayLimits`` and say so.
@Suite("Replay limits")
struct ReplayLimitsTests {
    static func scenario(_ json: String) throws -> Scenario {
        try ScenarioLoader.decode(Array(json.utf8))
    }

    /// htmx 2 swaps an OOB element into every element with its id, and after each fires
    /// `htmx:oobAfterSwap` on every element settled so far: 40 OOB elements into 400
    /// elements sharing one id make about 100 million events. The limit ends the task.
    @Test func quadraticOOBEventsStopAtTheEventLimit() throws {
        let page = "<button hx-get='/a' hx-swap='none'>go</button>" + String(repeating: "<div id='x'>old</div>", count: 400)
        let body = String(repeating: "<div id='x' hx-swap-oob='true'>new</div>", count: 40)
        let json = #"{"htmx": "2", "page": \#(GrammarJSON.Value.string(page).jsonText), "responses": [{"method": "GET", "url": "/a", "body": \#(GrammarJSON.Value.string(body).jsonText)}], "actions": [{"at": 1, "click": "button"}], "until": 1000}"#
        var replayer = Replayer()
        replayer.limits = ReplayLimits(maxEvents: 5_000)
        let result = replayer.run(try Self.scenario(json))
        #expect(result.events.count == 5_000)
        #expect(result.stoppedEarly?.contains("5000 event records") == true, "\(result.stoppedEarly ?? "nil")")
        #expect(result.diagnostics.contains { $0.code == "runaway" && $0.at == 1 })
    }

    @Test(arguments: ["2", "4"])
    func pollingForeverStopsAtTheTaskLimit(htmx: String) throws {
        let json = #"{"htmx": "\#(htmx)", "page": "<div hx-get='/a' hx-trigger='every 10ms'>x</div>", "until": 1e12}"#
        var replayer = Replayer()
        replayer.limits = ReplayLimits(maxTasks: 200)
        let result = replayer.run(try Self.scenario(json))
        #expect(result.stoppedEarly?.contains("after 200 timer tasks") == true, "\(result.stoppedEarly ?? "nil")")
        #expect(result.requests.count > 10)
    }

    /// Reached while htmx starts, before any timer runs, the limit still ends the run as
    /// stopped short.
    @Test(arguments: ["2", "4"])
    func eventLimitReachedAtStart(htmx: String) throws {
        let page = String(repeating: "<div hx-get='/a' hx-trigger='never'>x</div>", count: 50)
        let json = #"{"htmx": "\#(htmx)", "page": \#(GrammarJSON.Value.string(page).jsonText), "until": 0}"#
        var replayer = Replayer()
        replayer.limits = ReplayLimits(maxEvents: 10)
        let result = replayer.run(try Self.scenario(json))
        #expect(result.events.count == 10)
        #expect(result.stoppedEarly?.contains("10 event records") == true, "\(result.stoppedEarly ?? "nil")")
    }

    @Test func aRunWithinItsLimitsIsComplete() throws {
        let json = #"{"htmx": "2", "page": "<div hx-get='/a' hx-trigger='every 10ms'>x</div>", "until": 55}"#
        var replayer = Replayer()
        replayer.limits = ReplayLimits(maxEvents: 1_000, maxTasks: 1_000)
        let result = replayer.run(try Self.scenario(json))
        #expect(result.stoppedEarly == nil)
        #expect(result.requests.count == 5)
        #expect(!result.diagnostics.contains { $0.code == "runaway" })
    }
}
