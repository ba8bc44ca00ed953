/// Attribute and class selectors over the attribute's UTF-8 bytes
/// (<https://drafts.csswg.org/selectors-4/#attribute-selectors>).
enum AttributeMatching {
    static func matches<E: SelectorElement>(_ selector: AttributeRecord, _ element: E, _ p: SelectorProgramRef) -> Bool {
        let isHTML = element.namespace == .html
        // HTML elements store attribute names lower-case; the selector name was lower-cased at
        // parse time for them and is compared as written for SVG/MathML.
        let name = p.names[Int(isHTML ? selector.htmlName : selector.foreignName)]
        return element.withAttributeUTF8(name) { value in
            guard let value else { return false }
            if selector.op == .exists { return true }
            let fold = selector.caseMode == .insensitive || (selector.caseMode == .insensitiveOnHTML && isHTML)
            return matches(selector.op, value, p.bytes(fold ? selector.loweredValue : selector.value), fold: fold)
        }
    }

    static func matches(_ op: AttributeOperator, _ value: UnsafeBufferPointer<UInt8>, _ p: UnsafeBufferPointer<UInt8>, fold: Bool) -> Bool {
        switch op {
        case .exists:
            return true
        case .equals:
            return value.count == p.count && SelectorBytes.matches(value, at: 0, p, fold: fold)
        case .includes:
            // An empty value or one containing whitespace never matches a single token.
            guard !p.isEmpty, !p.contains(where: SelectorBytes.isASCIIWhitespace) else { return false }
            return containsToken(value, p, fold: fold)
        case .dashMatch:
            guard SelectorBytes.matches(value, at: 0, p, fold: fold) else { return false }
            return value.count == p.count || value[p.count] == UInt8(ascii: "-")
        case .prefix:
            return !p.isEmpty && SelectorBytes.matches(value, at: 0, p, fold: fold)
        case .suffix:
            return !p.isEmpty && SelectorBytes.matches(value, at: value.count - p.count, p, fold: fold)
        case .substring:
            guard !p.isEmpty, value.count >= p.count else { return false }
            var start = 0
            while start + p.count <= value.count {
                if SelectorBytes.matches(value, at: start, p, fold: fold) { return true }
                start += 1
            }
            return false
        }
    }

    /// Whether the ASCII-whitespace-separated list `value` contains `token` (class selectors
    /// and `~=`: <https://dom.spec.whatwg.org/#concept-ordered-set-parser>). Quirks-mode case
    /// folding of classes is not applied: documents are treated as no-quirks.
    static func containsToken(_ value: UnsafeBufferPointer<UInt8>, _ token: UnsafeBufferPointer<UInt8>, fold: Bool) -> Bool {
        guard !token.isEmpty else { return false }
        let n = value.count
        var i = 0
        while i < n {
            while i < n && SelectorBytes.isASCIIWhitespace(value[i]) { i += 1 }
            let start = i
            while i < n && !SelectorBytes.isASCIIWhitespace(value[i]) { i += 1 }
            if i - start == token.count && SelectorBytes.matches(value, at: start, token, fold: fold) {
                return true
            }
        }
        return false
    }
}
