/// One entry of htmx 2's `config.responseHandling`.
///
/// htmx reads the members by JavaScript truthiness (`swap`, `error`, `ignoreTitle`) or as
/// strings (`select`, `target`, `swapOverride`, `event`, each only when non-empty).
public struct ResponseHandlingEntry: Equatable, Sendable {
    /// The pattern text; nil when the entry has no `code` (then it matches every status).
    public var code: String?
    public var swap: Bool
    public var error: Bool
    public var ignoreTitle: Bool
    public var select: String?
    public var target: String?
    public var swapOverride: String?
    public var event: String?

    public init(
        code: String?, swap: Bool, error: Bool = false, ignoreTitle: Bool = false, select: String? = nil,
        target: String? = nil, swapOverride: String? = nil, event: String? = nil
    ) {
        self.code = code
        self.swap = swap
        self.error = error
        self.ignoreTitle = ignoreTitle
        self.select = select
        self.target = target
        self.swapOverride = swapOverride
        self.event = event
    }

    /// `code` compiled as htmx compiles it.
    public var pattern: StatusCodePattern { StatusCodePattern(code) }

    /// htmx 2's default list.
    public static let htmxDefaults: [ResponseHandlingEntry] = [
        ResponseHandlingEntry(code: "204", swap: false),
        ResponseHandlingEntry(code: "[23]..", swap: true),
        ResponseHandlingEntry(code: "[45]..", swap: false, error: true),
    ]

    /// What htmx.js resolveResponseHandling returns when no entry matches.
    public static let noMatch = ResponseHandlingEntry(code: nil, swap: false)

    /// An entry from configuration JSON (e.g. `<meta name="htmx-config">`). `code` is
    /// converted as `new RegExp` converts it (`String(value)`: 404 → "404"); non-string
    /// `select`/`target`/`swapOverride`/`event` are dropped with a note. nil for a non-object.
    public static func fromJSON(_ value: GrammarJSON.Value) -> GrammarResult<ResponseHandlingEntry?> {
        guard case .object(let o) = value else {
            return GrammarResult(nil, [GrammarDiagnostic(
                code: "responseHandling.not-object", message: "a responseHandling entry must be an object")])
        }
        var notes: [GrammarDiagnostic] = []
        func text(_ key: String) -> String? {
            guard let v = o[key] else { return nil }
            if case .string(let s) = v { return s.isEmpty ? nil : s }
            if v.isTruthy {
                notes.append(GrammarDiagnostic(
                    code: "responseHandling.not-string", message: "\(key) is not a string; ignored here"))
            }
            return nil
        }
        let entry = ResponseHandlingEntry(
            code: o["code"]?.jsString,
            swap: o["swap"]?.isTruthy ?? false,
            error: o["error"]?.isTruthy ?? false,
            ignoreTitle: o["ignoreTitle"]?.isTruthy ?? false,
            select: text("select"), target: text("target"),
            swapOverride: text("swapOverride"), event: text("event"))
        return GrammarResult(entry, notes)
    }
}

/// htmx 2 response handling: which configuration entry applies to a status.
public enum ResponseHandling {
    /// The outcome of the lookup.
    public enum Resolution: Equatable, Sendable {
        /// The first entry whose pattern matches.
        case matched(index: Int, entry: ResponseHandlingEntry)
        /// No entry matched: htmx uses `{swap: false}` (`ResponseHandlingEntry.noMatch`).
        case noMatch
        /// The entry at `index` (reached before any match) has a pattern `new RegExp`
        /// rejects: htmx throws, which surfaces as `htmx:onLoadError`, and nothing is swapped.
        case threw(index: Int)

        /// The entry htmx goes on with (nil when it threw).
        public var entry: ResponseHandlingEntry? {
            switch self {
            case .matched(_, let e): return e
            case .noMatch: return ResponseHandlingEntry.noMatch
            case .threw: return nil
            }
        }
    }

    /// htmx.js resolveResponseHandling / codeMatches. Patterns this engine does not
    /// implement count as no match and are noted.
    public static func resolve(status: Int, entries: [ResponseHandlingEntry] = ResponseHandlingEntry.htmxDefaults)
        -> GrammarResult<Resolution>
    {
        var notes: [GrammarDiagnostic] = []
        for (index, entry) in entries.enumerated() {
            switch entry.pattern.matches(status: status) {
            case .match: return GrammarResult(.matched(index: index, entry: entry), notes)
            case .noMatch: continue
            case .invalid(let why):
                notes.append(GrammarDiagnostic(
                    code: "responseHandling.invalid-regex",
                    message: "code \"\(entry.code ?? "")\" is not a valid regular expression (\(why)); htmx throws"))
                return GrammarResult(.threw(index: index), notes)
            case .unsupported(let why):
                notes.append(GrammarDiagnostic(
                    code: "responseHandling.unsupported-regex",
                    message: "code \"\(entry.code ?? "")\" uses \(why), which is not implemented; treated as no match"))
            }
        }
        return GrammarResult(.noMatch, notes)
    }
}
