import HTMLModel

/// Constraint validation as the engine models it (`required`, and `type=email` on a
/// simplified grammar): what `checkValidity` / `reportValidity` decide, shared by both
/// dialects. <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#constraints>
public enum FormValidation {
    /// `willValidate`: a submittable element that is not barred from constraint validation.
    static func willValidate(_ elt: Node) -> Bool {
        guard ["input", "select", "textarea", "button"].contains(where: { elt.isHTMLElement(named: $0) }) else { return false }
        if FormControls.isDisabled(elt) { return false }
        var cur = elt.parentElement
        while let p = cur {
            if p.isHTMLElement(named: "datalist") { return false }
            cur = p.parentElement
        }
        let t = FormControls.type(elt)
        if elt.isHTMLElement(named: "button") { return t == "submit" }
        if elt.isHTMLElement(named: "input") {
            if ["hidden", "reset", "button"].contains(t) { return false }
            if elt.hasAttribute("readonly") && !["checkbox", "radio", "file", "range", "color", "submit", "image"].contains(t) { return false }
        }
        if elt.isHTMLElement(named: "textarea") && elt.hasAttribute("readonly") { return false }
        return true
    }

    static func message(_ elt: Node) -> String? {
        let t = FormControls.type(elt)
        if elt.hasAttribute("required") {
            if t == "checkbox" && !FormControls.checked(elt) { return "Please check this box if you want to proceed." }
            if t == "radio" {
                let name = elt.attribute("name") ?? ""
                let group = DOMQuery.all(elt.root, "input[type=radio]").filter { $0.attribute("name") == name }
                if !group.contains(where: FormControls.checked) { return "Please select one of these options." }
            } else if ["text", "search", "tel", "url", "email", "password", "number", "date", "textarea", "select-one",
                       "select-multiple", "month", "week", "time", "datetime-local"].contains(t),
                      (FormControls.values(elt) ?? []).allSatisfy({ $0.isEmpty }) {
                return t.hasPrefix("select") ? "Please select an item in the list." : "Please fill out this field."
            }
        }
        if t == "email", let v = FormControls.value(elt), !v.isEmpty {
            let parts = v.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
                return "Please include an '@' in the email address."
            }
        }
        return nil
    }

    /// The validation message when the element is a candidate and invalid.
    public static func violation(_ elt: Node) -> String? {
        willValidate(elt) ? message(elt) : nil
    }
}
