import HTMLModel
@testable import HTMXSemantics
import Testing

final class CountingExtension: HTMX2Extension {
    let name = "count"
    var seen: [String] = []
    var cancel: String?
    var handledEvents: Set<String>?

    func onEvent(_ name: String, _ event: DOMEvent, runtime: HTMX2Runtime) -> Bool {
        seen.append(name)
        return name != cancel
    }
}

@Suite("htmx 2 extensions")
struct HTMX2ExtensionTests {
    @Test func onEventSeesEventsOnlyUnderItsHxExt() {
        let f = RuntimeFixture(buttonAttributes: [("hx-get", "/x"), ("hx-target", "#out"), ("hx-swap", "textContent"),
                                                  ("hx-ext", "count")])
        let ext = CountingExtension()
        f.runtime.defineExtension(ext)
        f.runtime.start()
        f.scheduler.run(until: 5)
        #expect(ext.seen == ["htmx:beforeProcessNode", "htmx:afterProcessNode"], "body events are outside hx-ext")
        ext.cancel = "htmx:configRequest"
        f.click()
        f.scheduler.run(until: 100)
        #expect(f.transport.sent.isEmpty, "an extension returning false cancels the event")
    }

    @Test func onEventSeesOnlyTheEventsTheExtensionHandles() {
        let f = RuntimeFixture(buttonAttributes: [("hx-get", "/x"), ("hx-target", "#out"), ("hx-swap", "textContent"),
                                                  ("hx-ext", "count")])
        let ext = CountingExtension()
        ext.handledEvents = ["htmx:afterProcessNode", "htmx:configRequest"]
        f.runtime.defineExtension(ext)
        f.runtime.start()
        f.scheduler.run(until: 5)
        #expect(ext.seen == ["htmx:afterProcessNode"])
        ext.cancel = "htmx:configRequest"
        f.click()
        f.scheduler.run(until: 100)
        #expect(ext.seen == ["htmx:afterProcessNode", "htmx:configRequest"])
        #expect(f.transport.sent.isEmpty, "a handled event can still be cancelled")
    }

    @Test func ignoreStopsAnInheritedExtension() {
        let f = RuntimeFixture(buttonAttributes: [("hx-ext", "ignore:count")])
        let ext = CountingExtension()
        f.runtime.defineExtension(ext)
        f.button.parentElement?.setAttribute("hx-ext", "count")
        #expect(f.runtime.getExtensions(f.button).isEmpty)
        #expect(f.runtime.getExtensions(f.out).count == 1)
        // The answer follows later changes to the ancestors' `hx-ext`.
        let child = f.doc.createElement("i")
        f.out.append(child)
        #expect(f.runtime.getExtensions(child).count == 1)
        f.button.parentElement?.setAttribute("hx-ext", "ignore:count")
        #expect(f.runtime.getExtensions(child).isEmpty)
        f.button.parentElement?.removeAttribute("hx-ext")
        f.out.setAttribute("data-hx-ext", "count")
        #expect(f.runtime.getExtensions(child).count == 1)
    }
}
