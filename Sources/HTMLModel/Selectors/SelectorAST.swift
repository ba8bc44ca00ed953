/// The parser's output (<https://drafts.csswg.org/selectors-4/#structure>), compiled into a
/// ``SelectorProgram`` for matching. Everything case-folding can settle is settled here, at
/// parse time, so matching only compares bytes.

/// How a compound relates to the compound on its left.
enum SelectorCombinator: UInt8, Sendable {
    case descendant     // whitespace
    case child          // >
    case nextSibling    // +
    case laterSibling   // ~
}

/// A complex selector stored right to left, the order matching walks it.
struct ComplexSelector: Sendable {
    /// `compounds[0]` is the subject (rightmost) compound. Each compound's simple selectors
    /// are sorted cheapest first.
    var compounds: [[SimpleSelector]]
    /// `combinators[k]` links `compounds[k]` to `compounds[k + 1]`, its left neighbour.
    var combinators: [SelectorCombinator]
}

/// Where `:has()` looks for the subject of a relative selector, derived from its combinators
/// so a `:has(> li)` only visits children.
enum HasTraversal: UInt8, Sendable {
    case children
    case descendants
    case nextSibling
    case laterSiblings
    case laterSiblingsAndTheirDescendants
}

/// One argument of `:has()`: a complex selector whose leftmost compound is
/// ``SimpleSelector/hasAnchor`` (the element `:has()` is evaluated on).
struct RelativeSelector: Sendable {
    var complex: ComplexSelector
    var traversal: HasTraversal
}

enum AttributeOperator: UInt8, Sendable {
    case exists         // [a]
    case equals         // [a=v]
    case includes       // [a~=v]
    case dashMatch      // [a|=v]
    case prefix         // [a^=v]
    case suffix         // [a$=v]
    case substring      // [a*=v]
}

/// How an attribute value compares (<https://drafts.csswg.org/selectors-4/#attribute-case>).
enum AttributeCaseMode: UInt8, Sendable {
    case sensitive
    case insensitive
    /// No flag, and the name is one of HTML's legacy case-insensitive attributes: ASCII
    /// case-insensitive on HTML elements only
    /// (<https://html.spec.whatwg.org/multipage/semantics-other.html#case-sensitivity-of-selectors>).
    case insensitiveOnHTML
}

struct AttributeSelector: Sendable {
    /// Name compared on HTML elements (ASCII-lower-cased selector name).
    var htmlName: String
    /// Name compared on SVG/MathML elements (as written).
    var foreignName: String
    var op: AttributeOperator
    var value: [UInt8]
    /// `value` ASCII-lower-cased, for the case-insensitive modes.
    var loweredValue: [UInt8]
    var caseMode: AttributeCaseMode
}

/// `:nth-child()` and friends (<https://drafts.csswg.org/selectors-4/#child-index>).
struct NthSelector: Sendable {
    enum Kind: UInt8, Sendable { case child, lastChild, ofType, lastOfType }
    var kind: Kind
    var a: Int
    var b: Int
    /// The `of S` filter of `:nth-child()` / `:nth-last-child()`; empty when absent.
    var filter: [ComplexSelector]
}

enum StructuralPseudoClass: UInt8, Sendable {
    case firstChild, lastChild, onlyChild, firstOfType, lastOfType, onlyOfType, empty, root
}

enum StatePseudoClass: UInt8, Sendable {
    case checked, disabled, enabled, anyLink, defined
}

enum SimpleSelector: Sendable {
    /// Type selector: `htmlName` is compared on HTML elements, `foreignName` on others.
    case type(htmlName: [UInt8], foreignName: [UInt8])
    /// Matches nothing: `|E` (no element here lacks a namespace), pseudo-elements,
    /// and user-action / history pseudo-classes a headless DOM never has.
    case never
    case id([UInt8])
    case className([UInt8])
    case attribute(AttributeSelector)
    case structural(StructuralPseudoClass)
    case state(StatePseudoClass)
    case scope
    /// The element `:has()` is being evaluated for; only in ``RelativeSelector``s.
    case hasAnchor
    case nth(NthSelector)
    /// Language ranges, ASCII-lower-cased.
    case lang([[UInt8]])
    case not([ComplexSelector])
    /// `:is()` and `:where()` (they differ only in specificity).
    case isOrWhere([ComplexSelector])
    case has([RelativeSelector])

    /// Evaluation order inside a compound: cheap, selective tests first.
    var cost: Int {
        switch self {
        case .never: 0
        case .type, .id, .hasAnchor: 1
        case .className: 2
        case .attribute: 3
        case .structural, .state, .scope, .lang: 4
        case .nth: 5
        case .not, .isOrWhere: 6
        case .has: 7
        }
    }
}
