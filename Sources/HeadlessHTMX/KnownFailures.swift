import Foundation

/// Cases the engine is known not to pass yet, each with its reason. File format: one case a
/// line, `ID<whitespace>REASON`, `#` starts a comment line. A listed case that passes is
/// reported, so the list cannot go stale silently.
public struct KnownFailures: Sendable {
    public private(set) var reasons: [String: String] = [:]

    public init(reasons: [String: String] = [:]) { self.reasons = reasons }

    public init(contentsOf path: String) throws(ScenarioError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(.unreadableFile, "cannot read known-failures list \(path)")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), file: path)
    }

    public init(text: String, file: String? = nil) throws(ScenarioError) {
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2 else {
                throw ScenarioError(.invalidValue, "line \(n + 1): expected `CASE-ID reason`", file: file)
            }
            reasons[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces)
        }
    }

    public func reason(for id: String) -> String? { reasons[id] }
}
