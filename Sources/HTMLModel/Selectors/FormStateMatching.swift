/// Pseudo-classes defined by HTML's form and link state
/// (<https://html.spec.whatwg.org/multipage/semantics-other.html#pseudo-classes>).
enum FormStateMatching {
    /// Elements `:enabled` / `:disabled` apply to (form-associated custom elements aside).
    private enum FormKind {
        case button, input, select, textarea, optgroup, option, fieldset, other
    }

    private static func formKind<E: SelectorElement>(_ e: E) -> FormKind {
        guard e.namespace == .html else { return .other }
        return e.withLocalNameUTF8 { name -> FormKind in
            switch name.count {
            case 5: return SelectorBytes.equal(name, "input") ? .input : .other
            case 6:
                if SelectorBytes.equal(name, "button") { return .button }
                if SelectorBytes.equal(name, "select") { return .select }
                if SelectorBytes.equal(name, "option") { return .option }
                return .other
            case 8:
                if SelectorBytes.equal(name, "textarea") { return .textarea }
                if SelectorBytes.equal(name, "optgroup") { return .optgroup }
                if SelectorBytes.equal(name, "fieldset") { return .fieldset }
                return .other
            default: return .other
            }
        }
    }

    static func isHTMLElement<E: SelectorElement>(_ e: E, _ name: StaticString) -> Bool {
        e.namespace == .html && e.withLocalNameUTF8 { SelectorBytes.equal($0, name) }
    }

    static func hasAttribute<E: SelectorElement>(_ e: E, _ name: String) -> Bool {
        e.withAttributeUTF8(name) { $0 != nil }
    }

    static func matches<E: SelectorElement>(_ kind: StatePseudoClass, _ e: E) -> Bool {
        switch kind {
        case .checked: return isChecked(e)
        case .disabled: return isActuallyDisabled(e)
        case .enabled: return formKind(e) != .other && !isActuallyDisabled(e)
        case .anyLink:
            // https://html.spec.whatwg.org/multipage/semantics-other.html#selector-link
            return (isHTMLElement(e, "a") || isHTMLElement(e, "area")) && hasAttribute(e, "href")
        case .defined:
            // No custom element registry here: HTML elements with a custom-element-style
            // name (containing '-') stay undefined; everything else is defined.
            guard e.namespace == .html else { return true }
            return !e.withLocalNameUTF8 { $0.contains(UInt8(ascii: "-")) }
        }
    }

    /// https://html.spec.whatwg.org/multipage/semantics-other.html#selector-checked
    private static func isChecked<E: SelectorElement>(_ e: E) -> Bool {
        if isHTMLElement(e, "input") {
            let checkable = e.withAttributeUTF8("type") { type in
                guard let type else { return false }
                return SelectorBytes.equalIgnoringASCIICase(type, "checkbox")
                    || SelectorBytes.equalIgnoringASCIICase(type, "radio")
            }
            return checkable && e.isCheckedState
        }
        return isHTMLElement(e, "option") && e.isCheckedState
    }

    /// "Actually disabled" (<https://html.spec.whatwg.org/multipage/semantics-other.html#concept-element-disabled>).
    static func isActuallyDisabled<E: SelectorElement>(_ e: E) -> Bool {
        switch formKind(e) {
        case .other:
            return false
        case .optgroup:
            return hasAttribute(e, "disabled")
        case .option:
            // https://html.spec.whatwg.org/multipage/form-elements.html#concept-option-disabled
            if hasAttribute(e, "disabled") { return true }
            guard let parent = e.parentElement else { return false }
            return isHTMLElement(parent, "optgroup") && hasAttribute(parent, "disabled")
        case .button, .input, .select, .textarea, .fieldset:
            // https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#concept-fe-disabled
            return hasAttribute(e, "disabled") || isInsideDisabledFieldset(e)
        }
    }

    /// A descendant of a fieldset with a `disabled` attribute, unless inside that fieldset's
    /// first legend child (<https://html.spec.whatwg.org/multipage/form-elements.html#concept-fieldset-disabled>).
    private static func isInsideDisabledFieldset<E: SelectorElement>(_ e: E) -> Bool {
        var child = e
        var ancestor = e.parentElement
        while let a = ancestor {
            if isHTMLElement(a, "fieldset") && hasAttribute(a, "disabled") && !isFirstLegendChild(child) {
                return true
            }
            child = a
            ancestor = a.parentElement
        }
        return false
    }

    /// Whether `child` is an HTML legend with no legend element before it among its siblings.
    private static func isFirstLegendChild<E: SelectorElement>(_ child: E) -> Bool {
        guard isHTMLElement(child, "legend") else { return false }
        var sibling = child.previousElementSibling
        while let s = sibling {
            if isHTMLElement(s, "legend") { return false }
            sibling = s.previousElementSibling
        }
        return true
    }
}
