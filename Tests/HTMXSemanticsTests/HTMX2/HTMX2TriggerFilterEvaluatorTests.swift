import HTMLModel
@testable import HTMXSemantics
import Testing

@Suite("htmx 2 trigger filter evaluation")
struct HTMX2TriggerFilterEvaluatorTests {
    static func filter(_ value: String) throws -> TriggerFilter {
        let specs = TriggerSpec.parseList("keyup[\(value)]").value
        return try #require(specs.first?.eventFilter)
    }

    static func keyup(key: String, ctrl: Bool) -> DOMEvent {
        DOMEvent(type: "keyup", detail: .number(0), origin: .native,
                 fields: ["key": .string(key), "ctrlKey": .bool(ctrl), "shiftKey": .bool(false)])
    }

    @Test(arguments: [
        ("key=='Enter'", "Enter", false, true),
        ("key=='Enter'", "a", false, false),
        ("ctrlKey&&key=='Enter'", "Enter", true, true),
        ("ctrlKey&&key=='Enter'", "Enter", false, false),
        ("ctrlKey || shiftKey", "x", false, false),
        ("!ctrlKey", "x", false, true),
        ("key === \"Enter\" && !shiftKey", "Enter", false, true),
        ("(key=='a')", "a", true, true),
    ])
    func keyboardFilters(_ expr: String, _ key: String, _ ctrl: Bool, _ passes: Bool) throws {
        let outcome = TriggerFilterEvaluator.evaluate(try Self.filter(expr), event: Self.keyup(key: key, ctrl: ctrl))
        guard case .value(let v) = outcome else {
            Issue.record("not evaluated: \(outcome)")
            return
        }
        #expect((v == .bool(true)) == passes)
    }

    @Test func detailMembersAndNumericComparison() throws {
        let event = DOMEvent(type: "level", detail: .object(JSObject([("n", .number(3))])))
        let f = try Self.filter("detail.n > 2")
        #expect(TriggerFilterEvaluator.evaluate(f, event: event) == .value(.bool(true)))
        let low = DOMEvent(type: "level", detail: .object(JSObject([("n", .number(1))])))
        #expect(TriggerFilterEvaluator.evaluate(f, event: low) == .value(.bool(false)))
    }

    @Test(arguments: ["this.value == 'x'", "checkIt()", "window.foo", "a = 1"])
    func unsupportedFormsAreReported(_ expr: String) throws {
        let outcome = TriggerFilterEvaluator.evaluate(try Self.filter(expr), event: Self.keyup(key: "a", ctrl: false))
        guard case .unsupported = outcome else {
            Issue.record("expected unsupported, got \(outcome)")
            return
        }
    }
}
