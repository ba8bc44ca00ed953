import Testing
@testable import HTMLModel

/// Acceptance and rejection tables for ``SelectorList`` parsing. Rejections pin the error
/// position (in Characters) so the message points at the right spot. Several rows
/// re-express WPT's dom/nodes/selectors.js (valid and invalid selector lists) and
/// css/selectors/parsing cases.
@Suite struct SelectorParserTests {
    static let valid: [String] = [
        // type, universal, namespaces
        "div", "DIV", "*", "*|*", "*|div", "|div", "|*", "foreignObject", "\\61",
        // id / class / escapes
        "#id", "#-a", "#--a", "#_a", "#a\\.b", "#\\31 23", "#\\#foo\\:bar", ".c", ".a.b", ".\\31 a",
        ".foo\\:bar", ".test\\.foo\\[5\\]bar", ".台北Táiběi", "#台北", "a\\ b",
        // attribute selectors
        "[a]", "[ a ]", "[a=b]", "[a = 'b']", "[a=\"b\"]", "[a~=b]", "[a|=b]", "[a^=b]", "[a$=b]", "[a*=b]",
        "[a=b i]", "[a=b s]", "[a=\"b\" I]", "[a=b S]", "[a='b'i]", "[a=-b]", "[a=--]", "[*|a]", "[|a]",
        "[hx-sse\\:connect]", "[hx-sse\\3A connect=\"/x\"]", "[data-中文]", "[data-s=\"a\\\nb\"]",
        "[data-attr-value=\"\\e9\"]", "[data-attr-value\\_foo=\"\\e9\"]",
        // EOF closes open blocks and strings, as in browsers
        "[a", "[a=b", "[a=\"b", "[a='b", ":not(a", "a:is(b, c", ":nth-child(2n+1",
        // logical combinations
        "a:not(b)", ":not(a, b)", ":not(:not(a))", ":is(a, b)", ":where(a)", ":is()", ":where( )",
        ":is(:unknown, a)", ":is(a, )", ":is(a])", ":is(::before)", ":is(:has(a))", "*:not(*|*)",
        ":has(a)", ":has(> li)", ":has(+ a)", ":has(~ a)", ":has(a b)", ":has(> a > b)", ":has(> a, + b)",
        ":has(:is(a))", ":not(:has(a))", ":nth-child(1 of :has(a))",
        // structural
        ":first-child", ":FIRST-CHILD", ":last-child", ":only-child", ":first-of-type", ":last-of-type",
        ":only-of-type", ":empty", ":root", ":scope", ":scope > a",
        ":nth-child(2n+1)", ":nth-child(odd)", ":nth-child(EVEN)", ":nth-child( 2n + 1 )", ":nth-child(-n+3)",
        ":nth-child(+5)", ":nth-child(n)", ":nth-child(N)", ":nth-child(+n)", ":nth-child(-n)", ":nth-child(2n-1)",
        ":nth-child(2n- 1)", ":nth-child(2n -1)", ":nth-child(2n - 1)", ":nth-child(-n- 3)", ":nth-child(-n-3)",
        ":nth-child(n-3)", ":nth-child(0)", ":nth-child(0n+0)", ":nth-child(2n+1 of .a, .b)",
        ":nth-child(2n+1 OF .a)", ":nth-last-child(1 of a)", ":nth-of-type(2)", ":nth-last-of-type(2n)",
        ":nth-child(99999999999)",
        // state
        ":checked", ":disabled", ":enabled", ":link", ":any-link", ":visited", ":hover", ":focus",
        ":focus-within", ":focus-visible", ":active", ":target", ":defined", ":lang(en)", ":lang(\"en\", fr)",
        // pseudo-elements parse (and match nothing), as in browsers
        "::before", "a::after", ":before", "a:first-line", "::first-letter", "::before:hover", "::marker",
        // combinators, lists, whitespace, comments
        "a b", "a > b", "a>b", "a + b", "a ~ b", "a>b+c~d e", "a , b", " a ", "\ta\n", "a /* c */ b",
        "/* c */ a", "a/* c */", "a\r\n>\u{0C}b", "a, b, c",
        // lone backslash at EOF is an escape for U+FFFD
        "\\",
    ]

    @Test(arguments: valid)
    func accepts(_ selector: String) throws {
        let list = try SelectorList(selector)
        #expect(list.text == selector)
    }

    struct Rejection: CustomStringConvertible, Sendable {
        var selector: String
        var position: Int
        var messageContains: String = ""
        var description: String { selector.debugDescription }
    }

    /// The validity check htmx's selector diagnostics use agrees with the parser, on the
    /// id forms it answers without parsing as on everything else.
    @Test func documentValidityCheckAgreesWithTheParser() {
        let doc = Document(html: "<p id=a>")
        let idForms = ["#a", "p#a", " #a ", "#-a", "#--a", "#1a", "#a#b", "p#", "#é", "div #a", "#a.b", "#\\31 a"]
        for text in Self.valid + Self.invalid.map(\.selector) + idForms {
            #expect(doc.isValidSelector(text) == ((try? SelectorList.parse(text)) != nil), "\(text.debugDescription)")
        }
    }

    static let invalid: [Rejection] = [
        // WPT dom/nodes/selectors.js invalidSelectors
        .init(selector: "", position: 0, messageContains: "expected a selector"),
        .init(selector: "   ", position: 3, messageContains: "expected a selector"),
        .init(selector: "[", position: 1, messageContains: "attribute name"),
        .init(selector: "]", position: 0),
        .init(selector: "(", position: 0),
        .init(selector: ")", position: 0),
        .init(selector: "{", position: 0),
        .init(selector: "}", position: 0),
        .init(selector: "<", position: 0),
        .init(selector: ">", position: 0),
        .init(selector: "#", position: 0),
        .init(selector: "div,", position: 4, messageContains: "expected a selector"),
        .init(selector: ".", position: 1, messageContains: "class name"),
        .init(selector: ".5cm", position: 0),
        .init(selector: "..test", position: 1),
        .init(selector: ".foo..quux", position: 5),
        .init(selector: ".bar.", position: 5),
        .init(selector: "div & address, p", position: 4),
        .init(selector: "div >> address, p", position: 5),
        .init(selector: "div ++ address, p", position: 5),
        .init(selector: "div ~~ address, p", position: 5),
        .init(selector: "[*=test]", position: 1, messageContains: "attribute name"),
        .init(selector: "[*|*=test]", position: 1, messageContains: "attribute name"),
        .init(selector: "[class= space unquoted ]", position: 14, messageContains: "flag"),
        .init(selector: "div:example", position: 3, messageContains: "unknown pseudo-class"),
        .init(selector: ":example", position: 0, messageContains: "unknown pseudo-class"),
        .init(selector: "div::example", position: 3, messageContains: "unknown pseudo-element"),
        .init(selector: "::example", position: 0, messageContains: "unknown pseudo-element"),
        .init(selector: ":::before", position: 2),
        .init(selector: "ns|div", position: 0, messageContains: "namespace"),
        .init(selector: ":not(ns|div)", position: 5, messageContains: "namespace"),
        .init(selector: "^|div", position: 0),
        .init(selector: "$|div", position: 0),
        // our own
        .init(selector: ",a", position: 0),
        .init(selector: "a, , b", position: 3),
        .init(selector: "a)", position: 1, messageContains: "unexpected"),
        .init(selector: "a b)", position: 3),
        .init(selector: "a]", position: 1),
        .init(selector: "a||b", position: 1),
        .init(selector: "a/**/b", position: 5, messageContains: "unexpected"),
        .init(selector: "a:", position: 2, messageContains: "pseudo-class name"),
        .init(selector: "a: hover", position: 2),
        .init(selector: "#1a", position: 0, messageContains: "ID"),
        .init(selector: "a|b", position: 0, messageContains: "namespace"),
        .init(selector: "[a|b]", position: 1, messageContains: "namespace"),
        .init(selector: "[a=]", position: 3, messageContains: "value"),
        .init(selector: "[a b]", position: 3, messageContains: "operator"),
        .init(selector: "[a=b c]", position: 5, messageContains: "flag"),
        .init(selector: "[a=b i i]", position: 7),
        .init(selector: "[a='b\nc']", position: 3, messageContains: "value"),
        .init(selector: "[a==b]", position: 3),
        .init(selector: "[a ~ = b]", position: 3),
        .init(selector: ":not()", position: 5, messageContains: "expected a selector"),
        .init(selector: ":has()", position: 5),
        .init(selector: ":not(a,)", position: 7),
        .init(selector: ":has(a,)", position: 7),
        .init(selector: ":has(:has(a))", position: 5, messageContains: "nested"),
        .init(selector: ":has(:not(:has(a)))", position: 10, messageContains: "nested"),
        .init(selector: ":has(::before)", position: 5, messageContains: "not allowed"),
        .init(selector: ":not(::before)", position: 5, messageContains: "not allowed"),
        .init(selector: ":not(:before)", position: 5, messageContains: "not allowed"),
        .init(selector: "a::before b", position: 9, messageContains: "must end"),
        .init(selector: "a::before > b", position: 9, messageContains: "must end"),
        .init(selector: "::before.a", position: 8),
        .init(selector: "::before[a]", position: 8),
        .init(selector: "::before:first-child", position: 8),
        .init(selector: "::before::after", position: 8),
        .init(selector: "::part(x)", position: 0, messageContains: "unsupported"),
        .init(selector: ":hover()", position: 0, messageContains: "no arguments"),
        .init(selector: ":not", position: 0, messageContains: "needs arguments"),
        .init(selector: ":nth-child", position: 0),
        .init(selector: ":nth-child()", position: 11, messageContains: "An+B"),
        .init(selector: ":nth-child(2n+)", position: 14),
        .init(selector: ":nth-child(n of)", position: 15),
        .init(selector: ":nth-child(of a)", position: 11),
        .init(selector: ":nth-child(3.5)", position: 11),
        .init(selector: ":nth-child(1.0n)", position: 11),
        .init(selector: ":nth-child(- n)", position: 11),
        .init(selector: ":nth-child(+ n)", position: 11),
        .init(selector: ":nth-child(+-n)", position: 11),
        .init(selector: ":nth-child(2n + -1)", position: 16),
        .init(selector: ":nth-child(2n - +1)", position: 16),
        .init(selector: ":nth-child(2n- -1)", position: 15),
        .init(selector: ":nth-child(n- +1)", position: 14),
        .init(selector: ":nth-child(2n1)", position: 11),
        .init(selector: ":nth-child(odd 1)", position: 15),
        .init(selector: ":nth-child(1 2)", position: 13),
        .init(selector: ":nth-child(2n+1 of)", position: 18),
        .init(selector: ":nth-of-type(2n of a)", position: 16),
        .init(selector: ":nth-child(2n+1 of ::before)", position: 19),
        .init(selector: ":lang()", position: 6),
        .init(selector: ":lang(en fr)", position: 9),
        .init(selector: "url(x)", position: 0),
        .init(selector: "a:url(x)", position: 2),
        .init(selector: "@media", position: 0),
        .init(selector: "a;", position: 1),
        .init(selector: "<!-- a", position: 0),
        .init(selector: "a {}", position: 2),
        .init(selector: "a & b", position: 2),
        .init(selector: "#a\\\nb", position: 2),  // backslash-newline is no escape outside strings
        // Character, not byte, positions
        .init(selector: "é:bogus", position: 1, messageContains: "unknown pseudo-class"),
        .init(selector: "台北 > ", position: 5),
    ]

    @Test(arguments: invalid)
    func rejects(_ row: Rejection) {
        #expect {
            _ = try SelectorList(row.selector)
        } throws: { error in
            guard let error = error as? SelectorParseError else { return false }
            return error.position == row.position
                && error.selector == row.selector
                && (row.messageContains.isEmpty || error.message.contains(row.messageContains))
        }
    }

    @Test func errorCarriesUTF8OffsetAndText() {
        do {
            _ = try SelectorList("é:bogus")
            Issue.record("expected a parse error")
        } catch {
            #expect(error.position == 1)
            #expect(error.utf8Offset == 2)
            #expect(error.selector == "é:bogus")
            #expect(error.description.contains("unknown pseudo-class"))
        }
    }

    @Test func nestingDeeperThanTheLimitIsAnError() {
        let limit = SelectorParser.maxNesting
        let ok = String(repeating: ":not(", count: limit) + "a" + String(repeating: ")", count: limit)
        #expect((try? SelectorList(ok)) != nil)

        for opener in [":not(", ":is(", ":where(", ":nth-child(1 of "] {
            let depth = 200
            let text = String(repeating: opener, count: depth) + "a" + String(repeating: ")", count: depth)
            #expect {
                _ = try SelectorList(text)
            } throws: { error in
                guard let error = error as? SelectorParseError else { return false }
                // The first opener past the limit.
                return error.message.contains("nesting") && error.position == limit * opener.count
            }
        }
    }

    @Test func hugeFlatInputsParse() throws {
        let many = Array(repeating: "a > b ~ c", count: 2000).joined(separator: ", ")
        let manyList = try SelectorList(many)
        withExtendedLifetime(manyList) { #expect(manyList.program.ref.top.count == 2000) }
        let long = Array(repeating: "a", count: 5000).joined(separator: " ")
        let longList = try SelectorList(long)
        withExtendedLifetime(longList) {
            let view = longList.program.ref
            #expect(view.complexes[Int(view.top.start)].compounds.count == 5000)
        }
        let brackets = String(repeating: "(", count: 100_000)
        #expect(throws: SelectorParseError.self) { try SelectorList(brackets) }
        let squares = String(repeating: "[", count: 100_000)
        #expect(throws: SelectorParseError.self) { try SelectorList(squares) }
    }

    /// Random selector-ish strings never crash the parser, and whatever parses can be matched.
    @Test func randomInputsNeverCrash() {
        let alphabet = Array("ab*#.[]()=~|^$\"' :>+,-\\n1:not(:is(:has(:nth-child(of i s")
        var rng = SplitMix64(seed: 0x5E1EC7)
        let doc = TestDocument(markup: "<div id=r class=a><b id=x></b><i n=a></i></div>")
        var parsed = 0
        for _ in 0..<4000 {
            let length = Int(rng.next() % 24)
            var s = ""
            for _ in 0..<length { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            if let list = try? SelectorList(s) {
                parsed += 1
                _ = list.querySelectorAll(inDocumentRootedAt: doc.documentElement)
            }
        }
        #expect(parsed > 0)
    }
}

/// Deterministic PRNG for table-free tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
