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
    /// Streams what `produce` hands its sink to standard output, or to the file through a
    /// temporary file beside it that is renamed over the destination once complete, so an
    /// output file is whole or untouched.
    static func write(to path: String?, _ produce: (([UInt8]) -> Void) -> Void) throws {
        guard let path else {
            produce { bytes in FileHandle.standardOutput.write(Data(bytes)) }
            return
        }
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).partial")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw CLIFailure.output("cannot write \(path): cannot create \(temporary.path)")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            var failure: Error?
            produce { bytes in
                guard failure == nil else { return }
                do { try handle.write(contentsOf: bytes) } catch { failure = error }
            }
            try handle.close()
            if let failure { throw failure }
            guard rename(temporary.path, destination.path) == 0 else {
                throw CLIFailure.output("cannot write \(path): rename failed (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let e = error as? CLIFailure { throw e }
            throw CLIFailure.output("cannot write \(path): \(error.localizedDescription)")
        }
    }

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
