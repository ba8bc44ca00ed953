import HTMLModel

extension HTMX2Runtime {
    /// htmx.js getInputValues: the related form (non-GET, with priority), the element
    /// itself, the last clicked submit button, then `hx-include`; returns the entries and the
    /// validation errors.
    func getInputValues(_ elt: Node, verb: String) -> ([(String, String)], [Node]) {
        var processed: [Node] = []
        var formData: [(String, String)] = []
        var priority: [(String, String)] = []
        var errors: [Node] = []
        let d = data(elt)
        if let b = d.lastButtonClicked, !bodyContains(b) { d.lastButtonClicked = nil }
        var validate = (elt.isHTMLElement(named: "form") && !elt.hasAttribute("novalidate")) || attr(elt, "hx-validate") == "true"
        if let b = d.lastButtonClicked { validate = validate && !b.hasAttribute("formnovalidate") }
        if verb != "get" {
            processInputValue(&processed, &priority, &errors, relatedForm(elt), validate)
        }
        processInputValue(&processed, &formData, &errors, elt, validate)
        if d.lastButtonClicked != nil || elt.isHTMLElement(named: "button")
            || (elt.isHTMLElement(named: "input") && elt.attribute("type") == "submit") {
            let button = d.lastButtonClicked ?? elt
            if let name = button.attribute("name") {
                priority.append((name, FormControls.value(button) ?? ""))
            }
        }
        for node in findAttributeTargets(elt, "hx-include") ?? [] {
            processInputValue(&processed, &formData, &errors, node, validate)
            if !node.isHTMLElement(named: "form") {
                for descendant in DOMQuery.all(node, "input, textarea, select") {
                    processInputValue(&processed, &formData, &errors, descendant, validate)
                }
            }
        }
        Self.override(&formData, with: priority)
        return (formData, errors)
    }

    /// htmx.js shouldInclude.
    func shouldInclude(_ elt: Node) -> Bool {
        guard Self.hasNameProperty(elt), let name = elt.attribute("name"), !name.isEmpty else { return false }
        if Self.hasDisabledProperty(elt) && elt.hasAttribute("disabled") { return false }
        if DOMQuery.closest(elt, "fieldset[disabled]") != nil { return false }
        let t = FormControls.type(elt)
        if t == "button" || t == "submit" { return false }
        if t == "checkbox" || t == "radio" { return FormControls.checked(elt) }
        return true
    }

    /// Elements whose IDL `name` reflects the attribute (others have `name` undefined).
    static func hasNameProperty(_ elt: Node) -> Bool {
        ["input", "select", "textarea", "button", "fieldset", "output", "object", "form", "iframe", "img", "map", "meta",
         "param", "slot", "a", "embed"].contains { elt.isHTMLElement(named: $0) }
    }

    static func hasDisabledProperty(_ elt: Node) -> Bool {
        ["input", "select", "textarea", "button", "fieldset", "optgroup", "option", "link", "style"].contains { elt.isHTMLElement(named: $0) }
    }

    /// htmx.js getValueFromInput: the selected options of a multiple select, else `value`.
    func valuesOf(_ elt: Node) -> [String]? { FormControls.values(elt) }

    /// htmx.js processInputValue.
    func processInputValue(_ processed: inout [Node], _ formData: inout [(String, String)], _ errors: inout [Node],
                           _ elt: Node?, _ validate: Bool) {
        guard let elt, !processed.contains(elt) else { return }
        processed.append(elt)
        if shouldInclude(elt), let name = elt.attribute("name") {
            for v in valuesOf(elt) ?? [] { formData.append((name, v)) }
            if validate { validateElement(elt, &errors) }
        }
        if elt.isHTMLElement(named: "form") {
            let controls = FormControls.listedElements(of: elt, in: document)
            for input in controls {
                if processed.contains(input) {
                    // Already added: the FormData built next would add it again.
                    if let name = input.attribute("name"), let vals = valuesOf(input) {
                        let remaining = formData.filter { $0.0 == name && !vals.contains($0.1) }
                        formData.removeAll { $0.0 == name }
                        formData.append(contentsOf: remaining)
                    }
                } else {
                    processed.append(input)
                }
                if validate { validateElement(input, &errors) }
            }
            formData.append(contentsOf: FormControls.formDataSet(elt, controls: controls))
        }
    }

    /// htmx.js validateElement, with the constraints the engine models (required, and the
    /// email/url type checks on a simplified grammar).
    func validateElement(_ elt: Node, _ errors: inout [Node]) {
        guard willValidate(elt) else { return }
        triggerEvent(elt, "htmx:validation:validate")
        if let message = validationMessage(elt) {
            triggerEvent(elt, "htmx:validation:failed", JSObject([("message", .string(message))]))
            errors.append(elt)
        }
    }

    func willValidate(_ elt: Node) -> Bool { FormValidation.willValidate(elt) }

    func validationMessage(_ elt: Node) -> String? { FormValidation.message(elt) }
}
