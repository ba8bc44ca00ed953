import Testing
import HTMLModel

/// The html5lib tokenizer suite (https://github.com/html5lib/html5lib-tests, tokenizer/),
/// re-expressed as our data by `Scripts/import-html5lib-tokenizer.py`.
///
/// Exclusions (recorded under "excluded" in the data files, with reasons; 9 in all, checked
/// by `corpusLoads` so a re-import that drops more cases is noticed):
/// - domjs.test, "leading U+FEFF must pass through" (1 case, 4 initial states): html5lib
///   feeds decoded characters, where a leading U+FEFF is text; our input is bytes, where a
///   leading EF BB BF is the byte order mark that decoding drops
///   (<https://encoding.spec.whatwg.org/#decode>), as the contract requires.
/// - unicodeCharsProblematic.test, 4 cases with a lone surrogate (U+D800, U+DFFF) in the
///   input: our input is UTF-8 bytes and our tokens are Swift Strings; neither can hold a
///   lone surrogate (as UTF-8 bytes it is invalid and becomes U+FFFD, which we test in
///   TokenizerInputPreprocessingTests instead).
/// - xmlViolation.test (4 cases): expects the "coercing an HTML DOM into an infoset" tweaks,
///   which are not tokenizer behaviour.
///
/// The "CDATA section state" initial state has no API (the tree builder only reaches it via
/// `<![CDATA[` with `allowsCDATA`), so those cases run with `<![CDATA[` prepended and
/// `allowsCDATA` on, which enters exactly that state; error columns on line 1 are shifted
/// back by the prefix length.
@Suite struct HTML5LibTokenizerTests {
    static let cdataPrefix = "<![CDATA["

    static func run(_ testCase: HTML5LibTokenizerCase) -> (tokens: [HTMLToken], diagnostics: [HTMLParseDiagnostic], terminated: Bool) {
        let state: HTMLTokenizerContentState
        var input = testCase.input
        var allowsCDATA = false
        switch testCase.initialState {
        case .data: state = .data
        case .rcdata: state = .rcdata
        case .rawtext: state = .rawtext
        case .scriptData: state = .scriptData
        case .plaintext: state = .plaintext
        case .cdataSection:
            state = .data
            input = cdataPrefix + input
            allowsCDATA = true
        }
        var result = tokenizeAll(
            Array(input.utf8), contentState: state, lastStartTag: testCase.lastStartTag, allowsCDATA: allowsCDATA)
        if testCase.initialState == .cdataSection {
            result.diagnostics = result.diagnostics.map { diagnostic in
                var shifted = diagnostic
                if shifted.line == 1 { shifted.column -= cdataPrefix.count }
                return shifted
            }
        }
        return result
    }

    @Test func corpusLoads() {
        #expect(HTML5LibTokenizerCorpus.loaded.loadError == nil)
        // 7024 runs from the current suite; fewer means files went missing.
        #expect(HTML5LibTokenizerCorpus.cases.count >= 7000)
        let excluded = HTML5LibTokenizerCorpus.loaded.excluded
        #expect(excluded.count == 9)
        #expect(Set(excluded.map(\.file)) == ["domjs.json", "unicodeCharsProblematic.json", "xmlViolation.json"])
    }

    /// The html5lib snapshot predates HTML's processing instructions (2026): `<?` there is
    /// always a bogus comment with `unexpected-question-mark-instead-of-tag-name`. Chromium
    /// 156, which the product imitates, parses processing instructions (corpus case
    /// `parse-processing-instruction`), so such cases are known divergences, run under
    /// `withKnownIssue` so that an updated snapshot is noticed.
    static func predatesProcessingInstructions(_ testCase: HTML5LibTokenizerCase) -> Bool {
        testCase.expectedErrors.contains { $0.code == "unexpected-question-mark-instead-of-tag-name" }
    }

    @Test(arguments: HTML5LibTokenizerCorpus.cases)
    func tokens(_ testCase: HTML5LibTokenizerCase) {
        let result = Self.run(testCase)
        #expect(result.terminated)
        // Our runs must already be maximal: compare unmerged output.
        #expect(mergingCharacters(result.tokens) == result.tokens)
        if Self.predatesProcessingInstructions(testCase) && result.tokens != testCase.expectedTokens {
            withKnownIssue("html5lib-tests predates processing instructions; Chromium parses <?target data?>") {
                #expect(result.tokens == testCase.expectedTokens)
            }
        } else {
            #expect(result.tokens == testCase.expectedTokens)
        }
    }

    @Test(arguments: HTML5LibTokenizerCorpus.cases)
    func errors(_ testCase: HTML5LibTokenizerCase) {
        let result = Self.run(testCase)
        if Self.predatesProcessingInstructions(testCase) {
            withKnownIssue("html5lib-tests predates processing instructions: its `<?` error codes and positions differ") {
                #expect(result.diagnostics == testCase.expectedErrors)
            }
        } else {
            #expect(result.diagnostics == testCase.expectedErrors)
        }
    }
}
