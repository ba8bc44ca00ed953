import Testing
import HTMLModel

/// Character references (<https://html.spec.whatwg.org/multipage/parsing.html#character-reference-state>),
/// in particular the no-semicolon ("historical") rules that differ between text and
/// attribute values.
@Suite struct TokenizerCharacterReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var expected: String
        var errors: [String]
        var testDescription: String { input }
    }

    /// Swift string literals reject noncharacter escapes such as `\u{FFFE}`.
    static func scalar(_ value: UInt32) -> String {
        Unicode.Scalar(value).map { String(Character($0)) } ?? ""
    }

    static func text(_ input: String) -> (String, [String]) {
        let result = tokenizeAll(Array(input.utf8))
        var text = ""
        for token in result.tokens {
            if case .characters(let run) = token { text += run } else { return ("<unexpected \(token)>", []) }
        }
        return (text, result.diagnostics.map(\.code))
    }

    static func attributeValue(_ markup: String) -> (String?, [String]) {
        let result = tokenizeAll(Array(markup.utf8))
        guard case .startTag(_, let attributes, _)? = result.tokens.first else { return (nil, []) }
        return (attributes.first?.value, result.diagnostics.map(\.code))
    }

    static let textCases: [Case] = [
        .init(input: "&notin;", expected: "\u{2209}", errors: []),
        .init(input: "&notin", expected: "\u{AC}in", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&notit;", expected: "\u{AC}it;", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&not", expected: "\u{AC}", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&amp=", expected: "&=", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&ampx", expected: "&x", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&AMP;&AMP", expected: "&&", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&copy2024", expected: "\u{A9}2024", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&NotEqualTilde;", expected: "\u{2242}\u{338}", errors: []),
        .init(input: "&xyz;", expected: "&xyz;", errors: ["unknown-named-character-reference"]),
        .init(input: "&xyz", expected: "&xyz", errors: []),
        .init(input: "&", expected: "&", errors: []),
        .init(input: "& ;", expected: "& ;", errors: []),
        .init(input: "&#", expected: "&#", errors: ["absence-of-digits-in-numeric-character-reference"]),
        .init(input: "&#X;", expected: "&#X;", errors: ["absence-of-digits-in-numeric-character-reference"]),
        .init(input: "&#65;&#x41;&#X41", expected: "AAA", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&#x80;", expected: "\u{20AC}", errors: ["control-character-reference"]),
        .init(input: "&#150;", expected: "\u{2013}", errors: ["control-character-reference"]),
        .init(input: "&#x81;", expected: "\u{81}", errors: ["control-character-reference"]),
        .init(input: "&#x9F;", expected: "\u{178}", errors: ["control-character-reference"]),
        .init(input: "&#0;", expected: "\u{FFFD}", errors: ["null-character-reference"]),
        .init(input: "&#xD800;", expected: "\u{FFFD}", errors: ["surrogate-character-reference"]),
        .init(input: "&#x110000;", expected: "\u{FFFD}", errors: ["character-reference-outside-unicode-range"]),
        .init(input: "&#99999999999999999999999999;", expected: "\u{FFFD}",
              errors: ["character-reference-outside-unicode-range"]),
        .init(input: "&#xFFFE;", expected: scalar(0xFFFE), errors: ["noncharacter-character-reference"]),
        .init(input: "&#x10FFFF;", expected: scalar(0x10FFFF), errors: ["noncharacter-character-reference"]),
        .init(input: "&#xD;", expected: "\r", errors: ["control-character-reference"]),
        .init(input: "&#x9;&#xA;&#x20;", expected: "\t\n ", errors: []),
        .init(input: "&#x1;", expected: "\u{1}", errors: ["control-character-reference"]),
        .init(input: "a&lt;b&gt;c", expected: "a<b>c", errors: []),
    ]

    @Test(arguments: textCases)
    func inText(_ testCase: Case) {
        let (text, errors) = Self.text(testCase.input)
        #expect(text == testCase.expected)
        #expect(errors == testCase.errors)
    }

    static let attributeCases: [Case] = [
        // Without a semicolon and followed by `=` or an alphanumeric: stays literal, no error.
        .init(input: "&notin", expected: "&notin", errors: []),
        .init(input: "&amp=2", expected: "&amp=2", errors: []),
        .init(input: "?a=1&copy=2", expected: "?a=1&copy=2", errors: []),
        .init(input: "&ampx", expected: "&ampx", errors: []),
        .init(input: "&not1", expected: "&not1", errors: []),
        // Followed by anything else: decoded, with the missing-semicolon error.
        .init(input: "&not ", expected: "\u{AC} ", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&amp", expected: "&", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&amp;", expected: "&", errors: []),
        .init(input: "&amp;=", expected: "&=", errors: []),
        .init(input: "&notin;", expected: "\u{2209}", errors: []),
        .init(input: "&#65=", expected: "A=", errors: ["missing-semicolon-after-character-reference"]),
        .init(input: "&xyz;", expected: "&xyz;", errors: ["unknown-named-character-reference"]),
    ]

    @Test(arguments: attributeCases)
    func inDoubleQuotedAttribute(_ testCase: Case) {
        let (value, errors) = Self.attributeValue("<a href=\"\(testCase.input)\">")
        #expect(value == testCase.expected)
        #expect(errors == testCase.errors)
    }

    @Test(arguments: attributeCases.filter { !$0.input.contains(" ") && !$0.input.contains("=") })
    func inUnquotedAttribute(_ testCase: Case) {
        let (value, errors) = Self.attributeValue("<a href=\(testCase.input)>")
        #expect(value == testCase.expected)
        #expect(errors == testCase.errors)
    }

    @Test func semicolonlessReferenceBeforeEqualsInUnquotedValue() {
        // `=` in an unquoted value is itself a parse error, but the reference stays literal.
        let (value, errors) = Self.attributeValue("<a href=&amp=1>")
        #expect(value == "&amp=1")
        #expect(errors == ["unexpected-character-in-unquoted-attribute-value"])
    }

    @Test func referencesInRCDATAButNotRAWTEXT() {
        #expect(tokenizeAll("&lt;x&gt;</title>", contentState: .rcdata) == [.characters("<x></title>")])
        #expect(tokenizeAll("&lt;x&gt;", contentState: .rawtext) == [.characters("&lt;x&gt;")])
        #expect(tokenizeAll("&lt;", contentState: .scriptData) == [.characters("&lt;")])
        #expect(tokenizeAll("&lt;", contentState: .plaintext) == [.characters("&lt;")])
    }

    @Test func everyLongestMatchPrefersTheLongerName() {
        // `&notin;` must win over `&not` and `&no...` prefixes; `&lang;` over `&la`.
        #expect(Self.text("&notin;&lang;&langd;").0 == "\u{2209}\u{27E8}\u{2991}")
    }
}
