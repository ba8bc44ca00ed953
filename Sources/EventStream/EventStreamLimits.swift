/// Bounds on what one event stream may make the parser hold in memory.
///
/// Whatever the input, the parser holds at most about one line (``maxLineLength``) plus
/// one event's data (``maxEventSize``) of stream bytes, and the messages not yet taken with
/// ``EventStreamParser/next()``. Past a limit, ``EventStreamParser/feed(_:)`` throws an
/// ``EventStreamError`` naming the byte offset.
public struct EventStreamLimits: Equatable, Sendable {
    /// The most bytes one line may hold, its line ending not counted.
    public var maxLineLength: Int
    /// The most bytes the data of one pending event may hold: its `data` values in UTF-8,
    /// with the LF between two data lines counted.
    public var maxEventSize: Int

    /// Creates limits; the defaults (16 MiB per line, 64 MiB per event) are far above what
    /// any real stream sends and still keep a hostile stream from exhausting memory.
    public init(maxLineLength: Int = 16 << 20, maxEventSize: Int = 64 << 20) {
        self.maxLineLength = max(0, maxLineLength)
        self.maxEventSize = max(0, maxEventSize)
    }
}
