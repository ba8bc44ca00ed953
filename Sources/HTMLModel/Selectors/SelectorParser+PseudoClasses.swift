/// Pseudo-class and pseudo-element parsing (<https://drafts.csswg.org/selectors-4/#pseudo-classes>).
extension SelectorParser {
    /// Pseudo-elements browsers accept in querySelector (where they match nothing: a query
    /// returns elements, never pseudo-elements). Functional ones (`::part()`, `::slotted()`,
    /// `::highlight()`) are not supported and throw.
    static let pseudoElements: Set<String> = [
        "before", "after", "first-line", "first-letter", "marker", "placeholder", "selection",
        "backdrop", "file-selector-button", "target-text", "spelling-error", "grammar-error", "cue",
    ]

    /// CSS 2 pseudo-elements that may still be written with one colon
    /// (<https://drafts.csswg.org/selectors-4/#pseudo-element-syntax>).
    static let legacyPseudoElements: Set<String> = ["before", "after", "first-line", "first-letter"]

    /// Pseudo-classes allowed after a pseudo-element (`::before:hover`).
    static let userActionPseudoClasses: Set<String> = ["hover", "active", "focus", "focus-visible", "focus-within"]

    /// Pseudo-classes a headless replay never matches: no pointer, no focus, no history, no
    /// fragment navigation. Parsed so selectors that mention them stay valid, as in a browser.
    static let neverMatchingPseudoClasses: Set<String> = [
        "hover", "active", "focus", "focus-visible", "focus-within", "visited", "target", "target-within",
    ]

    static let functionalPseudoClasses: Set<String> = [
        "not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "lang",
    ]

    /// `::name` at `colon` (the first of the two colons).
    func parsePseudoElement(at colon: Int, _ hi: Int, _ ctx: Context) throws(SelectorSyntaxFailure) {
        guard colon + 2 < hi else { throw fail("expected a pseudo-element name after '::'", at: colon + 2) }
        let t = tokens[colon + 2]
        guard t.kind == .ident else {
            if t.kind == .function { throw fail("unsupported pseudo-element", at: colon) }
            throw fail("expected a pseudo-element name after '::'", at: colon + 2)
        }
        let name = String(decoding: SelectorBytes.asciiLowercased(t.value), as: UTF8.self)
        guard Self.pseudoElements.contains(name) else { throw fail("unknown pseudo-element '::\(name)'", at: colon) }
        guard ctx.allowsPseudoElements else { throw fail("pseudo-elements are not allowed here", at: colon) }
    }

    /// A pseudo-class without arguments; `name` is ASCII-lower-cased.
    func simplePseudoClass(_ name: String, at colon: Int) throws(SelectorSyntaxFailure) -> SimpleSelector {
        switch name {
        case "first-child": return .structural(.firstChild)
        case "last-child": return .structural(.lastChild)
        case "only-child": return .structural(.onlyChild)
        case "first-of-type": return .structural(.firstOfType)
        case "last-of-type": return .structural(.lastOfType)
        case "only-of-type": return .structural(.onlyOfType)
        case "empty": return .structural(.empty)
        case "root": return .structural(.root)
        case "scope": return .scope
        case "checked": return .state(.checked)
        case "disabled": return .state(.disabled)
        case "enabled": return .state(.enabled)
        case "link", "any-link": return .state(.anyLink)
        case "defined": return .state(.defined)
        default:
            if Self.neverMatchingPseudoClasses.contains(name) { return .never }
            if Self.functionalPseudoClasses.contains(name) {
                throw fail("':\(name)' needs arguments", at: colon)
            }
            throw fail("unknown pseudo-class ':\(name)'", at: colon)
        }
    }

    /// `:name(` at `colon`, arguments in `[lo, hi)`.
    func functionalPseudoClass(_ name: String, at colon: Int, bodyLo lo: Int, bodyHi hi: Int, _ ctx: Context) throws(SelectorSyntaxFailure) -> SimpleSelector {
        switch name {
        case "not":
            return .not(try parseList(lo, hi, try nested(ctx, at: colon)))
        case "is", "where":
            return .isOrWhere(try parseForgivingList(lo, hi, try nested(ctx, at: colon)))
        case "has":
            guard !ctx.insideHas else { throw fail("':has()' cannot be nested in ':has()'", at: colon) }
            var inner = try nested(ctx, at: colon)
            inner.insideHas = true
            return .has(try parseRelativeList(lo, hi, inner))
        case "nth-child": return try parseNth(.child, lo, hi, allowsOf: true, at: colon, ctx)
        case "nth-last-child": return try parseNth(.lastChild, lo, hi, allowsOf: true, at: colon, ctx)
        case "nth-of-type": return try parseNth(.ofType, lo, hi, allowsOf: false, at: colon, ctx)
        case "nth-last-of-type": return try parseNth(.lastOfType, lo, hi, allowsOf: false, at: colon, ctx)
        case "lang": return try parseLang(lo, hi)
        default:
            if (try? simplePseudoClass(name, at: colon)) != nil || Self.legacyPseudoElements.contains(name) {
                throw fail("':\(name)' takes no arguments", at: colon)
            }
            throw fail("unknown pseudo-class ':\(name)()'", at: colon)
        }
    }

    /// `An+B [of S]?` (<https://drafts.csswg.org/selectors-4/#the-nth-child-pseudo>).
    func parseNth(_ kind: NthSelector.Kind, _ lo: Int, _ hi: Int, allowsOf: Bool, at colon: Int, _ ctx: Context) throws(SelectorSyntaxFailure) -> SimpleSelector {
        var ofIndex: Int?
        if allowsOf {
            var k = lo
            while k < hi {
                if tokens[k].kind == .ident && SelectorBytes.equalIgnoringASCIICase(tokens[k].value, "of") {
                    ofIndex = k
                    break
                }
                k = after(k)
            }
        }
        let (a, b) = try ANPlusBParser.parse(self, ofIndex ?? hi, from: lo)
        var filter: [ComplexSelector] = []
        if let ofIndex {
            filter = try parseList(ofIndex + 1, hi, try nested(ctx, at: colon))
        }
        return .nth(NthSelector(kind: kind, a: a, b: b, filter: filter))
    }

    /// `:lang()` arguments: a comma-separated list of language ranges (idents or strings).
    func parseLang(_ lo: Int, _ hi: Int) throws(SelectorSyntaxFailure) -> SimpleSelector {
        var ranges: [[UInt8]] = []
        for member in splitAtCommas(lo, hi) {
            let i = skipWhitespace(member.lo, member.hi)
            guard i < member.hi, tokens[i].kind == .ident || tokens[i].kind == .string else {
                throw fail("expected a language range", at: i)
            }
            let end = skipWhitespace(i + 1, member.hi)
            guard end == member.hi else { throw fail("unexpected token in ':lang()'", at: end) }
            ranges.append(SelectorBytes.asciiLowercased(tokens[i].value))
        }
        return .lang(ranges)
    }
}
