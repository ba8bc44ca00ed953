import Foundation
import HeadlessHTMX
import Testing

enum Corpus {
    static var root: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Conformance")
    }

    static func cases(_ folder: String) -> [ConformanceCase] {
        (try? ConformanceCase.discover(in: [root.appendingPathComponent(folder).path])) ?? []
    }

    static var knownFailures: KnownFailures {
        (try? KnownFailures(contentsOf: root.appendingPathComponent("known-failures.txt").path)) ?? KnownFailures()
    }
}

@Suite("Conformance")
struct ConformanceTests {
    @Test func corpusIsPresent() {
        #expect(Corpus.cases("parse").count >= 80, "run Scripts/sync-conformance.sh")
        #expect(Corpus.cases("htmx2").count >= 200)
        #expect(Corpus.cases("htmx4").count >= 200)
    }

    /// `parse/` pages carry no htmx attributes: the expected body and title are the browser's
    /// own parse and serialization, which must match byte for byte.
    @Test(arguments: Corpus.cases("parse"))
    func parseCase(_ c: ConformanceCase) {
        let outcome = ConformanceRunner(fields: [.body, .title]).run(c)
        #expect(outcome.error == nil, "\(outcome.error ?? "")")
        for (field, diff) in outcome.comparison?.differences ?? [] {
            Issue.record("\(c.id) \(field.rawValue): \(diff)")
        }
    }

    /// htmx 2 cases (core and htmx-ext-sse): body, title, events, requests and dialogs must
    /// equal the reference's. Listed known failures must still fail, so one that starts
    /// passing is noticed.
    @Test(arguments: Corpus.cases("htmx2"))
    func htmx2Case(_ c: ConformanceCase) { check(c) }

    /// htmx 4 cases (core and hx-sse), compared the same way.
    @Test(arguments: Corpus.cases("htmx4"))
    func htmx4Case(_ c: ConformanceCase) { check(c) }

    private func check(_ c: ConformanceCase) {
        let known = Corpus.knownFailures
        let outcome = ConformanceRunner(knownFailures: known).run(c)
        let check = {
            #expect(outcome.error == nil, "\(outcome.error ?? "")")
            for (field, diff) in outcome.comparison?.differences ?? [] {
                Issue.record("\(c.id) \(field.rawValue): \(diff)")
            }
        }
        if let reason = known.reason(for: c.id) {
            withKnownIssue(Comment(rawValue: reason)) { check() }
        } else {
            check()
        }
    }

    /// Every htmx scenario loads and its page parses into a document with a body.
    @Test(arguments: Corpus.cases("htmx2") + Corpus.cases("htmx4"))
    func scenarioPageParses(_ c: ConformanceCase) throws {
        let scenario = try ScenarioLoader.load(path: c.scenarioPath)
        let document = Document(html: scenario.page)
        let body = try #require(document.body)
        #expect(body.outerHTML.hasPrefix("<body"))
    }
}
