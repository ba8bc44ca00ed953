/// Why a selector string was rejected: the equivalent of the `SyntaxError` DOMException that
/// `querySelector` throws (<https://dom.spec.whatwg.org/#scope-match-a-selectors-string>).
public struct SelectorParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong, in words.
    public var message: String
    /// Offset of the offending spot in ``selector``, counted in `Character`s.
    public var position: Int
    /// The same offset counted in UTF-8 bytes.
    public var utf8Offset: Int
    /// The selector text as given.
    public var selector: String

    public init(message: String, position: Int, utf8Offset: Int, selector: String) {
        self.message = message
        self.position = position
        self.utf8Offset = utf8Offset
        self.selector = selector
    }

    public var description: String {
        "invalid selector \"\(selector)\" at \(position): \(message)"
    }
}

/// The parser's internal failure: a byte offset, turned into ``SelectorParseError`` (with a
/// `Character` offset) once, at the API boundary.
struct SelectorSyntaxFailure: Error {
    var message: String
    var offset: Int
    /// Not swallowed by forgiving lists (`:is()`), so a nesting-depth overflow always surfaces.
    var isFatal = false
}
