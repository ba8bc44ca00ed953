import HTMLModel
@testable import HTMXSemantics
import Testing

/// A transport answering every request with one canned response after `delay` ms.
final class CannedTransport: HTMX2Transport {
    let scheduler: VirtualScheduler
    var status = 200
    var body = "new"
    var headers: [(String, String)] = []
    var delay: Double = 10
    var sent: [HTMX2OutgoingRequest] = []

    init(_ scheduler: VirtualScheduler) { self.scheduler = scheduler }

    func send(_ request: HTMX2OutgoingRequest, completion: @escaping (HTMX2ResponseOutcome) -> Void) -> () -> Void {
        sent.append(request)
        let outcome = HTMX2ResponseOutcome.response(status: status, headers: headers, body: body)
        let id = scheduler.schedule(after: delay) { completion(outcome) }
        return { [scheduler] in scheduler.cancel(id) }
    }
}

/// The runtime over a hand-built page (no HTML parser involved): a button with `hx-get`
/// and a `textContent` swap into `#out`.
/// A class so that its deinit ends the run as the replayer does: listeners and timers capture
/// the runtime, so without the teardown every test's document would leak.
final class RuntimeFixture {
    let doc = Document()
    let dispatcher = EventDispatcher()
    let scheduler = VirtualScheduler()
    let recorder = EventRecorder()
    let runtime: HTMX2Runtime
    let transport: CannedTransport
    let button: Node
    let out: Node

    deinit {
        dispatcher.removeAll()
        scheduler.cancelAll()
        runtime.tearDown()
    }

    init(buttonAttributes: [(String, String)]) {
        let html = doc.createElement("html")
        doc.node.append(html)
        html.append(doc.createElement("head"))
        let body = doc.createElement("body")
        html.append(body)
        button = doc.createElement("button", attributes: buttonAttributes.map { HTMLAttribute(name: $0.0, value: $0.1) })
        out = doc.createElement("div", attributes: [HTMLAttribute(name: "id", value: "out")])
        out.append(doc.createTextNode("old"))
        body.append(button)
        body.append(out)
        runtime = HTMX2Runtime(document: doc, dispatcher: dispatcher, scheduler: scheduler)
        transport = CannedTransport(scheduler)
        runtime.transport = transport
        let recorder = self.recorder
        dispatcher.observer = { recorder.observe($0, reachesDocument: $1) }
    }

    func click() {
        dispatcher.dispatch(DOMEvent(type: "click", origin: .native), to: .node(button))
    }

    var types: [String] { recorder.records.map(\.type) }
}

@Suite("htmx 2 runtime")
struct HTMX2RuntimeTests {
    @Test func clickIssuesAGetAndSwapsWithTheEventsHtmxFires() {
        let f = RuntimeFixture(buttonAttributes: [("id", "btn"), ("hx-get", "/hello"), ("hx-target", "#out"),
                                                  ("hx-swap", "textContent")])
        f.runtime.start()
        f.scheduler.run(until: 5)
        f.click()
        f.scheduler.run(until: 100)
        #expect(f.out.textContent == "new")
        #expect(f.transport.sent.count == 1)
        #expect(f.transport.sent.first?.url == "/hello")
        #expect(f.transport.sent.first?.headers.map(\.0) == ["HX-Request", "HX-Trigger", "HX-Target", "HX-Current-URL"])
        #expect(f.types == [
            "htmx:beforeProcessNode", "htmx:afterProcessNode", "htmx:beforeProcessNode", "htmx:afterProcessNode", "htmx:load",
            "htmx:trigger", "htmx:confirm", "htmx:configRequest", "htmx:validateUrl", "htmx:beforeRequest", "htmx:beforeSend",
            "htmx:beforeOnLoad", "htmx:beforeSwap", "htmx:afterSwap", "htmx:afterRequest", "htmx:afterOnLoad", "htmx:afterSettle",
        ])
        #expect(f.button.attribute("class") == nil, "htmx-request is removed and the emptied class attribute with it")
    }

    /// Parsed `hx-swap` values are kept per value, under the config they were parsed with:
    /// a config change is seen by the next swap, and a boosted element still gets its own.
    /// The per-name memo forgets names when more are fired than it holds; the kebab-case
    /// twins it points at are kept once each however often a name comes back, and a
    /// listener for a twin still hears it.
    @Test func kebabTwinsAreKeptOncePerName() {
        let f = RuntimeFixture(buttonAttributes: [("id", "btn")])
        var heard = 0
        f.dispatcher.addListener(.node(f.button), "my-event7") { _ in heard += 1 }
        let names = (0..<600).map { "myEvent\($0)" }
        for _ in 0..<3 {
            for name in names { f.runtime.triggerEvent(f.button, name) }
        }
        #expect(f.runtime.kebabNames.count == 600)
        #expect(Set(f.runtime.kebabNames.strings) == Set((0..<600).map { "my-event\($0)" }))
        #expect(heard == 3)
    }

    @Test func swapSpecificationFollowsConfigChangesAndBoosting() {
        let f = RuntimeFixture(buttonAttributes: [("hx-get", "/s"), ("hx-swap", "settle:5ms")])
        #expect(f.runtime.swapSpecification(for: f.button).swapStyle == "innerHTML")
        #expect(f.runtime.swapSpecification(for: f.button).settleDelay == 5)
        f.runtime.config.defaultSwapStyle = "outerHTML"
        #expect(f.runtime.swapSpecification(for: f.button).swapStyle == "outerHTML")
        #expect(f.runtime.swapSpecification(for: f.button, override: "beforeend").swapStyle == "beforeend")
        f.runtime.data(f.button).boosted = true
        let boosted = f.runtime.swapSpecification(for: f.button)
        #expect(boosted.swapStyle == "innerHTML", "boosted elements default to innerHTML")
        #expect(boosted.show == "top", "and show the top of the window")
    }

    @Test func settleClassStaysForTheSettleDelay() {
        let f = RuntimeFixture(buttonAttributes: [("hx-get", "/s"), ("hx-target", "#out"), ("hx-swap", "textContent settle:50ms")])
        f.runtime.start()
        f.click()
        f.scheduler.run(until: 30)
        #expect(f.out.hasClass("htmx-settling"))
        f.scheduler.run(until: 70)
        #expect(!f.out.hasClass("htmx-settling"))
        #expect(f.types.last == "htmx:afterSettle")
    }

    @Test func errorStatusFiresResponseErrorAndDoesNotSwap() {
        let f = RuntimeFixture(buttonAttributes: [("hx-get", "/e"), ("hx-target", "#out"), ("hx-swap", "textContent")])
        f.transport.status = 500
        f.runtime.start()
        f.click()
        f.scheduler.run(until: 100)
        #expect(f.out.textContent == "old")
        #expect(f.types.contains("htmx:responseError"))
        #expect(f.types.firstIndex(of: "htmx:error")! < f.types.firstIndex(of: "htmx:responseError")!)
        #expect(!f.types.contains("htmx:afterSwap"))
    }

    @Test func delayDebouncesAndSyncDropsWhileInFlight() {
        let f = RuntimeFixture(buttonAttributes: [("hx-get", "/d"), ("hx-target", "#out"), ("hx-swap", "textContent"),
                                                  ("hx-trigger", "click delay:20ms")])
        f.transport.delay = 100
        f.runtime.start()
        f.click()
        f.scheduler.run(until: 10)
        f.click()
        f.scheduler.run(until: 25)
        #expect(f.transport.sent.isEmpty, "the second click restarted the delay")
        f.scheduler.run(until: 35)
        #expect(f.transport.sent.count == 1)
        f.click()
        f.scheduler.run(until: 100)
        #expect(f.transport.sent.count == 1, "a request in flight queues the next one (last)")
        f.scheduler.run(until: 400)
        #expect(f.transport.sent.count == 2)
    }

    @Test func configTimeoutFailsASlowRequest() {
        let f = RuntimeFixture(buttonAttributes: [("hx-get", "/slow"), ("hx-target", "#out"), ("hx-swap", "textContent")])
        f.runtime.config.timeout = 50
        f.transport.delay = 200
        f.runtime.start()
        f.click()
        f.scheduler.run(until: 300)
        #expect(f.out.textContent == "old")
        #expect(f.types.suffix(4) == ["htmx:error", "htmx:afterRequest", "htmx:error", "htmx:timeout"])
    }
}

@Suite("Runtime memory release")
struct RuntimeReleaseTests {
    @Test func releasingDetachedNodesDropsTheirHtmxData() throws {
        let f = RuntimeFixture(buttonAttributes: [("hx-get", "/x"), ("hx-target", "#out")])
        f.runtime.start()
        f.scheduler.run(until: 1)
        // Swap content carrying htmx attributes in, then out again: its data must go with it.
        f.runtime.swapContent(into: f.out, #"<button id="inner" hx-get="/y">b</button>"#,
                              spec: f.runtime.swapSpecification(for: f.out), contextElement: f.out)
        f.scheduler.run(until: 100)
        let inner = try #require(f.doc.element(byID: "inner"))
        f.runtime.swapContent(into: f.out, "gone", spec: f.runtime.swapSpecification(for: f.out), contextElement: f.out)
        f.scheduler.run(until: 200)
        #expect(!inner.isConnected)
        f.runtime.releaseDetachedNodes()
        #expect(f.doc.detachedSubtreeCount == 0)
        #expect(f.out.innerHTML == "gone")
        // The page keeps working after the release.
        f.runtime.swapContent(into: f.out, #"<i id="again">x</i>"#, spec: f.runtime.swapSpecification(for: f.out), contextElement: f.out)
        f.scheduler.run(until: 300)
        #expect(f.doc.element(byID: "again") != nil)
    }
}
