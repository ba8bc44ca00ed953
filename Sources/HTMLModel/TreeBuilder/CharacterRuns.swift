/// Splitting character runs where an insertion mode treats whitespace, NUL and other
/// characters differently. All checks are on UTF-8 bytes: every character the rules single
/// out is ASCII, so a split at one of them is always a valid `String.Index`.
enum CharacterRuns {
    /// https://infra.spec.whatwg.org/#ascii-whitespace (tab, LF, FF, CR, space).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0C || byte == 0x0D
    }

    /// The leading whitespace of `text` and the rest.
    static func splitLeadingWhitespace(_ text: Substring) -> (whitespace: Substring, rest: Substring) {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex, isWhitespace(utf8[index]) {
            index = utf8.index(after: index)
        }
        return (text[text.startIndex..<index], text[index...])
    }

    /// Whether the run holds a U+0000, eight bytes at a step (every text run is asked).
    static func containsNull(_ text: Substring) -> Bool {
        return text.withUTF8Bytes { scan($0, from: 0, end: $0.count, for: 0, 0, 0) < $0.count }
    }

    static func isAllWhitespace(_ text: Substring) -> Bool {
        text.utf8.allSatisfy(isWhitespace)
    }

    /// Whether the run has a character other than whitespace and NUL (what clears frameset-ok).
    static func hasNonWhitespaceNonNull(_ text: Substring) -> Bool {
        text.utf8.contains { !isWhitespace($0) && $0 != 0 }
    }

    /// Only the whitespace characters of `text` (modes that insert whitespace and ignore
    /// every other character one by one).
    static func whitespaceOnly(_ text: Substring) -> Substring {
        if isAllWhitespace(text) { return text }
        let bytes = text.utf8.filter(isWhitespace)
        return String(decoding: bytes, as: UTF8.self)[...]
    }

    /// `text` without U+0000 characters.
    static func removingNulls(_ text: Substring) -> Substring {
        guard containsNull(text) else { return text }
        return String(decoding: text.utf8.filter { $0 != 0 }, as: UTF8.self)[...]
    }

    /// `text` with U+0000 replaced by U+FFFD (foreign content).
    static func replacingNulls(_ text: Substring) -> Substring {
        guard containsNull(text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if byte == 0 {
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)[...]
    }
}
