/// The pending event's data, written straight into the storage its message will use.
///
/// Each data line's value is copied once, as the line is read, to the end of the pending
/// message's region of the current block (``EventDataArena``); dispatching appends the header
/// fields after the data and hands out the region, so a message costs no copy beyond that
/// one. The record layout is `[data][event][id][lastEventID]` (see ``EventStreamMessage``).
///
/// The block's write position lives in this value, not in the block, so the inner loop works
/// on a raw pointer and two integers. A copy of the parser shares the block; ``makeWritable()``
/// (once per fed chunk) moves each copy that is no longer alone into a block of its own before
/// it writes, so two copies never write the same bytes.
struct EventDataBuffer {
    /// The block the pending message is being written into.
    private var block: EventDataArena = emptyArena
    /// `block.base` and `block.capacity`, kept here so appending does not go through the class.
    private var base: UnsafeMutablePointer<UInt8> = emptyArena.base
    private var capacity = 0
    /// Offset in the block where the pending message starts.
    private var start = 0
    /// Offset of the next byte to write; `start..<end` is the pending data.
    private var end = 0
    /// Some data line was seen since the last dispatch (htmx 4's `hasData`; the browser's data
    /// buffer is not empty). A data line with an empty value sets it without adding bytes.
    private(set) var hasData = false
    /// Held only by this buffer while no copy of the parser exists.
    private var owner = OwnerToken()

    private final class OwnerToken {}

    /// No data line yet since the last dispatch.
    @inline(__always)
    var isEmpty: Bool { !hasData }

    /// The size of the joined data, in bytes.
    @inline(__always)
    var byteCount: Int { end &- start }

    /// Ensures no copy of the parser shares the pending region; call before appending in a
    /// new ``EventStreamParser/feed(_:)``.
    @inline(__always)
    mutating func makeWritable() {
        if !isKnownUniquelyReferenced(&owner) {
            owner = OwnerToken()
            if capacity > 0 { moveToNewBlock(minimumCapacity: byteCount) }
        }
    }

    /// Adds a line's value known to be valid UTF-8.
    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count n: Int) {
        let separator = hasData ? 1 : 0
        if capacity &- end < n &+ separator { makeRoom(n &+ separator) }
        var out = base + end
        if hasData {
            out.pointee = 0x0A
            out += 1
        }
        copyBytes(from: source, to: out, count: n)
        end &+= n &+ separator
        hasData = true
    }

    /// Adds a line's value, replacing invalid UTF-8 by U+FFFD as the Encoding Standard's
    /// decoder does.
    @inline(never)
    mutating func appendRepairing(_ value: UnsafeBufferPointer<UInt8>) {
        var repaired: [UInt8] = []
        UTF8Repair.append(value, to: &repaired)
        repaired.withUnsafeBufferPointer { bytes in
            if let source = bytes.baseAddress {
                append(source, count: bytes.count)
            } else {
                append(base, count: 0)
            }
        }
    }

    /// Makes room for `needed` more bytes after the pending data.
    @inline(never)
    private mutating func makeRoom(_ needed: Int) {
        let pending = byteCount
        let total = pending &+ needed
        if total <= capacity && capacity <= EventDataArena.blockSize * 4 && isKnownUniquelyReferenced(&block) {
            // Every message that used the block is gone: start it over instead of allocating
            // (and page-faulting) a fresh one.
            if pending > 0 && start > 0 { UnsafeMutableRawPointer(base).copyMemory(from: base + start, byteCount: pending) }
            start = 0
            end = pending
        } else {
            moveToNewBlock(minimumCapacity: total)
        }
    }

    /// Continues the pending message in a new block with room for `minimumCapacity` bytes; a
    /// message that outgrows blocks doubles its block, so a large event is copied O(1) times
    /// per byte.
    private mutating func moveToNewBlock(minimumCapacity: Int) {
        let pending = byteCount
        let size = minimumCapacity <= EventDataArena.blockSize
            ? EventDataArena.blockSize : max(minimumCapacity, min(pending, Int.max / 4) &* 2)
        let next = EventDataArena(capacity: size)
        if pending > 0 { next.base.initialize(from: base + start, count: pending) }
        block = next
        base = next.base
        capacity = size
        start = 0
        end = pending
    }

    /// Ends the pending message: appends the header fields (event name, id, last event ID)
    /// after the data and returns the whole record; the data buffer is left empty.
    @inline(__always)
    mutating func takeRecord(_ first: FieldValueBuffer, _ second: FieldValueBuffer, _ third: FieldValueBuffer) -> EventStreamData {
        let headerCount = first.count &+ second.count &+ third.count
        if capacity &- end < headerCount { makeRoom(headerCount) }
        var out = base + end
        Self.copy(first, to: &out)
        Self.copy(second, to: &out)
        Self.copy(third, to: &out)
        let total = byteCount &+ headerCount
        let record = EventStreamData(storage: total > 0 ? block : nil, offset: start, count: total)
        start = end &+ headerCount
        end = start
        hasData = false
        return record
    }

    @inline(__always)
    private static func copy(_ bytes: FieldValueBuffer, to out: inout UnsafeMutablePointer<UInt8>) {
        let n = bytes.count
        guard n > 0 else { return }
        bytes.withBytes { source in
            if let from = source.baseAddress { copyBytes(from: from, to: out, count: n) }
        }
        out += n
    }

    /// Forgets the pending data.
    @inline(__always)
    mutating func reset() {
        end = start
        hasData = false
    }
}

/// A block nobody writes to (capacity 0): where a buffer starts before its first data line.
private let emptyArena = EventDataArena(capacity: 0)

/// Copies `count` bytes: a data value is usually a few dozen to a few hundred bytes, which
/// 16-byte vector moves cover in a handful of steps without a `memcpy` call; long ones go to
/// `memcpy`.
@inline(__always)
func copyBytes(from source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>, count n: Int) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(destination)
    if n >= 16 {
        if n > 512 {
            to.copyMemory(from: from, byteCount: n)
            return
        }
        // Whole 32- then 16-byte steps, then one more ending exactly at the last byte (it may
        // overlap).
        var k = 0
        while n &- k > 32 {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self), toByteOffset: k, as: SIMD16<UInt8>.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k &+ 16, as: SIMD16<UInt8>.self), toByteOffset: k &+ 16, as: SIMD16<UInt8>.self)
            k &+= 32
        }
        if n &- k > 16 {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self), toByteOffset: k, as: SIMD16<UInt8>.self)
        }
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self), toByteOffset: n &- 16, as: SIMD16<UInt8>.self)
    } else if n >= 8 {
        to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8, as: UInt64.self)
    } else if n >= 4 {
        to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self), toByteOffset: n &- 4, as: UInt32.self)
    } else {
        for k in 0..<n { destination[k] = source[k] }
    }
}
