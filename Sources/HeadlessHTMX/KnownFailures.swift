import HTMXReplay

/// Cases the engine is known not to pass yet, each with its reason. File format: one case a
/// line, `ID<whitespace>REASON`, `#` starts a comment line. A listed case that passes is
/// reported, so the list cannot go stale silently.
public struct KnownFailures: Sendable {
    public private(set) var reasons: [String: String] = [:]

    public init(reasons: [String: String] = [:]) { self.reasons = reasons }

    public init(contentsOf path: String) throws(ScenarioError) {
        let bytes: [UInt8]
        do {
            bytes = try LocalFiles.readFile(path, limit: ScenarioLoader.maxFileSize)
        } catch {
            throw ScenarioError(.unreadableFile, "cannot read known-failures list \(path): \(error)")
        }
        try self.init(text: String(decoding: bytes, as: UTF8.self), file: path)
    }

    public init(text: String, file: String? = nil) throws(ScenarioError) {
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Self.trimmed(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2 else {
                throw ScenarioError(.invalidValue, "line \(n + 1): expected `CASE-ID reason`", file: file)
            }
            reasons[String(parts[0])] = Self.trimmed(parts[1])
        }
    }

    public func reason(for id: String) -> String? { reasons[id] }

    /// Without the spaces and tabs (any Unicode space, not line ends) at either end.
    private static func trimmed(_ s: Substring) -> String {
        func isSpace(_ c: Character) -> Bool { c.isWhitespace && !c.isNewline }
        guard let first = s.firstIndex(where: { !isSpace($0) }), let last = s.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(s[first...last])
    }
}
