/// Why a scenario could not be loaded: a code, a message, and where (file, JSON path).
public struct ScenarioError: Error, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadableFile = "unreadable-file"
        case invalidJSON = "invalid-json"
        case missingField = "missing-field"
        case unknownField = "unknown-field"
        case wrongType = "wrong-type"
        case invalidValue = "invalid-value"
        case pathEscapesFolder = "path-escapes-folder"
    }

    public var code: Code
    public var message: String
    /// JSON path of the offending value, e.g. `$.responses[2].status`.
    public var path: String
    public var file: String?

    public init(_ code: Code, _ message: String, path: String = "$", file: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.file = file
    }

    public var description: String {
        let location = [file, path == "$" ? nil : path].compactMap { $0 }.joined(separator: ": ")
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
