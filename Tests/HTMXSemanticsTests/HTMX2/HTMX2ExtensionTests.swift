import HTMLModel
@testable import HTMXSemantics
import Testing

final class CountingExtension: HTMX2Extension {
    let name = "count"
    var seen: [String] = []
    var cancel: String?

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

    @Test func ignoreStopsAnInheritedExtension() {
        let f = RuntimeFixture(buttonAttributes: [("hx-ext", "ignore:count")])
        let ext = CountingExtension()
        f.runtime.defineExtension(ext)
        f.button.parentElement?.setAttribute("hx-ext", "count")
        #expect(f.runtime.getExtensions(f.button).isEmpty)
        #expect(f.runtime.getExtensions(f.out).count == 1)
    }
}
