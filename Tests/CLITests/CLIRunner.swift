import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built `htmx-headless` binary (it sits beside the test bundle) and captures
/// its whole output.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Longest a single run may take before it is killed and reported; a hung child must fail
    /// its test, not stall the whole suite until CI gives up.
    static let deadline: Duration = .seconds(300)

    static var binary: URL {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // Swift Testing on Linux runs `<Package>PackageTests.xctest` from the products folder.
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("htmx-headless")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return exe.deletingLastPathComponent().appendingPathComponent("htmx-headless")
    }

    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }

    /// Output goes to temporary files, not pipes: a child that writes more than a pipe holds
    /// to one stream while the test reads the other would block forever, and a pipe inherited
    /// by a child of a concurrently running test would never reach end of file.
    ///
    /// The child is started with `posix_spawn` and reaped with `waitpid`, not with Foundation's
    /// `Process`: `waitUntilExit` waits on a run loop for a termination notice that, off the
    /// main thread and with several tests spawning at once, can fail to arrive, and the suite
    /// then hangs (swift-corelibs-foundation's Process on Linux).
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("stdin"), outURL = dir.appendingPathComponent("stdout"),
            errURL = dir.appendingPathComponent("stderr")
        try (stdin ?? Data()).write(to: inURL)
        let status = try spawnAndWait(binary.path, arguments, in: packageRoot.path,
                                      stdin: inURL.path, stdout: outURL.path, stderr: errURL.path)
        return Result(status: status,
                      stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }

    private static func spawnAndWait(_ path: String, _ arguments: [String], in directory: String,
                                     stdin: String, stdout: String, stderr: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // The tests' relative paths (Conformance/...) resolve from the package root; glibc's
        // `posix_spawn_file_actions_addchdir_np` is not imported into Swift, so a shell changes
        // directory and then becomes the binary.
        let argv = (["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory, path] + arguments)
            .map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard spawned == 0 else { throw SpawnError(description: "posix_spawn failed: \(String(cString: strerror(spawned)))") }

        let clock = ContinuousClock()
        let start = clock.now
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped == -1 && errno != EINTR {
                throw SpawnError(description: "waitpid failed: \(String(cString: strerror(errno)))")
            }
            if clock.now - start > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw SpawnError(description: "htmx-headless \(arguments.joined(separator: " ")) did not exit within \(deadline)")
            }
            usleep(2_000)
        }
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("htmx-headless-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
