/// Why a stream was rejected, and where.
///
/// Parsing itself never fails: every byte sequence is a valid event stream. Only the
/// configured ``EventStreamLimits`` can be exceeded.
public struct EventStreamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// A line grew past ``EventStreamLimits/maxLineLength``.
        case lineTooLong
        /// The data of one event grew past ``EventStreamLimits/maxEventSize``.
        case eventTooLarge
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for people, naming the limit and the offset.
    public var message: String
    /// Offset, in bytes from the start of the stream (BOM included), of the first byte past
    /// the line limit (``Code/lineTooLong``) or of the start of the line whose data pushed the
    /// event past its limit (``Code/eventTooLarge``). It does not depend on how the bytes were
    /// split into chunks.
    public var byteOffset: Int

    /// Creates an error.
    public init(code: Code, message: String, byteOffset: Int) {
        self.code = code
        self.message = message
        self.byteOffset = byteOffset
    }

    public var description: String { message }

    static func lineTooLong(limit: Int, lineStart: Int) -> EventStreamError {
        let offset = lineStart &+ limit
        return EventStreamError(
            code: .lineTooLong,
            message: "line longer than \(limit) bytes at byte offset \(offset) (the line starts at byte offset \(lineStart))",
            byteOffset: offset)
    }

    static func eventTooLarge(limit: Int, lineStart: Int) -> EventStreamError {
        EventStreamError(
            code: .eventTooLarge,
            message: "event data larger than \(limit) bytes at byte offset \(lineStart) (the data line starting there exceeds the limit)",
            byteOffset: lineStart)
    }
}
