/// A note produced while reading an htmx attribute or header value.
///
/// Codes that start with `htmx:` name an event htmx 2 itself fires for the same input (the
/// engine should fire it too, on the element the message names); every other code is a note
/// of ours about a value htmx accepts silently, logs to the console, or would throw on.
public struct GrammarDiagnostic: Equatable, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    /// The value htmx puts in the event detail, when the code is an htmx event: the `token`
    /// of a trigger syntax error (nil when htmx reports `undefined`), or the `source` of a
    /// filter that failed to compile.
    public var detail: String?

    public init(code: String, message: String, detail: String? = nil) {
        self.code = code
        self.message = message
        self.detail = detail
    }

    /// True when htmx fires an event named by `code` for this input.
    public var isHTMXEvent: Bool { code.hasPrefix("htmx:") }

    public var description: String { "\(code): \(message)" }
}

extension GrammarDiagnostic {
    /// htmx fires `htmx:syntax:error` (htmx.js parseAndCacheTrigger, maybeGenerateConditional).
    public static let syntaxErrorCode = "htmx:syntax:error"
}

/// A parsed value together with the notes made while parsing it. Parsing never throws.
public struct GrammarResult<Value> {
    public var value: Value
    public var diagnostics: [GrammarDiagnostic]

    public init(_ value: Value, _ diagnostics: [GrammarDiagnostic] = []) {
        self.value = value
        self.diagnostics = diagnostics
    }
}

extension GrammarResult: Equatable where Value: Equatable {}
extension GrammarResult: Sendable where Value: Sendable {}
