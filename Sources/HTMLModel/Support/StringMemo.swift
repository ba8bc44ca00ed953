/// A small direct-mapped memo keyed by strings. A lookup picks its slot with a multiplicative
/// hash of the key's bytes (a few instructions a byte, where `Hashable` runs SipHash) and
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
        var bytes = key
        let slot = bytes.withUTF8 { b in
            var h: UInt32 = 0
            for c in b { h = h &* 31 &+ UInt32(c) }
            return Int((h ^ (h >> 11)) & 127)
        }
        if let entry = slots[slot], entry.key == key { return entry.value }
        let value = try compute(key)
        slots[slot] = (key, value)
        return value
    }
}
