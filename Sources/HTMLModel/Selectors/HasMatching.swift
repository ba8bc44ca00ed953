/// `:has()` (<https://drafts.csswg.org/selectors-4/#relational>): some element reachable
/// from the anchor in the relative selector's direction matches it, with the anchor standing
/// in for the selector's leftmost compound.
enum HasMatching {
    static func matches<E: SelectorElement>(_ relative: RelativeRecord, anchor: E, _ outer: SelectorMatchContext<E>) -> Bool {
        var ctx = outer
        ctx.anchor = anchor
        let complex = Int(relative.complex)
        switch relative.traversal {
        case .children:
            var child = anchor.firstElementChild
            while let c = child {
                if SelectorMatcher.matchesComplex(complex, c, ctx) { return true }
                child = c.nextElementSibling
            }
            return false
        case .descendants:
            return ElementTraversal.firstDescendant(of: anchor) { SelectorMatcher.matchesComplex(complex, $0, ctx) } != nil
        case .nextSibling:
            guard let next = anchor.nextElementSibling else { return false }
            return SelectorMatcher.matchesComplex(complex, next, ctx)
        case .laterSiblings, .laterSiblingsAndTheirDescendants:
            let deep = relative.traversal == .laterSiblingsAndTheirDescendants
            var sibling = anchor.nextElementSibling
            while let s = sibling {
                if SelectorMatcher.matchesComplex(complex, s, ctx) { return true }
                if deep && ElementTraversal.firstDescendant(of: s, where: { SelectorMatcher.matchesComplex(complex, $0, ctx) }) != nil {
                    return true
                }
                sibling = s.nextElementSibling
            }
            return false
        }
    }
}
