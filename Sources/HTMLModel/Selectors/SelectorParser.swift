/// Parses a selector list from CSS tokens (<https://drafts.csswg.org/selectors-4/#grammar>).
///
/// Works on token index ranges `[lo, hi)`; a function or block's contents are the range up to
/// its matching closer, found once up front, so no step rescans brackets. Recursion happens
/// only for selector arguments of functional pseudo-classes and is capped at
/// ``maxNesting`` levels.
struct SelectorParser {
    /// Deepest nesting of `:is()` / `:not()` / `:has()` / `:nth-child(of)` arguments accepted.
    static let maxNesting = 32

    struct Context {
        var depth = 0
        var insideHas = false
        var allowsPseudoElements = true
    }

    let tokens: [CSSToken]
    /// For each opening token (function, `(`, `[`, `{`), the index of its closing token, or
    /// `tokens.count` when the input ends first: CSS closes open blocks at EOF
    /// (<https://www.w3.org/TR/css-syntax-3/#consume-simple-block>), which is why browsers
    /// accept `[name=value` in querySelector.
    let closer: [Int]
    let endOffset: Int

    init(bytes: [UInt8]) {
        tokens = SelectorTokenizer.tokenize(bytes)
        endOffset = bytes.count
        var closer = Array(repeating: -1, count: tokens.count)
        var open: [(index: Int, closer: CSSToken.Kind)] = []
        for (k, token) in tokens.enumerated() {
            switch token.kind {
            case .function, .leftParen: open.append((k, .rightParen))
            case .leftSquare: open.append((k, .rightSquare))
            case .leftCurly: open.append((k, .rightCurly))
            case .rightParen, .rightSquare, .rightCurly:
                // A closer of another kind is an ordinary token inside the current block.
                if let top = open.last, top.closer == token.kind {
                    closer[top.index] = k
                    open.removeLast()
                }
            default: break
            }
        }
        for entry in open { closer[entry.index] = tokens.count }
        self.closer = closer
    }

    func parseSelectorList() throws(SelectorSyntaxFailure) -> [ComplexSelector] {
        try parseList(0, tokens.count, Context())
    }

    // MARK: Token navigation

    func offset(_ k: Int) -> Int { k < tokens.count ? tokens[k].start : endOffset }

    func fail(_ message: String, at k: Int) -> SelectorSyntaxFailure {
        SelectorSyntaxFailure(message: message, offset: offset(k))
    }

    func skipWhitespace(_ k: Int, _ hi: Int) -> Int {
        var k = k
        while k < hi && tokens[k].kind == .whitespace { k += 1 }
        return k
    }

    /// The index after token `k`, stepping over a whole block when `k` opens one.
    func after(_ k: Int) -> Int {
        let c = closer[k]
        if c < 0 { return k + 1 }
        return c >= tokens.count ? tokens.count : c + 1
    }

    /// Splits `[lo, hi)` at top-level commas.
    func splitAtCommas(_ lo: Int, _ hi: Int) -> [(lo: Int, hi: Int)] {
        var members: [(lo: Int, hi: Int)] = []
        var start = lo
        var k = lo
        while k < hi {
            if tokens[k].kind == .comma {
                members.append((start, k))
                start = k + 1
            }
            k = after(k)
        }
        members.append((start, hi))
        return members
    }

    func nested(_ ctx: Context, at k: Int) throws(SelectorSyntaxFailure) -> Context {
        var inner = ctx
        inner.depth += 1
        inner.allowsPseudoElements = false
        guard inner.depth <= Self.maxNesting else {
            var failure = fail("selector nesting deeper than \(Self.maxNesting) levels", at: k)
            failure.isFatal = true
            throw failure
        }
        return inner
    }

    // MARK: Lists

    /// `<complex-selector-list>`: every member must be valid.
    func parseList(_ lo: Int, _ hi: Int, _ ctx: Context) throws(SelectorSyntaxFailure) -> [ComplexSelector] {
        var result: [ComplexSelector] = []
        for member in splitAtCommas(lo, hi) {
            result.append(try parseComplex(member.lo, member.hi, ctx, relative: false).complex)
        }
        return result
    }

    /// `<forgiving-selector-list>` of `:is()` / `:where()`: invalid members are dropped
    /// (<https://drafts.csswg.org/selectors-4/#forgiving-selector>).
    func parseForgivingList(_ lo: Int, _ hi: Int, _ ctx: Context) throws(SelectorSyntaxFailure) -> [ComplexSelector] {
        var result: [ComplexSelector] = []
        for member in splitAtCommas(lo, hi) {
            do {
                result.append(try parseComplex(member.lo, member.hi, ctx, relative: false).complex)
            } catch {
                if error.isFatal { throw error }
            }
        }
        return result
    }

    /// `<relative-selector-list>` of `:has()`.
    func parseRelativeList(_ lo: Int, _ hi: Int, _ ctx: Context) throws(SelectorSyntaxFailure) -> [RelativeSelector] {
        var result: [RelativeSelector] = []
        for member in splitAtCommas(lo, hi) {
            let parsed = try parseComplex(member.lo, member.hi, ctx, relative: true)
            result.append(RelativeSelector(complex: parsed.complex, traversal: parsed.traversal))
        }
        return result
    }

    // MARK: Complex selectors

    private func combinator(at k: Int, _ hi: Int) -> SelectorCombinator? {
        guard k < hi, tokens[k].kind == .delim else { return nil }
        switch tokens[k].delim {
        case UInt8(ascii: ">"): return .child
        case UInt8(ascii: "+"): return .nextSibling
        case UInt8(ascii: "~"): return .laterSibling
        default: return nil
        }
    }

    /// `<complex-selector>`, or with `relative` a `<relative-selector>` whose anchor compound
    /// is added on the left.
    func parseComplex(_ lo: Int, _ hi: Int, _ ctx: Context, relative: Bool) throws(SelectorSyntaxFailure) -> (complex: ComplexSelector, traversal: HasTraversal) {
        var i = skipWhitespace(lo, hi)
        guard i < hi else { throw fail("expected a selector", at: i) }
        var compounds: [[SimpleSelector]] = []
        var combinators: [SelectorCombinator] = []
        if relative {
            compounds.append([.hasAnchor])
            if let leading = combinator(at: i, hi) {
                combinators.append(leading)
                i = skipWhitespace(i + 1, hi)
                guard i < hi else { throw fail("expected a selector after the combinator", at: i) }
            } else {
                combinators.append(.descendant)
            }
        }
        while true {
            let (compound, hasPseudoElement) = try parseCompound(&i, hi, ctx)
            compounds.append(compound)
            let compoundEnd = i
            i = skipWhitespace(i, hi)
            if i == hi { break }
            let next: SelectorCombinator
            if let c = combinator(at: i, hi) {
                next = c
                i = skipWhitespace(i + 1, hi)
                guard i < hi else { throw fail("expected a selector after the combinator", at: i) }
            } else if i > compoundEnd {
                next = .descendant
            } else {
                throw fail("unexpected token in selector", at: i)
            }
            if hasPseudoElement {
                throw fail("a pseudo-element must end the selector", at: compoundEnd)
            }
            combinators.append(next)
        }
        let complex = ComplexSelector(compounds: compounds.reversed(), combinators: combinators.reversed())
        return (complex, relative ? Self.traversal(combinators) : .descendants)
    }

    /// Which elements can be the subject of a relative selector, given its combinators left
    /// to right (the first is the leading one).
    static func traversal(_ combinators: [SelectorCombinator]) -> HasTraversal {
        guard let leading = combinators.first else { return .descendants }
        let rest = combinators.dropFirst()
        let restHasTreeStep = rest.contains { $0 == .child || $0 == .descendant }
        switch leading {
        case .child:
            return rest.isEmpty ? .children : .descendants
        case .descendant:
            return .descendants
        case .nextSibling, .laterSibling:
            if restHasTreeStep { return .laterSiblingsAndTheirDescendants }
            return (leading == .nextSibling && rest.isEmpty) ? .nextSibling : .laterSiblings
        }
    }

    // MARK: Compound selectors

    /// `<compound-selector>` (with an optional trailing pseudo-element). Returns the simple
    /// selectors sorted cheapest first, and whether a pseudo-element was seen.
    func parseCompound(_ i: inout Int, _ hi: Int, _ ctx: Context) throws(SelectorSyntaxFailure) -> ([SimpleSelector], Bool) {
        let start = i
        var simples: [SimpleSelector] = []
        var sawAny = false
        var pseudoElement = false

        // <type-selector>, with the namespace forms `*|E` and `|E` (`ns|E` has no declared prefix).
        if i < hi {
            let t = tokens[i]
            let isName = t.kind == .ident || t.isDelim(UInt8(ascii: "*"))
            if isName {
                if i + 2 < hi, tokens[i + 1].isDelim(UInt8(ascii: "|")),
                   tokens[i + 2].kind == .ident || tokens[i + 2].isDelim(UInt8(ascii: "*")) {
                    guard t.kind != .ident else { throw fail("undeclared namespace prefix", at: i) }
                    appendType(tokens[i + 2], to: &simples)
                    i += 3
                } else {
                    appendType(t, to: &simples)
                    i += 1
                }
                sawAny = true
            } else if t.isDelim(UInt8(ascii: "|")), i + 1 < hi,
                      tokens[i + 1].kind == .ident || tokens[i + 1].isDelim(UInt8(ascii: "*")) {
                simples.append(.never)
                i += 2
                sawAny = true
            }
        }

        loop: while i < hi {
            let t = tokens[i]
            let isSubclass = t.kind == .hash || t.kind == .leftSquare || t.isDelim(UInt8(ascii: "."))
            if pseudoElement && isSubclass {
                throw fail("a pseudo-element must end the compound selector", at: i)
            }
            switch t.kind {
            case .hash:
                guard t.hashIsID else { throw fail("invalid ID selector", at: i) }
                simples.append(.id(t.value))
                i += 1
            case .delim where t.delim == UInt8(ascii: "."):
                guard i + 1 < hi, tokens[i + 1].kind == .ident else {
                    throw fail("expected a class name after '.'", at: i + 1)
                }
                simples.append(.className(tokens[i + 1].value))
                i += 2
            case .leftSquare:
                simples.append(.attribute(try parseAttribute(i + 1, closer[i])))
                i = after(i)
            case .colon:
                guard i + 1 < hi else { throw fail("expected a pseudo-class name after ':'", at: i + 1) }
                let n = tokens[i + 1]
                if n.kind == .colon {
                    guard !pseudoElement else { throw fail("only one pseudo-element is allowed", at: i) }
                    try parsePseudoElement(at: i, hi, ctx)
                    simples.append(.never)
                    pseudoElement = true
                    i += 3
                } else if n.kind == .ident {
                    let name = String(decoding: SelectorBytes.asciiLowercased(n.value), as: UTF8.self)
                    if pseudoElement && !Self.userActionPseudoClasses.contains(name) {
                        throw fail("only user-action pseudo-classes may follow a pseudo-element", at: i)
                    }
                    if Self.legacyPseudoElements.contains(name) {
                        guard ctx.allowsPseudoElements else { throw fail("pseudo-elements are not allowed here", at: i) }
                        guard !pseudoElement else { throw fail("only one pseudo-element is allowed", at: i) }
                        simples.append(.never)
                        pseudoElement = true
                    } else {
                        simples.append(try simplePseudoClass(name, at: i))
                    }
                    i += 2
                } else if n.kind == .function {
                    guard !pseudoElement else {
                        throw fail("only user-action pseudo-classes may follow a pseudo-element", at: i)
                    }
                    let name = String(decoding: SelectorBytes.asciiLowercased(n.value), as: UTF8.self)
                    simples.append(try functionalPseudoClass(name, at: i, bodyLo: i + 2, bodyHi: closer[i + 1], ctx))
                    i = after(i + 1)
                } else {
                    throw fail("expected a pseudo-class name after ':'", at: i + 1)
                }
            default:
                break loop
            }
            sawAny = true
        }
        guard sawAny else { throw fail("expected a selector", at: start) }
        simples.sort { $0.cost < $1.cost }
        return (simples, pseudoElement)
    }

    private func appendType(_ t: CSSToken, to simples: inout [SimpleSelector]) {
        guard t.kind == .ident else { return }  // `*`
        simples.append(.type(htmlName: SelectorBytes.asciiLowercased(t.value), foreignName: t.value))
    }

    // MARK: Attribute selectors

    /// `<attribute-selector>` contents, `[lo, hi)` between the brackets
    /// (<https://drafts.csswg.org/selectors-4/#attribute-selectors>).
    func parseAttribute(_ lo: Int, _ hi: Int) throws(SelectorSyntaxFailure) -> AttributeSelector {
        var i = skipWhitespace(lo, hi)
        guard i < hi else { throw fail("expected an attribute name", at: i) }
        let pipe = UInt8(ascii: "|")
        let t = tokens[i]
        let name: [UInt8]
        if t.kind == .ident {
            if i + 2 < hi, tokens[i + 1].isDelim(pipe), tokens[i + 2].kind == .ident {
                throw fail("undeclared namespace prefix", at: i)
            }
            name = t.value
            i += 1
        } else if t.isDelim(UInt8(ascii: "*")), i + 2 < hi, tokens[i + 1].isDelim(pipe), tokens[i + 2].kind == .ident {
            name = tokens[i + 2].value
            i += 3
        } else if t.isDelim(pipe), i + 1 < hi, tokens[i + 1].kind == .ident {
            name = tokens[i + 1].value
            i += 2
        } else {
            throw fail("expected an attribute name", at: i)
        }
        let htmlName = SelectorBytes.asciiLowercased(name)
        var selector = AttributeSelector(
            htmlName: String(decoding: htmlName, as: UTF8.self),
            foreignName: String(decoding: name, as: UTF8.self),
            op: .exists, value: [], loweredValue: [], caseMode: .sensitive)

        i = skipWhitespace(i, hi)
        if i == hi { return selector }
        let opToken = tokens[i]
        if opToken.isDelim(UInt8(ascii: "=")) {
            selector.op = .equals
            i += 1
        } else if opToken.kind == .delim, i + 1 < hi, tokens[i + 1].isDelim(UInt8(ascii: "=")),
                  let op = Self.attributeOperators[opToken.delim] {
            selector.op = op
            i += 2
        } else {
            throw fail("expected ']' or an attribute operator", at: i)
        }
        i = skipWhitespace(i, hi)
        guard i < hi, tokens[i].kind == .ident || tokens[i].kind == .string else {
            throw fail("expected an attribute value", at: i)
        }
        selector.value = tokens[i].value
        selector.loweredValue = SelectorBytes.asciiLowercased(tokens[i].value)
        i = skipWhitespace(i + 1, hi)
        var flag: AttributeCaseMode?
        if i < hi, tokens[i].kind == .ident {
            if SelectorBytes.equalIgnoringASCIICase(tokens[i].value, "i") {
                flag = .insensitive
            } else if SelectorBytes.equalIgnoringASCIICase(tokens[i].value, "s") {
                flag = .sensitive
            } else {
                throw fail("unknown attribute selector flag", at: i)
            }
            i = skipWhitespace(i + 1, hi)
        }
        guard i == hi else { throw fail("unexpected token in attribute selector", at: i) }
        if let flag {
            selector.caseMode = flag
        } else if Self.legacyCaseInsensitiveAttributes.contains(selector.htmlName) {
            selector.caseMode = .insensitiveOnHTML
        }
        return selector
    }

    static let attributeOperators: [UInt8: AttributeOperator] = [
        UInt8(ascii: "~"): .includes,
        UInt8(ascii: "|"): .dashMatch,
        UInt8(ascii: "^"): .prefix,
        UInt8(ascii: "$"): .suffix,
        UInt8(ascii: "*"): .substring,
    ]

    /// Attributes whose values HTML compares ASCII case-insensitively on HTML elements when the
    /// selector has no `s` flag
    /// (<https://html.spec.whatwg.org/multipage/semantics-other.html#case-sensitivity-of-selectors>).
    static let legacyCaseInsensitiveAttributes: Set<String> = [
        "accept", "accept-charset", "align", "alink", "axis", "bgcolor", "charset", "checked",
        "clear", "codetype", "color", "compact", "declare", "defer", "dir", "direction",
        "disabled", "enctype", "face", "frame", "hreflang", "http-equiv", "lang", "language",
        "link", "media", "method", "multiple", "nohref", "noresize", "noshade", "nowrap",
        "readonly", "rel", "rev", "rules", "scope", "scrolling", "selected", "shape", "target",
        "text", "type", "valign", "valuetype", "vlink",
    ]
}
