import Testing
@testable import HTMXSemantics

/// Builds an expected spec compactly.
func t(
    _ trigger: String, poll: Double? = nil, filter: String? = nil, changed: Bool = false, once: Bool = false,
    consume: Bool = false, delay: Double? = nil, throttle: Double? = nil, from: String? = nil,
    target: String? = nil, queue: String? = nil, root: String? = nil, threshold: String? = nil
) -> TriggerSpec {
    var s = TriggerSpec(trigger: trigger)
    s.pollInterval = poll
    if let filter {
        s.eventFilter = TriggerSpecParser.filterForTesting(filter)
    }
    s.changed = changed
    s.once = once
    s.consume = consume
    s.delay = delay
    s.throttle = throttle
    s.from = from
    s.target = target
    s.queue = queue
    s.root = root
    s.threshold = threshold
    return s
}

extension TriggerSpecParser {
    /// The filter a lone `x[expr]` spec produces, to build expectations.
    static func filterForTesting(_ expr: String) -> TriggerFilter? {
        TriggerSpec.parseList("x[" + expr + "]").value.first?.eventFilter
    }
}

struct TriggerSpecTests {
    // test/attributes/hx-trigger.js "parses spec strings" (defaults applied for a <div>).
    static let htmxExamples: [(String, [TriggerSpec])] = [
        ("", [t("click")]),
        ("every 1s", [t("every", poll: 1000)]),
        ("every 0s", [t("every", poll: 0)]),
        ("every 0ms", [t("every", poll: 0)]),
        ("click", [t("click")]),
        ("customEvent", [t("customEvent")]),
        ("event changed", [t("event", changed: true)]),
        ("event once", [t("event", once: true)]),
        ("event throttle:1s", [t("event", throttle: 1000)]),
        ("event throttle:0s", [t("event", throttle: 0)]),
        ("event throttle:0ms", [t("event", throttle: 0)]),
        ("event throttle:1s, foo", [t("event", throttle: 1000), t("foo")]),
        ("event delay:1s", [t("event", delay: 1000)]),
        ("event delay:1s, foo", [t("event", delay: 1000), t("foo")]),
        ("event delay:0s, foo", [t("event", delay: 0), t("foo")]),
        ("event delay:0ms, foo", [t("event", delay: 0), t("foo")]),
        ("event changed once delay:1s", [t("event", changed: true, once: true, delay: 1000)]),
        ("event1,event2", [t("event1"), t("event2")]),
        ("event1, event2", [t("event1"), t("event2")]),
        ("event1 once, event2 changed", [t("event1", once: true), t("event2", changed: true)]),
        ("event1,", [t("event1")]),
        ("  ", [t("click")]),
    ]

    @Test(arguments: htmxExamples)
    func htmxSpecStrings(value: String, expected: [TriggerSpec]) {
        #expect(TriggerSpec.specs(for: value, tagName: "div", inputType: nil).value == expected)
    }

    // Event names and modifiers from the hx-trigger tests and docs.
    static let modifiers: [(String, [TriggerSpec])] = [
        ("sse:update", [t("sse:update")]),
        ("htmx:afterSwap from:body", [t("htmx:afterSwap", from: "body")]),
        ("my.event-name", [t("my.event-name")]),
        ("keyup[key=='Enter']", [t("keyup", filter: "key=='Enter'")]),
        ("click consume", [t("click", consume: true)]),
        ("click from:#d2", [t("click", from: "#d2")]),
        ("click from:#d2, click", [t("click", from: "#d2"), t("click")]),
        ("foo from:document", [t("foo", from: "document")]),
        ("foo from:window", [t("foo", from: "window")]),
        ("click from:closest div", [t("click", from: "closest div")]),
        ("click from:find a", [t("click", from: "find a")]),
        ("click from:next", [t("click", from: "next")]),
        ("click from:previous", [t("click", from: "previous")]),
        ("click from:next .item once", [t("click", once: true, from: "next .item")]),
        ("click from:(previous button, next a)", [t("click", from: "previous button, next a")]),
        ("click from:closest (div > p) once", [t("click", once: true, from: "closest div > p")]),
        ("click changed from:input:nth-child(1), click changed from:input:nth-child(2)",
         [t("click", changed: true, from: "input:nth-child(1)"), t("click", changed: true, from: "input:nth-child(2)")]),
        ("click from:body target:#d3", [t("click", from: "body", target: "#d3")]),
        ("click target:(.a .b)", [t("click", target: ".a .b")]),
        ("click queue:all", [t("click", queue: "all")]),
        ("click queue:first", [t("click", queue: "first")]),
        ("click queue:none", [t("click", queue: "none")]),
        ("intersect once root:#scroller threshold:0.5", [t("intersect", once: true, root: "#scroller", threshold: "0.5")]),
        ("load delay:100ms", [t("load", delay: 100)]),
        ("every 2s [someCondition]", [t("every", poll: 2000, filter: "someCondition")]),
        ("every 5ms[foo]", [t("every", poll: 5, filter: "foo")]),
        ("every 1s, click", [t("every", poll: 1000), t("click")]),
        ("load[true], click[ctrlKey] throttle:2s", [t("load", filter: "true"), t("click", filter: "ctrlKey", throttle: 2000)]),
        ("keyup changed delay:500ms, search", [t("keyup", changed: true, delay: 500), t("search")]),
        ("click from:", [t("click", from: "")]),
        ("click delay:", [t("click")]),
        ("click throttle:fast", [t("click")]),
        ("click queue:", [t("click", queue: "")]),
        ("\u{A0}click\u{3000}once", [t("click", once: true)]),
    ]

    @Test(arguments: modifiers)
    func modifierParsing(value: String, expected: [TriggerSpec]) {
        #expect(TriggerSpec.parseList(value).value == expected)
    }

    // Quirks of the token walk: (value, specs, htmx:syntax:error tokens in order).
    static let quirks: [(String, [TriggerSpec], [String?])] = [
        // A trailing comma fires a syntax error with an undefined token.
        ("event1,", [t("event1")], [nil]),
        ("  ", [], [nil]),
        // Unknown modifier: htmx reports (and drops) the token *after* it.
        ("click foo delay:1s", [t("click", delay: 1000)], [" "]),
        ("click foo", [t("click")], [nil]),
        ("click foo:bar", [t("click")], [":", nil]),
        ("click delay 1s", [t("click")], [" ", "s"]),
        // A leading comma ends parsing at once.
        (",click", [], [","]),
        ("a,,b", [t("a")], [","]),
        // A filter must touch the event name; with a space it becomes stray tokens.
        ("click [foo]", [t("click")], ["foo", nil]),
        // `from:next,` skips the comma, so the next spec is read as modifiers of this one.
        ("click from:next, keyup", [t("click", from: "next")], [nil]),
        // `<sel/>` in from: the `/` opens a string token that swallows the rest.
        ("click from:<div/> once", [t("click", from: "<div")], [nil]),
        ("click from:<div/>", [t("click", from: "<div/>")], []),
        // Multi-word selectors need parentheses.
        ("click from:closest div > p", [t("click", from: "closest div")], [" ", nil]),
        ("click from:global .x", [t("click", from: "global")], ["x"]),
    ]

    @Test(arguments: quirks)
    func tokenWalkQuirks(value: String, expected: [TriggerSpec], tokens: [String?]) {
        let r = TriggerSpec.parseList(value)
        #expect(r.value == expected)
        let syntax = r.diagnostics.filter { $0.code == "htmx:syntax:error" }
        #expect(syntax.map(\.detail) == tokens)
    }

    @Test func everyIgnoresModifiersAndTrailingText() {
        let r = TriggerSpec.parseList("every 1s delay:1s")
        #expect(r.value == [t("every", poll: 1000)])
        #expect(r.diagnostics.map(\.code) == ["hx-trigger.ignored-text"])
        #expect(!r.diagnostics.contains { $0.isHTMXEvent })
    }

    @Test func everyWithoutPositiveIntervalListensForEvent() {
        for v in ["every 0s", "every", "every soon"] {
            let spec = TriggerSpec.parseList(v).value
            #expect(spec.count == 1)
            #expect(spec.first?.isPolling == true)
            #expect(spec.first?.pollsByTimer == false)
        }
        #expect(TriggerSpec.parseList("every 10ms").value.first?.pollsByTimer == true)
        // `every:1s` is an ordinary event name.
        #expect(TriggerSpec.parseList("every:1s").value == [t("every:1s")])
    }

    @Test func queueAndThresholdHelpers() {
        #expect(t("click", queue: "all").queueStrategy == .all)
        #expect(t("click", queue: "none").queueStrategy == QueueStrategy.none)
        #expect(t("click", queue: "bogus").queueStrategy == .other("bogus"))
        #expect(t("click", queue: "").queueStrategy == nil)
        #expect(t("click").queueStrategy == nil)
        #expect(t("intersect", threshold: "0.5").thresholdValue == 0.5)
        #expect(t("intersect", threshold: "").thresholdValue == nil)
        #expect(t("click", from: "closest div").fromSelector == ExtendedSelector(parts: [.closest("div")]))
        #expect(t("click", from: "").fromSelector == nil)
    }

    // getTriggerSpecs defaults: (tag, type, trigger)
    static let defaults: [(String, String?, String)] = [
        ("form", nil, "submit"), ("FORM", nil, "submit"),
        ("input", nil, "change"), ("input", "text", "change"),
        ("input", "submit", "click"), ("input", "button", "click"), ("input", "SUBMIT", "click"),
        ("input", "image", "change"), ("input", "reset", "change"), ("input", " submit", "change"),
        ("textarea", nil, "change"), ("select", nil, "change"),
        ("button", "submit", "click"), ("button", nil, "click"),
        ("div", nil, "click"), ("a", nil, "click"),
    ]

    @Test(arguments: defaults)
    func defaultTriggers(tag: String, type: String?, expected: String) {
        #expect(TriggerSpec.specs(for: nil, tagName: tag, inputType: type).value == [t(expected)])
        // A value that yields no spec also falls back.
        #expect(TriggerSpec.specs(for: ",", tagName: tag, inputType: type).value == [t(expected)])
    }
}
