import CLibXML2

/// The WHATWG "serializing HTML fragments" algorithm
/// (<https://html.spec.whatwg.org/multipage/parsing.html#serialising-html-fragments>), which is
/// what `innerHTML` / `outerHTML` return. libxml2's own dumpers reformat (boolean attributes,
/// quoting, `&nbsp;`, added newlines), so the model never uses them.
///
/// Iterative: deep trees cannot overflow the stack.
struct HTMLSerializer {
    private(set) var out: [UInt8] = []
    /// Chromium parses `<noscript>` as raw text with scripting enabled, and serializes it so.
    var scriptingEnabled = true

    init(reservingCapacity n: Int = 256) { out.reserveCapacity(n) }

    /// `outerHTML`: the node itself, then its subtree.
    mutating func serializeNode(_ node: xmlNodePtr) {
        // Serializing "a node" = the children algorithm applied to a parent holding just it.
        emitOpen(node, parentIsRawText: parentIsRawText(node))
        guard node.pointee.type == XML_ELEMENT_NODE, !isVoid(node) else { return }
        serializeChildren(of: node)
        emitClose(node)
    }

    /// `innerHTML`: the children (a template's contents).
    mutating func serializeChildren(of root: xmlNodePtr) {
        // Step 2/3: a void element has no serialization of its children.
        if root.pointee.type == XML_ELEMENT_NODE && isVoid(root) { return }
        guard var cur = root.pointee.children else { return }
        while true {
            emitOpen(cur, parentIsRawText: isRawTextParent(cur.pointee.parent))
            if cur.pointee.type == XML_ELEMENT_NODE, !isVoid(cur), let child = cur.pointee.children {
                cur = child
                continue
            }
            if cur.pointee.type == XML_ELEMENT_NODE, !isVoid(cur) { emitClose(cur) }
            // Climb until a next sibling exists, closing elements on the way.
            while cur.pointee.next == nil {
                guard let up = cur.pointee.parent, up != root else { return }
                cur = up
                emitClose(cur)
            }
            cur = cur.pointee.next!
        }
    }

    private func parentIsRawText(_ node: xmlNodePtr) -> Bool {
        isRawTextParent(node.pointee.parent)
    }

    private func isRawTextParent(_ parent: xmlNodePtr?) -> Bool {
        guard let p = parent, p.pointee.type == XML_ELEMENT_NODE, p.pointee.extra == 0, let name = p.pointee.name else { return false }
        return HTMLElementSets.isRawTextSerializationParent(name, scripting: scriptingEnabled)
    }

    private func isVoid(_ p: xmlNodePtr) -> Bool {
        guard p.pointee.extra == 0, let name = p.pointee.name else { return false }
        return HTMLElementSets.isVoid(name)
    }

    private mutating func emitOpen(_ node: xmlNodePtr, parentIsRawText: Bool) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            out.append(UInt8(ascii: "<"))
            appendCString(node.pointee.name)
            var a = node.pointee.properties
            while let attr = a {
                out.append(UInt8(ascii: " "))
                appendCString(attr.pointee.name)
                out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
                var t = attr.pointee.children
                while let text = t {
                    appendEscaped(text.pointee.content, attributeMode: true)
                    t = text.pointee.next
                }
                out.append(UInt8(ascii: "\""))
                a = attr.pointee.next
            }
            out.append(UInt8(ascii: ">"))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if parentIsRawText { appendCString(node.pointee.content) } else { appendEscaped(node.pointee.content, attributeMode: false) }
        case XML_COMMENT_NODE:
            out.append(contentsOf: Array("<!--".utf8))
            appendCString(node.pointee.content)
            out.append(contentsOf: Array("-->".utf8))
        case XML_PI_NODE:
            // Chromium writes `<?target data?>` (the target and data separated by one space).
            out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "?")])
            appendCString(node.pointee.name)
            out.append(UInt8(ascii: " "))
            appendCString(node.pointee.content)
            out.append(contentsOf: [UInt8(ascii: "?"), UInt8(ascii: ">")])
        case XML_DTD_NODE, XML_DOCUMENT_TYPE_NODE:
            out.append(contentsOf: Array("<!DOCTYPE ".utf8))
            appendCString(node.pointee.name)
            out.append(UInt8(ascii: ">"))
        default:
            break
        }
    }

    private mutating func emitClose(_ node: xmlNodePtr) {
        out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
        appendCString(node.pointee.name)
        out.append(UInt8(ascii: ">"))
    }

    private mutating func appendCString(_ s: UnsafePointer<xmlChar>?) {
        out.append(contentsOf: RawTree.bytes(s))
    }

    /// "Escaping a string": `&` → `&amp;`, U+00A0 → `&nbsp;`, `<` → `&lt;`, `>` → `&gt;`, and in
    /// attribute mode `"` → `&quot;` (current spec and Chromium escape `<`/`>` in both modes).
    private mutating func appendEscaped(_ s: UnsafePointer<xmlChar>?, attributeMode: Bool) {
        let buf = RawTree.bytes(s)
        let count = buf.count
        var start = 0
        var i = 0
        while i < count {
            let b = buf[i]
            let replacement: StaticString?
            var width = 1
            switch b {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = attributeMode ? "&quot;" : nil
            case 0xC2 where i + 1 < count && buf[i + 1] == 0xA0: replacement = "&nbsp;"; width = 2
            default: replacement = nil
            }
            if let r = replacement {
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i])) }
                out.append(contentsOf: UnsafeBufferPointer(start: r.utf8Start, count: r.utf8CodeUnitCount))
                i += width
                start = i
            } else {
                i += 1
            }
        }
        if start < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<count])) }
    }
}

extension Node {
    /// `outerHTML`.
    public var outerHTML: String {
        var s = HTMLSerializer()
        s.serializeNode(ptr)
        return String(decoding: s.out, as: UTF8.self)
    }

    /// `innerHTML` (a template's contents for `<template>`).
    public var innerHTML: String {
        var s = HTMLSerializer()
        s.serializeChildren(of: ptr)
        return String(decoding: s.out, as: UTF8.self)
    }

    /// `outerHTML` as UTF-8 bytes, without a String round trip.
    public var outerHTMLBytes: [UInt8] {
        var s = HTMLSerializer()
        s.serializeNode(ptr)
        return s.out
    }
}
