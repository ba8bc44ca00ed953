/// An htmx 2 extended selector (htmx.js querySelectorAllExt), parsed but not resolved.
///
/// Resolution (the lead's job) follows htmx: the keyword parts yield their element in
/// `parts` order, then every CSS part is joined with `,` into one `querySelectorAll` on the
/// root node (`cssSelectorList`), whose matches come last in document order.
/// htmx 2.0.10 has no `findAll`, and `this` is not a keyword here (see `AttributeTarget`).
public struct ExtendedSelector: Equatable, Sendable {
    /// One comma-separated piece, after `<…/>` unwrapping and trimming.
    public enum Part: Equatable, Sendable {
        /// `closest S`: `element.closest(S)` (the element itself included).
        case closest(String)
        /// `find S`: the first descendant matching S (`querySelector`).
        case find(String)
        /// `next` / `nextElementSibling`: the next element sibling.
        case next
        /// `next S`: the first S in document order that follows the element, where
        /// "follows" is compareDocumentPosition == PRECEDING exactly, so descendants and
        /// ancestors of the element never match.
        case nextMatching(String)
        /// `previous` / `previousElementSibling`.
        case previous
        /// `previous S`: the last S in document order before the element, ancestors excluded.
        case previousMatching(String)
        case document, window, body
        /// `root`: `getRootNode()` (composed when `global`).
        case root
        /// `host`: the shadow root's host.
        case host
        /// Anything else: standard CSS (joined with the other CSS parts).
        case css(String)
    }

    /// `global ` prefix: roots are looked up through shadow boundaries (`composed: true`).
    public var isGlobal: Bool
    /// The pieces in source order.
    public var parts: [Part]

    public init(isGlobal: Bool = false, parts: [Part]) {
        self.isGlobal = isGlobal
        self.parts = parts
    }

    /// The CSS parts joined with `,`, as htmx passes them to `querySelectorAll`; nil if none.
    public var cssSelectorList: String? {
        var list: String?
        for case .css(let s) in parts { list = list.map { $0 + "," + s } ?? s }
        return list
    }

    /// htmx.js normalizeSelector: trim, then unwrap one `<…/>` (the inside is not re-trimmed).
    public static func normalize(_ selector: String) -> String {
        let b = Array(selector.utf8)
        let r = JSText.trimmed(b, 0..<b.count)
        // `startsWith('<') && endsWith('/>')` needs at least `</>`, so the ends never overlap.
        if r.count >= 3, b[r.lowerBound] == UInt8(ascii: "<"),
           b[r.upperBound - 2] == UInt8(ascii: "/"), b[r.upperBound - 1] == UInt8(ascii: ">") {
            return JSText.string(b, (r.lowerBound + 1)..<(r.upperBound - 2))
        }
        return JSText.string(b, r)
    }

    /// htmx.js querySelectorAllExt, parse half. `global ` is recognised only at the very
    /// start (untrimmed); the list is split at commas outside `<…/>` (a `<` opens, a `/>`
    /// closes — the count may go negative, which also stops splitting); a trailing comma
    /// adds no part.
    public static func parse(_ selector: String) -> GrammarResult<ExtendedSelector> {
        // htmx resolves `#id` for every OOB element: a single CSS part needs no splitting.
        if isSinglePlainCSS(selector) { return GrammarResult(ExtendedSelector(parts: [.css(selector)])) }
        return parseList(selector)
    }

    /// The parts a whole piece names by itself (the keywords that take no selector).
    static let bareKeywords: [String: Part] = [
        "next": .next, "nextElementSibling": .next, "previous": .previous, "previousElementSibling": .previous,
        "document": .document, "window": .window, "body": .body, "root": .root, "host": .host,
    ]

    /// True when `parseList` would return `selector` itself as one CSS part with no notes:
    /// printable ASCII without spaces (nothing to trim or split at), no `,` or `<`, and not
    /// a keyword (every keyword with an argument needs a space).
    static func isSinglePlainCSS(_ selector: String) -> Bool {
        guard !selector.isEmpty, selector.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x2C && $0 != 0x3C }) else { return false }
        // Keywords start with a lower-case letter; `#id` needs no set lookup.
        guard let first = selector.utf8.first, first >= 0x61 && first <= 0x7A else { return true }
        return bareKeywords[selector] == nil
    }

    static func parseList(_ selector: String) -> GrammarResult<ExtendedSelector> {
        var rest = selector
        var global = false
        while let r = rest.dropPrefix("global ") {
            global = true
            rest = r
        }
        var notes: [GrammarDiagnostic] = []
        var parts: [Part] = []
        for raw in splitList(rest) {
            let s = normalize(raw)
            let part: Part
            if let arg = s.dropPrefix("closest ") {
                part = .closest(argument(arg, "closest", &notes))
            } else if let arg = s.dropPrefix("find ") {
                part = .find(argument(arg, "find", &notes))
            } else if let bare = bareKeywords[s] {
                part = bare
            } else if let arg = s.dropPrefix("next ") {
                part = .nextMatching(argument(arg, "next", &notes))
            } else if let arg = s.dropPrefix("previous ") {
                part = .previousMatching(argument(arg, "previous", &notes))
            } else {
                if JSText.isAllWhitespace(Array(s.utf8), 0..<s.utf8.count) {
                    notes.append(GrammarDiagnostic(
                        code: "selector.empty-part",
                        message: "an empty part in \"\(selector)\" makes htmx's querySelectorAll throw a SyntaxError"))
                }
                part = .css(s)
            }
            parts.append(part)
        }
        return GrammarResult(ExtendedSelector(isGlobal: global, parts: parts), notes)
    }

    private static func argument(_ raw: String, _ keyword: String, _ notes: inout [GrammarDiagnostic]) -> String {
        let arg = normalize(raw)
        if JSText.isAllWhitespace(Array(arg.utf8), 0..<arg.utf8.count) {
            notes.append(GrammarDiagnostic(
                code: "selector.empty-part",
                message: "`\(keyword)` with an empty selector makes the DOM call throw a SyntaxError"))
        }
        return arg
    }

    /// The comma split of querySelectorAllExt, aware of `<…/>`.
    static func splitList(_ selector: String) -> [String] {
        let b = Array(selector.utf8)
        var parts: [String] = []
        var depth = 0
        var offset = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: ","), depth == 0 {
                parts.append(JSText.string(b, offset..<i))
                offset = i + 1
            } else if c == UInt8(ascii: "<") {
                depth += 1
            } else if c == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: ">") {
                depth -= 1
            }
            i += 1
        }
        if offset < b.count { parts.append(JSText.string(b, offset..<b.count)) }
        return parts
    }
}

/// The value of an attribute that names elements (`hx-target`, `hx-include`, `hx-indicator`,
/// `hx-disabled-elt`, `hx-sync`'s selector…), htmx.js getTarget / findAttributeTargets.
public enum AttributeTarget: Equatable, Sendable {
    /// Exactly `this` (no surrounding space): the element that declares the attribute,
    /// which may be an ancestor of the requesting element when inherited.
    case this
    /// Anything else, as an extended selector. `includesInherit` is set when a
    /// comma-separated piece is `inherit` (with optional whitespace): for hx-include,
    /// hx-indicator and hx-disabled-elt htmx then also adds the targets of the nearest
    /// ancestor that has the attribute. (`hx-target` ignores it.) The `inherit` piece also
    /// stays a CSS part, matching `<inherit>` elements.
    case selector(ExtendedSelector, includesInherit: Bool)

    /// Reads an attribute value (non-empty; htmx treats `""` as absent).
    public static func parse(_ value: String) -> GrammarResult<AttributeTarget> {
        if value == "this" { return GrammarResult(.this) }
        let sel = ExtendedSelector.parse(value)
        let inherit = JSText.split(value, on: UInt8(ascii: ",")).contains { JSText.trim($0) == "inherit" }
        return GrammarResult(.selector(sel.value, includesInherit: inherit), sel.diagnostics)
    }
}
