/// A `[…]` event filter of an `hx-trigger` spec, kept as source text (the engine does not
/// run JavaScript). htmx.js maybeGenerateConditional compiles it into
/// `function(event){ return (EXPR) }` where every bare identifier (not `true`, `false`,
/// `this`, `event`, and not right after a `.`) reads `event.NAME` if truthy, else
/// `window.NAME`.
public struct TriggerFilter: Equatable, Sendable {
    /// One piece of the expression: verbatim text, or an identifier htmx rewrites to
    /// "the event's property if truthy, else the global".
    public enum Piece: Equatable, Sendable {
        case text(String)
        case reference(String)
    }

    /// The text between the outer brackets, exactly as written.
    public var expression: String
    /// The expression split into verbatim text and rewritten identifiers, in order.
    public var pieces: [Piece]

    /// The identifiers htmx resolves on the event, then on `window`.
    public var relativeReferences: [String] {
        pieces.compactMap { if case .reference(let r) = $0 { return r } else { return nil } }
    }

    /// The JavaScript source htmx builds (reported as `detail.source` of
    /// `htmx:syntax:error` and `htmx:eventFilter:error`). An empty filter becomes `true`.
    public var compiledSource: String {
        var s = " return (function(event){ return ("
        if pieces.isEmpty { s += "true" }
        for p in pieces {
            switch p {
            case .text(let t): s += t
            case .reference(let r): s += "((event.\(r)) ? (event.\(r)) : (window.\(r)))"
            }
        }
        return s + ")})"
    }

    public init(expression: String, pieces: [Piece]) {
        self.expression = expression
        self.pieces = pieces
    }
}

enum TriggerFilterParser {
    enum Outcome {
        /// No `[` at the cursor.
        case absent
        case filter(TriggerFilter)
        /// htmx's `Function(...)` would throw: htmx fires `htmx:syntax:error` on body and the
        /// spec gets no filter at all.
        case syntaxError(source: String)
        /// No closing `]`: htmx consumes every remaining token and sets no filter.
        case unterminated
    }

    /// htmx.js maybeGenerateConditional, advancing `p` past what htmx consumes.
    static func parse(_ b: [UInt8], _ tokens: [TriggerToken], _ p: inout Int) -> Outcome {
        guard p < tokens.count, JSText.equals(b, tokens[p].range, "[") else { return .absent }
        p += 1
        var depth = 1
        var pieces: [TriggerFilter.Piece] = []
        var text: [UInt8] = []
        var lastWasDot = false
        var sawAny = false
        let exprStart = p < tokens.count ? tokens[p].range.lowerBound : b.count
        while p < tokens.count {
            let t = tokens[p]
            if JSText.equals(b, t.range, "]") {
                depth -= 1
                if depth == 0 {
                    let exprEnd = t.range.lowerBound
                    p += 1
                    if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
                    let filter = TriggerFilter(expression: JSText.string(b, exprStart..<exprEnd), pieces: pieces)
                    if sawAny && knownSyntaxError(b, tokens, exprStart..<exprEnd) {
                        return .syntaxError(source: filter.compiledSource)
                    }
                    return .filter(filter)
                }
            } else if JSText.equals(b, t.range, "[") {
                depth += 1
            }
            if t.flags.contains(.symbol) && !lastWasDot && !isReserved(b, t.range) {
                if !text.isEmpty {
                    pieces.append(.text(String(decoding: text, as: UTF8.self)))
                    text.removeAll(keepingCapacity: true)
                }
                pieces.append(.reference(JSText.string(b, t.range)))
            } else {
                text.append(contentsOf: b[t.range])
            }
            lastWasDot = JSText.equals(b, t.range, ".")
            sawAny = true
            p += 1
        }
        return .unterminated
    }

    private static func isReserved(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        JSText.equals(b, r, "true") || JSText.equals(b, r, "false") || JSText.equals(b, r, "this")
            || JSText.equals(b, r, "event")
    }

    /// The cases where `Function(source)` certainly throws: an all-blank expression (`[ ]`
    /// compiles to `return ( )`), or unbalanced `()`/`{}` outside string tokens. Anything
    /// subtler needs a JavaScript parser and is not detected.
    private static func knownSyntaxError(_ b: [UInt8], _ tokens: [TriggerToken], _ expr: Range<Int>) -> Bool {
        if JSText.isAllWhitespace(b, expr) { return true }
        let inside = tokens.filter {
            $0.range.lowerBound >= expr.lowerBound && $0.range.upperBound <= expr.upperBound
                && !$0.flags.contains(.stringish) && $0.range.count == 1
        }
        // A template literal may hold any brackets: cannot tell.
        if inside.contains(where: { b[$0.range.lowerBound] == UInt8(ascii: "`") }) { return false }
        var stack: [UInt8] = []
        for t in inside {
            let c = b[t.range.lowerBound]
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "{"): stack.append(c)
            case UInt8(ascii: ")"):
                if stack.popLast() != UInt8(ascii: "(") { return true }
            case UInt8(ascii: "}"):
                if stack.popLast() != UInt8(ascii: "{") { return true }
            default: break
            }
        }
        return !stack.isEmpty
    }
}
