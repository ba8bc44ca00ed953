/// https://html.spec.whatwg.org/multipage/parsing.html#the-insertion-mode
///
/// The current standard has no "in select" / "in select in table" modes: since the
/// customizable-`<select>` parser change (whatwg/html#10557) `select` content is handled by
/// "in body", which is what Chromium and the html5lib tests follow.
enum InsertionMode: UInt8, Sendable {
    case initial
    case beforeHTML
    case beforeHead
    case inHead
    case inHeadNoscript
    case afterHead
    case inBody
    case text
    case inTable
    case inTableText
    case inCaption
    case inColumnGroup
    case inTableBody
    case inRow
    case inCell
    case inTemplate
    case afterBody
    case inFrameset
    case afterFrameset
    case afterAfterBody
    case afterAfterFrameset
}

/// A start or end tag as the tree builder sees it: the name interned once.
struct TagToken {
    var name: String
    var tag: ElementTag
    var attributes: [HTMLAttribute]
    var selfClosing: Bool

    init(name: String, attributes: [HTMLAttribute] = [], selfClosing: Bool = false) {
        self.name = name
        self.tag = ElementTag.lookup(name)
        self.attributes = attributes
        self.selfClosing = selfClosing
    }

    /// A token the parser makes up ("insert an HTML element for a `body` start tag").
    init(synthesized tag: ElementTag) {
        self.name = tag.name
        self.tag = tag
        self.attributes = []
        self.selfClosing = false
    }

    /// The value of an attribute, compared by exact (already lower-cased) name.
    func attribute(_ name: String) -> String? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }
}

/// Tokens inside the tree builder. Character runs are substrings so modes can split off
/// leading whitespace or a leading LF without copying.
enum TreeToken {
    case doctype(HTMLDoctypeToken)
    case startTag(TagToken)
    case endTag(TagToken)
    /// Comments and processing instructions: the tree-construction rules treat them alike
    /// (the 2026 standard inserts a processing instruction wherever it inserts a comment).
    case comment(CommentToken)
    case characters(Substring)
    case endOfFile

    init(_ token: HTMLToken) {
        switch token {
        case .doctype(let doctype): self = .doctype(doctype)
        case .startTag(let name, let attributes, let selfClosing):
            self = .startTag(TagToken(name: name, attributes: attributes, selfClosing: selfClosing))
        case .endTag(let name): self = .endTag(TagToken(name: name))
        case .comment(let text): self = .comment(CommentToken(text: text))
        case .processingInstruction(let target, let data): self = .comment(CommentToken(text: data, processingInstructionTarget: target))
        case .characters(let text): self = .characters(text[...])
        case .endOfFile: self = .endOfFile
        }
    }
}

/// A comment, or a processing instruction when `processingInstructionTarget` is set.
struct CommentToken {
    var text: String
    var processingInstructionTarget: String? = nil
}

/// An entry of the stack of open elements (and, with its attributes, of the list of active
/// formatting elements).
///
/// The builder never asks the sink for names: it keeps what the rules test (namespace,
/// interned tag, integration point). The sink's handle and the element's local name live in
/// the builder's tables at `id`, which keeps this a trivial value: the stack scans and
/// copies it all the time without reference counting, and no generic metadata is involved
/// even when the builder runs unspecialised.
struct OpenElement {
    /// Unique per created element, and its index in the builder's handle and name tables;
    /// identity checks use it instead of handle equality.
    var id: Int
    var tag: ElementTag
    var namespace: HTMLNamespace
    /// https://html.spec.whatwg.org/multipage/parsing.html#html-integration-point, decided from
    /// the start tag (annotation-xml's `encoding` attribute) when the element is created.
    var isHTMLIntegrationPoint: Bool

    @inline(__always)
    func isHTML(_ tag: ElementTag) -> Bool {
        namespace == .html && self.tag == tag
    }

    @inline(__always)
    func isHTML(in set: ElementTagSet) -> Bool {
        namespace == .html && set.contains(tag)
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#special
    var isSpecial: Bool {
        switch namespace {
        case .html: return ElementCategories.specialHTML.contains(tag)
        case .mathml: return ElementCategories.specialMathML.contains(tag)
        case .svg: return ElementCategories.specialSVG.contains(tag)
        }
    }

    var isMathMLTextIntegrationPoint: Bool {
        namespace == .mathml && ElementCategories.mathMLTextIntegrationPoints.contains(tag)
    }
}

/// What the dispatcher needs to know about the adjusted current node, which in the fragment
/// case may be the context element (which is not in the tree and has no handle).
struct NodeTraits {
    var tag: ElementTag
    var namespace: HTMLNamespace
    var isHTMLIntegrationPoint: Bool

    var isMathMLTextIntegrationPoint: Bool {
        namespace == .mathml && ElementCategories.mathMLTextIntegrationPoints.contains(tag)
    }
}
