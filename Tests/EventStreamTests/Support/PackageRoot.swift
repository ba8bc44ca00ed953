import Foundation

/// Files of the package, found from this source file's path (no resource bundles).
enum PackageRoot {
    /// The directory holding `Package.swift`, found by walking up from this file.
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The bytes of a file given relative to the package root.
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + relativePath)))
    }

    /// The names in a directory given relative to the package root, sorted.
    static func files(in relativeDirectory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path + "/" + relativeDirectory).sorted()
    }
}
