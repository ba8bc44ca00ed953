/// A short field value (event name, id) kept between lines: its storage is reused, so setting
/// it in a steady stream neither allocates nor goes through `Array`'s general range
/// replacement.
struct FieldValueBuffer {
    private var storage: [UInt8] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Replaces the value with `bytes` (valid UTF-8).
    @inline(__always)
    mutating func set(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        if storage.count < n {
            storage = Array(repeating: 0, count: max(n, 32))
        }
        if n > 0, let source = bytes.baseAddress {
            storage.withUnsafeMutableBufferPointer { target in
                guard let destination = target.baseAddress else { return }
                copyBytes(from: source, to: destination, count: n)
            }
        }
        count = n
    }

    /// Replaces the value with a field's bytes, repairing invalid UTF-8 as the Encoding
    /// Standard's decoder does.
    @inline(__always)
    mutating func set(_ bytes: UnsafeBufferPointer<UInt8>, isValidUTF8: Bool) {
        if isValidUTF8 {
            set(bytes)
        } else {
            var repaired: [UInt8] = []
            UTF8Repair.append(bytes, to: &repaired)
            repaired.withUnsafeBufferPointer { set($0) }
        }
    }

    /// Replaces the value with another's.
    @inline(__always)
    mutating func set(_ other: FieldValueBuffer) {
        other.withBytes { set($0) }
    }

    @inline(__always)
    mutating func clear() {
        count = 0
    }

    /// Calls `body` with the value's bytes.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// The value decoded (it is valid UTF-8).
    var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
