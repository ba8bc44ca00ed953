/// The data lines of the pending event, joined by LF, always valid UTF-8.
///
/// Values of clean lines that lie in the chunk being fed are only referenced; they are copied
/// once, straight into the message's storage, when the event is dispatched, or into the owned
/// buffer when the chunk ends first (``keepReferencedBytes()``). Lines that needed repair or
/// were assembled across chunks go to the owned buffer at once.
struct EventDataBuffer {
    /// Lines already copied (an owned prefix of the data, `ownedLines` lines of it).
    private var owned: [UInt8] = []
    private var ownedLines = 0
    /// Later lines, still in the caller's chunk: the first in `firstReference` (most events
    /// have one data line, and then no array is touched), the others in
    /// `moreReferences[0..<referenceCount - 1]` (reused, not emptied, between events).
    private var firstReference = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var moreReferences: [UnsafeBufferPointer<UInt8>] = []
    private var referenceCount = 0
    /// The size of the joined data, in bytes.
    private(set) var byteCount = 0
    /// Where dispatched data goes: a block shared by the next messages.
    private var arena: EventDataArena?
    /// Held only by this buffer, so a copy of the parser (which shares `arena`) is noticed
    /// before it writes: each copy then continues in a block of its own.
    private var owner = OwnerToken()

    private final class OwnerToken {}

    /// No data line yet (htmx 4's `hasData` is false; the browser's data buffer is empty).
    @inline(__always)
    var isEmpty: Bool { ownedLines == 0 && referenceCount == 0 }

    /// Adds a line's value that is valid UTF-8 and stays readable until the chunk ends.
    @inline(__always)
    mutating func appendReference(_ value: UnsafeBufferPointer<UInt8>) {
        byteCount &+= isEmpty ? value.count : value.count &+ 1
        if referenceCount == 0 {
            firstReference = value
        } else if referenceCount &- 1 < moreReferences.count {
            moreReferences[referenceCount &- 1] = value
        } else {
            moreReferences.append(value)
        }
        referenceCount &+= 1
    }

    /// Adds a line's value by copying it now, repairing invalid UTF-8 unless it is known valid.
    mutating func appendCopy(_ value: UnsafeBufferPointer<UInt8>, isValidUTF8: Bool) {
        keepReferencedBytes()
        let before = owned.count
        if ownedLines > 0 { owned.append(0x0A) }
        if isValidUTF8 {
            owned.append(contentsOf: value)
        } else {
            UTF8Repair.append(value, to: &owned)
        }
        ownedLines += 1
        byteCount &+= owned.count &- before
    }

    /// Copies the referenced values into the owned buffer, before their chunk goes away.
    @inline(__always)
    mutating func keepReferencedBytes() {
        guard referenceCount > 0 else { return }
        for k in 0..<referenceCount {
            if ownedLines > 0 { owned.append(0x0A) }
            owned.append(contentsOf: k == 0 ? firstReference : moreReferences[k &- 1])
            ownedLines += 1
        }
        referenceCount = 0
    }

    /// A message record: `header` fields (event name, id, last event ID, in that order) then
    /// the joined data, all copied into the current block; the data buffer is left empty.
    mutating func takeRecord(_ first: FieldValueBuffer, _ second: FieldValueBuffer, _ third: FieldValueBuffer) -> EventStreamData {
        // (`first`, `second`, `third`: see EventStreamMessage's record layout.)
        let headerCount = first.count &+ second.count &+ third.count
        let total = headerCount &+ byteCount
        guard total > 0 else {
            reset()
            return EventStreamData(storage: nil, offset: 0, count: 0)
        }
        if !isKnownUniquelyReferenced(&owner) {
            owner = OwnerToken()
            arena = nil
        }
        // (Optional chaining, not `if let`: a bound reference would defeat the uniqueness check.)
        if (arena?.available ?? -1) < total {
            if (arena?.capacity ?? -1) >= total && isKnownUniquelyReferenced(&arena) {
                // Every message that used the block is gone: start it over instead of
                // allocating (and page-faulting) a fresh one.
                arena?.reset()
            } else {
                arena = EventDataArena(capacity: max(total, EventDataArena.blockSize))
            }
        }
        guard let block = arena else { return EventStreamData(storage: nil, offset: 0, count: 0) }
        let offset = block.claim(total)
        var out = UnsafeMutableRawPointer(block.base + offset)
        if headerCount > 0 {
            Self.copy(first, to: &out)
            Self.copy(second, to: &out)
            Self.copy(third, to: &out)
        }
        if ownedLines > 0 {
            owned.withUnsafeBytes { source in
                if let base = source.baseAddress, source.count > 0 {
                    out.copyMemory(from: base, byteCount: source.count)
                    out += source.count
                }
            }
        }
        var atStart = ownedLines == 0
        for k in 0..<referenceCount {
            let value = k == 0 ? firstReference : moreReferences[k &- 1]
            if !atStart {
                out.storeBytes(of: 0x0A, as: UInt8.self)
                out += 1
            }
            atStart = false
            if let base = value.baseAddress, value.count > 0 {
                out.copyMemory(from: base, byteCount: value.count)
                out += value.count
            }
        }
        reset()
        return EventStreamData(storage: block, offset: offset, count: total)
    }

    @inline(__always)
    private static func copy(_ bytes: FieldValueBuffer, to out: inout UnsafeMutableRawPointer) {
        guard !bytes.isEmpty else { return }
        bytes.withBytes { source in
            if let base = source.baseAddress {
                smallCopy(from: base, to: out.assumingMemoryBound(to: UInt8.self), count: source.count)
                out += source.count
            }
        }
    }

    /// Forgets the pending data.
    @inline(__always)
    mutating func reset() {
        if ownedLines > 0 {
            owned.removeAll(keepingCapacity: owned.capacity <= 1 << 16)
            ownedLines = 0
        }
        referenceCount = 0
        byteCount = 0
    }
}
