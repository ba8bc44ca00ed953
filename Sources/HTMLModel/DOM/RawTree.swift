import CLibXML2

/// Pointer-level tree helpers shared by the DOM, the serializer and the selector engine.
///
/// The model's conventions on top of libxml2:
/// - an element's namespace is kept in `xmlNode.extra` (0 HTML, 1 SVG, 2 MathML);
/// - a `<template>` element's libxml2 children are its template *contents*; in the DOM view
///   the template has no children;
/// - detached subtrees hang under the document's hidden `limbo` fragment.
enum RawTree {
    @inline(__always)
    static func isElement(_ p: xmlNodePtr) -> Bool { p.pointee.type == XML_ELEMENT_NODE }

    @inline(__always)
    static func namespace(_ p: xmlNodePtr) -> HTMLNamespace {
        guard p.pointee.type == XML_ELEMENT_NODE else { return .html }
        return HTMLNamespace(rawValue: UInt8(truncatingIfNeeded: p.pointee.extra)) ?? .html
    }

    /// Whether the node's name is the ASCII literal `name`, compared byte by byte without a
    /// call: nearly every name asked about (is this a `<template>`, for each node of every
    /// walk) differs in its first byte. (Not an overload of ``nameEquals(_:_:)``: a literal
    /// argument would pick the `String` one.)
    @inline(__always)
    static func hasName(_ p: xmlNodePtr, _ name: StaticString) -> Bool {
        guard let n = p.pointee.name else { return false }
        return cStringEquals(n, name)
    }

    /// Whether the NUL-terminated `s` spells the ASCII literal `name`.
    @inline(__always)
    static func cStringEquals(_ s: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        let b = name.utf8Start
        for i in 0..<name.utf8CodeUnitCount where s[i] != b[i] { return false }
        return s[name.utf8CodeUnitCount] == 0
    }

    static func nameEquals(_ p: xmlNodePtr, _ name: String) -> Bool {
        guard let n = p.pointee.name else { return false }
        return nameEquals(n, name)
    }

    @inline(__always)
    static func isTemplate(_ p: xmlNodePtr) -> Bool {
        p.pointee.type == XML_ELEMENT_NODE && p.pointee.extra == 0 && hasName(p, "template")
    }

    static func domParent(_ p: xmlNodePtr, limbo: xmlNodePtr) -> xmlNodePtr? {
        guard let parent = p.pointee.parent, parent != limbo else { return nil }
        return parent
    }

    static func domFirstChild(_ p: xmlNodePtr) -> xmlNodePtr? {
        isTemplate(p) ? nil : p.pointee.children
    }

    static func domLastChild(_ p: xmlNodePtr) -> xmlNodePtr? {
        isTemplate(p) ? nil : p.pointee.last
    }

    static func firstElementChild(_ p: xmlNodePtr) -> xmlNodePtr? {
        var c = domFirstChild(p)
        while let n = c, !isElement(n) { c = n.pointee.next }
        return c
    }

    static func lastElementChild(_ p: xmlNodePtr) -> xmlNodePtr? {
        var c = domLastChild(p)
        while let n = c, !isElement(n) { c = n.pointee.prev }
        return c
    }

    static func nextElementSibling(_ p: xmlNodePtr) -> xmlNodePtr? {
        var c = p.pointee.next
        while let n = c, !isElement(n) { c = n.pointee.next }
        return c
    }

    static func previousElementSibling(_ p: xmlNodePtr) -> xmlNodePtr? {
        var c = p.pointee.prev
        while let n = c, !isElement(n) { c = n.pointee.prev }
        return c
    }

    /// The DOM kind of a libxml2 node.
    static func kind(_ p: xmlNodePtr) -> Node.Kind {
        switch p.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
        case XML_COMMENT_NODE: return .comment
        case XML_PI_NODE: return .processingInstruction
        case XML_DTD_NODE, XML_DOCUMENT_TYPE_NODE: return .doctype
        case XML_DOCUMENT_FRAG_NODE: return .fragment
        default: return .document
        }
    }

    static func isDocumentNode(_ p: xmlNodePtr) -> Bool {
        p.pointee.type == XML_HTML_DOCUMENT_NODE || p.pointee.type == XML_DOCUMENT_NODE
    }

    static func isConnected(_ p: xmlNodePtr) -> Bool {
        var cur = p
        while let parent = cur.pointee.parent {
            if isTemplate(parent) { return false }
            cur = parent
        }
        return isDocumentNode(cur)
    }

    /// Visits the descendants of `root` (not `root`) in tree order, iteratively.
    static func forEachDescendant(_ root: xmlNodePtr, includingTemplateContents: Bool = false,
                                  _ body: (xmlNodePtr) -> Void) {
        func firstChild(_ n: xmlNodePtr) -> xmlNodePtr? {
            includingTemplateContents ? n.pointee.children : domFirstChild(n)
        }
        guard var cur = firstChild(root) else { return }
        while true {
            body(cur)
            if let c = firstChild(cur), cur.pointee.type != XML_ENTITY_REF_NODE {
                cur = c
                continue
            }
            while cur.pointee.next == nil {
                guard let up = cur.pointee.parent, up != root else { return }
                cur = up
            }
            cur = cur.pointee.next!
        }
    }

    /// The first descendant of `root` in tree order (not entering template contents) for
    /// which `predicate` holds.
    static func firstDescendant(_ root: xmlNodePtr, where predicate: (xmlNodePtr) -> Bool) -> xmlNodePtr? {
        guard var cur = domFirstChild(root) else { return nil }
        while true {
            if predicate(cur) { return cur }
            if let c = domFirstChild(cur) {
                cur = c
                continue
            }
            while cur.pointee.next == nil {
                guard let up = cur.pointee.parent, up != root else { return nil }
                cur = up
            }
            cur = cur.pointee.next!
        }
    }

    static func forEachDescendantOrSelf(_ root: xmlNodePtr, includingTemplateContents: Bool = false,
                                        _ body: (xmlNodePtr) -> Void) {
        body(root)
        forEachDescendant(root, includingTemplateContents: includingTemplateContents, body)
    }

    // MARK: Linking without merging (libxml2's xmlAddChild merges adjacent text nodes)

    /// Moves every child of `from`, in order, to the end of `to`'s children (raw: no id-index
    /// upkeep, for trees under construction or detached).
    static func moveChildren(of from: xmlNodePtr, into to: xmlNodePtr) {
        while let c = from.pointee.children {
            unlink(c)
            link(c, into: to, before: nil)
        }
    }

    /// Links a node that has no parent as the child of `parent` before `ref` (nil: last).
    static func link(_ child: xmlNodePtr, into parent: xmlNodePtr, before ref: xmlNodePtr?) {
        // Its cached index was relative to its old parent.
        child.pointee._private = nil
        structureChanged(parent)
        child.pointee.parent = parent
        if let ref {
            if child.pointee.type == XML_ELEMENT_NODE { elementInserted(child, into: parent, before: ref) }
            child.pointee.next = ref
            child.pointee.prev = ref.pointee.prev
            if let prev = ref.pointee.prev { prev.pointee.next = child } else { parent.pointee.children = child }
            ref.pointee.prev = child
        } else {
            child.pointee.next = nil
            child.pointee.prev = parent.pointee.last
            if let last = parent.pointee.last { last.pointee.next = child } else { parent.pointee.children = child }
            parent.pointee.last = child
        }
    }

    /// `xmlUnlinkNode`, noting that the element siblings after the node move up.
    static func unlink(_ p: xmlNodePtr) {
        if let parent = p.pointee.parent {
            structureChanged(parent)
            if p.pointee.type == XML_ELEMENT_NODE { elementRemoved(p, from: parent) }
        }
        xmlUnlinkNode(p)
    }

    /// Bumps the document's structure version (kept in the `xmlDoc`'s own `psvi`, which only
    /// schema validation uses): any link or unlink anywhere, including in detached subtrees.
    @inline(__always)
    static func structureChanged(_ anyNode: xmlNodePtr) {
        guard let doc = anyNode.pointee.doc else { return }
        doc.pointee.psvi = UnsafeMutableRawPointer(bitPattern: UInt(bitPattern: doc.pointee.psvi) &+ 1)
    }

    // MARK: Element index cache
    //
    // PATHs name elements by `:nth-child(K)`, and counting previous siblings costs O(width)
    // per ancestor per recorded event (parents with thousands of children are common in
    // streams). Each element caches its index in `_private` (libxml2 leaves that field to the
    // application) tagged with its parent's "order version", kept in the parent's `psvi`
    // (unused without schema validation). Only element children count: text and comment
    // nodes come and go freely, and appending, or removing the last child, moves nobody.
    //
    // An element inserted before others moves them all, but the commonest insertion in a
    // stream is half of a replacement (htmx's outerHTML swap: insert the new element before
    // the old one, clean the old one up, remove it), which in the end moves nobody. So the
    // first insertion keeps the version: the parent notes the position the new element took
    // and marks it, entries stay in the coordinates of the tree without it (one lower from
    // that position on), and removing the marked element or the element after it makes those
    // coordinates exact again. Any other move bumps the version. `psvi` is only used on
    // element and fragment parents: on an `xmlDoc` that offset is another field.

    private static let indexBits = 24
    private static let indexLimit = 1 << indexBits
    private static let indexMask = UInt(indexLimit - 1)
    /// The index field of the inserted element's marker (never a cached index).
    private static let markerIndex = indexLimit - 1
    private static let versionMask: UInt = (1 << (UInt.bitWidth - indexBits)) - 1

    /// A parent's order state: its version, and the index its marked element took (0: none).
    private struct OrderState {
        var version: UInt
        var inserted: Int

        init(_ parent: xmlNodePtr) {
            let word = UInt(bitPattern: parent.pointee.psvi)
            version = word & versionMask
            inserted = Int(word >> (UInt.bitWidth - indexBits))
        }

        init(version: UInt, inserted: Int = 0) {
            self.version = version
            self.inserted = inserted
        }

        func store(in parent: xmlNodePtr) {
            parent.pointee.psvi = UnsafeMutableRawPointer(bitPattern: UInt(inserted) << (UInt.bitWidth - indexBits) | version)
        }

        var marker: UInt { version << indexBits | UInt(markerIndex) }

        /// The index an entry holds, in the coordinates of the tree as it is.
        func current(_ entry: Int) -> Int { inserted != 0 && entry >= inserted ? entry + 1 : entry }

        /// The entry for an element at `index` of the tree as it is (not the marked one).
        func entry(_ index: Int) -> UInt {
            version << indexBits | UInt(inserted != 0 && index > inserted ? index - 1 : index)
        }
    }

    @inline(__always)
    private static func hasOrderVersion(_ p: xmlNodePtr) -> Bool {
        p.pointee.type == XML_ELEMENT_NODE || p.pointee.type == XML_DOCUMENT_FRAG_NODE
    }

    @inline(__always)
    private static func cacheWord(_ p: xmlNodePtr) -> UInt { UInt(bitPattern: p.pointee._private) }

    /// Every element child's cached index is void.
    private static func bumpOrderVersion(_ parent: xmlNodePtr) {
        OrderState(version: (OrderState(parent).version &+ 1) & versionMask).store(in: parent)
    }

    /// `child`, an element being linked into `parent` before `ref`.
    private static func elementInserted(_ child: xmlNodePtr, into parent: xmlNodePtr, before ref: xmlNodePtr) {
        guard hasOrderVersion(parent) else { return }
        var state = OrderState(parent)
        guard state.inserted == 0 else { return bumpOrderVersion(parent) }
        // Only elements at or after `ref` move.
        var next: xmlNodePtr? = ref
        while let n = next, !isElement(n) { next = n.pointee.next }
        guard let next else { return }
        let position = elementIndex(next)
        guard position < markerIndex else { return bumpOrderVersion(parent) }
        state.inserted = position
        state.store(in: parent)
        child.pointee._private = UnsafeMutableRawPointer(bitPattern: state.marker)
    }

    /// `p`, an element about to be unlinked from `parent`.
    private static func elementRemoved(_ p: xmlNodePtr, from parent: xmlNodePtr) {
        guard hasOrderVersion(parent) else { return }
        let state = OrderState(parent)
        if state.inserted != 0 {
            // The marked element leaves, or the element after it (the one it replaces, whose
            // place it takes): every entry is exact again.
            if cacheWord(p) == state.marker { return OrderState(version: state.version).store(in: parent) }
            if let prev = previousElementSibling(p), cacheWord(prev) == state.marker {
                prev.pointee._private = nil
                return OrderState(version: state.version).store(in: parent)
            }
        }
        if p.pointee.next != nil { bumpOrderVersion(parent) }
    }

    /// 1-based index among the parent's element children, from the nearest previous element
    /// sibling whose cached index is still valid; the siblings walked over are cached too.
    static func elementIndex(_ p: xmlNodePtr) -> Int {
        guard let parent = p.pointee.parent, hasOrderVersion(parent), p.pointee.type == XML_ELEMENT_NODE else {
            var i = 1
            var s = previousElementSibling(p)
            while let q = s { i += 1; s = previousElementSibling(q) }
            return i
        }
        let state = OrderState(parent)
        if cacheWord(p) == state.marker, state.inserted != 0 { return state.inserted }
        var steps = 1
        var base = 0
        var s = previousElementSibling(p)
        while let q = s {
            let cached = cacheWord(q)
            if cached >> indexBits == state.version, cached & indexMask != 0 {
                let entry = Int(cached & indexMask)
                base = entry == markerIndex ? state.inserted : state.current(entry)
                if base != 0 { break }
            }
            steps += 1
            s = previousElementSibling(q)
        }
        let index = base + steps
        guard index < markerIndex else { return index }
        // Cache it, and the siblings walked over (the next walk through them stops sooner).
        // The marked element is never among them: the walk stops there, and `p` itself
        // returned above.
        var q: xmlNodePtr? = p
        var i = index
        while let e = q, i > base {
            e.pointee._private = UnsafeMutableRawPointer(bitPattern: state.entry(i))
            i -= 1
            q = previousElementSibling(e)
        }
        return index
    }

    /// Reads a text, comment or PI node's content without copying more than once.
    static func content(_ p: xmlNodePtr) -> String {
        guard let c = p.pointee.content else { return "" }
        return String(cString: c)
    }

    /// A C string's bytes (empty for nil), valid while the node that holds it lives.
    static func bytes(_ s: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let s else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: s, count: strlen(UnsafeRawPointer(s).assumingMemoryBound(to: CChar.self)))
    }

    /// An attribute's value as UTF-8: its one text child's bytes as stored, without a copy,
    /// else the concatenated text.
    static func withAttributeValueUTF8<R>(_ attr: xmlAttrPtr, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let only = attr.pointee.children, only.pointee.next == nil { return body(bytes(only.pointee.content)) }
        var value = attributeValue(attr)
        return value.withUTF8(body)
    }

    /// The concatenated text of an attribute's children.
    static func attributeValue(_ attr: xmlAttrPtr) -> String {
        guard let first = attr.pointee.children else { return "" }
        if first.pointee.next == nil { return content(first) }
        var s = ""
        var c: xmlNodePtr? = first
        while let n = c { s += content(n); c = n.pointee.next }
        return s
    }

    static func findAttribute(_ p: xmlNodePtr, _ name: String) -> xmlAttrPtr? {
        findAttribute(p, name, foldingASCIICase: false)
    }

    /// The attribute named `name`, compared byte by byte against the stored names; with
    /// `foldingASCIICase`, `name`'s ASCII upper-case letters match their lower-case forms
    /// (HTML elements store their attribute names lower-cased). No copy of `name` is made:
    /// htmx reads dozens of attributes of every element it processes.
    static func findAttribute(_ p: xmlNodePtr, _ name: String, foldingASCIICase fold: Bool) -> xmlAttrPtr? {
        guard p.pointee.type == XML_ELEMENT_NODE, let first = p.pointee.properties else { return nil }
        return name.withUTF8Bytes { query in
            var a: xmlAttrPtr? = first
            while let attr = a {
                if let n = attr.pointee.name, nameMatches(n, query, fold) { return attr }
                a = attr.pointee.next
            }
            return nil
        }
    }

    /// Whether some attribute's name (its UTF-8 bytes, as stored) satisfies `match`.
    static func containsAttributeName(_ p: xmlNodePtr, caseInsensitivelyIn names: [[UInt8]]) -> Bool {
        containsAttributeName(p) { name in
            names.contains { q in
                guard q.count == name.count else { return false }
                for i in 0..<q.count {
                    let c = name[i]
                    if (c &- 0x41 < 26 ? c | 0x20 : c) != q[i] { return false }
                }
                return true
            }
        }
    }

    // Names compared by `SelectorBytes.equal`, a plain loop: the generic `elementsEqual`
    // walks two iterators, and a call to `memcmp` costs more than the first byte most
    // names already differ in.

    static func containsAttributeName(_ p: xmlNodePtr, withPrefixIn prefixes: [[UInt8]]) -> Bool {
        containsAttributeName(p) { name in
            prefixes.contains { q in
                name.count >= q.count && q.withUnsafeBufferPointer { SelectorBytes.equal(UnsafeBufferPointer(rebasing: name.prefix(q.count)), $0) }
            }
        }
    }

    static func containsAttributeName(_ p: xmlNodePtr, in names: [[UInt8]]) -> Bool {
        containsAttributeName(p) { name in names.contains { q in q.withUnsafeBufferPointer { SelectorBytes.equal(name, $0) } } }
    }

    static func containsAttributeName(_ p: xmlNodePtr, where match: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard p.pointee.type == XML_ELEMENT_NODE else { return false }
        var a = p.pointee.properties
        while let attr = a {
            if let name = attr.pointee.name {
                if match(bytes(name)) { return true }
            }
            a = attr.pointee.next
        }
        return false
    }

    /// The attributes named `name` and `data-` + `name`, found in one walk over the element's
    /// attributes.
    static func findAttributeAndDataTwin(_ p: xmlNodePtr, _ name: String, foldingASCIICase fold: Bool)
        -> (plain: xmlAttrPtr?, data: xmlAttrPtr?) {
        guard p.pointee.type == XML_ELEMENT_NODE, let first = p.pointee.properties else { return (nil, nil) }
        return name.withUTF8Bytes { query in
            var plain: xmlAttrPtr?, data: xmlAttrPtr?
            var a: xmlAttrPtr? = first
            while let attr = a {
                if var n = attr.pointee.name {
                    if plain == nil && nameMatches(n, query, fold) {
                        plain = attr
                    } else if data == nil && hasDataPrefix(&n) && nameMatches(n, query, fold) {
                        data = attr
                    }
                }
                a = attr.pointee.next
            }
            return (plain, data)
        }
    }

    /// Whether the stored name starts with `data-`; if so, `name` is moved past it.
    @inline(__always)
    private static func hasDataPrefix(_ name: inout UnsafePointer<xmlChar>) -> Bool {
        guard name[0] == 0x64, name[1] == 0x61, name[2] == 0x74, name[3] == 0x61, name[4] == 0x2D else { return false }
        name += 5
        return true
    }

    /// Whether a stored (NUL-terminated) name is exactly `name`.
    static func nameEquals(_ stored: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        return name.withUTF8Bytes { nameMatches(stored, $0, false) }
    }

    /// Whether an element's name is `name`, given as bytes; with `foldingASCIICase`, `name`'s
    /// ASCII capitals match the lower-case letters an HTML element's name is stored in.
    static func nameEquals(_ p: xmlNodePtr, _ name: UnsafeBufferPointer<UInt8>, foldingASCIICase fold: Bool) -> Bool {
        guard let n = p.pointee.name else { return false }
        return nameMatches(n, name, fold)
    }

    @inline(__always)
    private static func nameMatches(_ stored: UnsafePointer<xmlChar>, _ query: UnsafeBufferPointer<UInt8>, _ fold: Bool) -> Bool {
        for i in 0..<query.count {
            var q = query[i]
            if fold && q &- 0x41 < 26 { q |= 0x20 }
            // The stored name's NUL ends the comparison as a mismatch; a NUL in the query
            // matches nothing (a C string cannot hold one), and is not read past.
            if stored[i] != q || q == 0 { return false }
        }
        return stored[query.count] == 0
    }
}
