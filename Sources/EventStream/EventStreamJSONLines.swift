/// Writes messages as the JSON Lines of the conformance corpus (`Conformance/sse/README.md`):
/// one object per line, keys in a fixed order, no whitespace, UTF-8 written as itself.
///
/// - ``EventStreamDialect/browser``: `{"type":…,"data":…,"lastEventId":…}`, as `MessageEvent`
///   has them.
/// - ``EventStreamDialect/htmx4``: `{"event":…,"data":…,"id":…,"retry":…}`, as `parseSSE`
///   yields them; `retry` is `null` or printed as JavaScript prints numbers.
///
/// Strings escape `"`, `\`, and every code point below U+0020 (`\b \f \n \r \t` by name, the
/// rest as `\u00xx` in lower-case hex); everything else, U+007F, U+2028 and U+2029 included, is
/// written as itself: the output of Python's `json.dumps(…, separators=(',', ':'),
/// ensure_ascii=False)`.
public enum EventStreamJSONLines {
    /// Appends `message` as one JSON object and a final LF to `output`.
    public static func append(_ message: EventStreamMessage, dialect: EventStreamDialect, to output: inout [UInt8]) {
        switch dialect {
        case .browser:
            output += #"{"type":"#.utf8
            if message.eventUTF8.isEmpty {
                output += #""message""#.utf8
            } else {
                appendString(message.eventUTF8, to: &output)
            }
            output += #","data":"#.utf8
            appendString(message.dataUTF8, to: &output)
            output += #","lastEventId":"#.utf8
            appendString(message.lastEventIDUTF8, to: &output)
        case .htmx4:
            output += #"{"event":"#.utf8
            appendString(message.eventUTF8, to: &output)
            output += #","data":"#.utf8
            appendString(message.dataUTF8, to: &output)
            output += #","id":"#.utf8
            appendString(message.idUTF8 ?? EventStreamData([]), to: &output)
            output += #","retry":"#.utf8
            if let retry = message.retry, let number = JavaScriptNumber.format(retry) {
                output += number.utf8
            } else {
                output += "null".utf8
            }
        }
        output += "}\n".utf8
    }

    /// Appends `text` as a JSON string, quotes included.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(utf8: $0, to: &output) }
    }

    /// Appends `text` as a JSON string, quotes included.
    public static func appendString(_ text: EventStreamData, to output: inout [UInt8]) {
        text.withUnsafeBufferPointer { bytes in appendString(utf8: bytes, to: &output) }
    }

    /// Appends valid UTF-8 `bytes` as a JSON string, quotes included.
    static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(0x22)
        var runStart = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            if runStart < i { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            runStart = i + 1
            output.append(0x5C)
            switch b {
            case 0x22: output.append(0x22)
            case 0x5C: output.append(0x5C)
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            default:
                output += "u00".utf8
                output.append(hexDigit(b >> 4))
                output.append(hexDigit(b & 0x0F))
            }
        }
        if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        output.append(0x22)
    }

    @inline(__always)
    private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? 0x30 + v : 0x61 + v - 10
    }
}

extension EventStreamMessage {
    /// This message as one JSON Lines record of the corpus format for `dialect`, without the
    /// final LF (see ``EventStreamJSONLines``).
    public func jsonLine(dialect: EventStreamDialect) -> String {
        var bytes: [UInt8] = []
        EventStreamJSONLines.append(self, dialect: dialect, to: &bytes)
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }
}
