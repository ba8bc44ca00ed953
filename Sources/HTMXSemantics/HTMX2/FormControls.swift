import HTMLModel

/// The IDL properties of form controls htmx reads (`value`, `checked`, `type`, `disabled`,
/// `name`) and the form data set of a form, over the model's attributes plus the dirty
/// state the `input` actions set.
/// <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html>
enum FormControls {
    /// `input.type` (lower-cased, unknown values as `text`) for inputs; `button.type`
    /// (`submit` by default) for buttons; "" otherwise.
    static func type(_ elt: Node) -> String {
        if elt.isHTMLElement(named: "input") {
            let t = (elt.attribute("type") ?? "text").lowercased()
            let known: Set<String> = ["hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week",
                                      "time", "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
                                      "submit", "image", "reset", "button"]
            return known.contains(t) ? t : "text"
        }
        if elt.isHTMLElement(named: "button") { return buttonType(elt) }
        if elt.isHTMLElement(named: "select") { return elt.hasAttribute("multiple") ? "select-multiple" : "select-one" }
        if elt.isHTMLElement(named: "textarea") { return "textarea" }
        return ""
    }

    static func buttonType(_ elt: Node) -> String {
        if elt.isHTMLElement(named: "input") { return (elt.attribute("type") ?? "text").lowercased() }
        guard elt.isHTMLElement(named: "button") else { return "" }
        switch (elt.attribute("type") ?? "").lowercased() {
        case "reset": return "reset"
        case "button": return "button"
        default: return "submit"
        }
    }

    /// The values a control contributes (every selected option of a multiple select, none
    /// for a file input), nil where the element has no `value`.
    static func values(_ elt: Node) -> [String]? {
        if elt.isHTMLElement(named: "select"), elt.hasAttribute("multiple") {
            return selectedOptions(elt).map(optionValue)
        }
        if elt.isHTMLElement(named: "input"), type(elt) == "file" { return [] }
        return value(elt).map { [$0] }
    }

    /// `checked`: the dirty checkedness, else the attribute.
    static func checked(_ elt: Node) -> Bool {
        elt.dirtyCheckedness ?? elt.hasAttribute("checked")
    }

    /// The `value` property, nil where the element has none (JavaScript `undefined`).
    static func value(_ elt: Node) -> String? {
        guard elt.isElement else { return nil }
        if elt.isHTMLElement(named: "input") {
            if let v = elt.dirtyValue { return v }
            let t = type(elt)
            if let v = elt.attribute("value") {
                return t == "checkbox" || t == "radio" || t == "hidden" || t == "submit" || t == "button" || t == "reset"
                    ? v : stripNewlines(v)
            }
            return t == "checkbox" || t == "radio" ? "on" : ""
        }
        if elt.isHTMLElement(named: "textarea") {
            return elt.dirtyValue ?? (elt.textContent ?? "")
        }
        if elt.isHTMLElement(named: "select") {
            // Setting `value` selects the first option with that value, or none at all.
            return selectedOptions(elt).first.map(optionValue) ?? ""
        }
        if elt.isHTMLElement(named: "button") { return elt.attribute("value") ?? "" }
        if elt.isHTMLElement(named: "option") { return optionValue(elt) }
        if elt.isHTMLElement(named: "output") { return elt.textContent ?? "" }
        if elt.isHTMLElement(named: "data") || elt.isHTMLElement(named: "param") || elt.isHTMLElement(named: "li") {
            return elt.attribute("value") ?? (elt.isHTMLElement(named: "li") ? "0" : "")
        }
        return nil
    }

    private static func stripNewlines(_ s: String) -> String {
        s.contains(where: { $0 == "\n" || $0 == "\r" }) ? s.filter { $0 != "\n" && $0 != "\r" } : s
    }

    /// `option.value`: the attribute, else the text with ASCII whitespace stripped and collapsed.
    static func optionValue(_ option: Node) -> String {
        if let v = option.attribute("value") { return v }
        return (option.textContent ?? "").split(whereSeparator: { " \t\n\r\u{0C}".contains($0) }).joined(separator: " ")
    }

    static func options(_ select: Node) -> [Node] {
        select.descendants(where: { $0.isHTMLElement(named: "option") })
    }

    /// The selected options: a value set through the property picks the first option with
    /// that value; otherwise `selected` attributes decide (for a single select the last one,
    /// else the first enabled option).
    static func selectedOptions(_ select: Node) -> [Node] {
        let opts = options(select)
        if let v = select.dirtyValue {
            return opts.first(where: { optionValue($0) == v }).map { [$0] } ?? []
        }
        let marked = opts.filter { $0.dirtyCheckedness ?? $0.hasAttribute("selected") }
        if select.hasAttribute("multiple") { return marked }
        if let last = marked.last { return [last] }
        let size = Int(select.attribute("size") ?? "") ?? 1
        if size > 1 { return [] }
        return opts.first(where: { !$0.hasAttribute("disabled") }).map { [$0] } ?? []
    }

    /// `disabled` as a form control sees it (own attribute or a disabled fieldset ancestor,
    /// outside its first legend).
    static func isDisabled(_ elt: Node) -> Bool {
        if elt.hasAttribute("disabled") { return true }
        var cur = elt.parentElement
        var child = elt
        while let p = cur {
            if p.isHTMLElement(named: "fieldset"), p.hasAttribute("disabled") {
                let firstLegend = p.elementChildren.first { $0.isHTMLElement(named: "legend") }
                if firstLegend != child { return true }
            }
            child = p
            cur = p.parentElement
        }
        return false
    }

    /// Whether the element is a listed, submittable form control.
    static func isSubmittable(_ elt: Node) -> Bool {
        ["input", "select", "textarea", "button", "object"].contains { elt.isHTMLElement(named: $0) }
    }

    /// "Constructing the entry list" for `new FormData(form)` without a submitter
    /// (<https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#constructing-the-form-data-set>).
    static func formDataSet(_ form: Node, controls: [Node]) -> [(String, String)] {
        var out: [(String, String)] = []
        for c in controls where isSubmittable(c) {
            if c.isHTMLElement(named: "object") { continue }
            if c.ancestorIsDatalist || isDisabled(c) { continue }
            let t = type(c)
            if t == "submit" || t == "image" || t == "reset" || t == "button" { continue }
            if (t == "checkbox" || t == "radio") && !checked(c) { continue }
            guard let name = c.attribute("name"), !name.isEmpty else { continue }
            if t == "file" { continue }
            if c.isHTMLElement(named: "select") {
                for o in selectedOptions(c) where !isDisabledOption(o) { out.append((name, optionValue(o))) }
                continue
            }
            out.append((name, normalizeNewlines(value(c) ?? "")))
        }
        return out
    }

    static func isDisabledOption(_ o: Node) -> Bool { o.hasAttribute("disabled") }

    /// FormData keeps the newlines of textarea values as the control reports them.
    static func normalizeNewlines(_ s: String) -> String { s }

    /// `form.elements` (listed elements whose form owner is the form), in tree order.
    static func listedElements(of form: Node, in document: Document) -> [Node] {
        let listed = ["input", "select", "textarea", "button", "fieldset", "output", "object"]
        var out: [Node] = []
        let root = form.root
        for n in root.descendants where n.isElement && listed.contains(where: { n.isHTMLElement(named: $0) }) {
            if owner(of: n, in: document) == form { out.append(n) }
        }
        return out
    }

    /// The form owner of a listed element.
    static func owner(of elt: Node, in document: Document) -> Node? {
        if let id = elt.attribute("form") {
            guard elt.isConnected, let f = document.element(byID: id), f.isHTMLElement(named: "form") else { return nil }
            return f
        }
        var cur = elt.parentElement
        while let p = cur {
            if p.isHTMLElement(named: "form") { return p }
            cur = p.parentElement
        }
        return nil
    }
}

extension Node {
    fileprivate var ancestorIsDatalist: Bool {
        var cur = parentElement
        while let p = cur {
            if p.isHTMLElement(named: "datalist") { return true }
            cur = p.parentElement
        }
        return false
    }
}
