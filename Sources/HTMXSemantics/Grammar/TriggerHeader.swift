/// The events an `HX-Trigger` / `HX-Trigger-After-Swap` / `HX-Trigger-After-Settle`
/// response header asks for (htmx.js handleTriggerHeader).
public struct TriggerHeaderEvent: Equatable, Sendable {
    /// Where the event is dispatched.
    public enum Target: Equatable, Sendable {
        /// The element htmx passes in (the requesting element, or body once it has left the DOM).
        case requestElement
        /// A selector from a `target` member, resolved with querySelector on the document.
        /// htmx throws (→ `htmx:onLoadError`) when nothing matches.
        case selector(String)
        /// A non-string `target` member (`null`, a number…): htmx throws dispatching it.
        case invalid(GrammarJSON.Value)
    }

    public var name: String
    /// The event detail before htmx adds `elt`: the member's object itself, `{value: V}`
    /// for any other JSON value, or an empty array (`[]`) for the comma-list form.
    public var detail: GrammarJSON.Value
    public var target: Target

    public init(name: String, detail: GrammarJSON.Value, target: Target) {
        self.name = name
        self.detail = detail
        self.target = target
    }

    /// htmx.js triggerEvent: a detail with a truthy `error` member also logs and fires
    /// `htmx:error` {errorInfo: detail} before the event itself.
    public var alsoFiresHTMXError: Bool {
        guard case .object(let o) = detail, let e = o["error"] else { return false }
        return e.isTruthy
    }

    /// Parses a header value (present, possibly empty).
    ///
    /// JSON form only when the value starts with `{` at byte 0 (no leading space); events
    /// come in JavaScript `for…in` order (array-index names first, numerically). A `target`
    /// member redirects that event **and every later one** (htmx reassigns its `elt`
    /// variable). Invalid JSON: htmx logs and fires nothing.
    /// Otherwise the value is split at commas and each name trimmed; empty names are kept
    /// (htmx dispatches an event with an empty type).
    public static func parse(_ header: String) -> GrammarResult<[TriggerHeaderEvent]> {
        if header.utf8.first == UInt8(ascii: "{") {
            let parsed = GrammarJSON.parse(header)
            guard case .object(let obj)? = parsed.value else {
                var notes = parsed.diagnostics
                notes.append(GrammarDiagnostic(
                    code: "hx-trigger-header.invalid-json",
                    message: "the trigger header is not a JSON object; htmx logs the error and triggers nothing"))
                return GrammarResult([], notes)
            }
            var events: [TriggerHeaderEvent] = []
            var target = Target.requestElement
            var notes = parsed.diagnostics
            for m in obj.members {
                var detail = m.value
                if case .object(let d) = m.value {
                    if let t = d["target"] {
                        if case .string(let s) = t {
                            target = .selector(s)
                        } else {
                            target = .invalid(t)
                            notes.append(GrammarDiagnostic(
                                code: "hx-trigger-header.invalid-target",
                                message: "event \"\(m.key)\" has a non-string target \(t.jsonText); htmx throws dispatching it"))
                        }
                    }
                } else {
                    detail = .object(GrammarJSON.JSObject([("value", m.value)]))
                }
                events.append(TriggerHeaderEvent(name: m.key, detail: detail, target: target))
            }
            return GrammarResult(events, notes)
        }
        let events = JSText.split(header, on: UInt8(ascii: ",")).map {
            TriggerHeaderEvent(name: JSText.trim($0), detail: .array([]), target: .requestElement)
        }
        return GrammarResult(events)
    }
}
