/// Tree-structural pseudo-classes (<https://drafts.csswg.org/selectors-4/#structural-pseudos>).
/// Sibling positions are counted by walking siblings; nothing is cached between elements.
enum StructuralMatching {
    static func matches<E: SelectorElement>(_ kind: StructuralPseudoClass, _ e: E) -> Bool {
        switch kind {
        case .firstChild: return e.previousElementSibling == nil
        case .lastChild: return e.nextElementSibling == nil
        case .onlyChild: return e.previousElementSibling == nil && e.nextElementSibling == nil
        case .firstOfType: return !hasSiblingOfSameType(e, before: true)
        case .lastOfType: return !hasSiblingOfSameType(e, before: false)
        case .onlyOfType: return !hasSiblingOfSameType(e, before: true) && !hasSiblingOfSameType(e, before: false)
        case .empty: return e.hasNoContentForEmpty
        case .root: return e.isDocumentElement
        }
    }

    static func sameType<E: SelectorElement>(_ a: E, _ b: E) -> Bool {
        guard a.namespace == b.namespace else { return false }
        return a.withLocalNameUTF8 { x in b.withLocalNameUTF8 { y in SelectorBytes.equal(x, y) } }
    }

    private static func hasSiblingOfSameType<E: SelectorElement>(_ e: E, before: Bool) -> Bool {
        var sibling = before ? e.previousElementSibling : e.nextElementSibling
        while let s = sibling {
            if sameType(s, e) { return true }
            sibling = before ? s.previousElementSibling : s.nextElementSibling
        }
        return false
    }

    static func matches<E: SelectorElement>(_ nth: NthRecord, _ e: E, _ ctx: SelectorMatchContext<E>) -> Bool {
        let filtered = !nth.filter.isEmpty
        // `:nth-child(An+B of S)` only counts, and only matches, elements matching S.
        if filtered && !SelectorMatcher.matchesList(nth.filter, e, ctx) { return false }
        let backwards = nth.kind == .child || nth.kind == .ofType
        let ofType = nth.kind == .ofType || nth.kind == .lastOfType
        // With A <= 0 no position above B can match, so counting can stop there.
        let cap = nth.a <= 0 ? nth.b : Int.max
        if cap < 1 { return false }
        var position = 1
        var sibling = backwards ? e.previousElementSibling : e.nextElementSibling
        while let s = sibling {
            let counts: Bool
            if ofType {
                counts = sameType(s, e)
            } else if filtered {
                counts = SelectorMatcher.matchesList(nth.filter, s, ctx)
            } else {
                counts = true
            }
            if counts {
                position += 1
                if position > cap { return false }
            }
            sibling = backwards ? s.previousElementSibling : s.nextElementSibling
        }
        return nth.accepts(position)
    }
}
