/// `:lang()` (<https://drafts.csswg.org/selectors-4/#the-lang-pseudo>).
///
/// The element's language is the nearest inclusive ancestor's `xml:lang` or `lang` attribute
/// (<https://html.spec.whatwg.org/multipage/dom.html#language>); with none, no range matches
/// (a headless document has no Content-Language fallback). Ranges match by implicit
/// wildcard prefix ("en" matches "en" and "en-US", ASCII case-insensitively); `*` matches any
/// non-empty language. Extended ranges with inner wildcards (`*-CH`) are not supported.
enum LanguageMatching {
    static func matches<E: SelectorElement>(_ ranges: ProgramRange, _ element: E, _ p: SelectorProgramRef) -> Bool {
        var node: E? = element
        while let e = node {
            let found = e.withAttributeUTF8("xml:lang") { value -> Bool? in
                value.map { matchesAnyRange(ranges, $0, p) }
            } ?? e.withAttributeUTF8("lang") { value -> Bool? in
                value.map { matchesAnyRange(ranges, $0, p) }
            }
            if let found { return found }
            node = e.parentElement
        }
        return false
    }

    private static func matchesAnyRange(_ ranges: ProgramRange, _ language: UnsafeBufferPointer<UInt8>, _ p: SelectorProgramRef) -> Bool {
        for index in ranges.indices {
            let range = p.bytes(p.languageRanges[index])
            if range.count == 1 && range[0] == UInt8(ascii: "*") {
                if !language.isEmpty { return true }
                continue
            }
            if SelectorBytes.matches(language, at: 0, range, fold: true)
                && (language.count == range.count || language[range.count] == UInt8(ascii: "-")) {
                return true
            }
        }
        return false
    }
}
