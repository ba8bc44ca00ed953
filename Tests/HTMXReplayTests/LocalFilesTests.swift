import Foundation
import HTMXReplay
import Testing

/// The C-library file layer against what Foundation says of the same files.
@Suite("Local files")
struct LocalFilesTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("local-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 300_000])
    func readsWholeFiles(_ size: Int) throws {
        let dir = try Self.folder()
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let file = dir.appendingPathComponent("f.bin")
        try Data(bytes).write(to: file)
        #expect(try LocalFiles.readFile(file.path, limit: size) == bytes)
        if size > 0 {
            #expect(throws: LocalFiles.Failure(reason: .tooLarge(size))) { try LocalFiles.readFile(file.path, limit: size - 1) }
        }
    }

    @Test func namesWhatIsWrong() throws {
        let dir = try Self.folder()
        #expect(throws: LocalFiles.Failure(reason: .missing)) { try LocalFiles.readFile(dir.appendingPathComponent("none").path, limit: 10) }
        #expect(throws: LocalFiles.Failure(reason: .directory)) { try LocalFiles.readFile(dir.path, limit: 10) }
        #expect(LocalFiles.kind(of: dir.path) == .directory)
        #expect(LocalFiles.kind(of: dir.appendingPathComponent("none").path) == nil)
        #expect(LocalFiles.kind(of: "/dev/null") == .other)
    }

    @Test func listsEverythingBelowAFolderSorted() throws {
        let dir = try Self.folder()
        for name in ["z.json", "a/x.json", "a/b/y.json", "a/b/y.expected.json"] {
            try Data("{}".utf8).write(to: dir.appendingPathComponent(name))
        }
        #expect(LocalFiles.entries(under: dir.path) == ["a", "a/b", "a/b/y.expected.json", "a/b/y.json", "a/x.json", "z.json"])
        #expect(LocalFiles.entries(under: dir.appendingPathComponent("none").path).isEmpty)
    }

    @Test func writesAFileWholeOrNotAtAll() throws {
        let dir = try Self.folder()
        let target = dir.appendingPathComponent("out.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try LocalFiles.writeAtomically(to: target) { sink in
            sink(Array("new ".utf8))
            sink(Array("content".utf8))
        }
        #expect(FileManager.default.contents(atPath: target) == Data("new content".utf8))
        // A folder that does not exist: nothing written, nothing left behind.
        let missing = dir.appendingPathComponent("none/out.json").path
        #expect(throws: LocalFiles.Failure(reason: .system("no such folder: \(dir.path)/none"))) {
            try LocalFiles.writeAtomically(to: missing) { $0([1, 2, 3]) }
        }
        #expect(LocalFiles.kind(of: missing) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a", "out.json"])
    }

    @Test(arguments: [
        ("a/./b/../c", "a/c"), ("/x/../../y", "/y"), ("../a/../../b", "../../b"), ("a//b/", "a/b"),
        (".", "."), ("a/..", "."), ("/", "/"),
    ])
    func normalizesLikeFoundation(_ input: String, _ expected: String) {
        #expect(LocalFiles.normalized(input) == expected)
        if input.hasPrefix("/") {
            #expect(LocalFiles.normalized(input) == URL(fileURLWithPath: input).standardizedFileURL.path)
        }
    }

    @Test(arguments: ["a/b/c.json", "/a/c.json", "c.json", "/c.json", "a/b/", "a//b", "/"])
    func splitsPathsLikeNSString(_ path: String) {
        let ns = path as NSString
        #expect(LocalFiles.lastComponent(path) == ns.lastPathComponent)
        // NSString says "" where a path has no folder; "." is what open(2) takes for it.
        let parent = ns.deletingLastPathComponent
        #expect(LocalFiles.parent(of: path) == (parent.isEmpty ? "." : parent))
    }

    @Test func resolvesSymbolicLinks() throws {
        let dir = try Self.folder()
        let link = dir.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: dir.appendingPathComponent("a/b").path)
        #expect(LocalFiles.resolved(link.path) == URL(fileURLWithPath: link.path).resolvingSymlinksInPath().path)
        #expect(LocalFiles.resolved(dir.appendingPathComponent("none").path) == nil)
    }
}
