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
        var set = Self.orderedSet(attribute("class") ?? "")
        for n in names where !set.contains(n) { set.append(n) }
        setAttribute("class", set.joined(separator: " "))
    }

    public func removeClass(_ names: String...) { removeClasses(names) }

    public func removeClasses(_ names: [String]) {
        // DOMTokenList.remove runs the update steps only when the attribute exists.
        guard let current = attribute("class") else { return }
        let set = Self.orderedSet(current).filter { !names.contains($0) }
        setAttribute("class", set.joined(separator: " "))
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

    static func tokens(_ value: String) -> [String] {
        if let fast = asciiTokens(value) { return fast }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }).map(String.init)
    }

    /// The same split over bytes, for ASCII values without a CR LF pair (where each byte is
    /// one Character, so the result is identical); nil otherwise.
    private static func asciiTokens(_ value: String) -> [String]? {
        var value = value
        return value.withUTF8 { buf -> [String]? in
            var out: [String] = []
            var start = 0
            for i in 0..<buf.count {
                let c = buf[i]
                if c >= 0x80 || (c == 0x0D && i + 1 < buf.count && buf[i + 1] == 0x0A) { return nil }
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
