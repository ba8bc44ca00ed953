/// A growable byte buffer: an append is a capacity check and a copy, and the count can be
/// rewound without freeing. The tokenizer keeps token parts that need an owned copy in one
/// (one allocation across a whole document); the result writer writes its JSON into one
/// (`Array.append(contentsOf:)` cost several times the few bytes most appends copy).
///
/// A class, so helpers share it without `inout` plumbing; it owns its memory and frees it in
/// `deinit`. The append paths are inlinable so other modules' writers inline them too.
public final class GrowableBytes {
    // Touched by every append, never by two accesses at once: no runtime exclusivity check.
    @usableFromInline @exclusivity(unchecked) var base: UnsafeMutablePointer<UInt8>
    @usableFromInline @exclusivity(unchecked) var capacity: Int
    @usableFromInline @exclusivity(unchecked) var used = 0

    public var count: Int { used }

    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: used) }

    /// Empties the buffer, keeping its memory.
    public func removeAll() { used = 0 }

    /// Drops the bytes after the first `count`.
    public func truncate(to count: Int) {
        precondition(count >= 0 && count <= used, "truncating \(used) bytes to \(count)")
        used = count
    }

    @inlinable @inline(__always)
    func reserve(_ extra: Int) {
        if capacity - used < extra { grow(used + extra) }
    }

    /// Doubles (at least), so a long run of appends costs amortised constant time.
    @usableFromInline
    func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: used)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inlinable @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1)
        base[used] = byte
        used += 1
    }

    @inlinable @inline(__always)
    public func append(_ start: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        (base + used).initialize(from: start, count: n)
        used += n
    }

    @inlinable @inline(__always)
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        append(source, bytes.count)
    }

    /// A constant's bytes (all of it, or its first `n`), without building a String.
    @inlinable @inline(__always)
    public func append(_ text: StaticString, count n: Int? = nil) {
        append(text.utf8Start, n ?? text.utf8CodeUnitCount)
    }

    public func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    func appendUTF8(_ scalar: UInt32) {
        reserve(4)
        switch scalar {
        case 0 ..< 0x80:
            base[used] = UInt8(scalar)
            used += 1
        case 0x80 ..< 0x800:
            base[used] = UInt8(0xC0 | (scalar >> 6))
            base[used + 1] = UInt8(0x80 | (scalar & 0x3F))
            used += 2
        case 0x800 ..< 0x10000:
            base[used] = UInt8(0xE0 | (scalar >> 12))
            base[used + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            base[used + 2] = UInt8(0x80 | (scalar & 0x3F))
            used += 3
        default:
            base[used] = UInt8(0xF0 | ((scalar >> 18) & 0x07))
            base[used + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            base[used + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            base[used + 3] = UInt8(0x80 | (scalar & 0x3F))
            used += 4
        }
    }
}
