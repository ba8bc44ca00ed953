/// The dispatched messages not yet taken, first in, first out.
///
/// Messages are moved in and out of raw storage: adding or taking one neither copies it nor
/// touches its reference count, which matters at hundreds of thousands of messages a second.
/// The storage is copied on write, so a copied parser keeps its own queue.
struct MessageQueue {
    private var storage = Storage(capacity: 0)

    var isEmpty: Bool { storage.head == storage.tail }

    /// Gives this queue storage of its own if a copy of the parser shares it; ``append(_:)``
    /// relies on a call to this earlier in the same ``EventStreamParser/feed(_:)``, so the
    /// check is made once per chunk, not once per message.
    @inline(__always)
    mutating func makeWritable() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(minimumCapacity: storage.count)
        }
    }

    /// Adds a message; only after ``makeWritable()`` in the same feed.
    @inline(__always)
    mutating func append(_ message: consuming EventStreamMessage) {
        if storage.tail == storage.capacity {
            storage = storage.copy(minimumCapacity: max(16, storage.count &* 2))
        }
        (storage.base + storage.tail).initialize(to: message)
        storage.tail &+= 1
    }

    @inline(__always)
    mutating func removeFirst() -> EventStreamMessage? {
        guard storage.head < storage.tail else { return nil }
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(minimumCapacity: storage.count)
        }
        let message = (storage.base + storage.head).move()
        storage.head &+= 1
        if storage.head == storage.tail {
            storage.head = 0
            storage.tail = 0
            // A burst left a large buffer behind: let it go.
            if storage.capacity > 4096 { storage = Storage(capacity: 0) }
        }
        return message
    }

    /// `base[head..<tail]` are initialized messages.
    private final class Storage {
        let base: UnsafeMutablePointer<EventStreamMessage>
        let capacity: Int
        var head = 0
        var tail = 0

        init(capacity: Int) {
            self.capacity = capacity
            base = UnsafeMutablePointer<EventStreamMessage>.allocate(capacity: max(capacity, 1))
        }

        deinit {
            (base + head).deinitialize(count: tail &- head)
            base.deallocate()
        }

        var count: Int { tail &- head }

        /// A copy of the pending messages, starting at the front of a new buffer.
        func copy(minimumCapacity: Int) -> Storage {
            let copy = Storage(capacity: max(minimumCapacity, count))
            copy.base.initialize(from: base + head, count: count)
            copy.tail = count
            return copy
        }
    }
}
