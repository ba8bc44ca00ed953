import CLibXML2

/// An HTML document: the one owner of its libxml2 tree.
///
/// Every node the document creates or detaches stays owned by it: a detached subtree is kept
/// as a child of a hidden container (`limbo`), so there is always exactly one place that frees
/// it. ``Node`` values are small handles (this document + a pointer); they keep the document
/// alive but never free anything themselves.
///
/// Memory of detached subtrees is returned either when the document is deinitialised or by
/// ``releaseDetachedNodes()``, which the replay engine calls at points where it holds no
/// handles into removed content.
public final class Document {
    let xmlDoc: xmlDocPtr
    /// Parent of every detached subtree. Never linked into the document.
    let limbo: xmlNodePtr
    // The bookkeeping below changes with every node created, linked or removed; no access
    // to it overlaps another, so the runtime exclusivity checks are skipped.
    @exclusivity(unchecked) var ids = IDIndex()
    /// The `checked` state of inputs once script (an `input` action) has set it: a browser's
    /// "dirty checkedness", which the attribute no longer reflects.
    @exclusivity(unchecked) var checkedness: [xmlNodePtr: Bool] = [:]
    /// The `value` of form controls once set through the property.
    @exclusivity(unchecked) var values: [xmlNodePtr: String] = [:]
    var selectorCache: [String: SelectorList] = [:]
    /// The selectors asked most recently, in front of `selectorCache`.
    @exclusivity(unchecked) var recentSelectors = StringMemo<SelectorList>()
    /// `<html><body><template>`, kept outside the tree for ``parseTemplateContents(_:)``
    /// (never under `limbo`, so no release frees it; freed with the document).
    var templateWrapper: xmlNodePtr?
    /// Subtrees hung under `limbo` (removed or newly created) since the last release: a cheap
    /// measure of how much a release could free.
    @exclusivity(unchecked) public internal(set) var detachedSinceRelease = 0

    /// The document's quirks mode, as decided by its doctype.
    public internal(set) var quirksMode: HTMLQuirksMode = .noQuirks
    /// Parse errors of the document's own parse (fragment parses report theirs separately).
    public internal(set) var diagnostics: [HTMLParseDiagnostic] = []

    /// An empty document (no doctype, no elements).
    public init() {
        _ = libxml2Initialized
        guard let doc = htmlNewDocNoDtD(nil, nil) else {
            fatalError("libxml2 could not allocate a document")
        }
        // A dictionary interns element and attribute names: one copy per distinct name.
        if let dict = xmlDictCreate() {
            doc.pointee.dict = dict
        }
        guard let frag = xmlNewDocFragment(doc) else {
            fatalError("libxml2 could not allocate a document fragment")
        }
        xmlDoc = doc
        limbo = frag
        doc.pointee._private = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        if let templateWrapper { xmlFreeNode(templateWrapper) }
        xmlFreeNode(limbo)
        xmlFreeDoc(xmlDoc)
    }

    /// The document node itself.
    public var node: Node { Node(self, UnsafeMutableRawPointer(xmlDoc).assumingMemoryBound(to: xmlNode.self)) }

    /// The root element (`<html>`), if any.
    public var documentElement: Node? { node.firstElementChild }

    /// The first `<body>` child of the root element (what `document.body` returns).
    public var body: Node? {
        documentElement?.elementChildren.first { $0.isHTMLElement(named: "body") || $0.isHTMLElement(named: "frameset") }
    }

    /// The first `<head>` child of the root element.
    public var head: Node? {
        documentElement?.elementChildren.first { $0.isHTMLElement(named: "head") }
    }

    /// Frees every detached subtree. Any ``Node`` handle into a detached subtree becomes
    /// invalid: call this only where no such handle is kept.
    public func releaseDetachedNodes() {
        releaseDetachedNodes(keepingSubtreesOf: [])
    }

    /// Frees every detached subtree except those whose top (see ``detachedTop(of:)``) is in
    /// `kept`. Handles into a freed subtree become invalid; handles into kept ones stay valid.
    public func releaseDetachedNodes(keepingSubtreesOf kept: Set<Node>) {
        var child = limbo.pointee.children
        while let c = child {
            child = c.pointee.next
            if !kept.isEmpty, kept.contains(Node(self, c)) { continue }
            forgetState(inSubtree: c)
            RawTree.unlink(c)
            xmlFreeNode(c)
        }
        detachedSinceRelease = 0
    }

    /// Whether ``releaseDetachedNodes(keepingSubtreesOf:)`` with the same `kept` frees
    /// `node` (so state keyed by it must be forgotten first). Reads only parent links.
    public func willRelease(_ node: Node, keepingSubtreesOf kept: Set<Node>) -> Bool {
        guard let top = detachedTop(of: node) else { return false }
        return !kept.contains(top)
    }

    /// The top of the detached subtree holding `node` (the removed or never-inserted node
    /// whose subtree ``releaseDetachedNodes(keepingSubtreesOf:)`` frees as one), or nil when
    /// `node` belongs to the document's tree (template contents included). Reads only parent
    /// links, so `node` must not have been freed.
    public func detachedTop(of node: Node) -> Node? {
        precondition(node.document === self)
        var cur = node.ptr
        while let parent = cur.pointee.parent {
            if parent == limbo { return Node(self, cur) }
            cur = parent
        }
        return nil
    }

    /// Changes whenever a node is linked or unlinked anywhere in the document's memory
    /// (attached or detached trees): derived data about tree shape, such as result PATHs of
    /// ancestors, stays valid while it is unchanged. Attribute changes do not count.
    public var structureVersion: UInt { UInt(bitPattern: xmlDoc.pointee.psvi) }

    /// Number of detached subtrees currently held (for tests and memory diagnostics).
    public var detachedSubtreeCount: Int {
        var n = 0
        var child = limbo.pointee.children
        while let c = child { n += 1; child = c.pointee.next }
        return n
    }

    private func forgetState(inSubtree root: xmlNodePtr) {
        if checkedness.isEmpty && values.isEmpty { return }
        RawTree.forEachDescendantOrSelf(root, includingTemplateContents: true) { p in
            checkedness[p] = nil
            values[p] = nil
        }
    }

    static func from(_ doc: UnsafeMutablePointer<_xmlDoc>) -> Document {
        Unmanaged<Document>.fromOpaque(doc.pointee._private!).takeUnretainedValue()
    }
}

/// libxml2 sets its globals up (the dictionary's mutex and random seed among them) on first
/// use, and that set-up is not safe against a second thread doing the same: two threads
/// creating their first documents at once can both wait forever in `xmlDictCreate` (seen as a
/// test suite hanging at start-up, libxml2 2.9.14). `xmlInitParser` does it all in one go;
/// a global's initializer runs exactly once, whichever thread gets there first, and every
/// document is created after it.
private let libxml2Initialized: Void = xmlInitParser()
