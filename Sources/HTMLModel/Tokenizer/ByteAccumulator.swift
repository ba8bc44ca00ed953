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
            if !buffered { target.removeAll() }
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
