import Testing
@testable import HTMLModel

/// The html5lib tree-construction suite against ``HTMLTreeBuilder`` and the tokenizer.
@Suite("TreeBuilder html5lib tree construction")
struct TreeBuilderHTML5LibTests {
    /// Cases this parser does not pass yet, with the reason. Each still runs: a known issue
    /// that starts passing is reported, so the list cannot go stale silently.
    static let knownIssues: [String: String] = {
        // The standard's "maybe clone an option into selectedcontent": mirroring the selected
        // option into <selectedcontent> needs option selectedness and a deep clone, which are
        // DOM behaviour the sink protocol does not offer; when the parser must do it is also
        // still unsettled (whatwg/html#11653, html5lib-tests#180).
        let selectedContent = "selectedcontent mirroring of the selected option is not implemented (DOM behaviour, spec unsettled)"
        // The html5lib snapshot predates HTML's processing instructions (2026): it expects
        // `<?...>` as a bogus comment, where Chromium 156 (our reference) builds a
        // ProcessingInstruction node (corpus case parse-processing-instruction).
        let processingInstruction = "html5lib-tests predates processing instructions; Chromium parses <?target data?> as a PI node"
        return [
            "html5test-com.dat#11": processingInstruction,
            "tests1.dat#39": processingInstruction,
            "tests1.dat#43": processingInstruction,
            "tests1.dat#46": processingInstruction,
            "webkit02.dat#44": selectedContent,
            "webkit02.dat#45": selectedContent,
            "webkit02.dat#46": selectedContent,
            "webkit02.dat#47": selectedContent,
        ]
    }()

    @Test("the data files are present and non-trivial")
    func dataLoaded() {
        #expect(TreeConstructionCase.all.count > 1500)
    }

    @Test("html5lib case", arguments: TreeConstructionCase.all)
    func treeConstruction(_ testCase: TreeConstructionCase) {
        for scripting in testCase.scriptingFlags {
            let check = {
                let actual = testCase.run(scripting: scripting)
                #expect(actual == testCase.expected,
                        "\(testCase.id) scripting=\(scripting)\ninput: \(testCase.input.debugDescription)\nexpected:\n\(testCase.expected)\nactual:\n\(actual)")
            }
            if let reason = Self.knownIssues[testCase.id] {
                withKnownIssue(Comment(rawValue: reason)) { check() }
            } else {
                check()
            }
        }
    }
}
