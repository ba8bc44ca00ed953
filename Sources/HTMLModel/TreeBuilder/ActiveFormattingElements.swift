/// https://html.spec.whatwg.org/multipage/parsing.html#the-list-of-active-formatting-elements
struct ActiveFormattingElements {
    /// A formatting element with the attributes of the token that created it, needed to
    /// re-create it (reconstruction, the adoption agency) and for the Noah's Ark clause.
    struct Formatting {
        var element: OpenElement
        var attributes: [HTMLAttribute]
    }

    enum Entry {
        case marker
        case element(Formatting)

        var formatting: Formatting? {
            if case .element(let formatting) = self { return formatting }
            return nil
        }

        /// The element's id, or nil for a marker.
        var id: Int? {
            if case .element(let formatting) = self { return formatting.element.id }
            return nil
        }
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    subscript(index: Int) -> Entry { entries[index] }

    mutating func insertMarker() {
        entries.append(.marker)
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#push-onto-the-list-of-active-formatting-elements
    /// including the "Noah's Ark" clause: at most three entries after the last marker with
    /// the same tag name, namespace and attributes; the earliest extra one is dropped.
    /// Formatting elements always have interned tags, so the tag stands for the name.
    mutating func push(_ element: OpenElement, attributes: [HTMLAttribute]) {
        var matches = 0
        var earliest: Int?
        var index = entries.count - 1
        while index >= 0 {
            guard case .element(let existing) = entries[index] else { break }
            if existing.element.tag == element.tag, existing.element.namespace == element.namespace,
               Self.sameAttributes(existing.attributes, attributes) {
                matches += 1
                earliest = index
            }
            index -= 1
        }
        if matches >= 3, let earliest {
            entries.remove(at: earliest)
        }
        entries.append(.element(Formatting(element: element, attributes: attributes)))
    }

    /// Attribute lists are equal as sets of (name, value): the tokenizer already dropped
    /// duplicate names, so equal counts and every pair found means equal.
    private static func sameAttributes(_ lhs: [HTMLAttribute], _ rhs: [HTMLAttribute]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs == rhs { return true }
        for attribute in lhs where !rhs.contains(attribute) { return false }
        return true
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#clear-the-list-of-active-formatting-elements-up-to-the-last-marker
    mutating func clearToLastMarker() {
        while let last = entries.popLast() {
            if case .marker = last { return }
        }
    }

    /// The last element with this tag between the end of the list and the last marker.
    func lastIndexAfterMarker(ofHTML tag: ElementTag) -> Int? {
        var index = entries.count - 1
        while index >= 0 {
            guard case .element(let formatting) = entries[index] else { return nil }
            if formatting.element.isHTML(tag) { return index }
            index -= 1
        }
        return nil
    }

    func index(ofID id: Int) -> Int? {
        var index = entries.count - 1
        while index >= 0 {
            if entries[index].id == id { return index }
            index -= 1
        }
        return nil
    }

    func contains(id: Int) -> Bool { index(ofID: id) != nil }

    mutating func remove(at index: Int) {
        entries.remove(at: index)
    }

    mutating func remove(id: Int) {
        if let index = index(ofID: id) { entries.remove(at: index) }
    }

    /// Points an entry at a re-created element, keeping its token's attributes.
    mutating func replaceElement(at index: Int, with element: OpenElement) {
        guard case .element(var formatting) = entries[index] else { return }
        formatting.element = element
        entries[index] = .element(formatting)
    }

    mutating func insert(_ formatting: Formatting, at index: Int) {
        entries.insert(.element(formatting), at: index)
    }
}
