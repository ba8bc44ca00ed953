import CLibXML2

extension Node {
    /// `textContent`: the data of a text, comment or PI node; the concatenated text of an
    /// element's or fragment's descendants (nil for the document and doctypes, as in the DOM).
    public var textContent: String? {
        switch kind {
        case .text, .comment, .processingInstruction: return RawTree.content(ptr)
        case .document, .doctype: return nil
        case .element, .fragment:
            var bytes: [UInt8] = []
            RawTree.forEachDescendant(ptr, includingTemplateContents: false) { p in
                if p.pointee.type == XML_TEXT_NODE || p.pointee.type == XML_CDATA_SECTION_NODE, let c = p.pointee.content {
                    bytes.append(contentsOf: RawTree.bytes(c))
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Sets `textContent`: an element's children are replaced by one text node (none when
    /// empty); a text/comment node's data is replaced.
    public func setTextContent(_ text: String) {
        switch kind {
        case .text, .comment, .processingInstruction:
            text.withCString { xmlNodeSetContent(ptr, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        case .element, .fragment:
            removeAllChildren()
            if !text.isEmpty { append(document.createTextNode(text)) }
        case .document, .doctype:
            break
        }
    }

    /// Character data of a text, comment or PI node ("" otherwise).
    public var data: String {
        switch kind {
        case .text, .comment, .processingInstruction: return RawTree.content(ptr)
        default: return ""
        }
    }
}
