/// Scans both htmx versions make over a response's text before parsing it.
enum ResponseText {
    /// `/<head(\s[^>]*)?>[\s\S]*?<\/head>/i`: the first head element's text.
    static func firstHead(_ s: String) -> Range<String.Index>? {
        let b = Array(s.utf8)
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
        func at(_ i: Int, _ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= b.count else { return false }
            for k in 0..<w.count where lower(b[i + k]) != w[k] { return false }
            return true
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D }
        var i = 0
        while i < b.count {
            if at(i, "<head") {
                var j = i + 5
                var ok = false
                if j < b.count, b[j] == UInt8(ascii: ">") { ok = true }
                else if j < b.count, isSpace(b[j]) {
                    while j < b.count, b[j] != UInt8(ascii: ">") { j += 1 }
                    ok = j < b.count
                }
                if ok {
                    var k = j + 1
                    while k < b.count, !at(k, "</head>") { k += 1 }
                    if k < b.count {
                        let start = s.utf8.index(s.utf8.startIndex, offsetBy: i)
                        let end = s.utf8.index(s.utf8.startIndex, offsetBy: k + 7)
                        return start..<end
                    }
                }
            }
            i += 1
        }
        return nil
    }

}
