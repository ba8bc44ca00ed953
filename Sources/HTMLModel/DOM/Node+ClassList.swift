import CLibXML2

/// `Element.classList` (a DOMTokenList over the `class` attribute).
///
/// Every change rewrites the attribute from the token *set* (duplicates dropped, single
/// spaces), as the DOM's "update steps" do; removing the last class leaves `class=""`.
extension Node {
    public var classList: [String] { Self.tokens(attribute("class") ?? "") }

    /// `classList.length > 0`, read off the attribute's bytes (no token array).
    public var hasClassTokens: Bool {
        attribute("class")?.utf8.contains { !Self.isSeparator($0) } ?? false
    }

    public func hasClass(_ name: String) -> Bool {
        Self.tokens(attribute("class") ?? "").contains(name)
    }

    public func addClass(_ names: String...) { addClasses(names) }

    public func addClasses(_ names: [String]) {
        switch editNormalizedClass({ Self.addingToNormalized($0, names) }) {
        case .done: return
        case .noAttribute, .general: break
        }
        let current = attribute("class")
        var set = Self.orderedSet(current ?? "")
        for n in names where !set.contains(n) { set.append(n) }
        setSerializedClasses(set, replacing: current)
    }

    public func removeClass(_ names: String...) { removeClasses(names) }

    /// Returns whether a class remains (`classList.length > 0` afterwards), nil when there
    /// is no `class` attribute: what htmx asks next, without reading the attribute again.
    @discardableResult
    public func removeClasses(_ names: [String]) -> Bool? {
        // DOMTokenList.remove runs the update steps only when the attribute exists.
        switch editNormalizedClass({ Self.removingFromNormalized($0, names) }) {
        case .done(let classLeft): return classLeft
        case .noAttribute: return nil
        case .general: break
        }
        let current = attribute("class") ?? ""
        let set = Self.orderedSet(current).filter { !names.contains($0) }
        setSerializedClasses(set, replacing: current)
        return !set.isEmpty
    }

    /// What a fast path did with the class value.
    enum ClassEdit {
        /// Edited in place, or nothing to change.
        case done(classLeft: Bool)
        /// No `class` attribute (or not an element).
        case noAttribute
        /// The value (or the names) need the general path: the token set's update steps.
        case general
    }

    /// Settle classes are added and removed several times per swapped element: when the
    /// `class` attribute is one text node holding a serialized set (the usual case), `edit`
    /// works on its bytes and a change rewrites that node's text, with no String on the way.
    /// `edit` returns nil to decline, the value itself for no change, or the new bytes.
    private func editNormalizedClass(_ edit: (UnsafeBufferPointer<UInt8>) -> [UInt8]??) -> ClassEdit {
        guard isElement, let attr = RawTree.findAttribute(ptr, "class") else { return .noAttribute }
        guard let text = attr.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE
        else { return .general }
        let current = RawTree.bytes(text.pointee.content)
        guard let outcome = edit(current) else { return .general }
        guard let bytes = outcome else { return .done(classLeft: !current.isEmpty) }
        bytes.withUnsafeBufferPointer { b in
            xmlNodeSetContentLen(text, b.baseAddress, Int32(clamping: b.count))
        }
        return .done(classLeft: !bytes.isEmpty)
    }

    /// DOMTokenList's update steps: the attribute is set to the serialized set. Writing the
    /// value it already has changes nothing observable here (no mutation observers), so that
    /// write, the common case of settle classes, is skipped.
    private func setSerializedClasses(_ set: [String], replacing current: String?) {
        let value = set.joined(separator: " ")
        if value != current { setAttribute("class", value) }
    }

    /// Returns whether the class is present afterwards.
    @discardableResult
    public func toggleClass(_ name: String, force: Bool? = nil) -> Bool {
        let present = hasClass(name)
        let want = force ?? !present
        if want && !present { addClasses([name]) }
        if !want && present { removeClasses([name]) }
        return want
    }

    /// The value split on ASCII whitespace, as DOMTokenList parses it. The separators are
    /// single bytes that never occur inside a multi-byte UTF-8 sequence, so the split works
    /// on bytes (a CR LF pair is two separators, not one Character that matches neither).
    static func tokens(_ value: String) -> [String] {
        return value.withUTF8Bytes { buf in
            var out: [String] = []
            var start = 0
            for i in 0..<buf.count {
                let c = buf[i]
                if isSeparator(c) {
                    if i > start { out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)) }
                    start = i + 1
                }
            }
            if start < buf.count { out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start...]), as: UTF8.self)) }
            return out
        }
    }

    /// The bytes of `current` (a class value) with the missing `names` appended, when
    /// `current` is already what the update steps write and every name is a plain token;
    /// `.some(nil)` when nothing is missing; nil otherwise.
    static func addingToNormalized(_ current: UnsafeBufferPointer<UInt8>, _ names: [String]) -> [UInt8]?? {
        guard isSerializedSet(current), plainTokens(names) else { return nil }
        guard names.contains(where: { !contains(token: $0, in: current) }) else { return .some(nil) }
        var out = Array(current)
        for n in names where !out.withUnsafeBufferPointer({ contains(token: n, in: $0) }) {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: n.utf8)
        }
        return .some(out)
    }

    /// The bytes of `current` without `names`, when `current` is already a serialized set
    /// and the names are plain tokens (then the update steps' split, filter and join give
    /// the same); `.some(nil)` when none is present; nil otherwise.
    static func removingFromNormalized(_ current: UnsafeBufferPointer<UInt8>, _ names: [String]) -> [UInt8]?? {
        guard isSerializedSet(current), plainTokens(names) else { return nil }
        guard names.contains(where: { contains(token: $0, in: current) }) else { return .some(nil) }
        var out: [UInt8] = []
        out.reserveCapacity(current.count)
        var start = 0
        for i in 0...current.count where i == current.count || current[i] == 0x20 {
            let token = UnsafeBufferPointer(rebasing: current[start..<i])
            if !names.contains(where: { Self.equals(token, $0) }) {
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: token)
            }
            start = i + 1
        }
        return .some(out)
    }

    /// Whether every name is non-empty and free of ASCII whitespace.
    static func plainTokens(_ names: [String]) -> Bool {
        names.allSatisfy { name in
            return name.withUTF8Bytes { b in !b.isEmpty && !b.contains(where: isSeparator) }
        }
    }

    /// Whether `value` equals its own serialized token set: tokens joined by single spaces,
    /// no other whitespace, none repeated.
    static func isSerializedSet(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        if buf.isEmpty { return true }
        if buf.first == 0x20 || buf.last == 0x20 { return false }
        var start = 0
        var count = 0
        // A class value holds a handful of tokens, compared pairwise with no allocation;
        // past `pairwiseLimit` of them the earlier ones go into a set, so a page with
        // thousands of classes on one element costs linear time, not quadratic.
        var seen: Set<ByteSlice>?
        for i in 0...buf.count {
            guard i == buf.count || isSeparator(buf[i]) else { continue }
            if i < buf.count && buf[i] != 0x20 { return false }
            if i == start { return false } // two separators in a row
            let token = UnsafeBufferPointer(rebasing: buf[start..<i])
            if count < pairwiseLimit {
                var s = 0
                for j in 0..<start where buf[j] == 0x20 {
                    if Self.equals(UnsafeBufferPointer(rebasing: buf[s..<j]), token) { return false }
                    s = j + 1
                }
            } else {
                if seen == nil { seen = Set(spaceSeparated(UnsafeBufferPointer(rebasing: buf[0..<start - 1])).map(ByteSlice.init)) }
                if !seen!.insert(ByteSlice(token)).inserted { return false }
            }
            count += 1
            start = i + 1
        }
        return true
    }

    static let pairwiseLimit = 32

    /// The tokens of a value whose separators are single spaces.
    static func spaceSeparated(_ buf: UnsafeBufferPointer<UInt8>) -> [UnsafeBufferPointer<UInt8>] {
        var out: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for i in 0...buf.count where i == buf.count || buf[i] == 0x20 {
            out.append(UnsafeBufferPointer(rebasing: buf[start..<i]))
            start = i + 1
        }
        return out
    }

    /// A token's bytes, hashed and compared by content (valid while the buffer it points
    /// into is).
    struct ByteSlice: Hashable {
        let bytes: UnsafeBufferPointer<UInt8>
        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
        static func == (a: ByteSlice, b: ByteSlice) -> Bool { Node.equals(a.bytes, b.bytes) }
        func hash(into h: inout Hasher) { h.combine(bytes: UnsafeRawBufferPointer(bytes)) }
    }

    /// Whether `name` is one of the space-separated tokens of a serialized set.
    static func contains(token name: String, in buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        for i in 0...buf.count where i == buf.count || buf[i] == 0x20 {
            if equals(UnsafeBufferPointer(rebasing: buf[start..<i]), name) { return true }
            start = i + 1
        }
        return false
    }

    /// Byte equality of two tokens (memcmp: a generic element-by-element comparison cost
    /// more than the rest of a settle class update).
    @inline(__always)
    static func equals(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    @inline(__always)
    static func equals(_ a: UnsafeBufferPointer<UInt8>, _ name: String) -> Bool {
        guard a.count == name.utf8.count else { return false }
        if let same = name.utf8.withContiguousStorageIfAvailable({ equals(a, $0) }) { return same }
        return a.elementsEqual(name.utf8)
    }

    /// ASCII whitespace, which separates class names.
    @inline(__always)
    static func isSeparator(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
    }

    static func orderedSet(_ value: String) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for t in tokens(value) where seen.insert(t).inserted { out.append(t) }
        return out
    }
}
