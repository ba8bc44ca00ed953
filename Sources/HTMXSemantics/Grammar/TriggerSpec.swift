/// One comma-separated spec of an `hx-trigger` value, as htmx 2's parseAndCacheTrigger
/// builds it. String members hold exactly what htmx stores (possibly `""`, which htmx
/// treats as absent because it tests them for truthiness).
public struct TriggerSpec: Equatable, Sendable {
    /// The event name (`click`, `sse:update`, `htmx:afterSwap`, `key.up`…), or `every`.
    public var trigger: String
    /// `every <interval>`: nil when the interval is missing or not a number. htmx polls only
    /// when it is > 0; otherwise it listens for a DOM event named `every`.
    public var pollInterval: Double?
    public var eventFilter: TriggerFilter?
    public var changed = false
    public var once = false
    public var consume = false
    public var delay: Double?
    public var throttle: Double?
    /// Extended selector text of `from:` (`document`, `closest div`, `(previous a, next b)`…).
    public var from: String?
    /// Plain CSS selector of `target:`, matched against `event.target`.
    public var target: String?
    /// Raw `queue:` text; see `queueStrategy`.
    public var queue: String?
    /// `root:` selector for `intersect`.
    public var root: String?
    /// Raw `threshold:` text for `intersect`; see `thresholdValue`.
    public var threshold: String?

    public init(trigger: String) { self.trigger = trigger }

    /// True for a spec from the `every` form.
    public var isPolling: Bool { trigger == "every" }

    /// htmx.js addTriggerHandler: polls only for a positive interval.
    public var pollsByTimer: Bool { isPolling && (pollInterval ?? 0) > 0 }

    /// The queue strategy this spec asks for when a request is in flight (htmx.js
    /// issueAjaxRequest reads it only when non-empty; nil means "use the default, `last`").
    public var queueStrategy: QueueStrategy? {
        guard let queue, !queue.isEmpty else { return nil }
        return QueueStrategy(name: queue)
    }

    /// `threshold:` as htmx passes it to IntersectionObserver (`parseFloat`, only when non-empty).
    public var thresholdValue: Double? {
        guard let threshold, !threshold.isEmpty else { return nil }
        return JSText.parseFloat(threshold)
    }

    /// The parsed `from:` selector, when `from` is non-empty.
    public var fromSelector: ExtendedSelector? {
        guard let from, !from.isEmpty else { return nil }
        return ExtendedSelector.parse(from).value
    }
}

/// What htmx does with a request that arrives while another is in flight.
public enum QueueStrategy: Equatable, Hashable, Sendable {
    /// Keep it only if the queue is empty.
    case first
    /// Replace the queue with it (htmx's default).
    case last
    /// Append it.
    case all
    /// `none` — and, identically, any other word: htmx queues nothing (the request is dropped).
    case none
    case other(String)

    public init(name: String) {
        switch name {
        case "first": self = .first
        case "last": self = .last
        case "all": self = .all
        case "none": self = .none
        default: self = .other(name)
        }
    }
}

extension TriggerSpec {
    /// htmx.js parseAndCacheTrigger over an explicit `hx-trigger` value. Diagnostics with code
    /// `htmx:syntax:error` are the events htmx fires on the element, in order, with the
    /// `token` detail htmx reports (which, for an unknown modifier, is the token *after* it).
    public static func parseList(_ value: String) -> GrammarResult<[TriggerSpec]> {
        var parser = TriggerSpecParser(Array(value.utf8))
        let specs = parser.run()
        return GrammarResult(specs, parser.notes)
    }

    /// htmx.js getTriggerSpecs: the explicit value's specs, or the element's default when
    /// there is no value (nil or `""`) or it yields no spec.
    ///
    /// - Parameters:
    ///   - tagName: the element's local name (compared ASCII case-insensitively).
    ///   - inputType: the raw `type` attribute of an `input` (compared ASCII
    ///     case-insensitively, as HTML attribute selectors on `type` are).
    ///   Whether the element sits inside a form does not matter to htmx 2.
    public static func specs(for value: String?, tagName: String, inputType: String?) -> GrammarResult<[TriggerSpec]> {
        let parsed = value.flatMap { $0.isEmpty ? nil : parseList($0) } ?? GrammarResult([])
        return withDefault(parsed, tagName: tagName, inputType: inputType)
    }

    /// `parsed` (an element's `hx-trigger` parse, which a caller may keep per value) with
    /// htmx's default trigger for the element when it names none; the element's names are
    /// read only then.
    public static func withDefault(_ parsed: GrammarResult<[TriggerSpec]>, tagName: @autoclosure () -> String,
                                   inputType: @autoclosure () -> String?) -> GrammarResult<[TriggerSpec]> {
        var result = parsed
        if result.value.isEmpty { result.value = [defaultSpec(tagName: tagName(), inputType: inputType())] }
        return result
    }

    /// htmx.js getTriggerSpecs defaults: `form` → submit; `input[type=button|submit]` → click;
    /// other `input`, `textarea`, `select` → change; everything else (a `<button>` too) → click.
    public static func defaultSpec(tagName: String, inputType: String?) -> TriggerSpec {
        let tag = tagName.lowercasedASCII
        if tag == "form" { return TriggerSpec(trigger: "submit") }
        if tag == "input", let t = inputType?.lowercasedASCII, t == "button" || t == "submit" {
            return TriggerSpec(trigger: "click")
        }
        if tag == "input" || tag == "textarea" || tag == "select" { return TriggerSpec(trigger: "change") }
        return TriggerSpec(trigger: "click")
    }
}

extension String {
    var lowercasedASCII: String {
        // Tag names from the parser are lower-case already: no copy for them.
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// The token walk of htmx.js parseAndCacheTrigger, with a cursor instead of `shift()`.
struct TriggerSpecParser {
    let b: [UInt8]
    let tokens: [TriggerToken]
    var p = 0
    var notes: [GrammarDiagnostic] = []

    init(_ bytes: [UInt8]) {
        b = bytes
        tokens = TriggerTokenizer.tokenize(bytes)
    }

    private func text(_ k: Int) -> String { JSText.string(b, tokens[k].range) }
    private func isToken(_ k: Int, _ s: StaticString) -> Bool { k < tokens.count && JSText.equals(b, tokens[k].range, s) }

    /// consumeUntil: concatenates tokens up to (not including) the first one that matches.
    private mutating func consume(until stop: (TriggerToken.Flags) -> Bool) -> String {
        let start = p
        while p < tokens.count && !stop(tokens[p].flags) { p += 1 }
        guard p > start else { return "" }
        return JSText.string(b, tokens[start].range.lowerBound..<tokens[p - 1].range.upperBound)
    }

    private mutating func skipWhitespace() { _ = consume(until: { $0.contains(.nonWhitespace) }) }

    private mutating func consumeUntilWhitespaceOrComma() -> String {
        consume(until: { !$0.isDisjoint(with: [.whitespace, .comma]) })
    }

    /// consumeCSSSelector: a token holding `(` or `{` opens a group read up to the token
    /// holding `)` or `}` (both dropped whole, result trimmed); otherwise up to whitespace/comma.
    private mutating func consumeCSSSelector() -> String {
        if p < tokens.count && tokens[p].flags.contains(.openParenOrBrace) {
            p += 1
            let inner = JSText.trim(consume(until: { $0.contains(.closeParenOrBrace) }))
            if p < tokens.count { p += 1 }
            return inner
        }
        return consumeUntilWhitespaceOrComma()
    }

    private mutating func syntaxError(_ why: String) {
        // htmx reports `tokens.shift()`: the token now at the cursor, consumed.
        let token: String? = p < tokens.count ? text(p) : nil
        if p < tokens.count { p += 1 }
        notes.append(GrammarDiagnostic(
            code: GrammarDiagnostic.syntaxErrorCode,
            message: "\(why); htmx fires htmx:syntax:error with token \(token.map { "\"\($0)\"" } ?? "undefined")",
            detail: token))
    }

    private mutating func interval(_ name: String) -> Double? {
        let raw = consumeUntilWhitespaceOrComma()
        let v = HTMXTime.parseInterval(raw)
        if v == nil {
            notes.append(GrammarDiagnostic(
                code: "hx-trigger.bad-interval",
                message: "\(name):\(raw) is not a time; htmx leaves it undefined (no \(name))"))
        }
        return v
    }

    private mutating func filter(into spec: inout TriggerSpec) {
        switch TriggerFilterParser.parse(b, tokens, &p) {
        case .absent: break
        case .filter(let f): spec.eventFilter = f
        case .syntaxError(let source):
            notes.append(GrammarDiagnostic(
                code: GrammarDiagnostic.syntaxErrorCode,
                message: "the event filter does not compile; htmx fires htmx:syntax:error on body and the spec is left unfiltered",
                detail: source))
        case .unterminated:
            notes.append(GrammarDiagnostic(
                code: "hx-trigger.unterminated-filter",
                message: "no closing ] for the event filter; htmx silently drops the filter and the rest of the value"))
        }
    }

    mutating func run() -> [TriggerSpec] {
        var specs: [TriggerSpec] = []
        repeat {
            skipWhitespace()
            let initial = p
            let trigger = consume(until: { !$0.isDisjoint(with: [.comma, .openSquare, .whitespace]) })
            if !trigger.isEmpty {
                if trigger == "every" {
                    var every = TriggerSpec(trigger: "every")
                    skipWhitespace()
                    let raw = consume(until: { !$0.isDisjoint(with: [.comma, .openSquare, .whitespace]) })
                    every.pollInterval = HTMXTime.parseInterval(raw)
                    if every.pollInterval == nil || (every.pollInterval ?? 0) <= 0 {
                        notes.append(GrammarDiagnostic(
                            code: "hx-trigger.bad-poll-interval",
                            message: "every \(raw): no positive interval; htmx listens for a DOM event named \"every\" instead of polling"))
                    }
                    skipWhitespace()
                    filter(into: &every)
                    specs.append(every)
                } else {
                    var spec = TriggerSpec(trigger: trigger)
                    filter(into: &spec)
                    skipWhitespace()
                    while p < tokens.count && !isToken(p, ",") {
                        let k = p
                        p += 1
                        let colon = isToken(p, ":")
                        if isToken(k, "changed") {
                            spec.changed = true
                        } else if isToken(k, "once") {
                            spec.once = true
                        } else if isToken(k, "consume") {
                            spec.consume = true
                        } else if isToken(k, "delay") && colon {
                            p += 1
                            spec.delay = interval("delay")
                        } else if isToken(k, "from") && colon {
                            p += 1
                            spec.from = fromArgument()
                        } else if isToken(k, "target") && colon {
                            p += 1
                            spec.target = consumeCSSSelector()
                        } else if isToken(k, "throttle") && colon {
                            p += 1
                            spec.throttle = interval("throttle")
                        } else if isToken(k, "queue") && colon {
                            p += 1
                            spec.queue = consumeUntilWhitespaceOrComma()
                        } else if isToken(k, "root") && colon {
                            p += 1
                            spec.root = consumeCSSSelector()
                        } else if isToken(k, "threshold") && colon {
                            p += 1
                            spec.threshold = consumeUntilWhitespaceOrComma()
                        } else {
                            syntaxError("unknown trigger modifier \"\(text(k))\"")
                        }
                        skipWhitespace()
                    }
                    specs.append(spec)
                }
            }
            if p == initial {
                syntaxError("no trigger event where one was expected")
            }
            skipWhitespace()
        } while isToken(p, ",") && advance()
        if p < tokens.count {
            notes.append(GrammarDiagnostic(
                code: "hx-trigger.ignored-text",
                message: "htmx stops reading at \"\(JSText.string(b, tokens[p].range.lowerBound..<b.count))\" and ignores it"))
        }
        return specs
    }

    private mutating func advance() -> Bool {
        p += 1
        return true
    }

    /// The `from:` argument: a `(…)` group, or a word; after `closest`/`find`/`next`/
    /// `previous` one token is skipped (whatever it is, even a comma) and a selector read.
    private mutating func fromArgument() -> String {
        if p < tokens.count && tokens[p].flags.contains(.openParenOrBrace) {
            return consumeCSSSelector()
        }
        var arg = consumeUntilWhitespaceOrComma()
        if arg == "closest" || arg == "find" || arg == "next" || arg == "previous" {
            if p < tokens.count { p += 1 }
            let selector = consumeCSSSelector()
            if !selector.isEmpty { arg += " " + selector }
        }
        return arg
    }
}
