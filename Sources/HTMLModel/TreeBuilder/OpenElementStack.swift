/// https://html.spec.whatwg.org/multipage/parsing.html#the-stack-of-open-elements
///
/// Index 0 is the topmost element (`html`); `items.last` is the current node.
struct OpenElementStack {
    private(set) var items: [OpenElement] = []
    /// How many HTML elements of each tag are on the stack. Scope checks for a tag that is
    /// not open (the common case: "is a p in button scope?" on every block start tag) answer
    /// at once instead of walking the whole stack, which would make deep nesting quadratic.
    /// One slot per tag, no more: every fragment parse allocates this, and at 1 KiB or more
    /// glibc consolidates its free lists first (a cold walk, per message).
    private var htmlTagCounts = [Int32](repeating: 0, count: ElementTag.count)
    /// Indexed by element id: whether that element is on the stack. Lets "is it still open?"
    /// (reconstructing formatting elements, the adoption agency) answer without a scan when
    /// the answer is no.
    private var onStack: [Bool] = []

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    var current: OpenElement? { items.last }
    var hasTemplate: Bool { htmlTagCounts[Int(ElementTag.template.rawValue)] > 0 }

    /// Whether an HTML element with this tag is anywhere on the stack.
    @inline(__always)
    func containsHTML(_ tag: ElementTag) -> Bool {
        htmlTagCounts[Int(tag.rawValue)] > 0
    }

    @inline(__always)
    private mutating func count(_ element: OpenElement, _ delta: Int32) {
        if element.namespace == .html { htmlTagCounts[Int(element.tag.rawValue)] += delta }
        guard element.id >= 0 else { return }
        if element.id >= onStack.count {
            onStack.append(contentsOf: repeatElement(false, count: element.id - onStack.count + 1))
        }
        onStack[element.id] = delta > 0
    }

    subscript(index: Int) -> OpenElement { items[index] }

    /// Room for `count` elements (and ids below it) without regrowing.
    mutating func reserveCapacity(_ count: Int) {
        items.reserveCapacity(count)
        onStack.reserveCapacity(count)
    }

    mutating func push(_ element: OpenElement) {
        count(element, 1)
        items.append(element)
    }

    @discardableResult
    mutating func pop() -> OpenElement? {
        guard let element = items.popLast() else { return nil }
        count(element, -1)
        return element
    }

    mutating func remove(at index: Int) {
        count(items[index], -1)
        items.remove(at: index)
    }

    mutating func insert(_ element: OpenElement, at index: Int) {
        count(element, 1)
        items.insert(element, at: index)
    }

    /// Replaces an entry in place (adoption agency step 4.13.6).
    mutating func replace(at index: Int, with element: OpenElement) {
        count(items[index], -1)
        count(element, 1)
        items[index] = element
    }

    func index(ofID id: Int) -> Int? {
        guard contains(id: id) else { return nil }
        var index = items.count - 1
        while index >= 0 {
            if items[index].id == id { return index }
            index -= 1
        }
        return nil
    }

    func contains(id: Int) -> Bool {
        id >= 0 && id < onStack.count && onStack[id]
    }

    /// Index of the lowest (closest to the current node) HTML element with this tag.
    func lastIndex(ofHTML tag: ElementTag) -> Int? {
        guard containsHTML(tag) else { return nil }
        var index = items.count - 1
        while index >= 0 {
            if items[index].isHTML(tag) { return index }
            index -= 1
        }
        return nil
    }

    // MARK: Scopes
    // https://html.spec.whatwg.org/multipage/parsing.html#has-an-element-in-the-specific-scope

    enum Scope {
        case normal
        case listItem
        case button
        case table
    }

    private static func isBoundary(_ element: OpenElement, _ scope: Scope) -> Bool {
        switch element.namespace {
        case .html:
            switch scope {
            case .table: return ElementCategories.tableScope.contains(element.tag)
            case .normal: return ElementCategories.defaultScopeHTML.contains(element.tag)
            case .listItem:
                return ElementCategories.defaultScopeHTML.contains(element.tag)
                    || element.tag == .ol || element.tag == .ul
            case .button:
                return ElementCategories.defaultScopeHTML.contains(element.tag)
                    || element.tag == .button
            }
        case .mathml:
            return scope != .table && ElementCategories.specialMathML.contains(element.tag)
        case .svg:
            return scope != .table && ElementCategories.specialSVG.contains(element.tag)
        }
    }

    /// Whether an HTML element with `tag` is in the given scope.
    func hasInScope(_ tag: ElementTag, _ scope: Scope = .normal) -> Bool {
        guard containsHTML(tag) else { return false }
        var index = items.count - 1
        while index >= 0 {
            let element = items[index]
            if element.isHTML(tag) { return true }
            if Self.isBoundary(element, scope) { return false }
            index -= 1
        }
        return false
    }

    /// Whether an HTML element with any tag of `tags` is in the given scope.
    func hasAnyInScope(_ tags: ElementTagSet, _ scope: Scope = .normal) -> Bool {
        var index = items.count - 1
        while index >= 0 {
            let element = items[index]
            if element.isHTML(in: tags) { return true }
            if Self.isBoundary(element, scope) { return false }
            index -= 1
        }
        return false
    }

    /// Whether this particular element is in scope.
    func hasInScope(id: Int, _ scope: Scope = .normal) -> Bool {
        guard contains(id: id) else { return false }
        var index = items.count - 1
        while index >= 0 {
            let element = items[index]
            if element.id == id { return true }
            if Self.isBoundary(element, scope) { return false }
            index -= 1
        }
        return false
    }

    // MARK: Popping

    /// Pops until an HTML element with `tag` has been popped (or the stack is empty).
    mutating func popUntilPopped(_ tag: ElementTag) {
        while let element = pop() {
            if element.isHTML(tag) { return }
        }
    }

    /// Pops until an HTML element with a tag in `tags` has been popped.
    mutating func popUntilPopped(anyOf tags: ElementTagSet) {
        while let element = pop() {
            if element.isHTML(in: tags) { return }
        }
    }

    /// Pops until this particular element has been popped.
    mutating func popUntilPopped(id: Int) {
        while let element = pop() {
            if element.id == id { return }
        }
    }

    /// Pops while the current node is an HTML element with a tag in `tags`, except `keeping`.
    mutating func popWhileCurrent(in tags: ElementTagSet, except keeping: ElementTag = .unknown) {
        while let element = items.last, element.isHTML(in: tags), element.tag != keeping || keeping == .unknown {
            pop()
        }
    }

    /// Pops until the current node is an HTML element with a tag in `tags` ("clear the stack
    /// back to a table / table body / table row context").
    mutating func popUntilCurrent(in tags: ElementTagSet) {
        while let element = items.last, !element.isHTML(in: tags) {
            pop()
        }
    }
}
