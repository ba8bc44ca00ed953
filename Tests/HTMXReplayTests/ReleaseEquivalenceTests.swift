import Foundation
@testable import HTMXReplay
import Testing

/// Freeing removed content during a replay must never change a result: every htmx 2 and
/// htmx 4 conformance scenario gives the same result when content is freed after every task where
/// the rule allows it as when it is never freed. (Under `--sanitize=address` this also checks
/// that nothing reads freed memory.)
@Suite("Release during replay")
struct ReleaseEquivalenceTests {
    static var scenarios: [String] {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return ["htmx2", "htmx4"].flatMap { version -> [String] in
            let folder = url.appendingPathComponent("Conformance/" + version)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }.sorted()
                .map { folder.appendingPathComponent($0).path }
        }
    }

    @Test func corpusIsPresent() {
        #expect(Self.scenarios.count >= 400)
    }

    @Test(arguments: scenarios)
    func eagerReleaseGivesTheSameResult(_ path: String) throws {
        let scenario = try ScenarioLoader.load(path: path)
        var never = Replayer()
        never.releaseThreshold = .max
        var eager = Replayer()
        eager.releaseThreshold = 0
        #expect(eager.run(scenario) == never.run(scenario))
    }

    /// A paced stream that replaces a panel 600 times: content is freed as the run goes, and
    /// the result equals the never-freeing run.
    @Test func pacedReplaceStream() throws {
        var chunks = ""
        for k in 0..<600 {
            let data = "<h3>update \(k)</h3><ul>" + (0..<5).map { "<li>row \($0) of \(k)</li>" }.joined() + "</ul>"
            chunks += #"{"at":\#(k * 30),"data":"event: u\ndata: \#(data)\n\n"},"#
        }
        chunks.removeLast()
        let json = #"{"htmx":"2","page":"<!DOCTYPE html><html><body><div hx-ext=\"sse\" sse-connect=\"/s\"><div id=\"p\" sse-swap=\"u\"></div></div></body></html>","responses":[{"method":"GET","url":"/s","headers":{"Content-Type":"text/event-stream"},"chunks":[\#(chunks)]}],"until":20000}"#
        try Self.expectSameAtEveryThreshold(json, containing: "update 599")
    }

    /// The same for an htmx 4 stream whose messages all arrive in one chunk: content is freed
    /// between messages.
    @Test func oneChunkHTMX4ReplaceStream() throws {
        var data = ""
        for k in 0..<600 {
            data += "data: <h3>update \(k)</h3><ul>" + (0..<5).map { "<li>row \($0) of \(k)</li>" }.joined() + "</ul>\n\n"
        }
        let json = ##"{"htmx":"4","page":"<!DOCTYPE html><html><body><div hx-sse:connect=\"/s\" hx-target=\"#p\"></div><div id=\"p\"></div></body></html>","responses":[{"method":"GET","url":"/s","headers":{"Content-Type":"text/event-stream"},"body":\##(JSONWriter.write(.string(data)))}],"until":1000}"##
        try Self.expectSameAtEveryThreshold(json, containing: "update 599")
    }

    static func expectSameAtEveryThreshold(_ json: String, containing text: String) throws {
        let scenario = try ScenarioLoader.decode(Array(json.utf8))
        var never = Replayer()
        never.releaseThreshold = .max
        let reference = never.run(scenario)
        #expect(reference.body.contains(text))
        for threshold in [0, 7, 256] {
            var r = Replayer()
            r.releaseThreshold = threshold
            #expect(r.run(scenario) == reference)
        }
    }
}
