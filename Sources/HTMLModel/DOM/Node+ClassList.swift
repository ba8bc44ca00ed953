/// `Element.classList` (a DOMTokenList over the `class` attribute).
///
/// Every change rewrites the attribute from the token *set* (duplicates dropped, single
/// spaces), as the DOM's "update steps" do; removing the last class leaves `class=""`.
extension Node {
    public var classList: [String] { Self.tokens(attribute("class") ?? "") }

    public func hasClass(_ name: String) -> Bool {
        Self.tokens(attribute("class") ?? "").contains(name)
    }

    public func addClass(_ names: String...) { addClasses(names) }

    public func addClasses(_ names: [String]) {
        let current = attribute("class")
        var set = Self.orderedSet(current ?? "")
        for n in names where !set.contains(n) { set.append(n) }
        setSerializedClasses(set, replacing: current)
    }

    public func removeClass(_ names: String...) { removeClasses(names) }

    public func removeClasses(_ names: [String]) {
        // DOMTokenList.remove runs the update steps only when the attribute exists.
        guard let current = attribute("class") else { return }
        let set = Self.orderedSet(current).filter { !names.contains($0) }
        setSerializedClasses(set, replacing: current)
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
        var value = value
        return value.withUTF8 { buf in
            var out: [String] = []
            var start = 0
            for i in 0..<buf.count {
                let c = buf[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                    if i > start { out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)) }
                    start = i + 1
                }
            }
            if start < buf.count { out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start...]), as: UTF8.self)) }
            return out
        }
    }

    static func orderedSet(_ value: String) -> [String] {
        var out: [String] = []
        for t in tokens(value) where !out.contains(t) { out.append(t) }
        return out
    }
}
