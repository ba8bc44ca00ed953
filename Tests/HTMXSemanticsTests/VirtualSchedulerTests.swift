import HTMLModel
import HTMXSemantics
import Testing

@Suite("Virtual scheduler")
struct VirtualSchedulerTests {
    @Test func timersRunByDueTimeThenSchedulingOrder() {
        let s = VirtualScheduler()
        var log: [String] = []
        s.schedule(after: 20) { log.append("b20") }
        s.schedule(after: 10) { log.append("a10") }
        s.schedule(after: 20) { log.append("c20") }
        s.schedule(after: 0) { log.append("z0") }
        s.run(until: 100)
        #expect(log == ["z0", "a10", "b20", "c20"])
        #expect(s.now == 100)
    }

    @Test func timersScheduledMeanwhileRunIfDueBeforeTheLimit() {
        let s = VirtualScheduler()
        var log: [Double] = []
        s.schedule(after: 10) {
            log.append(s.now)
            s.schedule(after: 5) { log.append(s.now) }
            s.schedule(after: 100) { log.append(s.now) }
        }
        s.run(until: 50)
        #expect(log == [10, 15])
        s.run(until: 110)
        #expect(log == [10, 15, 110])
    }

    @Test func microtasksDrainAfterEachTask() {
        let s = VirtualScheduler()
        var log: [String] = []
        s.schedule(after: 1) {
            log.append("task1")
            s.queueMicrotask { log.append("micro1"); s.queueMicrotask { log.append("micro1b") } }
        }
        s.schedule(after: 1) { log.append("task2") }
        s.run(until: 1)
        #expect(log == ["task1", "micro1", "micro1b", "task2"])
    }

    @Test func cancelledTimersDoNotRun() {
        let s = VirtualScheduler()
        var ran = false
        let id = s.schedule(after: 5) { ran = true }
        s.cancel(id)
        s.run(until: 10)
        #expect(!ran)
        #expect(s.nextDue == nil)
    }

    @Test func negativeAndNaNDelaysCountAsZero() {
        let s = VirtualScheduler()
        s.run(until: 10)
        var at: [Double] = []
        s.schedule(after: -5) { at.append(s.now) }
        s.schedule(after: .nan) { at.append(s.now) }
        s.run(until: 10)
        #expect(at == [10, 10])
    }

    @Test func runawayLoopsStopAtTheTaskLimit() {
        let s = VirtualScheduler()
        func again() { s.schedule(after: 0) { again() } }
        again()
        #expect(s.run(until: 1, maxTasks: 1000) == false)
        // The pending task captures the scheduler: break the cycle as a run's teardown does.
        s.cancelAll()
    }

    /// `stop()` inside a task ends the run at the next task boundary, its microtasks run.
    @Test func stopEndsTheRunAfterTheCurrentTask() {
        let s = VirtualScheduler()
        var ran: [String] = []
        s.schedule(after: 5) {
            ran.append("first")
            s.stop()
            s.queueMicrotask { ran.append("microtask") }
        }
        s.schedule(after: 5) { ran.append("second") }
        #expect(s.run(until: 100) == false)
        #expect(ran == ["first", "microtask"])
        #expect(s.now == 5)
        s.cancelAll()
    }
}

@Suite("Run teardown")
struct TeardownTests {
    final class Owner {
        let scheduler = VirtualScheduler()
        let dispatcher = EventDispatcher()
        func arm() {
            scheduler.schedule(after: 100) { [self] in _ = self }
            dispatcher.addListener(.window, "x") { [self] _ in _ = self }
        }
    }

    @Test func cancelAllAndRemoveAllBreakOwnerCycles() {
        weak var weakOwner: Owner?
        do {
            let owner = Owner()
            owner.arm()
            weakOwner = owner
            owner.scheduler.cancelAll()
            owner.dispatcher.removeAll()
        }
        #expect(weakOwner == nil)
    }
}

@Suite("Event dispatch")
struct EventDispatchTests {
    @Test func captureTargetBubbleOrderAndListenerBookkeeping() {
        let doc = Document(html: "<body><div id=a><p id=b>x</p></div>")
        let a = doc.element(byID: "a")!, b = doc.element(byID: "b")!
        let d = EventDispatcher()
        var log: [String] = []
        d.addListener(.node(a), "t", capture: true) { _ in log.append("a-capture") }
        d.addListener(.node(a), "t") { _ in log.append("a-bubble") }
        let onB = d.addListener(.node(b), "t") { _ in log.append("b") }
        d.addListener(.window, "t") { _ in log.append("window") }
        d.dispatch(DOMEvent(type: "t"), to: .node(b))
        #expect(log == ["a-capture", "b", "a-bubble", "window"])
        log.removeAll()
        d.removeListener(.node(b), "t", onB)
        d.dispatch(DOMEvent(type: "t", bubbles: false), to: .node(b))
        #expect(log == ["a-capture"], "no bubbling, and the removed listener is gone")
        log.removeAll()
        d.removeAllListeners(on: .node(a))
        d.dispatch(DOMEvent(type: "t"), to: .node(b))
        #expect(log == ["window"])
        d.removeAll()
        var observed = 0
        d.observer = { _, _ in observed += 1 }
        #expect(d.dispatch(DOMEvent(type: "t"), to: .node(b)))
        #expect(observed == 1, "events with no listeners still reach the observer")
        #expect(log == ["window"])
    }

    /// A halted dispatcher runs no listener and shows the observer nothing.
    @Test func haltedDispatcherDispatchesNothing() {
        let doc = Document(html: "<body><i id=x></i>")
        let x = doc.element(byID: "x")!
        let d = EventDispatcher()
        var calls = 0, observed = 0
        d.addListener(.node(x), "e") { _ in calls += 1 }
        d.observer = { _, _ in observed += 1 }
        d.dispatch(DOMEvent(type: "e"), to: .node(x))
        d.dispatchUnheard("u", detail: .null, to: .node(x))
        #expect((calls, observed) == (1, 2))
        d.halt()
        d.dispatch(DOMEvent(type: "e"), to: .node(x))
        d.dispatchUnheard("u", detail: .null, to: .node(x))
        #expect((calls, observed) == (1, 2))
        d.removeAll()
    }

    @Test func onceListenersRunOnceAndPreventDefaultIsReported() {
        let doc = Document(html: "<body><i id=x></i>")
        let x = doc.element(byID: "x")!
        let d = EventDispatcher()
        var runs = 0
        d.addListener(.node(x), "e", once: true) { evt in runs += 1; evt.preventDefault() }
        #expect(d.dispatch(DOMEvent(type: "e"), to: .node(x)) == false)
        #expect(d.dispatch(DOMEvent(type: "e"), to: .node(x)) == true)
        #expect(runs == 1)
        #expect(!d.hasListeners(.node(x), "e"))
    }

    @Test func inertEventsAreThoseNoListenerHearsAndTheObserverSkips() {
        let doc = Document(html: "<body><i id=x></i>")
        let x = doc.element(byID: "x")!
        let d = EventDispatcher()
        #expect(d.isInert("e", .kebabTwin))
        d.observer = { _, _ in }
        #expect(!d.isInert("e", .kebabTwin), "an observer without a filter sees everything")
        d.observerFilter = { _, origin in origin == .script }
        #expect(d.isInert("e", .kebabTwin))
        #expect(!d.isInert("e", .script))
        let id = d.addListener(.node(x), "e") { _ in }
        #expect(!d.isInert("e", .kebabTwin), "a listener hears it")
        d.removeListener(.node(x), "e", id)
        #expect(d.isInert("e", .kebabTwin), "no longer once the listener is gone")
    }

    /// An event of a type no listener hears reaches the observer without a ``DOMEvent``,
    /// shown as a dispatch would show it: its parts, and whether its path reaches the
    /// document (an element taken out of the page does not).
    @Test func unheardEventsReachTheObserverAsADispatchShowsThem() {
        let doc = Document(html: "<body><i id=x></i>")
        let x = doc.element(byID: "x")!
        let d = EventDispatcher()
        var seen: [(String, String?, Bool, DOMEvent.Origin)] = []
        d.observer = { e, reaches in seen.append((e.type, e.detail.objectValue?["k"]?.stringValue, reaches, e.origin)) }
        d.observerFilter = { type, _ in type != "skipped" }
        let detail = JSValue.object(JSObject([("k", .string("v"))]))
        #expect(!d.isListened("e"))
        #expect(d.dispatchUnheard("e", detail: detail, to: .node(x)))
        #expect(d.dispatch(DOMEvent(type: "e", detail: detail), to: .node(x)))
        #expect(d.dispatchUnheard("skipped", detail: detail, to: .node(x)))
        x.remove()
        d.dispatchUnheard("gone", detail: .null, origin: .native, to: .node(x))
        #expect(seen.map(\.0) == ["e", "e", "gone"], "the filter applies as in a dispatch")
        #expect(seen.map(\.1) == ["v", "v", nil])
        #expect(seen.map(\.2) == [true, true, false])
        #expect(seen.map(\.3) == [.script, .script, .native])
        let id = d.addListener(.node(doc.node), "e") { _ in }
        #expect(d.isListened("e") && !d.isListened("f"))
        d.removeListener(.node(doc.node), "e", id)
        #expect(!d.isListened("e"))
    }
}
