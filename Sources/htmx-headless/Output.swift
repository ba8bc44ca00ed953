import ArgumentParser
import HeadlessHTMX

/// Failures the CLI reports on standard error with a non-zero exit.
enum CLIFailure: Error, CustomStringConvertible {
    /// Bad input: a missing file, invalid JSON, a scenario of the wrong shape (exit 2).
    case input(String)
    /// Writing the output failed (exit 3).
    case output(String)
    /// The run stopped at a limit before `until`; its result was written (exit 4).
    case incomplete(String)

    var description: String {
        switch self {
        case .input(let m), .output(let m), .incomplete(let m): return m
        }
    }

    var exitCode: Int32 {
        switch self {
        case .input: return 2
        case .output: return 3
        case .incomplete: return 4
        }
    }
}

enum Output {
    /// Streams what `produce` hands its sink to standard output, or to the file through a
    /// temporary file beside it that is renamed over the destination once complete, so an
    /// output file is whole or untouched.
    static func write(to path: String?, _ produce: (([UInt8]) -> Void) -> Void) throws(CLIFailure) {
        guard let path else {
            produce(LocalFiles.writeStandardOutput)
            return
        }
        do {
            try LocalFiles.writeAtomically(to: path, produce)
        } catch {
            throw CLIFailure.output("cannot write \(path): \(error)")
        }
    }

    /// Prints to standard output, or writes the file atomically (temporary file + rename), so
    /// an output file is whole or untouched.
    static func write(_ text: String, to path: String?) throws(CLIFailure) {
        try write(to: path) { sink in sink(Array(text.utf8)) }
    }
}
