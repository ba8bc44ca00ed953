import ArgumentParser
import Foundation

/// Failures the CLI reports on standard error with a non-zero exit.
enum CLIFailure: Error, CustomStringConvertible {
    /// Bad input: a missing file, invalid JSON, a scenario of the wrong shape (exit 2).
    case input(String)
    /// Writing the output failed (exit 3).
    case output(String)

    var description: String {
        switch self {
        case .input(let m), .output(let m): return m
        }
    }

    var exitCode: Int32 {
        switch self {
        case .input: return 2
        case .output: return 3
        }
    }
}

enum Output {
    /// Prints to standard output, or writes the file atomically (temporary file + rename), so
    /// an output file is whole or untouched.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIFailure.output("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
