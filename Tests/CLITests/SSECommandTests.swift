import Foundation
import Testing

@Suite("htmx-headless sse")
struct SSECommandTests {
    static var streams: [String] {
        let dir = CLIRunner.packageRoot.appendingPathComponent("Conformance/sse")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".sse") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The issue's acceptance: every corpus stream, both dialects, byte for byte through the CLI.
    @Test(arguments: streams)
    func corpusStreamThroughTheBinary(_ name: String) throws {
        for dialect in ["browser", "htmx4"] {
            let r = try CLIRunner.run(["sse", "Conformance/sse/\(name).sse", "--dialect", dialect])
            #expect(r.status == 0, "\(r.stderr)")
            let expected = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Conformance/sse/\(name).\(dialect).jsonl"), encoding: .utf8)
            #expect(r.stdout == expected, "\(name) \(dialect)")
        }
    }

    @Test func readsStandardInput() throws {
        let r = try CLIRunner.run(["sse", "-", "--dialect", "htmx4"], stdin: Data("event: a\ndata: é\nretry: 10x\n\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == #"{"event":"a","data":"é","id":"","retry":10}"# + "\n")
    }

    @Test func missingFileIsAnInputError() throws {
        let r = try CLIRunner.run(["sse", "nope.sse"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nope.sse"))
    }

    @Test func overLongLineNamesTheByteOffset() throws {
        let r = try CLIRunner.run(["sse", "-", "--max-line-length", "8"], stdin: Data("data: ok\n\ndata: far too long\n\n".utf8))
        #expect(r.status == 2)
        #expect(r.stdout == #"{"type":"message","data":"ok","lastEventId":""}"# + "\n", "events before the limit are printed")
        #expect(r.stderr.contains("byte"), "\(r.stderr)")
    }

    @Test func unknownDialectIsAUsageError() throws {
        let r = try CLIRunner.run(["sse", "x.sse", "--dialect", "firefox"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("firefox"))
    }
}
