/// The bytes of a message's data: valid UTF-8, immutable, cheap to create and to drop.
///
/// The parser copies the data of the messages it dispatches into shared blocks of memory
/// (about 64 KiB each, larger for a larger message) instead of allocating once per message;
/// a value keeps its block alive. To keep one message's data for a long time without keeping
/// its neighbours', copy it out (`Array(message.dataUTF8)` or ``string``).
public struct EventStreamData: RandomAccessCollection, Hashable, Sendable, CustomStringConvertible {
    public typealias Element = UInt8
    public typealias Index = Int

    @usableFromInline let storage: EventDataArena?
    @usableFromInline let offset: Int
    public let count: Int

    @usableFromInline
    init(storage: EventDataArena?, offset: Int, count: Int) {
        self.storage = storage
        self.offset = offset
        self.count = count
    }

    /// Copies `bytes`, replacing invalid UTF-8 by U+FFFD as the Encoding Standard's decoder does.
    public init(_ bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        var repaired: [UInt8] = []
        repaired.reserveCapacity(array.count)
        array.withUnsafeBufferPointer { UTF8Repair.append($0, to: &repaired) }
        self = repaired.withUnsafeBufferPointer { EventStreamData(copying: $0) }
    }

    /// Copies `text`'s UTF-8.
    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { EventStreamData(copying: $0) }
    }

    /// Copies bytes known to be valid UTF-8 into a block of their own.
    init(copying bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count > 0 else {
            self.init(storage: nil, offset: 0, count: 0)
            return
        }
        let arena = EventDataArena(capacity: bytes.count)
        if let source = bytes.baseAddress { arena.base.initialize(from: source, count: bytes.count) }
        self.init(storage: arena, offset: 0, count: bytes.count)
    }

    /// The bytes `lower..<upper` of this value, sharing its storage.
    @inlinable
    func slice(_ lower: Int, _ upper: Int) -> EventStreamData {
        EventStreamData(storage: upper > lower ? storage : nil, offset: offset &+ lower, count: upper &- lower)
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "EventStreamData index out of range")
        // A non-empty value always has storage.
        return storage.map { $0.base[offset &+ position] } ?? 0
    }

    /// Calls `body` with the bytes in contiguous memory, valid only during the call.
    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        guard let storage else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let result = try body(UnsafeBufferPointer(start: storage.base + offset, count: count))
        withExtendedLifetime(storage) {}
        return result
    }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard let storage else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let result = try body(UnsafeBufferPointer(start: storage.base + offset, count: count))
        withExtendedLifetime(storage) {}
        return result
    }

    /// The bytes as a string (decoding cannot fail: they are valid UTF-8).
    public var string: String {
        withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    public var description: String { string }

    public static func == (a: EventStreamData, b: EventStreamData) -> Bool {
        guard a.count == b.count else { return false }
        if a.storage === b.storage && a.offset == b.offset { return true }
        return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in bytesEqual(x, y) } }
    }

    /// Equal-length buffers compared a word at a time.
    private static func bytesEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
        let count = x.count
        var i = 0
        while count &- i >= 8 {
            if UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(q + i).loadUnaligned(as: UInt64.self) {
                return false
            }
            i &+= 8
        }
        while i < count {
            if p[i] != q[i] { return false }
            i &+= 1
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBufferPointer { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A block of memory holding the data of several messages. Each message's region is written
/// once, before the message exists, and never again; the parser (``EventDataBuffer``) writes
/// regions one after another, so regions never overlap and readers on other threads only read
/// bytes nobody writes any more (hence `@unchecked Sendable`).
@usableFromInline
final class EventDataArena: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    /// The size of a new block when messages are small.
    static let blockSize = 64 * 1024

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity, 1))
    }

    deinit {
        base.deallocate()
    }
}
