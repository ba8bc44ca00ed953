import Foundation

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
        let fm = FileManager.default
        for root in roots {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDir) else {
                throw ScenarioError(.unreadableFile, "no such folder: \(root)")
            }
            guard isDir.boolValue else {
                // A single scenario file.
                if let c = make(scenario: root) { found.append(c) }
                continue
            }
            guard let walker = fm.enumerator(atPath: root) else { continue }
            while let rel = walker.nextObject() as? String {
                guard rel.hasSuffix(".json"), !rel.hasSuffix(".expected.json") else { continue }
                if let c = make(scenario: (root as NSString).appendingPathComponent(rel)) { found.append(c) }
            }
        }
        return found.sorted { $0.id < $1.id }
    }

    private static func make(scenario path: String) -> ConformanceCase? {
        let expected = String(path.dropLast(".json".count)) + ".expected.json"
        guard FileManager.default.fileExists(atPath: expected) else { return nil }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().lastPathComponent
        let name = url.deletingPathExtension().lastPathComponent
        return ConformanceCase(id: "\(folder)/\(name)", scenarioPath: path, expectedPath: expected)
    }
}
