import ArgumentParser
import HeadlessHTMX

struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run every scenario with an expected result under the given folders and compare.",
        discussion: """
        Each NAME.json with a NAME.expected.json beside it is a case. Failing cases are printed \
        with a short diff; the last line is `N passed, M failed`. The exit status is non-zero \
        when a case fails that is not listed as a known failure. Known failures come from \
        --known-failures, else from a known-failures.txt in a given folder or its parent.
        """
    )

    @Argument(help: "Folders (or single scenario files) to search for cases.")
    var paths: [String]

    @Option(help: "A known-failures list (lines of `CASE-ID reason`).")
    var knownFailures: String?

    @Flag(help: "Print one JSON object per case instead of the text report.")
    var json = false

    @Flag(help: "Also list the passing cases.")
    var verbose = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one folder of cases") }
    }

    func run() throws {
        let cases: [ConformanceCase]
        let known: KnownFailures
        do {
            cases = try ConformanceCase.discover(in: paths)
            known = try loadKnownFailures()
        } catch {
            throw CLIFailure.input(error.description)
        }
        if cases.isEmpty { throw CLIFailure.input("no cases (NAME.json with NAME.expected.json) under \(paths.joined(separator: ", "))") }
        let runner = ConformanceRunner(knownFailures: known)
        var passed = 0, failed = 0, unexpected = 0, fixedKnown: [String] = []
        var lines: [String] = []
        for c in cases {
            let outcome = runner.run(c)
            if outcome.passed {
                passed += 1
                if outcome.knownFailure != nil { fixedKnown.append(c.id) }
            } else {
                failed += 1
                if outcome.knownFailure == nil { unexpected += 1 }
            }
            if json {
                lines.append(JSONWriter.write(Self.json(outcome), style: .compact))
            } else if !outcome.passed || verbose {
                lines.append(Self.report(outcome))
            }
        }
        for l in lines { print(l) }
        if !json {
            if !fixedKnown.isEmpty { print("listed as known failures but passing now: \(fixedKnown.joined(separator: ", "))") }
            print("\(failed - unexpected) of the failures are listed known failures")
            print("\(passed) passed, \(failed) failed")
        }
        if unexpected > 0 { throw ExitCode(1) }
    }

    private func loadKnownFailures() throws(ScenarioError) -> KnownFailures {
        if let knownFailures { return try KnownFailures(contentsOf: knownFailures) }
        // A list in a given folder, else in its parent (`conformance Conformance/htmx2` finds
        // `Conformance/known-failures.txt`).
        for p in paths {
            for candidate in [LocalFiles.join(p, "known-failures.txt"), LocalFiles.join(LocalFiles.parent(of: p), "known-failures.txt")] {
                if LocalFiles.kind(of: candidate) != nil { return try KnownFailures(contentsOf: candidate) }
            }
        }
        return KnownFailures()
    }

    static func report(_ o: ConformanceRunner.Outcome) -> String {
        if o.passed { return "PASS \(o.testCase.id)" }
        var s = "FAIL \(o.testCase.id)"
        if let k = o.knownFailure { s += " (known: \(k))" }
        if let e = o.error { s += "\n  error: \(e)" }
        for (field, diff) in o.comparison?.differences ?? [] { s += "\n  \(field.rawValue): \(diff)" }
        return s
    }

    static func json(_ o: ConformanceRunner.Outcome) -> JSONValue {
        var m: [(String, JSONValue)] = [("case", .string(o.testCase.id)), ("passed", .bool(o.passed))]
        if let k = o.knownFailure { m.append(("knownFailure", .string(k))) }
        if let e = o.error { m.append(("error", .string(e))) }
        m.append(("differences", .object((o.comparison?.differences ?? []).map { ($0.0.rawValue, .string($0.1)) })))
        return .object(m)
    }
}
