import EventStream
import Testing

/// Every corpus stream, fed as one chunk (as `htmx-headless sse` does), must print its expected
/// JSON Lines byte for byte in both dialects.
@Suite struct SSECorpusTests {
    @Test func corpusIsPresent() {
        // An empty list would make the parameterized test below pass vacuously.
        #expect(SSECorpus.shared.count >= 100, "run Scripts/sync-conformance.sh to copy ../shared/conformance")
        #expect(SSECorpus.own.count >= 10)
    }

    @Test(arguments: SSECorpus.all, EventStreamDialect.allCases)
    func streamGivesExpectedJSONLines(_ stream: SSECase, _ dialect: EventStreamDialect) throws {
        let input = try stream.input()
        let expected = try stream.expected(dialect)
        let result = ParseResult.parse([input[...]], dialect: dialect)
        #expect(result.error == nil)
        let actual = result.jsonLines(dialect)
        #expect(
            actual == expected,
            "\(stream.testDescription) \(dialect):\nexpected:\n\(String(decoding: expected, as: UTF8.self))actual:\n\(String(decoding: actual, as: UTF8.self))")
    }

    /// The slow models must agree with the corpus too, or they would be no oracle for the
    /// random tests.
    @Test(arguments: SSECorpus.all)
    func referenceModelsGiveExpectedJSONLines(_ stream: SSECase) throws {
        let input = try stream.input()
        #expect(ChromiumEventSourceModel.parse(input).jsonLines(.browser) == (try stream.expected(.browser)))
        #expect(HTMX4ParseSSEModel.parse([input[...]]).jsonLines(.htmx4) == (try stream.expected(.htmx4)))
    }
}
