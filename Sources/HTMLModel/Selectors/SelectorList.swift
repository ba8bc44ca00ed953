/// A parsed CSS selector list, as `querySelector` and `matches` take it
/// (<https://drafts.csswg.org/selectors-4/>). Parse once, then match or query any number of
/// times against any ``SelectorElement`` tree.
///
/// Supported: type and universal selectors (`*|E`, `|E`), `#id`, `.class`, attribute selectors
/// with all operators and the `i` / `s` flags, the four combinators, `:not()`, `:is()`,
/// `:where()`, `:has()`, the child-indexed and typed-child-indexed pseudo-classes (with
/// `of S`), `:empty`, `:root`, `:scope`, `:checked`, `:disabled`, `:enabled`, `:link` /
/// `:any-link`, `:defined`, `:lang()`. User-action and history pseudo-classes (`:hover`,
/// `:focus`, `:visited`, `:target`, ...) and pseudo-elements (`::before`, `:after`, ...)
/// parse but match nothing, as for a document nobody is looking at.
///
/// The matching methods are generic over the element type. Call them from non-generic code
/// in the module that defines the element type (e.g. `Element.querySelectorAll(_:)` in
/// HTMLModel) so the compiler specializes them; unspecialized calls from other modules run
/// an order of magnitude slower.
public struct SelectorList: Sendable, CustomStringConvertible {
    /// The selector text as given.
    public let text: String
    let program: SelectorProgram

    /// Longest selector text accepted, in UTF-8 bytes; keeps the program's 32-bit offsets exact.
    static let maxLength = 1 << 26

    /// Parses `text`; throws on anything `querySelector` would reject with a `SyntaxError`
    /// (<https://drafts.csswg.org/selectors-4/#parse-a-selector>).
    public init(_ text: String) throws(SelectorParseError) {
        let bytes = Array(text.utf8)
        guard bytes.count <= Self.maxLength else {
            throw SelectorParseError(message: "selector longer than \(Self.maxLength) bytes", position: 0, utf8Offset: 0, selector: text)
        }
        let selectors: [ComplexSelector]
        do {
            selectors = try SelectorParser(bytes: bytes).parseSelectorList()
        } catch {
            let offset = min(max(error.offset, 0), bytes.count)
            let position = String(decoding: bytes[..<offset], as: UTF8.self).count
            throw SelectorParseError(message: error.message, position: position, utf8Offset: offset, selector: text)
        }
        self.text = text
        program = SelectorProgram(selectors)
    }

    /// Same as ``init(_:)``.
    public static func parse(_ text: String) throws(SelectorParseError) -> SelectorList {
        try SelectorList(text)
    }

    public var description: String { text }

    /// Whether `element` matches any selector in the list
    /// (<https://drafts.csswg.org/selectors-4/#match-a-selector-against-an-element>).
    ///
    /// `scope` is the `:scope` element; with nil, `:scope` matches the root element. DOM's
    /// `Element.matches()` passes the element itself.
    public func matches<E: SelectorElement>(_ element: E, scope: E? = nil) -> Bool {
        withContext(scope: scope) { SelectorMatcher.matchesTop(element, $0) }
    }

    /// `Element.querySelector()`: the first descendant of `root` in tree order that matches,
    /// with `root` as `:scope`. `root` itself is never a result, but ancestors of `root` take
    /// part in matching (`div p` finds a `p` under `root` when the `div` is above `root`).
    public func querySelector<E: SelectorElement>(in root: E) -> E? {
        querySelector(in: root, scope: root)
    }

    /// The first descendant of `root` in tree order that matches, with `scope` as `:scope`.
    public func querySelector<E: SelectorElement>(in root: E, scope: E?) -> E? {
        withContext(scope: scope) { ctx in
            ElementTraversal.firstDescendant(of: root) { SelectorMatcher.matchesTop($0, ctx) }
        }
    }

    /// `Element.querySelectorAll()`: every matching descendant of `root` in tree order, each
    /// once, with `root` as `:scope`.
    public func querySelectorAll<E: SelectorElement>(in root: E) -> [E] {
        querySelectorAll(in: root, scope: root)
    }

    /// Every matching descendant of `root` in tree order, with `scope` as `:scope`.
    public func querySelectorAll<E: SelectorElement>(in root: E, scope: E?) -> [E] {
        var result: [E] = []
        forEachMatch(in: root, scope: scope) { e in
            result.append(e)
            return true
        }
        return result
    }

    /// `Document.querySelector()`: `documentElement` or its first matching descendant.
    /// There is no scoping element, so `:scope` matches the root element.
    public func querySelector<E: SelectorElement>(inDocumentRootedAt documentElement: E) -> E? {
        if matches(documentElement) { return documentElement }
        return querySelector(in: documentElement, scope: nil)
    }

    /// `Document.querySelectorAll()`: `documentElement` and its matching descendants in tree order.
    public func querySelectorAll<E: SelectorElement>(inDocumentRootedAt documentElement: E) -> [E] {
        var result: [E] = matches(documentElement) ? [documentElement] : []
        forEachMatch(in: documentElement, scope: nil) { e in
            result.append(e)
            return true
        }
        return result
    }

    /// Calls `body` with each matching descendant of `root` in tree order until it returns
    /// false; no array is built.
    public func forEachMatch<E: SelectorElement>(in root: E, scope: E?, _ body: (E) -> Bool) {
        withContext(scope: scope) { ctx in
            ElementTraversal.forEachDescendant(of: root) { e in
                if SelectorMatcher.matchesTop(e, ctx) { return body(e) }
                return true
            }
        }
    }

    /// `Element.closest()`: `element` or its nearest ancestor that matches, with `element` as
    /// `:scope` (<https://dom.spec.whatwg.org/#dom-element-closest>).
    public func closest<E: SelectorElement>(_ element: E) -> E? {
        withContext(scope: element) { ctx in
            var node: E? = element
            while let e = node {
                if SelectorMatcher.matchesTop(e, ctx) { return e }
                node = e.parentElement
            }
            return nil
        }
    }

    /// Runs `body` with a context over this list's compiled program, keeping the program
    /// alive for the duration.
    @inline(__always)
    private func withContext<E: SelectorElement, R>(scope: E?, _ body: (SelectorMatchContext<E>) -> R) -> R {
        withExtendedLifetime(program) {
            body(SelectorMatchContext(program: program.ref, scope: scope, anchor: nil))
        }
    }
}
