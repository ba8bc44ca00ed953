/// A small two-way set-associative memo keyed by strings. A lookup picks its set from the
/// key's length and four of its bytes (where `Hashable` runs SipHash over all of them) and
/// compares at most two keys (usually the same literal's storage, which compares without
/// reading the bytes): the engine asks the same few dozen event names and selectors hundreds
/// of thousands of times. Two ways, because htmx fires some names that share a set in every
/// swap (`htmx:beforeProcessNode` and `htmx:afterSwap`), and a direct-mapped memo then
/// recomputed both each time. A key whose set is full evicts the older of the two.
public struct StringMemo<Value> {
    // Inlinable, so each user's instance is specialised for its value type (a generic call
    // across modules cost more than the hashing it saves). Keys and values in arrays of
    // their own: a lookup compares a key where it lies and copies nothing out until it hits
    // (a slot held as an optional tuple was copied, key retained and released, per probe).
    // A slot is filled when its value is.
    @usableFromInline var keys: [String] = Array(repeating: "", count: 2 * setCount)
    @usableFromInline var values: [Value?] = Array(repeating: nil, count: 2 * setCount)
    @usableFromInline static var setCount: Int { 128 }

    @inlinable public init() {}

    @inlinable
    public mutating func value<Failure: Error>(for key: String, orCompute compute: (String) throws(Failure) -> Value) throws(Failure) -> Value {
        if let value = cached(key) { return value }
        let value = try compute(key)
        remember(value, for: key)
        return value
    }

    /// The value remembered for `key`, if its set still holds it. With ``remember(_:for:)``
    /// for a user whose computation changes state the memo's owner also holds.
    @inlinable
    public func cached(_ key: String) -> Value? {
        let first = 2 &* Self.set(key)
        if Self.same(keys[first], key) { return values[first] }
        if Self.same(keys[first &+ 1], key) { return values[first &+ 1] }
        return nil
    }

    /// Remembers `value` in the first way of `key`'s set; what that way held moves to the
    /// second (unless it was `key` itself).
    @inlinable
    public mutating func remember(_ value: Value, for key: String) {
        let first = 2 &* Self.set(key)
        if values[first] != nil, !Self.same(keys[first], key) {
            keys.swapAt(first, first &+ 1)
            values.swapAt(first, first &+ 1)
        }
        keys[first] = key
        values[first] = value
    }

    /// Lengths first: `==` on two different short strings is an out-of-line call.
    @inlinable
    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// The set from the key's length and its first, quarter, middle and last bytes: a few
    /// loads whatever its length (a collision only costs a computation).
    @inlinable
    static func set(_ key: String) -> Int {
        return key.withUTF8Bytes { b in
            guard let first = b.first else { return 0 }
            let h = b.count &* 31 &+ Int(first) &* 7 &+ Int(b[b.count >> 2]) &* 5 &+ Int(b[b.count >> 1]) &* 3 &+ Int(b[b.count - 1])
            return (h ^ (h >> 7)) & (setCount - 1)
        }
    }
}
