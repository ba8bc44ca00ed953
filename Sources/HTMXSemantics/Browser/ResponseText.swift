#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans both htmx versions make over a response's text before parsing it.
enum ResponseText {
    /// What a response can hold, from one pass over its text, before any per-response
    /// search runs: an element named `title` or `script` only comes from `<title` or
    /// `<script` (any case) in the text, a comment only from `<!`, `<?` or `</` not followed
    /// by a letter, the head ``firstHead(_:)`` strips only from `<head`, and htmx 4's tag
    /// rewrite only applies to `<hx-` or `</hx-`. A false alarm costs that search; the
    /// census is never wrong by omission.
    struct Census {
        var mayHoldTitle = false
        var mayHoldScript = false
        var mayHoldComment = false
        var mayHoldHead = false
        var mayHoldHxTag = false

        init(_ text: String) {
            text.withUTF8Bytes { take($0) }
        }

        private mutating func take(_ b: UnsafeBufferPointer<UInt8>) {
            func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
            func named(_ i: Int, _ name: StaticString) -> Bool {
                let n = name.utf8CodeUnitCount
                guard i + n <= b.count else { return false }
                for k in 0..<n where b[i + k] | 0x20 != name.utf8Start[k] { return false }
                return true
            }
            var i = 0
            while let lt = ResponseText.next(UInt8(ascii: "<"), in: b, from: i) {
                i = lt + 1
                let next = i < b.count ? b[i] : 0
                switch next {
                case UInt8(ascii: "!"), UInt8(ascii: "?"):
                    mayHoldComment = true
                case UInt8(ascii: "/"):
                    if !(i + 1 < b.count && isLetter(b[i + 1])) { mayHoldComment = true }
                    if named(i + 1, "hx-") { mayHoldHxTag = true }
                case UInt8(ascii: "t"), UInt8(ascii: "T"):
                    if named(i, "title") { mayHoldTitle = true }
                case UInt8(ascii: "s"), UInt8(ascii: "S"):
                    if named(i, "script") { mayHoldScript = true }
                case UInt8(ascii: "h"), UInt8(ascii: "H"):
                    if named(i, "head") { mayHoldHead = true }
                    if named(i, "hx-") { mayHoldHxTag = true }
                default: break
                }
                if mayHoldTitle && mayHoldScript && mayHoldComment && mayHoldHead && mayHoldHxTag { return }
            }
        }
    }

    /// The index of the first `byte` at or after `start`: `memchr`, since the text between
    /// tags is most of a response.
    static func next(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = b.baseAddress, start < b.count, let hit = memchr(base + start, Int32(byte), b.count - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// `/<head(\s[^>]*)?>[\s\S]*?<\/head>/i`: the first head element's text.
    static func firstHead(_ s: String) -> Range<String.Index>? {
        guard let r = s.withUTF8Bytes({ firstHead($0) }) else { return nil }
        return s.utf8.index(s.utf8.startIndex, offsetBy: r.lowerBound)..<s.utf8.index(s.utf8.startIndex, offsetBy: r.upperBound)
    }

    static func firstHead(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
        let open = Array("<head".utf8), close = Array("</head>".utf8)
        func at(_ i: Int, _ w: [UInt8]) -> Bool {
            guard i + w.count <= b.count else { return false }
            for k in 0..<w.count where lower(b[i + k]) != w[k] { return false }
            return true
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D }
        var i = 0
        while let lt = next(UInt8(ascii: "<"), in: b, from: i) {
            i = lt
            if at(i, open) {
                var j = i + 5
                var ok = false
                if j < b.count, b[j] == UInt8(ascii: ">") { ok = true }
                else if j < b.count, isSpace(b[j]) {
                    while j < b.count, b[j] != UInt8(ascii: ">") { j += 1 }
                    ok = j < b.count
                }
                if ok {
                    var k = j + 1
                    while k < b.count, !(b[k] == UInt8(ascii: "<") && at(k, close)) { k += 1 }
                    if k < b.count { return i..<(k + 7) }
                }
            }
            i += 1
        }
        return nil
    }

}
