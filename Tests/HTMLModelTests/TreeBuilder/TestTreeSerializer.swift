@testable import HTMLModel

/// The WHATWG HTML fragment serialisation (what `outerHTML` returns) of a ``TestTreeSink``
/// tree, so the tree builder can be checked against Chromium's serialised parses in the
/// conformance corpus before the production DOM is wired to it.
/// https://html.spec.whatwg.org/multipage/parsing.html#serialising-html-fragments
enum TestTreeSerializer {
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img",
        "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]
    static let rawTextParents: Set<String> = [
        "style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext",
    ]

    static func outerHTML(_ node: TreeTestNode, scripting: Bool = true) -> String {
        var out = ""
        serialize(node, scripting: scripting, into: &out)
        return out
    }

    private static func serialize(_ node: TreeTestNode, scripting: Bool, into out: inout String) {
        switch node.kind {
        case .element:
            out += "<" + node.name
            for attribute in node.attributes {
                out += " " + attribute.name + "=\"" + escape(attribute.value, inAttribute: true) + "\""
            }
            out += ">"
            if node.namespace == .html && voidElements.contains(node.name) { return }
            let children = node.templateContents?.children ?? node.children
            for child in children {
                if child.kind == .text {
                    let raw = node.namespace == .html
                        && (rawTextParents.contains(node.name) || (scripting && node.name == "noscript"))
                    out += raw ? child.data : escape(child.data, inAttribute: false)
                } else {
                    serialize(child, scripting: scripting, into: &out)
                }
            }
            out += "</" + node.name + ">"
        case .text:
            out += escape(node.data, inAttribute: false)
        case .comment:
            out += "<!--" + node.data + "-->"
        case .processingInstruction:
            out += "<?" + node.name + " " + node.data + "?>"
        case .doctype:
            out += "<!DOCTYPE " + node.data + ">"
        case .document, .fragment:
            for child in node.children { serialize(child, scripting: scripting, into: &out) }
        }
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#escapingString — `<` and `>` are
    /// escaped in attribute values too, as current browsers do.
    static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "\u{A0}": out += "&nbsp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
