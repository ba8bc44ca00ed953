import HTMLModel
@testable import HTMXSemantics
import Testing

/// Hands out sources the test drives by hand.
final class ManualSources: HTMX2EventSourceFactory {
    let scheduler: VirtualScheduler
    var made: [(url: String, at: Double, source: HTMX2EventSource)] = []
    init(_ scheduler: VirtualScheduler) { self.scheduler = scheduler }
    func makeEventSource(url: String, element: Node?) -> HTMX2EventSource {
        let s = HTMX2EventSource(url: url)
        made.append((url, scheduler.now, s))
        return s
    }
}

/// A page under htmx-ext-sse with manually driven sources.
/// A class whose deinit ends the run as the replayer does (listeners and timers capture the
/// runtime; without the teardown every test's document would leak).
final class SSEFixture {
    deinit {
        dispatcher.removeAll()
        scheduler.cancelAll()
        runtime.tearDown()
    }

    let doc: Document
    let dispatcher = EventDispatcher()
    let scheduler = VirtualScheduler()
    let recorder = EventRecorder()
    let runtime: HTMX2Runtime
    let sources: ManualSources
    let ext: HTMX2SSEExtension

    init(_ body: String) {
        doc = Document(html: "<!DOCTYPE html><html><head><title>t</title></head><body>\(body)</body></html>")
        runtime = HTMX2Runtime(document: doc, dispatcher: dispatcher, scheduler: scheduler)
        sources = ManualSources(scheduler)
        ext = HTMX2SSEExtension(factory: sources)
        runtime.defineExtension(ext)
        let recorder = self.recorder
        dispatcher.observer = { recorder.observe($0, reachesDocument: $1) }
        runtime.start()
        scheduler.run(until: 0)
    }

    var source: HTMX2EventSource { sources.made[sources.made.count - 1].source }

    func open(_ s: HTMX2EventSource? = nil) {
        let s = s ?? source
        s.readyState = .open
        s.dispatchOpen()
    }

    func fail(_ s: HTMX2EventSource? = nil) {
        let s = s ?? source
        s.readyState = .closed
        s.dispatchError()
    }

    func html(_ selector: String) -> String {
        (try? doc.querySelector(selector))?.innerHTML ?? "<missing>"
    }

    var sseEvents: [String] {
        recorder.records.filter { $0.type.hasPrefix("htmx:sse") || $0.type.hasSuffix("Swap") || $0.type == "htmx:error" }
            .map { "\($0.type) \($0.target)" }
    }

    var codes: [String] { runtime.diagnostics.map(\.code) }
}

@Suite("htmx-ext-sse 2.2.3")
struct HTMX2SSEExtensionTests {
    @Test func swapsNamedEventsIntoDescendantsWithoutBeforeSwap() {
        let f = SSEFixture(#"<div id="src" hx-ext="sse" sse-connect="/s"><p id="a" sse-swap="x, y">0</p></div>"#)
        #expect(f.sources.made.map(\.url) == ["/s"])
        f.open()
        f.source.dispatchMessage(type: "y", data: "<b>1</b>", lastEventId: "")
        f.scheduler.run(until: 100)
        #expect(f.html("#a") == "<b>1</b>")
        #expect(f.sseEvents == ["htmx:sseOpen #src", "htmx:sseBeforeMessage #a", "htmx:afterSwap #a", "htmx:sseMessage #a"])
        f.source.dispatchMessage(type: "x", data: "2", lastEventId: "")
        #expect(f.html("#a") == "2", "names are split on commas and trimmed")
    }

    @Test func cancelledBeforeMessageSkipsTheSwap() {
        let f = SSEFixture(#"<div hx-ext="sse" sse-connect="/s"><p id="a" sse-swap="message">0</p></div>"#)
        f.dispatcher.addListener(.node(f.doc.body!), "htmx:sseBeforeMessage") { $0.preventDefault() }
        f.source.dispatchMessage(type: "message", data: "new", lastEventId: "")
        #expect(f.html("#a") == "0")
        #expect(!f.sseEvents.contains("htmx:sseMessage #a"))
    }

    @Test func failedSourceIsRebuiltWithDoublingBackoffResetOnOpen() {
        let f = SSEFixture(#"<div id="src" hx-ext="sse" sse-connect="/s"></div>"#)
        f.fail()
        f.scheduler.run(until: 500)
        #expect(f.sources.made.map(\.at) == [0, 500])
        f.fail()
        f.scheduler.run(until: 1500)
        #expect(f.sources.made.map(\.at) == [0, 500, 1500], "the delay doubles")
        f.open()
        f.fail()
        f.scheduler.run(until: 30_000)
        #expect(f.sources.made.map(\.at) == [0, 500, 1500, 2000], "open resets the count: 500 ms again")
        #expect(f.sseEvents.prefix(2) == ["htmx:error #src", "htmx:sseError #src"], "htmx:error comes first")
    }

    @Test func browserReconnectIsLeftToTheBrowser() {
        let f = SSEFixture(#"<div hx-ext="sse" sse-connect="/s"></div>"#)
        f.open()
        f.source.readyState = .connecting
        f.source.dispatchError()
        f.scheduler.run(until: 100_000)
        #expect(f.sources.made.count == 1)
    }

    @Test func sseCloseClosesOnItsMessage() {
        let f = SSEFixture(#"<div id="src" hx-ext="sse" sse-connect="/s" sse-close="done"></div>"#)
        f.open()
        f.source.dispatchMessage(type: "done", data: "x", lastEventId: "")
        #expect(f.source.readyState == .closed)
        #expect(f.recorder.records.last.map { "\($0.type) \($0.detail.map(\.0))" } == "htmx:sseClose [\"type\", \"readyState\"]")
    }

    @Test func removingTheConnectingElementClosesItsSource() {
        let f = SSEFixture(#"<main id="m"><div id="src" hx-ext="sse" sse-connect="/s"></div></main>"#)
        f.open()
        let source = f.source
        guard let main = try? f.doc.querySelector("#m") else {
            Issue.record("no #m")
            return
        }
        f.runtime.swapContent(into: main, "gone",
                              spec: f.runtime.swapSpecification(for: f.doc.body!), contextElement: nil)
        #expect(source.readyState == .closed)
        #expect(f.sseEvents.contains("htmx:sseClose #src"))
    }

    @Test func triggerSSETurnsMessagesIntoEvents() {
        let f = SSEFixture(#"<div hx-ext="sse" sse-connect="/s"><p id="a" hx-trigger="sse:ping">0</p></div>"#)
        var got: [String] = []
        f.dispatcher.addListener(.node(f.doc.body!), "sse:ping") { got.append($0[detail: "data"]?.stringValue ?? "") }
        f.source.dispatchMessage(type: "ping", data: "p1", lastEventId: "")
        #expect(got == ["p1"])
        #expect(f.sseEvents == ["htmx:sseMessage #a"], "no htmx:sseBeforeMessage on the trigger path")
    }

    /// Swapped-in content is processed with htmx:afterProcessNode, which the extension acts
    /// on only for elements with `sse-swap`, `sse:` triggers or `sse-connect` (checked before
    /// any event object is made): those still get their listeners, the rest are skipped.
    @Test func swappedInContentRegistersItsListeners() {
        let f = SSEFixture(#"<div hx-ext="sse" sse-connect="/s"><p id="a" sse-swap="fill">0</p></div>"#)
        // As a replay records: with the recorder's filter, events no listener, twin or
        // extension needs take the path that asks the extension whether it acts.
        f.recorder.attach(to: f.dispatcher)
        f.open()
        f.source.dispatchMessage(type: "fill", data: #"<i>plain</i><b id="b" sse-swap="inner">1</b><u id="t" data-hx-trigger="sse:ping">t</u>"#, lastEventId: "")
        f.scheduler.run(until: 100)
        var got: [String] = []
        f.dispatcher.addListener(.node(f.doc.body!), "sse:ping") { got.append($0[detail: "data"]?.stringValue ?? "") }
        f.source.dispatchMessage(type: "inner", data: "2", lastEventId: "")
        f.source.dispatchMessage(type: "ping", data: "p", lastEventId: "")
        f.scheduler.run(until: 200)
        #expect(f.html("#b") == "2")
        #expect(got == ["p"])
    }

    @Test func diagnosesCommonMistakes() {
        let f = SSEFixture(#"<div hx-ext="sse"><p id="orphan" sse-swap="a"></p></div><p id="noext" sse-swap="b"></p>"#
            + #"<div hx-ext="sse" sse-connect="/s"><p id="a" sse-swap="never" hx-select="b"></p></div>"#)
        f.ext.auditScope(f.doc.body!, f.runtime)
        f.source.dispatchMessage(type: "other", data: "x", lastEventId: "")
        f.source.dispatchMessage(type: "other", data: "y", lastEventId: "")
        f.ext.finish(f.runtime)
        #expect(f.codes.sorted() == ["sse-event-dropped", "sse-ext-missing", "sse-ignored-attribute", "sse-name-never-sent",
                                     "sse-swap-without-connect"])
    }

    @Test func knownExtensionIsNotReportedAsUnsupported() {
        let f = SSEFixture(#"<div hx-ext="sse, nope" sse-connect="/s"></div>"#)
        #expect(f.runtime.diagnostics.filter { $0.code == "unsupported-extension" }.map(\.message).allSatisfy { $0.contains("\"nope\"") })
        #expect(f.codes.filter { $0 == "unsupported-extension" }.count == 1)
    }
}
