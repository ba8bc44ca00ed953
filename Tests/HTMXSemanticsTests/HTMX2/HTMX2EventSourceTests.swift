@testable import HTMXSemantics
import Testing

@Suite("htmx 2 EventSource listeners")
struct HTMX2EventSourceTests {
    /// Random adds, removals and dispatches against a list of all listeners filtered per
    /// message (the DOM's model): same listeners called, in registration order.
    @Test func listenersByTypeMatchOneListOfAll() {
        let source = HTMX2EventSource(url: "/s")
        let random = SeededRandom(seed: 3)
        let types = ["a", "b", "message"]
        var model: [(id: HTMX2EventSource.ListenerID, type: String, label: Int)] = []
        var calls: [Int] = []
        var mismatches = 0
        for step in 0..<4_000 {
            let r = random.next()
            let type = types[Int(random.next() * Double(types.count))]
            if r < 0.45 {
                let id = source.addEventListener(type) { _ in calls.append(step) }
                model.append((id, type, step))
            } else if r < 0.75, !model.isEmpty {
                let k = Int(random.next() * Double(model.count))
                source.removeEventListener(model[k].id)
                model.remove(at: k)
            } else {
                calls = []
                let heard = source.dispatchMessage(type: type, data: "", lastEventId: "")
                let expected = model.filter { $0.type == type }.map(\.label)
                if calls != expected || heard != !expected.isEmpty || source.hasListeners(for: type) != heard { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    /// A listener removed by an earlier one in the same dispatch is not called; one added
    /// during it waits for the next message.
    @Test func changesDuringADispatch() {
        let source = HTMX2EventSource(url: "/s")
        var calls: [String] = []
        var second: HTMX2EventSource.ListenerID?
        // Unowned: the source keeps its listeners, and a strong capture would be a cycle.
        source.addEventListener("m") { [unowned source] _ in
            calls.append("first")
            if let second { source.removeEventListener(second) }
            source.addEventListener("m") { _ in calls.append("added") }
        }
        second = source.addEventListener("m") { _ in calls.append("second") }
        source.dispatchMessage(type: "m", data: "", lastEventId: "")
        #expect(calls == ["first"])
        calls = []
        second = nil
        source.dispatchMessage(type: "m", data: "", lastEventId: "")
        #expect(calls == ["first", "added"])
    }
}
