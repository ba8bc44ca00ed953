/// Scans both htmx versions make over a response's text before parsing it.
enum ResponseText {
    /// `/<head(\s[^>]*)?>[\s\S]*?<\/head>/i`: the first head element's text.
    static func firstHead(_ s: String) -> Range<String.Index>? {
        var copy = s
        guard let r = copy.withUTF8({ firstHead($0) }) else { return nil }
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
        while i < b.count {
            if b[i] == UInt8(ascii: "<"), at(i, open) {
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
