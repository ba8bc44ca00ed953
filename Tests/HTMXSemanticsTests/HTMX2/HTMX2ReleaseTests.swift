import HTMLModel
@testable import HTMXSemantics
import Testing

/// Freeing removed content mid-run (HTMX2Runtime+Release.swift): only when no pending timer,
/// dispatch or request may hold a handle, and never a subtree that state still names.
@Suite("Releasing removed content")
struct HTMX2ReleaseTests {
    final class Rig {
        let document: Document
        let dispatcher = EventDispatcher()
        let scheduler = VirtualScheduler()
        let recorder = EventRecorder()
        let runtime: HTMX2Runtime

        init(_ body: String) {
            document = Document(html: "<!DOCTYPE html><html><head></head><body>\(body)</body></html>")
            runtime = HTMX2Runtime(document: document, dispatcher: dispatcher, scheduler: scheduler)
            let recorder = self.recorder
            dispatcher.observer = { recorder.observe($0, reachesDocument: $1) }
            runtime.start()
            scheduler.run(until: 0)
        }

        func swap(_ selector: String, _ html: String, style: String = "innerHTML") {
            guard let target = try? document.querySelector(selector) else {
                Issue.record("no \(selector)")
                return
            }
            runtime.swapContent(into: target, html, spec: runtime.swapSpecification(for: target, override: style), contextElement: nil)
        }

        deinit {
            dispatcher.removeAll()
            scheduler.cancelAll()
            runtime.tearDown()
        }
    }

    @Test func pendingSettleBlocksTheReleaseUntilItRan() {
        let rig = Rig(#"<div id="t"><p>old</p></div>"#)
        rig.swap("#t", "<p>new</p>")
        #expect(rig.scheduler.pendingTasksHoldingNodes > 0, "the settle task holds the new content")
        #expect(!rig.runtime.releaseUnreachableDetachedNodes(whenAtLeast: 0))
        rig.scheduler.run(until: rig.scheduler.now + 100)
        #expect(rig.scheduler.pendingTasksHoldingNodes == 0)
        #expect(rig.document.detachedSubtreeCount > 0)
        #expect(rig.runtime.releaseUnreachableDetachedNodes(whenAtLeast: 0))
        #expect(rig.document.detachedSubtreeCount == 0)
        #expect(rig.document.body?.innerHTML == #"<div id="t"><p>new</p></div>"#)
    }

    @Test func thresholdDefersTheRelease() {
        let rig = Rig(#"<div id="t"><p>old</p></div>"#)
        rig.swap("#t", "<p>new</p>")
        rig.scheduler.run(until: rig.scheduler.now + 100)
        #expect(!rig.runtime.releaseUnreachableDetachedNodes(whenAtLeast: 1_000))
        #expect(rig.document.detachedSubtreeCount > 0)
    }

    @Test func cancelledTimersDoNotBlock() {
        let scheduler = VirtualScheduler()
        let id = scheduler.schedule(after: 50) {}
        scheduler.scheduleWithoutNodes(after: 10) {}
        #expect(scheduler.pendingTasksHoldingNodes == 1)
        scheduler.cancel(id)
        #expect(scheduler.pendingTasksHoldingNodes == 0)
        var after = 0
        scheduler.afterEachTask = { after += 1 }
        scheduler.schedule(after: 20) {}
        scheduler.run(until: 100)
        #expect(after == 2, "the hook runs after each task that ran (the cancelled one never runs)")
        #expect(scheduler.pendingTasksHoldingNodes == 0)
    }

    /// An element removed without htmx's clean-up keeps its trigger listener (its closure
    /// captures the element): its subtree must survive, and the listener still fires.
    @Test func elementsWithLiveListenersAreKept() {
        let rig = Rig(#"<div id="box"><button id="b" hx-get="/x" hx-trigger="ping from:body">go</button></div><div id="t"><p>x</p></div>"#)
        guard let button = try? rig.document.querySelector("#b") else {
            Issue.record("no button")
            return
        }
        button.remove()
        rig.swap("#t", "<p>y</p>")
        rig.scheduler.run(until: rig.scheduler.now + 100)
        #expect(rig.runtime.releaseUnreachableDetachedNodes(whenAtLeast: 0))
        #expect(rig.document.detachedSubtreeCount == 1, "only the button's subtree is kept")
        #expect(button.attribute("id") == "b")
        #expect(!button.isConnected)
    }

    /// Listeners on a freed node are dropped, so a node later allocated at the same address
    /// does not inherit them.
    @Test func listenersOnFreedNodesAreDropped() {
        let rig = Rig(#"<div id="t"><p id="old">x</p></div>"#)
        guard let old = try? rig.document.querySelector("#old") else {
            Issue.record("no #old")
            return
        }
        rig.dispatcher.addListener(.node(old), "custom") { _ in }
        rig.swap("#t", "<p>y</p>")
        rig.scheduler.run(until: rig.scheduler.now + 100)
        #expect(rig.dispatcher.hasListeners(.node(old), "custom"))
        #expect(rig.runtime.releaseUnreachableDetachedNodes(whenAtLeast: 0))
        #expect(!rig.dispatcher.hasListeners(.node(old), "custom"))
    }

    @Test func dataOfFreedNodesIsForgotten() {
        let rig = Rig(#"<div id="t"><p id="old" hx-get="/x" hx-trigger="none">x</p></div><div id="u"><i>keep</i></div>"#)
        guard let old = try? rig.document.querySelector("#old"), let kept = try? rig.document.querySelector("#u i") else {
            Issue.record("no #old or #u i")
            return
        }
        _ = rig.runtime.data(kept)
        #expect(rig.runtime.nodeData[old] != nil, "processing gave the element data")
        rig.swap("#t", "<p>y</p>")
        rig.scheduler.run(until: rig.scheduler.now + 100)
        #expect(rig.runtime.releaseUnreachableDetachedNodes(whenAtLeast: 0))
        // Every key left names a node still in the document (the freed ones are gone).
        let allConnected = rig.runtime.nodeData.keys.allSatisfy { $0.isConnected }
        #expect(allConnected)
        #expect(rig.runtime.nodeData[kept] != nil, "connected elements keep their data")
    }

    @Test func callerPinsAreKept() {
        let rig = Rig(#"<div id="t"><section><p>x</p></section></div>"#)
        guard let p = try? rig.document.querySelector("#t p") else {
            Issue.record("no p")
            return
        }
        rig.swap("#t", "<p>y</p>")
        rig.scheduler.run(until: rig.scheduler.now + 100)
        #expect(rig.runtime.releaseUnreachableDetachedNodes(pinning: [p], whenAtLeast: 0))
        #expect(rig.document.detachedSubtreeCount == 1)
        #expect(p.textContent == "x")
        #expect(NodePath.of(p) == "detached: section > p:nth-child(1)")
    }
}
