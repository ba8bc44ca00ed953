/// URL handling for a page at `http://htmx.test/`: resolving request paths against the
/// current location and reducing same-origin URLs to path + query, as the result format
/// records them (FORMAT.md "Responses": matching).
enum URLResolution {
    static let origin = "http://htmx.test"

    struct Resolved: Equatable {
        /// Path + query when on the page's origin, else the absolute URL (fragment dropped).
        var url: String
        var sameOrigin: Bool
    }

    static func isSameOrigin(_ href: String) -> Bool {
        resolve(href, currentPath: "/").sameOrigin
    }

    /// Resolves `path` against `currentPath` (path + query of the page).
    static func resolve(_ path: String, currentPath: String) -> Resolved {
        var p = path.trimmingASCIIWhitespace
        if let hash = p.firstIndex(of: "#") { p = String(p[..<hash]) }
        let lower = p.lowercased()
        for scheme in ["http://", "https://", "//"] where lower.hasPrefix(scheme) {
            let rest = p.dropFirst(scheme.count)
            let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let host = rest[..<hostEnd].lowercased()
            var tail = String(rest[hostEnd...])
            if tail.isEmpty || tail.hasPrefix("?") { tail = "/" + tail }
            let effectiveScheme = scheme == "//" ? "http://" : scheme.lowercased()
            if effectiveScheme == "http://" && (host == "htmx.test" || host == "htmx.test:80") {
                return Resolved(url: normalize(tail), sameOrigin: true)
            }
            return Resolved(url: effectiveScheme + host + tail, sameOrigin: false)
        }
        if let colon = p.firstIndex(of: ":"), !p[..<colon].contains("/"), !p[..<colon].contains("?"),
           p[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
           p.first?.isLetter == true {
            // Another scheme (mailto:, javascript:, data:...).
            return Resolved(url: p, sameOrigin: false)
        }
        let (curPath, curQuery) = split(currentPath)
        if p.isEmpty { return Resolved(url: curPath + curQuery, sameOrigin: true) }
        if p.hasPrefix("/") { return Resolved(url: normalize(p), sameOrigin: true) }
        if p.hasPrefix("?") { return Resolved(url: curPath + p, sameOrigin: true) }
        let dir = curPath.lastIndex(of: "/").map { String(curPath[...$0]) } ?? "/"
        return Resolved(url: normalize(dir + p), sameOrigin: true)
    }

    static func split(_ pathAndQuery: String) -> (String, String) {
        if let q = pathAndQuery.firstIndex(of: "?") {
            return (String(pathAndQuery[..<q]), String(pathAndQuery[q...]))
        }
        return (pathAndQuery, "")
    }

    /// Removes `.` and `..` segments of the path part (RFC 3986 §5.2.4).
    static func normalize(_ pathAndQuery: String) -> String {
        let (path, query) = split(pathAndQuery)
        guard path.contains("/.") else { return path + query }
        var out: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (i, s) in segments.enumerated() {
            let last = i == segments.count - 1
            if s == "." {
                if last { out.append("") }
            } else if s == ".." {
                if !out.isEmpty { out.removeLast() }
                if last { out.append("") }
            } else {
                out.append(s)
            }
        }
        return "/" + out.joined(separator: "/") + query
    }

    /// `encodeURIComponent`.
    static func encodeURIComponent(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "-_.!~*'()".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded
            }
        }
        return out
    }
}

extension String {
    var trimmingASCIIWhitespace: String {
        var s = Substring(self)
        while let f = s.first, " \t\n\r\u{0C}".contains(f) { s = s.dropFirst() }
        while let l = s.last, " \t\n\r\u{0C}".contains(l) { s = s.dropLast() }
        return String(s)
    }

    fileprivate var leftPadded: String { count < 2 ? "0" + self : self }
}
