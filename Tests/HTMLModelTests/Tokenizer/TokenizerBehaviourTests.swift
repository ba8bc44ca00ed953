import Testing
import HTMLModel

/// The contract with the tree builder: lazy tokens, switchable content state, last start
/// tag and CDATA permission, maximal character runs.
@Suite struct TokenizerBehaviourTests {
    @Test func contentStateSwitchedAfterStartTagApplies() {
        var tokenizer = HTMLTokenizer(input: Array("x<script>a</b>&amp;<!--c--></script>d".utf8))
        #expect(tokenizer.nextToken() == .characters("x"))
        #expect(tokenizer.nextToken() == .startTag(name: "script", attributes: [], selfClosing: false))
        tokenizer.contentState = .scriptData
        #expect(tokenizer.contentState == .scriptData)
        #expect(tokenizer.nextToken() == .characters("a</b>&amp;<!--c-->"))
        #expect(tokenizer.nextToken() == .endTag(name: "script"))
        #expect(tokenizer.contentState == .data)
        #expect(tokenizer.nextToken() == .characters("d"))
        #expect(tokenizer.nextToken() == .endOfFile)
        #expect(tokenizer.nextToken() == .endOfFile)
    }

    @Test func withoutSwitchingTheSameInputIsMarkup() {
        #expect(tokenizeAll("<script>a</b>") == [
            .startTag(name: "script", attributes: [], selfClosing: false),
            .characters("a"),
            .endTag(name: "b"),
        ])
    }

    @Test func rcdataDecodesReferencesAndEndsAtItsOwnEndTag() {
        var tokenizer = HTMLTokenizer(input: Array("<TEXTAREA><b>&lt;</textareax></TextArea >".utf8))
        #expect(tokenizer.nextToken() == .startTag(name: "textarea", attributes: [], selfClosing: false))
        #expect(tokenizer.lastStartTagName == "textarea")
        tokenizer.contentState = .rcdata
        #expect(tokenizer.nextToken() == .characters("<b><</textareax>"))
        #expect(tokenizer.nextToken() == .endTag(name: "textarea"))
        #expect(tokenizer.nextToken() == .endOfFile)
    }

    @Test func plaintextNeverEnds() {
        var tokenizer = HTMLTokenizer(input: Array("<plaintext></plaintext>&amp;".utf8))
        #expect(tokenizer.nextToken() == .startTag(name: "plaintext", attributes: [], selfClosing: false))
        tokenizer.contentState = .plaintext
        #expect(tokenizer.nextToken() == .characters("</plaintext>&amp;"))
        #expect(tokenizer.nextToken() == .endOfFile)
    }

    @Test func fragmentContextSetsLastStartTag() {
        // Fragment parsing with a <title> context: state RCDATA, last start tag "title".
        var tokenizer = HTMLTokenizer(input: Array("a</style></title>b".utf8))
        tokenizer.contentState = .rcdata
        tokenizer.lastStartTagName = "title"
        #expect(tokenizer.nextToken() == .characters("a</style>"))
        #expect(tokenizer.nextToken() == .endTag(name: "title"))
        #expect(tokenizer.nextToken() == .characters("b"))
    }

    @Test func noLastStartTagMeansNoAppropriateEndTag() {
        #expect(tokenizeAll("a</title>", contentState: .rcdata) == [.characters("a</title>")])
    }

    @Test func cdataOnlyWhenAllowed() {
        let input = Array("<![CDATA[x<y]]>".utf8)
        #expect(tokenizeAll(input).tokens == [.comment("[CDATA[x<y]]")])
        #expect(tokenizeAll(input, allowsCDATA: true).tokens == [.characters("x<y")])

        // Toggled between calls, as the tree builder does when entering foreign content.
        var tokenizer = HTMLTokenizer(input: Array("<svg><![CDATA[a]]></svg><![CDATA[b]]>".utf8))
        #expect(tokenizer.nextToken() == .startTag(name: "svg", attributes: [], selfClosing: false))
        tokenizer.allowsCDATA = true
        #expect(tokenizer.nextToken() == .characters("a"))
        #expect(tokenizer.nextToken() == .endTag(name: "svg"))
        tokenizer.allowsCDATA = false
        #expect(tokenizer.nextToken() == .comment("[CDATA[b]]"))
    }

    @Test func characterRunsAreMaximal() {
        #expect(tokenizeAll("a&amp;b\0c<!---->d&#x41;<x>") == [
            .characters("a&b\0c"),
            .comment(""),
            .characters("dA"),
            .startTag(name: "x", attributes: [], selfClosing: false),
        ])
        #expect(tokenizeAll("a<3 b</ c") == [.characters("a<3 b"), .comment(" c")])
    }

    @Test func nullInDataIsKeptWithAnError() {
        let result = tokenizeAll([0x61, 0x00, 0x62])
        #expect(result.tokens == [.characters("a\0b")])
        #expect(result.diagnostics == [HTMLParseDiagnostic(code: "unexpected-null-character", line: 1, column: 2)])
    }

    @Test func nullElsewhereBecomesReplacementCharacter() {
        let tokens = tokenizeAll(Array("<a\0 b\0=\"\0\">".utf8)).tokens
        #expect(tokens == [.startTag(name: "a\u{FFFD}", attributes: [HTMLAttribute(name: "b\u{FFFD}", value: "\u{FFFD}")], selfClosing: false)])
        #expect(tokenizeAll(Array("\0".utf8), contentState: .rcdata).tokens == [.characters("\u{FFFD}")])
        #expect(tokenizeAll(Array("<!--\0-->".utf8)).tokens == [.comment("\u{FFFD}")])
    }

    @Test func namesLowerCasedAndDuplicatesDropped() {
        let result = tokenizeAll(Array("<DiV ID=1 id=2 Class=x CLASS=y data-Ü=z>".utf8))
        #expect(result.tokens == [.startTag(name: "div", attributes: [
            HTMLAttribute(name: "id", value: "1"),
            HTMLAttribute(name: "class", value: "x"),
            HTMLAttribute(name: "data-Ü", value: "z"),  // only ASCII letters are lower-cased
        ], selfClosing: false)])
        #expect(result.diagnostics.map(\.code) == ["duplicate-attribute", "duplicate-attribute"])
    }

    @Test func duplicatesAmongManyAttributes() {
        // Past 16 attributes the duplicate check switches to a set; same behaviour.
        var markup = "<x"
        for k in 0 ..< 40 { markup += " a\(k)=\(k)" }
        markup += " a3=dup A30=dup a39>"
        let result = tokenizeAll(Array(markup.utf8))
        guard case .startTag(_, let attributes, _)? = result.tokens.first else {
            Issue.record("no start tag")
            return
        }
        #expect(attributes.count == 40)
        #expect(attributes.first { $0.name == "a3" }?.value == "3")
        #expect(attributes.first { $0.name == "a30" }?.value == "30")
        #expect(result.diagnostics.map(\.code) == Array(repeating: "duplicate-attribute", count: 3))
    }

    @Test func commentForms() {
        #expect(tokenizeAll("<!-->") == [.comment("")])
        #expect(tokenizeAll("<!--->") == [.comment("")])
        #expect(tokenizeAll("<!--a--!>b") == [.comment("a"), .characters("b")])
        #expect(tokenizeAll("<!--a<!--b-->") == [.comment("a<!--b")])
        // Chromium 156 parses processing instructions (corpus case parse-processing-instruction).
        #expect(tokenizeAll("<?pi x?>") == [.processingInstruction(target: "pi", data: "x")])
        #expect(tokenizeAll("<?xml x?>") == [.comment("?xml x?")])
        #expect(tokenizeAll("</ x>") == [.comment(" x")])
        #expect(tokenizeAll("<!x>") == [.comment("x")])
        let nested = tokenizeAll(Array("<!--a<!--b-->".utf8))
        #expect(nested.diagnostics.map(\.code) == ["nested-comment"])
    }

    @Test func doctypes() {
        #expect(tokenizeAll("<!DOCTYPE html>") == [.doctype(HTMLDoctypeToken(name: "html"))])
        #expect(tokenizeAll("<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" 'http://x'>") == [
            .doctype(HTMLDoctypeToken(name: "html", publicIdentifier: "-//W3C//DTD HTML 4.01//EN",
                                      systemIdentifier: "http://x")),
        ])
        #expect(tokenizeAll("<!DOCTYPE>") == [.doctype(HTMLDoctypeToken(forceQuirks: true))])
        #expect(tokenizeAll("<!DOCTYPE html bogus>") == [.doctype(HTMLDoctypeToken(name: "html", forceQuirks: true))])
        #expect(tokenizeAll("<!DOCTYPE html SYSTEM \"a\" x>") == [
            .doctype(HTMLDoctypeToken(name: "html", systemIdentifier: "a", forceQuirks: false)),
        ])
    }

    @Test func eofInsideTagDropsTheTag() {
        #expect(tokenizeAll("a<div class=\"x") == [.characters("a")])
        #expect(tokenizeAll("a<") == [.characters("a<")])
        #expect(tokenizeAll("a</") == [.characters("a</")])
    }

    @Test func copiesOfATokenizerAreIndependent() {
        // Owned buffers are shared copy-on-write; the copy is taken once they exist.
        var original = HTMLTokenizer(input: Array("<A B=&amp;1><C D=&gt;2 E=&lt;3>x&lt;y<F>".utf8))
        #expect(original.nextToken() == .startTag(name: "a", attributes: [HTMLAttribute(name: "b", value: "&1")], selfClosing: false))
        var copy = original
        let c: HTMLToken = .startTag(name: "c", attributes: [
            HTMLAttribute(name: "d", value: ">2"), HTMLAttribute(name: "e", value: "<3"),
        ], selfClosing: false)
        #expect(original.nextToken() == c)
        #expect(original.nextToken() == .characters("x<y"))
        #expect(copy.nextToken() == c)
        #expect(original.nextToken() == .startTag(name: "f", attributes: [], selfClosing: false))
        #expect(copy.nextToken() == .characters("x<y"))
        #expect(copy.nextToken() == .startTag(name: "f", attributes: [], selfClosing: false))
    }

    @Test func emptyInput() {
        var tokenizer = HTMLTokenizer(input: [])
        #expect(tokenizer.nextToken() == .endOfFile)
        #expect(tokenizer.diagnostics.isEmpty)
    }

    /// Seeded random markup soup in every content state: terminates, never emits an empty
    /// or split character run, and gives the same tokens on a second run.
    @Test(arguments: [HTMLTokenizerContentState.data, .rcdata, .rawtext, .scriptData, .plaintext])
    func randomMarkupSoup(_ state: HTMLTokenizerContentState) {
        var generator = TokenizerInputPreprocessingTests.SeededGenerator(state: 0xC0FFEE)
        let pieces = ["<", ">", "/", "!", "-", "--", "[CDATA[", "]]>", "&", "#", "x", ";", "=", "\"", "'", " ",
                      "\n", "\r", "\0", "a", "A", "script", "amp", "notin", "DOCTYPE", "PUBLIC", "?", "`",
                      "é", "\u{1F600}", "title"]
        for _ in 0 ..< 400 {
            var input = ""
            for _ in 0 ..< Int(generator.next() % 40) {
                input += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            let bytes = Array(input.utf8)
            let allowsCDATA = generator.next() % 2 == 0
            let first = tokenizeAll(bytes, contentState: state, lastStartTag: "title", allowsCDATA: allowsCDATA)
            let second = tokenizeAll(bytes, contentState: state, lastStartTag: "title", allowsCDATA: allowsCDATA)
            #expect(first.terminated, "\(input.debugDescription)")
            #expect(first.tokens == second.tokens && first.diagnostics == second.diagnostics)
            #expect(!first.tokens.contains(.characters("")), "\(input.debugDescription)")
            #expect(mergingCharacters(first.tokens) == first.tokens, "\(input.debugDescription)")
        }
    }

    @Test func deeplyRepetitiveInputTerminates() {
        // Long runs of the constructs that loop inside one state must not recurse or stall.
        let input = String(repeating: "<a ", count: 5000) + String(repeating: "&amp", count: 5000)
            + String(repeating: "<!--", count: 5000) + String(repeating: "]]>", count: 1000)
        let result = tokenizeAll(Array(input.utf8))
        #expect(result.terminated)
    }
}
