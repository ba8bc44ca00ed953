/// A small direct-mapped memo keyed by strings. A lookup picks its slot from the key's length
/// and three of its bytes (where `Hashable` runs SipHash over all of them) and
/// compares one key (usually the same literal's storage, which compares without reading the
/// bytes): the engine asks the same few dozen event names and selectors hundreds of
/// thousands of times. A key whose slot holds another key is computed again and takes it.
public struct StringMemo<Value> {
    // Inlinable, so each user's instance is specialised for its value type (a generic call
    // across modules cost more than the hashing it saves).
    @usableFromInline var slots: [(key: String, value: Value)?] = Array(repeating: nil, count: 128)

    @inlinable public init() {}

    @inlinable
    public mutating func value<Failure: Error>(for key: String, orCompute compute: (String) throws(Failure) -> Value) throws(Failure) -> Value {
        if let value = cached(key) { return value }
        let value = try compute(key)
        remember(value, for: key)
        return value
    }

    /// The value remembered for `key`, if its slot still holds it. With ``remember(_:for:)``
    /// for a user whose computation changes state the memo's owner also holds.
    @inlinable
    public func cached(_ key: String) -> Value? {
        guard let entry = slots[Self.slot(key)], entry.key == key else { return nil }
        return entry.value
    }

    @inlinable
    public mutating func remember(_ value: Value, for key: String) {
        slots[Self.slot(key)] = (key, value)
    }

    /// The slot from the key's length and its first, middle and last bytes: a few loads
    /// whatever its length, and enough to tell the event names and selectors apart that a
    /// run repeats (a collision only costs a computation).
    @inlinable
    static func slot(_ key: String) -> Int {
        var bytes = key
        return bytes.withUTF8 { b in
            guard let first = b.first else { return 0 }
            let h = b.count &* 31 &+ Int(first) &* 7 &+ Int(b[b.count >> 1]) &* 3 &+ Int(b[b.count - 1])
            return (h ^ (h >> 7)) & 127
        }
    }
}
