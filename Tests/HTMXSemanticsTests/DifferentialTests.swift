import Testing
@testable import HTMXSemantics

/// Compares our parsers with htmx 2.0.10's observed results on seeded corpora
/// (`Vectors/*.swift`, produced by running htmx's own functions).
struct DifferentialTests {
    static func num(_ d: Double) -> String { JSNumberFormat.string(d) }

    static func canonical(_ s: TriggerSpec, withFilter: Bool = true) -> String {
        var parts = [s.trigger]
        func add(_ k: String, _ v: String?) { if let v { parts.append(k + "=" + v) } }
        add("pollInterval", s.pollInterval.map(num))
        if withFilter { add("eventFilter", s.eventFilter?.compiledSource) }
        add("changed", s.changed ? "true" : nil)
        add("once", s.once ? "true" : nil)
        add("consume", s.consume ? "true" : nil)
        add("delay", s.delay.map(num))
        add("throttle", s.throttle.map(num))
        add("from", s.from)
        add("target", s.target)
        add("queue", s.queue)
        add("root", s.root)
        add("threshold", s.threshold)
        return parts.joined(separator: ";")
    }

    static func stripFilter(_ canonical: String) -> String {
        canonical.split(separator: ";", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("eventFilter=") }.joined(separator: ";")
    }

    @Test(arguments: TriggerVectors.rows)
    func triggers(value: String, specs: [String], errors: [String], undetectable: Bool) {
        let r = TriggerSpec.parseList(value)
        let events = r.diagnostics.filter { $0.code == GrammarDiagnostic.syntaxErrorCode }.map { d -> String in
            guard let detail = d.detail else { return "undefined" }
            return detail.hasPrefix(" return (function(event){") ? "SRC:" + detail : "tok:" + detail
        }
        if undetectable {
            // htmx's Function() rejects a filter we cannot judge without a JS parser: compare
            // everything but the filter and the errors.
            #expect(r.value.map { Self.canonical($0, withFilter: false) } == specs.map(Self.stripFilter))
        } else {
            #expect(r.value.map { Self.canonical($0) } == specs)
            #expect(events == errors)
        }
    }

    @Test(arguments: SwapVectors.rows)
    func swaps(value: String, boosted: Bool, href: String?, expected: String) {
        let s = SwapSpec.parse(value, boosted: boosted, href: href).value
        var parts = ["swapStyle=" + s.swapStyle]
        parts.append("swapDelay=" + (s.swapDelay.map(Self.num) ?? "undefined"))
        parts.append("settleDelay=" + (s.settleDelay.map(Self.num) ?? "undefined"))
        func add(_ k: String, _ v: String?) { if let v { parts.append(k + "=" + v) } }
        add("transition", s.transition.map { $0 ? "true" : "false" })
        add("ignoreTitle", s.ignoreTitle.map { $0 ? "true" : "false" })
        add("scroll", s.scroll)
        if s.scroll != nil { parts.append("scrollTarget=" + (s.scrollTarget ?? "null")) }
        add("show", s.show)
        // htmx sets showTarget only when a show: modifier was parsed (not for the boost preset).
        if s.show != nil && expected.contains("showTarget=") { parts.append("showTarget=" + (s.showTarget ?? "null")) }
        add("focusScroll", s.focusScroll.map { $0 ? "true" : "false" })
        #expect(Self.reorder(parts) == Self.reorder(expected.split(separator: ";", omittingEmptySubsequences: false).map(String.init)))
    }

    /// htmx's key order depends on which modifier came first; compare as sets of key=value.
    static func reorder(_ parts: [String]) -> [String] { parts.sorted() }

    @Test(arguments: IntervalVectors.rows)
    func intervals(value: String, expected: String) {
        #expect(HTMXTime.parseInterval(value).map(Self.num) ?? "undefined" == expected)
    }

    @Test(arguments: TriggerHeaderVectors.rows)
    func triggerHeaders(header: String, expected: [String]) {
        let events = TriggerHeaderEvent.parse(header).value.map { e -> String in
            let target: String
            switch e.target {
            case .requestElement: target = "ELT"
            case .selector(let s): target = "sel:" + s
            case .invalid(let v): target = "bad:" + v.jsonText
            }
            return e.name + "|" + target + "|" + e.detail.jsonText
        }
        #expect(events == expected)
    }

    @Test(arguments: StatusCodeVectors.rows)
    func statusCodes(pattern: String, expected: String) {
        let p = StatusCodePattern(pattern)
        var got = ""
        for status in StatusCodeVectors.statuses {
            switch p.matches(status: status) {
            case .match: got += "t"
            case .noMatch: got += "f"
            case .invalid: got = "throw"
            case .unsupported(let why): got = "unsupported: " + why
            }
            if got == "throw" || got.hasPrefix("unsupported") { break }
        }
        #expect(got == expected)
    }
}

struct JSONDifferentialTests {
    @Test(arguments: JSONVectors.rows)
    func parseAndStringify(text: String, expected: String) {
        let r = GrammarJSON.parse(text)
        #expect((r.value?.jsonText ?? "throw") == expected)
        #expect((r.value == nil) == r.diagnostics.contains { $0.code == "json.invalid" })
    }

    @Test(arguments: NumberVectors.rows)
    func numberToString(bits: UInt64, expected: String) {
        #expect(JSNumberFormat.string(Double(bitPattern: bits)) == expected)
    }
}
