import Foundation
import Testing
@testable import HTMLModel

/// The product's parse acceptance cases (`Conformance/parse/*.json`, synced from the shared
/// corpus): each page parsed by ``HTMLTreeBuilder`` and serialised like `body.outerHTML`
/// must equal what Chromium produced. These pages carry no htmx attributes, so the expected
/// body is the browser's parse alone.
@Suite("TreeBuilder conformance parse pages")
struct TreeBuilderConformanceTests {
    struct PageCase: Sendable, CustomTestStringConvertible {
        var name: String
        var page: String
        var expectedBody: String
        var expectedTitle: String
        var testDescription: String { name }
    }

    /// `Conformance/parse` in the package, or the shared corpus beside the checkout.
    static let directory: URL? = {
        let root = TreeConstructionCase.packageRoot()
        let candidates = [
            root.appendingPathComponent("Conformance/parse"),
            root.deletingLastPathComponent().appendingPathComponent("shared/conformance/parse"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    static let cases: [PageCase] = {
        guard let directory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return []
        }
        var cases: [PageCase] = []
        for file in files.sorted() where file.hasSuffix(".json") && !file.hasSuffix(".expected.json") {
            let base = String(file.dropLast(".json".count))
            guard let scenario = try? JSONSerialization.jsonObject(
                    with: Data(contentsOf: directory.appendingPathComponent(file))) as? [String: Any],
                  let expected = try? JSONSerialization.jsonObject(
                    with: Data(contentsOf: directory.appendingPathComponent(base + ".expected.json"))) as? [String: Any],
                  let page = scenario["page"] as? String,
                  let body = expected["body"] as? String else { continue }
            cases.append(PageCase(name: base, page: page, expectedBody: body,
                                  expectedTitle: expected["title"] as? String ?? ""))
        }
        return cases
    }()

    /// Pages this parser does not reproduce yet, with the reason.
    static let knownIssues: [String: String] = [:]

    @Test("the corpus is found")
    func corpusFound() {
        #expect(Self.directory != nil)
        #expect(Self.cases.count > 50)
    }

    @Test("body.outerHTML matches Chromium", arguments: Self.cases)
    func body(_ testCase: PageCase) throws {
        let sink = TestTreeSink()
        var builder = HTMLTreeBuilder(sink: sink)
        builder.parseDocument(Array(testCase.page.utf8))
        let html = try #require(sink.document.children.first { $0.kind == .element && $0.name == "html" })
        let body = try #require(html.children.first { $0.kind == .element && $0.name == "body" })
        #expect(Self.documentTitle(sink.document) == testCase.expectedTitle)
        let actual = TestTreeSerializer.outerHTML(body)
        if let reason = Self.knownIssues[testCase.name] {
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(actual == testCase.expectedBody)
            }
        } else {
            #expect(actual == testCase.expectedBody)
        }
    }

    /// https://html.spec.whatwg.org/multipage/dom.html#document.title for an HTML document:
    /// the first `title` element in tree order, its text with ASCII whitespace stripped and
    /// collapsed.
    static func documentTitle(_ document: TreeTestNode) -> String {
        var stack = Array(document.children.reversed())
        while let node = stack.popLast() {
            if node.kind == .element && node.namespace == .html && node.name == "title" {
                let text = node.children.filter { $0.kind == .text }.map(\.data).joined()
                return text.split(whereSeparator: { " \t\n\r\u{0C}".contains($0) }).joined(separator: " ")
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return ""
    }
}
