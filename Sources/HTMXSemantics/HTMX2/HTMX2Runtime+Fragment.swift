import HTMLModel

/// A parsed response: a detached DocumentFragment of the page's document and the title
/// found in it (htmx.js's `DocumentFragmentWithTitle`).
struct HTMX2Fragment {
    var root: Node
    var title: String?
}

extension HTMX2Runtime {
    /// htmx.js makeFragment: strip the first `<head>…</head>` to find the response's shape;
    /// a response starting with `<html>` is parsed as a document and its body's children
    /// kept, `<body>` likewise without the head, anything else is parsed as the content of a
    /// `<template>` inside a whole document. A root-level `<title>` of a partial is taken out.
    ///
    /// Comments never reach the page: in the reference corpus every comment of a response
    /// is gone from the swapped content (`fragment-comment*` cases), so they are dropped here.
    func makeFragment(_ response: String) -> HTMX2Fragment {
        let census = ResponseText.Census(response)
        let noHead = census.mayHoldHead ? Self.stripFirstHead(response) : response
        let startTag = Self.startTag(noHead)
        let fragment: Node
        var title: String?
        // Parsed as whole documents (htmx.js parseHTML), built detached inside the page's
        // own document so the nodes move into the fragment without a copy.
        if startTag == "html" || startTag == "body" {
            fragment = document.createDocumentFragment()
            let parsed = document.parseDetachedDocument(Array((startTag == "html" ? response : noHead).utf8))
            for child in parsed.body?.childNodes ?? [] { fragment.append(child) }
            title = parsed.title
        } else {
            // htmx wraps it in `<body><template class="internal-htmx-wrapper">`; the class
            // changes nothing inside.
            let parsed = document.parseTemplateContents(Array(noHead.utf8), wrapper: .insideBody)
            fragment = parsed.fragment
            title = parsed.title
            if census.mayHoldTitle, let t = DOMQuery.first(fragment, "title"), t.parent == fragment {
                t.remove()
                title = t.textContent ?? ""
            }
        }
        if census.mayHoldScript {
            if !config.allowScriptTags {
                for s in DOMQuery.all(fragment, "script") { s.remove() }
            } else {
                for s in DOMQuery.all(fragment, "script") where Self.isJavaScript(s) {
                    diagnose("script", s, "a response script would run when inserted (not executed)")
                }
            }
        }
        if census.mayHoldComment { Self.removeComments(fragment) }
        return HTMX2Fragment(root: fragment, title: title)
    }

    static func isJavaScript(_ script: Node) -> Bool {
        let t = (script.attribute("type") ?? "").lowercased()
        return t == "" || t == "text/javascript" || t == "module"
    }

    /// Removes every comment below `root`, template contents included.
    static func removeComments(_ root: Node) {
        var stack: [Node] = [root]
        var doomed: [Node] = []
        while let n = stack.popLast() {
            for c in n.childNodes {
                if c.kind == .comment { doomed.append(c) } else if c.isElement || c.kind == .fragment { stack.append(c) }
            }
            for c in n.templateContentNodes {
                if c.kind == .comment { doomed.append(c) } else if c.isElement { stack.append(c) }
            }
        }
        for c in doomed { c.remove() }
    }

    /// `response.replace(/<head(\s[^>]*)?>[\s\S]*?<\/head>/i, '')`.
    static func stripFirstHead(_ s: String) -> String {
        guard let r = ResponseText.firstHead(s) else { return s }
        var t = s
        t.removeSubrange(r)
        return t
    }

    static func isJSWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D }

    /// htmx.js getStartTag: `/<([a-z][^\/\0>\x20\t\r\n\f]*)/i`, lower-cased.
    static func startTag(_ s: String) -> String {
        let b = Array(s.utf8)
        var i = 0
        while i + 1 < b.count {
            let c = b[i + 1] | 0x20
            if b[i] == UInt8(ascii: "<"), c >= 0x61 && c <= 0x7A {
                var j = i + 1
                while j < b.count, ![0x2F, 0x00, 0x3E, 0x20, 0x09, 0x0D, 0x0A, 0x0C].contains(b[j]) { j += 1 }
                return String(decoding: b[(i + 1)..<j], as: UTF8.self).lowercased()
            }
            i += 1
        }
        return ""
    }
}
