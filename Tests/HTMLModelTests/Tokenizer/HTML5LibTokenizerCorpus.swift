import Foundation
import Testing
import HTMLModel

/// One run of the html5lib tokenizer tests, as re-expressed in
/// `Tests/HTMLModelTests/Data/tokenizer/*.json` by `Scripts/import-html5lib-tokenizer.py`.
struct HTML5LibTokenizerCase: Sendable, CustomTestStringConvertible {
    enum InitialState: String, Sendable {
        case data, rcdata, rawtext, scriptData, plaintext, cdataSection
    }

    var name: String
    var input: String
    var initialState: InitialState
    var lastStartTag: String?
    var expectedTokens: [HTMLToken]
    /// (code, line, column) as html5lib lists them.
    var expectedErrors: [HTMLParseDiagnostic]

    var testDescription: String { name }
}

/// Loads the corpus once. Missing or malformed data yields `loadError`, which a dedicated
/// test reports, instead of a crash at test discovery.
enum HTML5LibTokenizerCorpus {
    /// A case the importer left out, with its reason (see the importer's docstring).
    struct Exclusion: Sendable {
        var file: String
        var description: String
        var reason: String
    }

    static let loaded: (cases: [HTML5LibTokenizerCase], excluded: [Exclusion], loadError: String?) = load()
    static var cases: [HTML5LibTokenizerCase] { loaded.cases }

    /// Walks up from this file to the package root (the directory with Package.swift).
    static func dataDirectory(from filePath: String = #filePath) -> URL? {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.appendingPathComponent("Tests/HTMLModelTests/Data/tokenizer")
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    private static func load() -> ([HTML5LibTokenizerCase], [Exclusion], String?) {
        guard let directory = dataDirectory() else { return ([], [], "package root not found") }
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            return ([], [], "cannot list \(directory.path): \(error)")
        }
        var cases: [HTML5LibTokenizerCase] = []
        var excluded: [Exclusion] = []
        for file in files {
            do {
                let data = try Data(contentsOf: file)
                guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                      let rawCases = document["cases"] as? [[String: Any]]
                else { return (cases, excluded, "\(file.lastPathComponent): no cases array") }
                for raw in rawCases {
                    guard let testCase = parseCase(raw) else {
                        return (cases, excluded, "\(file.lastPathComponent): malformed case \(raw["name"] ?? "?")")
                    }
                    cases.append(testCase)
                }
                for raw in document["excluded"] as? [[String: String]] ?? [] {
                    excluded.append(Exclusion(
                        file: file.lastPathComponent, description: raw["description"] ?? "",
                        reason: raw["reason"] ?? ""))
                }
            } catch {
                return (cases, excluded, "\(file.lastPathComponent): \(error)")
            }
        }
        return (cases, excluded, nil)
    }

    private static func parseCase(_ raw: [String: Any]) -> HTML5LibTokenizerCase? {
        guard let name = raw["name"] as? String,
              let input = raw["input"] as? String,
              let stateName = raw["initialState"] as? String,
              let state = HTML5LibTokenizerCase.InitialState(rawValue: stateName),
              let output = raw["output"] as? [[Any]],
              let errors = raw["errors"] as? [[Any]]
        else { return nil }
        var tokens: [HTMLToken] = []
        for item in output {
            guard let token = parseToken(item) else { return nil }
            tokens.append(token)
        }
        var diagnostics: [HTMLParseDiagnostic] = []
        for item in errors {
            guard item.count == 3, let code = item[0] as? String, let line = item[1] as? Int,
                  let column = item[2] as? Int
            else { return nil }
            diagnostics.append(HTMLParseDiagnostic(code: code, line: line, column: column))
        }
        return HTML5LibTokenizerCase(
            name: name, input: input, initialState: state, lastStartTag: raw["lastStartTag"] as? String,
            expectedTokens: tokens, expectedErrors: diagnostics)
    }

    private static func parseToken(_ item: [Any]) -> HTMLToken? {
        guard let kind = item.first as? String else { return nil }
        func optionalString(_ index: Int) -> String?? {
            if item[index] is NSNull { return .some(nil) }
            if let value = item[index] as? String { return .some(value) }
            return nil
        }
        switch (kind, item.count) {
        case ("characters", 2):
            return (item[1] as? String).map { .characters($0) }
        case ("startTag", 4):
            guard let name = item[1] as? String, let pairs = item[2] as? [[String]],
                  let selfClosing = item[3] as? Bool
            else { return nil }
            var attributes: [HTMLAttribute] = []
            for pair in pairs {
                guard pair.count == 2 else { return nil }
                attributes.append(HTMLAttribute(name: pair[0], value: pair[1]))
            }
            return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
        case ("endTag", 2):
            return (item[1] as? String).map { .endTag(name: $0) }
        case ("comment", 2):
            return (item[1] as? String).map { .comment($0) }
        case ("doctype", 5):
            guard let name = optionalString(1), let publicId = optionalString(2),
                  let systemId = optionalString(3), let forceQuirks = item[4] as? Bool
            else { return nil }
            return .doctype(HTMLDoctypeToken(
                name: name, publicIdentifier: publicId, systemIdentifier: systemId, forceQuirks: forceQuirks))
        default:
            return nil
        }
    }
}
