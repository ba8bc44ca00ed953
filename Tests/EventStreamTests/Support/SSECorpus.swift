import EventStream
import Testing

/// One stream of the conformance corpus: `NAME.sse` with `NAME.browser.jsonl` and
/// `NAME.htmx4.jsonl` beside it (format: `Conformance/sse/README.md`).
struct SSECase: Sendable, CustomTestStringConvertible {
    /// The folder, relative to the package root.
    var directory: String
    var name: String

    var testDescription: String { "\(directory)/\(name)" }

    func input() throws -> [UInt8] { try PackageRoot.bytes("\(directory)/\(name).sse") }

    func expected(_ dialect: EventStreamDialect) throws -> [UInt8] {
        try PackageRoot.bytes("\(directory)/\(name).\(dialect.rawValue).jsonl")
    }
}

enum SSECorpus {
    /// The shared corpus, copied here by `Scripts/sync-conformance.sh`.
    static let shared = cases(in: "Conformance/sse")
    /// Cases of our own for what the shared corpus does not cover.
    static let own = cases(in: "Conformance/sse-own")
    static let all = shared + own

    static func cases(in directory: String) -> [SSECase] {
        let names = (try? PackageRoot.files(in: directory)) ?? []
        return names.filter { $0.hasSuffix(".sse") }.map { SSECase(directory: directory, name: String($0.dropLast(4))) }
    }
}
