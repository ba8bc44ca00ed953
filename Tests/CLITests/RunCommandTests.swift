import Foundation
import Testing

@Suite("htmx-headless run")
struct RunCommandTests {
    @Test func printsBodyAndTitleOfAParseCase() throws {
        let r = try CLIRunner.run(["run", "Conformance/parse/parse-a-nesting.json", "--no-diagnostics"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""body": "<body><a href=\"/1\">one</a><a href=\"/2\">two</a>three</body>""#))
        #expect(r.stdout.contains(#""title": "t""#))
        #expect(r.stdout.hasPrefix("{\n \"htmx\": \"2.0.10 + htmx-ext-sse 2.2.3\",\n \"body\": "))
    }

    @Test func bundledExampleReplaysTheClick() throws {
        let r = try CLIRunner.run(["run", "Conformance/examples/hello.json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#"<div id=\"out\"><p class=\"greeting\">Hello, <b>world</b></p></div>"#))
        #expect(r.stdout.contains(#""url": "/greeting""#))
        // htmx-ext-sse appends both streamed items, and the extension is known.
        #expect(r.stdout.contains(#"<ul id=\"news\" sse-swap=\"item\" hx-swap=\"beforeend\"><li>first</li><li>second</li></ul>"#))
        #expect(r.stdout.contains(#""url": "/news""#))
        #expect(!r.stdout.contains(#""code": "unsupported-extension""#))
    }

    @Test func bundledHTMX4ExampleStreamsAndReconnects() throws {
        let r = try CLIRunner.run(["run", "Conformance/examples/hello-htmx4.json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("{\n \"htmx\": \"4.0.0-beta5 + hx-sse\",\n"))
        #expect(r.stdout.contains(#"<div id=\"out\"><p class=\"greeting\">Hello, <b>world</b></p></div>"#))
        // Unnamed messages are swapped with the element's hx-swap; the reconnect after the
        // stream ends (200 ms later) sends the last id and brings the second item.
        #expect(r.stdout.contains(#"<ul id=\"news\"><li>first</li><li>second</li></ul>"#))
        #expect(r.stdout.contains(#""last-event-id": "1""#))
        #expect(r.stdout.contains(#""type": "ping""#))
    }

    @Test func htmx4RunsRepeatByteForByte() throws {
        let a = try CLIRunner.run(["run", "Conformance/examples/hello-htmx4.json"])
        let b = try CLIRunner.run(["run", "Conformance/examples/hello-htmx4.json"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test func sameInputSameBytes() throws {
        let a = try CLIRunner.run(["run", "Conformance/parse/parse-table-foster-text.json"])
        let b = try CLIRunner.run(["run", "Conformance/parse/parse-table-foster-text.json"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test func missingFileIsAnInputError() throws {
        let r = try CLIRunner.run(["run", "no/such/scenario.json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no such file: no/such/scenario.json"))
        #expect(r.stdout.isEmpty)
    }

    @Test func badJSONNamesLineAndColumn() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("bad.json")
        try Data("{\n  \"htmx\": \"2\",\n  \"page\": oops\n}".utf8).write(to: file)
        let r = try CLIRunner.run(["run", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("line 3, column 11"), "\(r.stderr)")
    }

    @Test func unknownMemberNamesItsPath() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("s.json")
        try Data(#"{"htmx":"2","page":"<html><head></head><body></body></html>","until":0,"responses":[{"method":"GET","url":"/x","stauts":200}]}"#.utf8).write(to: file)
        let r = try CLIRunner.run(["run", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("$.responses[0].stauts"), "\(r.stderr)")
    }

    @Test func outputFileIsWrittenWhole() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("result.json")
        let r = try CLIRunner.run(["run", "Conformance/parse/parse-a-nesting.json", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"title\": \"t\""))
    }

    @Test func unwritableOutputFailsWithoutPartialFile() throws {
        let r = try CLIRunner.run(["run", "Conformance/parse/parse-a-nesting.json", "-o", "/nonexistent-dir/result.json"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("/nonexistent-dir/result.json"))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-dir/result.json"))
    }

    /// A run stopped at a limit still writes its result (the page at that moment), names the
    /// limit on standard error and exits with 4.
    @Test func runStoppedAtALimitWritesItsResultAndExitsWithFour() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("result.json")
        let r = try CLIRunner.run(["run", "Conformance/parse/parse-a-nesting.json", "-o", out.path, "--max-events", "1"])
        #expect(r.status == 4, "\(r.stderr)")
        #expect(r.stderr.contains("on reaching 1 event records"))
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("\"code\": \"runaway\""))
        let bad = try CLIRunner.run(["run", "Conformance/parse/parse-a-nesting.json", "--max-tasks", "0"])
        #expect(bad.status == 64)
    }

    @Test func helpListsSubcommands() throws {
        let r = try CLIRunner.run(["--help"])
        #expect(r.status == 0)
        for sub in ["run", "conformance", "sse"] { #expect(r.stdout.contains(sub)) }
    }

    /// The scenario `--help` shows as its `run` example is one the repository holds, and it
    /// replays (the example once named a folder that does not exist).
    @Test func helpExampleScenarioRuns() throws {
        let help = try CLIRunner.run(["--help"]).stdout
        let examples = help.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count == 3, words[0] == "htmx-headless", words[1] == "run" else { return nil }
            return String(words[2])
        }
        #expect(!examples.isEmpty, "no run example in --help")
        for path in examples {
            #expect(FileManager.default.fileExists(atPath: CLIRunner.packageRoot.appendingPathComponent(path).path), "\(path)")
            let r = try CLIRunner.run(["run", path])
            #expect(r.status == 0, "\(path): \(r.stderr)")
        }
    }
}

@Suite("htmx-headless conformance")
struct ConformanceCommandTests {
    @Test func parseCorpusPassesWithClosingLine() throws {
        let r = try CLIRunner.run(["conformance", "Conformance/parse"])
        let lines = r.stdout.split(separator: "\n")
        let count = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.packageRoot.appendingPathComponent("Conformance/parse").path)
            .filter { $0.hasSuffix(".expected.json") }.count
        #expect(lines.last.map(String.init) == "\(count) passed, 0 failed", "\(r.stdout.suffix(2000))")
        #expect(r.status == 0)
    }

    @Test func failingCaseIsReportedWithDiffAndNonZeroExit() throws {
        let dir = try CLIRunner.temporaryDirectory()
        try Data(#"{"htmx":"2","page":"<html><head><title>t</title></head><body><p>x</p></body></html>","until":0}"#.utf8)
            .write(to: dir.appendingPathComponent("c.json"))
        try Data(#"{"htmx":"2.0.10 + htmx-ext-sse 2.2.3","body":"<body><p>y</p></body>","title":"t","events":[],"requests":[]}"#.utf8)
            .write(to: dir.appendingPathComponent("c.expected.json"))
        let r = try CLIRunner.run(["conformance", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL \(dir.lastPathComponent)/c"))
        #expect(r.stdout.contains("first difference at character 9"))
        #expect(r.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func listedKnownFailureDoesNotFailTheRun() throws {
        let dir = try CLIRunner.temporaryDirectory()
        try Data(#"{"htmx":"2","page":"<html><head></head><body>a</body></html>","until":0}"#.utf8)
            .write(to: dir.appendingPathComponent("k.json"))
        try Data(#"{"body":"<body>b</body>","title":"","events":[],"requests":[]}"#.utf8)
            .write(to: dir.appendingPathComponent("k.expected.json"))
        try Data("# reasons\n\(dir.lastPathComponent)/k the engine says a\n".utf8).write(to: dir.appendingPathComponent("known-failures.txt"))
        let r = try CLIRunner.run(["conformance", dir.path])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("(known: the engine says a)"))
    }
}
