extension String {
    /// Calls `body` with the string's UTF-8 bytes where they lie. `withUTF8` needs a mutable
    /// copy, which retains and releases the storage around every call; a native string
    /// (small ones included) is always contiguous, so this counts no reference.
    @inlinable
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

extension Substring {
    /// As ``Swift/String/withUTF8Bytes(_:)``.
    @inlinable
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
