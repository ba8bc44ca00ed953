import HeadlessHTMX

/// Reads a command's input file whole, with errors that name the file.
enum InputFile {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of `path`, or of standard input for `-`.
    static func readAll(_ path: String) throws(ReadError) -> [UInt8] {
        do {
            if path == "-" { return try LocalFiles.readStandardInput(limit: ScenarioLoader.maxFileSize) }
            return try LocalFiles.readFile(path, limit: ScenarioLoader.maxFileSize)
        } catch {
            throw ReadError(description: "cannot read \(path == "-" ? "standard input" : path): \(error)")
        }
    }
}
