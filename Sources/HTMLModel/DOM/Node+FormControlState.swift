/// The form-control state a browser keeps apart from attributes: the `checked` and `value`
/// properties once script has set them ("dirty" checkedness and value,
/// <https://html.spec.whatwg.org/multipage/input.html#concept-input-checked-dirty-flag>).
extension Node {
    /// The dirty checkedness set through ``setChecked(_:)``, or nil while the `checked`
    /// attribute still decides.
    public var dirtyCheckedness: Bool? { document.checkedness[ptr] }

    /// Sets the `checked` property (the attribute is left unchanged).
    public func setChecked(_ checked: Bool) {
        document.checkedness[ptr] = checked
    }

    /// The value set through ``setDirtyValue(_:)``, or nil while the attribute (or, for a
    /// textarea, the text content) still decides.
    public var dirtyValue: String? { document.values[ptr] }

    /// Sets the `value` property (the attribute is left unchanged).
    public func setDirtyValue(_ value: String) {
        document.values[ptr] = value
    }
}

extension Node {
    /// A `<template>`'s content nodes, in order (empty for other nodes). The DOM view gives a
    /// template no children; htmx reads `template.content` for out-of-band swaps.
    public var templateContentNodes: [Node] {
        guard isHTMLElement(named: "template") else { return [] }
        var out: [Node] = []
        var c = ptr.pointee.children
        while let n = c { out.append(Node(document, n)); c = n.pointee.next }
        return out
    }
}
