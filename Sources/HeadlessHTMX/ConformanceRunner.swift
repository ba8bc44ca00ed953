import HTMXReplay

/// Runs conformance cases and compares each result with the reference's.
public struct ConformanceRunner: Sendable {
    public struct Outcome: Sendable {
        public let testCase: ConformanceCase
        /// nil when the case could not be loaded (then `error` says why).
        public let comparison: ConformanceComparison?
        /// Why the case could not be loaded, or why its run stopped short of `until`.
        public let error: String?
        public let knownFailure: String?

        public var passed: Bool { error == nil && comparison?.passed == true }
    }

    public var knownFailures: KnownFailures
    public var fields: Set<ConformanceComparison.Field>

    public init(knownFailures: KnownFailures = KnownFailures(), fields: Set<ConformanceComparison.Field> = Set(ConformanceComparison.Field.allCases)) {
        self.knownFailures = knownFailures
        self.fields = fields
    }

    public func run(_ c: ConformanceCase) -> Outcome {
        let known = knownFailures.reason(for: c.id)
        do throws(ScenarioError) {
            let scenario = try ScenarioLoader.load(path: c.scenarioPath)
            let expectedBytes = try ScenarioLoader.readFile(c.expectedPath, displayName: c.expectedPath)
            let expectedJSON: JSONValue
            do throws(JSONParser.Error) { expectedJSON = try JSONParser.parse(expectedBytes) } catch {
                throw ScenarioError(.invalidJSON, "invalid JSON at \(error)", file: c.expectedPath)
            }
            let expected = try ReplayResult(expected: expectedJSON)
            let actual = Replayer().run(scenario)
            return Outcome(testCase: c, comparison: ConformanceComparison(actual: actual, expected: expected, fields: fields),
                           error: actual.stoppedEarly, knownFailure: known)
        } catch {
            return Outcome(testCase: c, comparison: nil, error: error.description, knownFailure: known)
        }
    }
}
