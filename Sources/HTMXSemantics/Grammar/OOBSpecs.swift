/// An `hx-swap-oob` value (htmx.js oobSwap).
///
/// `true` → outerHTML onto the element's own id; a value with a colon after position 0
/// splits at the **first** colon into style and extended selector (`innerHTML:#a:b` →
/// selector `#a:b`); otherwise the whole value is the style (a leading colon included).
/// Nothing is trimmed. The style goes to swapWithStyle, where `textContent` and unknown
/// names fall back to the default style, and only `outerHTML` swaps the element itself
/// rather than its children.
public struct SwapOOBSpec: Equatable, Sendable {
    public var swapStyle: String
    /// Extended selector text, resolved against the document (or the context root); nil
    /// means `#` + CSS.escape(id) of the OOB element, where every element with that id matches.
    public var selector: String?

    public init(swapStyle: String, selector: String?) {
        self.swapStyle = swapStyle
        self.selector = selector
    }

    /// Parses a non-empty `hx-swap-oob` value. (An empty value is treated as absent by
    /// htmx: the element is not swapped and keeps its attribute.)
    public static func parse(_ value: String) -> GrammarResult<SwapOOBSpec> {
        if value == "true" { return GrammarResult(SwapOOBSpec(swapStyle: "outerHTML", selector: nil)) }
        let b = Array(value.utf8)
        if let colon = b.firstIndex(of: UInt8(ascii: ":")), colon > 0 {
            let style = JSText.string(b, 0..<colon)
            let selector = JSText.string(b, (colon + 1)..<b.count)
            return GrammarResult(SwapOOBSpec(swapStyle: style, selector: selector), styleNotes(style))
        }
        return GrammarResult(SwapOOBSpec(swapStyle: value, selector: nil), styleNotes(value))
    }

    private static func styleNotes(_ style: String) -> [GrammarDiagnostic] {
        if case .other = SwapStyle(name: style) {
            return [GrammarDiagnostic(
                code: "hx-swap-oob.unknown-style",
                message: "OOB swap style \"\(style)\" is unknown; htmx swaps the element's children with the default style")]
        }
        if style == "textContent" {
            return [GrammarDiagnostic(
                code: "hx-swap-oob.unknown-style",
                message: "textContent is not an OOB style; htmx swaps the element's children with the default style")]
        }
        return []
    }

    /// Whether htmx swaps the OOB element itself (true) or its children.
    public var swapsElementItself: Bool { SwapStyle.isInline(swapStyle) }

    /// The selector htmx resolves: the explicit one, or `#` + CSS.escape(id). A missing id
    /// becomes the text `null`, as `CSS.escape(null)` gives.
    public func targetSelector(elementID: String?) -> String {
        selector ?? "#" + CSSEscape.escape(elementID ?? "null")
    }
}

/// One entry of an `hx-select-oob` list (htmx.js swap, select-oob part).
///
/// The list is split at every comma; each piece at colons keeping only the first two
/// pieces (`a:b:c` → id `a`, value `b`). The id is trimmed and loses one leading `#`; the
/// value is not trimmed and defaults to `true` when missing or empty. The element is found
/// with `fragment.querySelector('#' + id)` — the id is NOT escaped, so it is read as CSS.
public struct SelectOOBEntry: Equatable, Sendable {
    public var id: String
    /// The value handed to the hx-swap-oob logic (see `SwapOOBSpec`).
    public var swapValue: String

    public init(id: String, swapValue: String) {
        self.id = id
        self.swapValue = swapValue
    }

    /// The selector htmx queries the response with.
    public var selector: String { "#" + id }

    /// Parses a non-empty `hx-select-oob` value.
    public static func parseList(_ value: String) -> GrammarResult<[SelectOOBEntry]> {
        var entries: [SelectOOBEntry] = []
        var notes: [GrammarDiagnostic] = []
        for piece in JSText.split(value, on: UInt8(ascii: ",")) {
            let halves = JSText.split(piece, on: UInt8(ascii: ":"))
            var id = JSText.trim(halves[0])
            if let rest = id.dropPrefix("#") { id = rest }
            let swapValue = halves.count > 1 && !halves[1].isEmpty ? halves[1] : "true"
            if id.isEmpty {
                notes.append(GrammarDiagnostic(
                    code: "hx-select-oob.empty-id",
                    message: "an empty id in hx-select-oob \"\(value)\" makes querySelector('#') throw; htmx fires htmx:swapError"))
            }
            entries.append(SelectOOBEntry(id: id, swapValue: swapValue))
        }
        return GrammarResult(entries, notes)
    }
}

/// CSSOM `CSS.escape` (https://drafts.csswg.org/cssom/#serialize-an-identifier).
public enum CSSEscape {
    /// `CSS.escape(s)`.
    public static func escape(_ s: String) -> String {
        // Most ids and tag names need no escape (htmx escapes one of each per new element).
        needsNoEscape(s) ? s : escapeEachScalar(s)
    }

    static func escapeEachScalar(_ s: String) -> String {
        var out = ""
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            let v = c.value
            let isDigit = v >= 0x30 && v <= 0x39
            if v == 0 {
                out.unicodeScalars.append("\u{FFFD}")
            } else if (v >= 0x01 && v <= 0x1F) || v == 0x7F
                        || (i == 0 && isDigit)
                        || (i == 1 && isDigit && scalars[0] == "-") {
                out += "\\" + String(v, radix: 16) + " "
            } else if i == 0 && v == 0x2D && scalars.count == 1 {
                out += "\\-"
            } else if v >= 0x80 || v == 0x2D || v == 0x5F || isDigit
                        || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
                out.unicodeScalars.append(c)
            } else {
                out += "\\"
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// True when `escape` would return `s` unchanged: only name characters (ASCII letters,
    /// digits, `-`, `_`, anything non-ASCII), no leading digit or `-` digit, not `-` alone.
    static func needsNoEscape(_ s: String) -> Bool {
        return s.withUTF8Bytes { b in
            for c in b where !(c >= 0x80 || c == 0x2D || c == 0x5F || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A)) {
                return false
            }
            guard let first = b.first else { return true }
            func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
            if isDigit(first) { return false }
            if first == 0x2D && (b.count == 1 || isDigit(b[1])) { return false }
            return true
        }
    }
}
