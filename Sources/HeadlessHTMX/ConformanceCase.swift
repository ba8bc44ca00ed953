import HTMXReplay

/// A scenario file with its expected result beside it.
public struct ConformanceCase: Sendable, Hashable, CustomStringConvertible {
    /// Stable id: `<folder>/<name>`, e.g. `htmx2/swap-outerhtml`.
    public let id: String
    public let scenarioPath: String
    public let expectedPath: String

    public var description: String { id }

    /// Every `NAME.json` with a `NAME.expected.json` beside it, under the given folders
    /// (recursively), sorted by id.
    public static func discover(in roots: [String]) throws(ScenarioError) -> [ConformanceCase] {
        var found: [ConformanceCase] = []
        for root in roots {
            guard let kind = LocalFiles.kind(of: root) else {
                throw ScenarioError(.unreadableFile, "no such folder: \(root)")
            }
            guard kind == .directory else {
                // A single scenario file.
                if let c = make(scenario: root) { found.append(c) }
                continue
            }
            for rel in LocalFiles.entries(under: root) where rel.hasSuffix(".json") && !rel.hasSuffix(".expected.json") {
                if let c = make(scenario: LocalFiles.join(root, rel)) { found.append(c) }
            }
        }
        return found.sorted { $0.id < $1.id }
    }

    private static func make(scenario path: String) -> ConformanceCase? {
        let expected = String(path.dropLast(".json".count)) + ".expected.json"
        guard LocalFiles.kind(of: expected) != nil else { return nil }
        let folder = LocalFiles.lastComponent(LocalFiles.parent(of: path))
        let name = String(LocalFiles.lastComponent(path).dropLast(".json".count))
        return ConformanceCase(id: "\(folder)/\(name)", scenarioPath: path, expectedPath: expected)
    }
}
