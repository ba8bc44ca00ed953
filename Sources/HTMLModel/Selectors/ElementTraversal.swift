/// Document-order walks over ``SelectorElement`` trees, iterative so tree depth never
/// becomes stack depth.
enum ElementTraversal {
    /// Visits the descendants of `root` (not `root` itself) in tree order until `body`
    /// returns false.
    static func forEachDescendant<E: SelectorElement>(of root: E, _ body: (E) -> Bool) {
        var next = root.firstElementChild
        while let e = next {
            if !body(e) { return }
            if let child = e.firstElementChild {
                next = child
                continue
            }
            var node = e
            while true {
                if let sibling = node.nextElementSibling {
                    next = sibling
                    break
                }
                guard let parent = node.parentElement, !parent.isSameElement(as: root) else { return }
                node = parent
            }
        }
    }

    /// The first descendant of `root` in tree order satisfying `predicate`.
    static func firstDescendant<E: SelectorElement>(of root: E, where predicate: (E) -> Bool) -> E? {
        var found: E?
        forEachDescendant(of: root) { e in
            if predicate(e) {
                found = e
                return false
            }
            return true
        }
        return found
    }
}
