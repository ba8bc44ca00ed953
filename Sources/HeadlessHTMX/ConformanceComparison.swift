import HTMXReplay
import HTMXSemantics

/// How an engine result differs from the reference's, field by field, with the first point
/// of divergence of each, short enough to print.
public struct ConformanceComparison: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable { case body, title, events, requests, dialogs }

    public var differences: [(Field, String)]

    public var passed: Bool { differences.isEmpty }

    public static func == (lhs: ConformanceComparison, rhs: ConformanceComparison) -> Bool {
        lhs.differences.map(\.0) == rhs.differences.map(\.0) && lhs.differences.map(\.1) == rhs.differences.map(\.1)
    }

    /// The headers the comparison looks at: the ones htmx sets (FORMAT.md, "Comparing").
    public static let comparedHeaders: Set<String> = [
        "hx-request", "hx-target", "hx-trigger", "hx-current-url", "hx-source", "hx-request-type", "accept", "last-event-id",
        "hx-trigger-name", "hx-prompt", "hx-boosted", "hx-history-restore-request", "content-type",
    ]

    public init(actual: ReplayResult, expected: ReplayResult, fields: Set<Field> = Set(Field.allCases)) {
        var diffs: [(Field, String)] = []
        if fields.contains(.body), actual.body != expected.body {
            diffs.append((.body, Self.textDiff(actual.body, expected.body)))
        }
        if fields.contains(.title), actual.title != expected.title {
            diffs.append((.title, "got \(Self.quote(actual.title)), expected \(Self.quote(expected.title))"))
        }
        if fields.contains(.events), actual.events != expected.events {
            diffs.append((.events, Self.listDiff(actual.events, expected.events, render: Self.render)))
        }
        let a = actual.requests.map(Self.restricted), e = expected.requests.map(Self.restricted)
        if fields.contains(.requests), a != e {
            diffs.append((.requests, Self.listDiff(a, e, render: Self.render)))
        }
        if fields.contains(.dialogs), actual.dialogs != expected.dialogs {
            diffs.append((.dialogs, Self.listDiff(actual.dialogs, expected.dialogs) { "\($0.kind.rawValue)(\(Self.quote($0.message)))" }))
        }
        differences = diffs
    }

    static func restricted(_ r: RequestRecord) -> RequestRecord {
        RequestRecord(method: r.method, url: r.url, headers: r.headers.filter { comparedHeaders.contains($0.0) }, body: r.body)
    }

    static func quote(_ s: String) -> String {
        var out = ""
        JSONWriter.writeString(s, into: &out)
        return out
    }

    static func render(_ e: EventRecord) -> String {
        let detail = e.detail.map { "\($0.0)=\(render($0.1))" }.joined(separator: " ")
        return "\(e.type) @ \(e.target)" + (detail.isEmpty ? "" : " {\(detail)}")
    }

    static func render(_ v: DetailValue) -> String {
        switch v {
        case .string(let s): return quote(s)
        case .number(let n): return JSONWriter.formatNumber(n)
        case .bool(let b): return b ? "true" : "false"
        case .path(let p): return quote(p.description)
        }
    }

    static func render(_ r: RequestRecord) -> String {
        let h = r.headers.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        return "\(r.method) \(r.url) [\(h)]" + (r.body.map { " body=\(quote($0))" } ?? "")
    }

    /// The first differing position of two texts with some context on each side.
    static func textDiff(_ actual: String, _ expected: String) -> String {
        let a = Array(actual.unicodeScalars), e = Array(expected.unicodeScalars)
        var i = 0
        while i < a.count, i < e.count, a[i] == e[i] { i += 1 }
        func window(_ s: [Unicode.Scalar]) -> String {
            let lo = max(0, i - 40), hi = min(s.count, i + 60)
            var out = lo > 0 ? "…" : ""
            out.unicodeScalars.append(contentsOf: s[lo..<hi])
            if hi < s.count { out += "…" }
            return quote(out)
        }
        return "first difference at character \(i)\n      got:      \(window(a))\n      expected: \(window(e))"
    }

    static func listDiff<C: RandomAccessCollection>(_ actual: C, _ expected: C, render: (C.Element) -> String) -> String
        where C.Element: Equatable, C.Index == Int {
        var i = 0
        while i < actual.count, i < expected.count, actual[i] == expected[i] { i += 1 }
        let got = i < actual.count ? render(actual[i]) : "(nothing more)"
        let want = i < expected.count ? render(expected[i]) : "(nothing more)"
        return "\(actual.count) vs \(expected.count) expected; first difference at #\(i + 1)\n      got:      \(got)\n      expected: \(want)"
    }
}
