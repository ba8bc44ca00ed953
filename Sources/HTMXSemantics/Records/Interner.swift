import HTMLModel

/// Strings numbered in the order first seen. The same few dozen event types and detail keys
/// come back hundreds of thousands of times, so a lookup usually ends in the memo (a record
/// list's names; htmx 2's kebab-case event twins).
struct Interner {
    /// Every string so far, by index.
    private(set) var strings: [String] = []
    private var index: [String: Int32] = [:]
    private var memo = StringMemo<Int32>()

    subscript(i: Int32) -> String { strings[Int(i)] }
    var count: Int { strings.count }

    mutating func index(of s: String) -> Int32 {
        if let known = memo.cached(s) { return known }
        let value: Int32
        if let known = index[s] {
            value = known
        } else {
            strings.append(s)
            value = Int32(strings.count - 1)
            index[s] = value
        }
        memo.remember(value, for: s)
        return value
    }
}
