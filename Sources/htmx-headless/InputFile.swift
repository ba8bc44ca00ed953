import Foundation

/// Reads a command's input file whole, with errors that name the file.
enum InputFile {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of `path`, or of standard input for `-`.
    static func readAll(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(description: "cannot read \(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw ReadError(description: "cannot read \(path): it is a directory")
        }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ReadError(description: "cannot read \(path): \(error.localizedDescription)")
        }
    }
}
