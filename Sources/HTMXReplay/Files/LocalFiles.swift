#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the engine and its tool make, straight on the C library.
/// Foundation would do them too, but loading it (with the ICU data behind it) cost every run
/// about 8 M instructions and 8 MB of memory before the first byte was read.
public enum LocalFiles {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            case missing
            case directory
            /// The file's size in bytes.
            case tooLarge(Int)
            /// The C library's description of the error.
            case system(String)
        }

        public var reason: Reason

        public init(reason: Reason) { self.reason = reason }

        public var description: String {
            switch reason {
            case .missing: return "no such file"
            case .directory: return "it is a directory"
            case .tooLarge(let size): return "it is \(size) bytes, over the limit"
            case .system(let text): return text
            }
        }

        /// The failure the C library's `errno` describes.
        static func current() -> Failure {
            let code = errno
            return Failure(reason: code == ENOENT ? .missing : .system(String(cString: strerror(code))))
        }
    }

    public enum Kind: Sendable { case file, directory, other }

    /// What `path` names, following symbolic links; nil when nothing is there.
    public static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(info.st_mode)
    }

    private static func kind(_ mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// A whole file; one over `limit` bytes is an error, never a truncated read.
    public static func readFile(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .current() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .current() }
        if kind(info.st_mode) == .directory { throw Failure(reason: .directory) }
        if Int(info.st_size) > limit { throw Failure(reason: .tooLarge(Int(info.st_size))) }
        return try readToEnd(fd, expected: Int(info.st_size), limit: limit)
    }

    /// Standard input to its end, at most `limit` bytes.
    public static func readStandardInput(limit: Int) throws(Failure) -> [UInt8] {
        try readToEnd(STDIN_FILENO, expected: 0, limit: limit)
    }

    private static func readToEnd(_ fd: Int32, expected: Int, limit: Int) throws(Failure) -> [UInt8] {
        // One byte more than the size stat gave, so the end shows on the first read.
        var bytes = [UInt8](repeating: 0, count: max(expected + 1, 64 * 1024))
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { throw Failure(reason: .tooLarge(count)) }
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .current()
            }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { throw Failure(reason: .tooLarge(count)) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The paths of everything under `root` (recursively, not into symbolic links to
    /// folders), relative to it, sorted.
    public static func entries(under root: String) -> [String] {
        var out: [String] = []
        func walk(_ relative: String) {
            guard let dir = opendir(relative.isEmpty ? root : join(root, relative)) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : join(relative, name)
                out.append(path)
                var info = stat()
                if lstat(join(root, path), &info) == 0, kind(info.st_mode) == .directory { walk(path) }
            }
        }
        walk("")
        return out.sorted()
    }

    /// The absolute path with symbolic links, `.` and `..` resolved; nil when it does not exist.
    public static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// `path` with `.`, `..` and repeated slashes removed, without touching the file system
    /// (for paths that may not exist).
    public static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                // A relative path may climb above where it starts; an absolute one stops at /.
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !path.hasPrefix("/") {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    public static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The folder part of `path` (`.` when it has none).
    public static func parent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return path.hasPrefix("/") ? "/" : "." }
        let folder = withoutTrailingSlashes(trimmed[..<slash])
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The last component of `path`.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        if trimmed.isEmpty { return path.isEmpty ? "" : "/" }
        return String(trimmed[(trimmed.lastIndex(of: "/").map(trimmed.index(after:)) ?? trimmed.startIndex)...])
    }

    private static func withoutTrailingSlashes(_ path: some StringProtocol) -> Substring {
        var s = Substring(path)
        while s.last == "/" { s.removeLast() }
        return s
    }

    /// Writes what `produce` hands its sink to a temporary file beside `path`, then renames it
    /// over `path`: the file is whole or untouched, never half written.
    public static func writeAtomically(to path: String, _ produce: (_ sink: ([UInt8]) -> Void) -> Void) throws(Failure) {
        let temporary = join(parent(of: path), ".\(lastComponent(path)).\(getpid()).partial")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == ENOENT { throw Failure(reason: .system("no such folder: \(parent(of: path))")) }
            throw .current()
        }
        var failure: Failure?
        produce { bytes in
            guard failure == nil else { return }
            if !writeAll(fd, bytes) { failure = .current() }
        }
        if close(fd) != 0, failure == nil { failure = .current() }
        if failure == nil, rename(temporary, path) != 0 { failure = .current() }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    public static func writeStandardOutput(_ bytes: [UInt8]) {
        _ = writeAll(STDOUT_FILENO, bytes)
    }

    public static func writeStandardError(_ text: String) {
        _ = writeAll(STDERR_FILENO, Array(text.utf8))
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += n
            }
            return true
        }
    }
}
