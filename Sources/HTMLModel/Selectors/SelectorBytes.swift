/// Byte-level helpers shared by the selector tokenizer, parser and matcher. Everything works on
/// UTF-8 so matching never builds a `String` (and never applies Unicode canonical equivalence,
/// which `String ==` does but CSS does not: selectors compare code points).
enum SelectorBytes {
    @inline(__always)
    static func isASCIIWhitespace(_ b: UInt8) -> Bool {
        // https://infra.spec.whatwg.org/#ascii-whitespace
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    static func asciiLowercased(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map(lower)
    }

    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var i = 0
        while i < a.count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// `a` (either case) against a lower-case ASCII literal.
    static func equalIgnoringASCIICase(_ a: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard a.count == n else { return false }
        let p = literal.utf8Start
        var i = 0
        while i < n {
            if lower(a[i]) != p[i] { return false }
            i += 1
        }
        return true
    }

    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard a.count == n else { return false }
        let p = literal.utf8Start
        var i = 0
        while i < n {
            if a[i] != p[i] { return false }
            i += 1
        }
        return true
    }

    static func equalIgnoringASCIICase(_ a: [UInt8], _ literal: StaticString) -> Bool {
        a.withUnsafeBufferPointer { equalIgnoringASCIICase($0, literal) }
    }

    /// Whether `hay[at...]` starts with `needle`, folding `hay` when `fold` (`needle` is then lower-case).
    @inline(__always)
    static func matches(_ hay: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: UnsafeBufferPointer<UInt8>, fold: Bool) -> Bool {
        guard start >= 0, hay.count - start >= needle.count else { return false }
        var i = 0
        if fold {
            while i < needle.count {
                if lower(hay[start + i]) != needle[i] { return false }
                i += 1
            }
        } else {
            while i < needle.count {
                if hay[start + i] != needle[i] { return false }
                i += 1
            }
        }
        return true
    }

    /// Appends the UTF-8 encoding of a scalar value (already validated by the caller).
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
}
