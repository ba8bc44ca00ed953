import Foundation
import Testing
@testable import HTMLModel

/// One html5lib tree-construction case, as re-expressed by `Scripts/import-html5lib-tree.py`
/// in `Tests/HTMLModelTests/Data/tree/*.json`.
struct TreeConstructionCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Context: Decodable, Sendable {
        var name: String
        var namespace: String

        var htmlNamespace: HTMLNamespace {
            switch namespace {
            case "svg": return .svg
            case "mathml": return .mathml
            default: return .html
            }
        }
    }

    var id: String
    var input: String
    var context: Context?
    /// nil: the case must hold with scripting on and off.
    var scripting: Bool?
    var expected: String

    var testDescription: String { id }

    /// The scripting flags the case runs with.
    var scriptingFlags: [Bool] {
        if let scripting { return [scripting] }
        return [true, false]
    }

    /// Parses the input with a fresh ``TestTreeSink`` and dumps the result.
    func run(scripting: Bool) -> String {
        let sink = TestTreeSink()
        var builder = HTMLTreeBuilder(sink: sink, scripting: scripting)
        let bytes = Array(input.utf8)
        if let context {
            builder.parseFragment(bytes, contextName: context.name, contextNamespace: context.htmlNamespace)
            return sink.dumpFragment()
        }
        builder.parseDocument(bytes)
        return sink.dumpDocument()
    }

    /// Every case of every data file, in file order.
    static let all: [TreeConstructionCase] = {
        let directory = packageRoot().appendingPathComponent("Tests/HTMLModelTests/Data/tree")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var cases: [TreeConstructionCase] = []
        for file in files.sorted() where file.hasSuffix(".json") {
            let url = directory.appendingPathComponent(file)
            guard let data = try? Data(contentsOf: url),
                  let decoded = try? JSONDecoder().decode([TreeConstructionCase].self, from: data) else {
                continue
            }
            cases += decoded
        }
        return cases
    }()

    /// The package root: the nearest ancestor of this source file holding `Package.swift`
    /// (test data is read from the source tree, not bundled as resources).
    static func packageRoot(from filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
            url = url.deletingLastPathComponent()
        }
        return url
    }
}
