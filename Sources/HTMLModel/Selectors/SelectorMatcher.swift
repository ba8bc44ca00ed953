/// What a match needs besides the element: the compiled selectors, the query's scoping root
/// (for `:scope`) and, while evaluating a `:has()` argument, the element `:has()` is on.
struct SelectorMatchContext<E: SelectorElement> {
    /// Kept alive by the ``SelectorList`` running the query.
    let program: SelectorProgramRef
    var scope: E?
    var anchor: E?
}

/// Right-to-left matching of complex selectors
/// (<https://drafts.csswg.org/selectors-4/#match-a-complex-selector-against-an-element>).
enum SelectorMatcher {
    /// Whether `element` matches the program's top-level list; the subject filter turns most
    /// non-matching elements away before any compound is looked at, and the subject keys
    /// leave only the selectors whose key the element shares to the full match.
    @inline(__always)
    static func matchesTop<E: SelectorElement>(_ element: E, _ ctx: SelectorMatchContext<E>) -> Bool {
        let p = ctx.program
        let filter = p.subjectFilter
        if filter.everything { return matchesList(p.top, element, ctx) }
        let tag = filter.tags != 0 ? element.withLocalNameUTF8(SelectorSignature.bit) : 0
        let names = element.attributeNameSignature
        guard filter.tags & tag != 0 || filter.attributes & names != 0 else { return false }
        var index = p.top.indices.lowerBound
        for key in p.subjectKeys {
            if (key.tags & tag) | (key.attributes & names) != 0, matchesComplex(index, element, ctx) { return true }
            index += 1
        }
        return false
    }

    /// Whether `element` matches any complex selector in `list` (a range of the complexes table).
    static func matchesList<E: SelectorElement>(_ list: ProgramRange, _ element: E, _ ctx: SelectorMatchContext<E>) -> Bool {
        for index in list.indices where matchesComplex(index, element, ctx) {
            return true
        }
        return false
    }

    /// Matches one complex selector without recursing on tree depth or selector length.
    ///
    /// Naive right-to-left matching backtracks into every ancestor/sibling choice, which is
    /// exponential on selectors like `a a a a b`. This uses the pruning rules WebKit and
    /// Servo use: after a failure, only the nearest `~` step (if no `>` intervened) or else
    /// the nearest descendant step can lead anywhere new, and a descendant step that runs out
    /// of ancestors fails the whole selector. So the state is two resumption points instead of
    /// a stack, and no allocation happens.
    static func matchesComplex<E: SelectorElement>(_ complexIndex: Int, _ element: E, _ ctx: SelectorMatchContext<E>) -> Bool {
        let p = ctx.program
        let range = p.complexes[complexIndex].compounds.indices
        let last = range.upperBound - 1

        var index = range.lowerBound
        var current = element
        // Nearest descendant step: the compound index it feeds and the ancestor it is trying.
        var descendantIndex = -1
        var descendantElement: E?
        // Nearest `~` step after the descendant step, not cut off by a later `>`.
        var siblingIndex = -1
        var siblingElement: E?

        while true {
            var failedOnCompound = true
            if matchesCompound(p.compounds[index], current, ctx) {
                if index == last { return true }
                let combinator = p.combinators[index]
                let next: E?
                switch combinator {
                case .descendant, .child: next = current.parentElement
                case .nextSibling, .laterSibling: next = current.previousElementSibling
                }
                if let next {
                    switch combinator {
                    case .descendant:
                        descendantIndex = index + 1
                        descendantElement = next
                        siblingIndex = -1
                        siblingElement = nil
                    case .child:
                        siblingIndex = -1
                        siblingElement = nil
                    case .laterSibling:
                        siblingIndex = index + 1
                        siblingElement = next
                    case .nextSibling:
                        break
                    }
                    index += 1
                    current = next
                    continue
                }
                if combinator == .descendant || combinator == .child {
                    // Out of ancestors: no other choice to the right can find more.
                    return false
                }
                failedOnCompound = false
            }

            // A compound failed (retry the nearest `~` first), or a sibling step found no
            // sibling (only the nearest descendant step can help).
            if failedOnCompound, siblingIndex >= 0, let s = siblingElement {
                if let previous = s.previousElementSibling {
                    siblingElement = previous
                    index = siblingIndex
                    current = previous
                    continue
                }
                siblingIndex = -1
                siblingElement = nil
            }
            guard descendantIndex >= 0, let d = descendantElement, let parent = d.parentElement else {
                return false
            }
            descendantElement = parent
            siblingIndex = -1
            siblingElement = nil
            index = descendantIndex
            current = parent
        }
    }

    @inline(__always)
    static func matchesCompound<E: SelectorElement>(_ simples: ProgramRange, _ element: E, _ ctx: SelectorMatchContext<E>) -> Bool {
        for index in simples.indices where !matchesSimple(ctx.program.simples[index], element, ctx) {
            return false
        }
        return true
    }

    static func matchesSimple<E: SelectorElement>(_ simple: SimpleOp, _ element: E, _ ctx: SelectorMatchContext<E>) -> Bool {
        let p = ctx.program
        switch simple {
        case .type(let htmlName, let foreignName):
            // https://html.spec.whatwg.org/multipage/semantics-other.html#case-sensitivity-of-selectors
            let pattern = p.bytes(element.namespace == .html ? htmlName : foreignName)
            return element.withLocalNameUTF8 { SelectorBytes.equal($0, pattern) }
        case .never:
            return false
        case .id(let id):
            let pattern = p.bytes(id)
            return element.withAttributeUTF8("id") { value in
                guard let value else { return false }
                return SelectorBytes.equal(value, pattern)
            }
        case .className(let name):
            let token = p.bytes(name)
            return element.withAttributeUTF8("class") { value in
                guard let value else { return false }
                return AttributeMatching.containsToken(value, token, fold: false)
            }
        case .attribute(let index):
            return AttributeMatching.matches(p.attributes[Int(index)], element, p)
        case .structural(let kind):
            return StructuralMatching.matches(kind, element)
        case .state(let kind):
            return FormStateMatching.matches(kind, element)
        case .scope:
            // https://drafts.csswg.org/selectors-4/#the-scope-pseudo: the scoping root, or
            // :root when there is none.
            if let scope = ctx.scope { return element.isSameElement(as: scope) }
            return element.isDocumentElement
        case .hasAnchor:
            guard let anchor = ctx.anchor else { return false }
            return element.isSameElement(as: anchor)
        case .nth(let index):
            return StructuralMatching.matches(p.nths[Int(index)], element, ctx)
        case .lang(let ranges):
            return LanguageMatching.matches(ranges, element, p)
        case .not(let list):
            return !matchesList(list, element, ctx)
        case .isOrWhere(let list):
            return matchesList(list, element, ctx)
        case .has(let relatives):
            for index in relatives.indices where HasMatching.matches(p.relatives[index], anchor: element, ctx) {
                return true
            }
            return false
        }
    }
}
