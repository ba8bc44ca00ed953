/// Collects the bytes of a token part (a character run, a tag or attribute name, an
/// attribute value, comment data) without copying while they are one contiguous slice of
/// the input, which is the common case; only lower-casing, references, U+FFFD and the like
/// move it into an owned buffer.
struct ByteAccumulator {
    private var start = 0
    private var end = 0
    /// Owned bytes once `buffered`; reused across tokens (reset only rewinds its count).
    private var storage: GrowableBytes?
    private var buffered = false

    var isEmpty: Bool { buffered ? (storage?.count ?? 0) == 0 : start == end }

    @inline(__always)
    mutating func reset() {
        start = 0
        end = 0
        buffered = false
    }

    /// Appends input bytes `from ..< to`.
    @inline(__always)
    mutating func append(_ input: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        guard from < to else { return }
        if !buffered {
            if start == end {
                start = from
                end = to
                return
            }
            if end == from {
                end = to
                return
            }
        }
        ownedStorage(input).append(UnsafeBufferPointer(rebasing: input[from ..< to]))
    }

    /// Appends a byte that is not (or not known to be) the next input byte.
    @inline(__always)
    mutating func append(_ input: UnsafeBufferPointer<UInt8>, byte: UInt8) {
        ownedStorage(input).append(byte)
    }

    @inline(__always)
    mutating func append(_ input: UnsafeBufferPointer<UInt8>, bytes: UnsafeBufferPointer<UInt8>) {
        ownedStorage(input).append(bytes)
    }

    @inline(__always)
    mutating func append(_ input: UnsafeBufferPointer<UInt8>, bytes: [UInt8]) {
        let target = ownedStorage(input)
        bytes.withUnsafeBufferPointer { target.append($0) }
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value.
    @inline(__always)
    mutating func append(_ input: UnsafeBufferPointer<UInt8>, scalar: UInt32) {
        ownedStorage(input).appendUTF8(scalar)
    }

    /// The owned buffer, holding the collected bytes so far, ready for appending.
    @inline(__always)
    private mutating func ownedStorage(_ input: UnsafeBufferPointer<UInt8>) -> GrowableBytes {
        // Uniqueness is checked before binding: a bound copy would itself be a reference.
        if buffered && isKnownUniquelyReferenced(&storage), let storage {
            return storage
        }
        return moveToStorage(input)
    }

    private mutating func moveToStorage(_ input: UnsafeBufferPointer<UInt8>) -> GrowableBytes {
        let target: GrowableBytes
        if isKnownUniquelyReferenced(&storage), let existing = storage {
            target = existing
            if !buffered { target.count = 0 }
        } else {
            // First use, or shared with a copy of the tokenizer: copy-on-write.
            target = GrowableBytes()
            if buffered, let existing = storage {
                target.append(existing.bytes)
            }
            storage = target
        }
        if !buffered {
            if start < end {
                target.append(UnsafeBufferPointer(rebasing: input[start ..< end]))
            }
            buffered = true
        }
        return target
    }

    /// The collected bytes.
    @inline(__always)
    func bytes(_ input: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if buffered, let storage {
            return storage.bytes
        }
        return UnsafeBufferPointer(rebasing: input[start ..< end])
    }

    /// The collected bytes as a String (valid UTF-8 by construction).
    func makeString(_ input: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes(input), as: UTF8.self)
    }

    /// Like `makeString`, but shares the String of a common tag or attribute name.
    func makeName(_ input: UnsafeBufferPointer<UInt8>) -> String {
        let collected = bytes(input)
        return CommonNames.shared.lookup(collected) ?? String(decoding: collected, as: UTF8.self)
    }

    func equals(_ other: UnsafeBufferPointer<UInt8>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes(input).elementsEqual(other)
    }
}

/// A growable byte buffer with a count that can be rewound without freeing, so token
/// parts that need an owned copy reuse one allocation across the whole document.
final class GrowableBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    var count = 0

    init() {
        capacity = 256
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    func appendUTF8(_ scalar: UInt32) {
        reserve(4)
        switch scalar {
        case 0 ..< 0x80:
            base[count] = UInt8(scalar)
            count += 1
        case 0x80 ..< 0x800:
            base[count] = UInt8(0xC0 | (scalar >> 6))
            base[count + 1] = UInt8(0x80 | (scalar & 0x3F))
            count += 2
        case 0x800 ..< 0x10000:
            base[count] = UInt8(0xE0 | (scalar >> 12))
            base[count + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            base[count + 2] = UInt8(0x80 | (scalar & 0x3F))
            count += 3
        default:
            base[count] = UInt8(0xF0 | ((scalar >> 18) & 0x07))
            base[count + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            base[count + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            base[count + 3] = UInt8(0x80 | (scalar & 0x3F))
            count += 4
        }
    }
}
