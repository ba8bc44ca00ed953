/// The result writer's output buffer: an append is a capacity check and a copy. Results are
/// written in hundreds of thousands of small pieces (keys, indentation, short strings), and
/// `Array`'s generic `append(contentsOf:)` cost several times the bytes it copied.
///
/// A class, so the writer's nested helpers share it without `inout` plumbing; it owns its
/// memory and frees it in `deinit`.
final class ByteBuffer {
    // Touched by every append, never by two accesses at once: no runtime exclusivity check.
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    func removeAll() { count = 0 }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        append(start, source.count)
    }

    @inline(__always)
    func append(_ start: UnsafePointer<UInt8>, _ n: Int) {
        if capacity - count < n { grow(toAtLeast: count + n) }
        (base + count).update(from: start, count: n)
        count += n
    }

    /// A constant's bytes (all of it, or its first `n`).
    @inline(__always)
    func append(_ text: StaticString, count n: Int? = nil) {
        append(text.utf8Start, n ?? text.utf8CodeUnitCount)
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Doubles (at least), so a long run of appends costs amortised constant time.
    private func grow(toAtLeast needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
