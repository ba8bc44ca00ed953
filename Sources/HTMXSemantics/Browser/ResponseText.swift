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

    /// Whether parsing `bytes` as a `<template>`'s contents inside a whole document (quirks
    /// mode, since there is no doctype, with `</template>` appended: how htmx 2 and htmx 4
    /// both turn a partial response into nodes) and with the fragment
    /// parser in a `<template>` context must give the same nodes. They part ways only
    /// through: quirks mode (a `<table>` start tag), table parts (the template insertion
    /// modes they switch to clear active formatting elements to a marker only the document
    /// path has), the appended `</template>` when the
    /// input ends inside raw text, RCDATA, CDATA or a tag opener (`<`, `</`), a `</template>`
    /// or `<template>` of the response's own, the form element pointer (`<form>`), and
    /// elements whose handling looks at the rest of the stack (`<select>`, `<frameset>`,
    /// `<html>`, `<body>`, `<head>`, foreign content). Responses with any of those take the
    /// document path.
    static func fragmentParseIsEquivalent(_ b: [UInt8]) -> Bool {
        guard endsInData(b) else { return false }
        for i in b.indices where b[i] == UInt8(ascii: "<") {
            var j = i + 1
            if j < b.count, b[j] == UInt8(ascii: "/") { j += 1 }
            if j < b.count, b[j] == UInt8(ascii: "!") {
                if hasPrefixIgnoringCase(b, j + 1, "[cdata[") { return false }
                continue
            }
            for name in riskyTags where hasPrefixIgnoringCase(b, j, name) {
                let end = j + name.count
                // A whole tag name: followed by whitespace, `/`, `>` or the end.
                if end >= b.count || [0x20, 0x09, 0x0A, 0x0C, 0x0D, 0x2F, 0x3E].contains(b[end]) { return false }
            }
        }
        return true
    }

    /// Whether the tokenizer is back in the data state (or in a comment, which the engine
    /// drops anyway) at the end: no tag, quoted value or bogus comment left open, where the
    /// document path's `</template>` would be swallowed. Any quote inside a tag counts as
    /// opening a value (a superset of the tokenizer's), so "yes" here is never wrong.
    static func endsInData(_ b: [UInt8]) -> Bool {
        enum State { case data, tag, quoted(UInt8), bogus, comment }
        var state = State.data
        var i = 0
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        while i < b.count {
            let c = b[i]
            switch state {
            case .data:
                if c == UInt8(ascii: "<"), i + 1 < b.count {
                    let n = b[i + 1]
                    if isLetter(n) { state = .tag }
                    else if n == UInt8(ascii: "/") { state = i + 2 < b.count && isLetter(b[i + 2]) ? .tag : .bogus }
                    else if n == UInt8(ascii: "?") { state = .bogus }
                    else if n == UInt8(ascii: "!") {
                        if i + 3 < b.count, b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") {
                            state = .comment
                            i += 4
                            continue
                        }
                        state = .bogus
                    }
                } else if c == UInt8(ascii: "<") {
                    return false // a lone `<` at the very end
                }
            case .tag:
                if c == UInt8(ascii: ">") { state = .data }
                else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { state = .quoted(c) }
            case .quoted(let q):
                if c == q { state = .tag }
            case .bogus:
                if c == UInt8(ascii: ">") { state = .data }
            case .comment:
                if c == UInt8(ascii: ">") { state = .data }
            }
            i += 1
        }
        switch state {
        case .data, .comment: return true
        default: return false
        }
    }

    private static let riskyTags = ["textarea", "title", "script", "style", "xmp", "iframe", "noembed", "noframes",
                                    "noscript", "plaintext", "table", "template", "form", "select", "frameset",
                                    "html", "body", "head", "svg", "math", "tr", "td", "th", "tbody", "thead", "tfoot",
                                    "caption", "colgroup", "col", "applet", "marquee", "object"]

    private static func hasPrefixIgnoringCase(_ b: [UInt8], _ at: Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard at + w.count <= b.count else { return false }
        for k in 0..<w.count {
            let c = b[at + k]
            if (c >= 0x41 && c <= 0x5A ? c + 0x20 : c) != w[k] { return false }
        }
        return true
    }

}
