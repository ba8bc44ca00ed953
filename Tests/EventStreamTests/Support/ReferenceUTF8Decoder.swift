/// A direct transcription of the Encoding Standard's UTF-8 decoder
/// (<https://encoding.spec.whatwg.org/#utf-8-decoder>), one byte at a time and without any
/// shortcut: the oracle for the parser's fast repair. `stream` keeps an incomplete sequence
/// for the next call, as `TextDecoder.decode(value, {stream: true})` does.
struct ReferenceUTF8Decoder {
    private var codePoint: UInt32 = 0
    private var bytesSeen = 0
    private var bytesNeeded = 0
    private var lowerBoundary: UInt8 = 0x80
    private var upperBoundary: UInt8 = 0xBF

    /// Decodes `bytes`; at the end, unless `stream`, an incomplete sequence is one U+FFFD.
    mutating func decode(_ bytes: some Sequence<UInt8>, stream: Bool) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        for byte in bytes {
            var again = true
            while again {
                again = false
                if bytesNeeded == 0 {
                    switch byte {
                    case 0x00...0x7F: output.append(Unicode.Scalar(byte))
                    case 0xC2...0xDF: bytesNeeded = 1; codePoint = UInt32(byte & 0x1F)
                    case 0xE0...0xEF:
                        if byte == 0xE0 { lowerBoundary = 0xA0 }
                        if byte == 0xED { upperBoundary = 0x9F }
                        bytesNeeded = 2; codePoint = UInt32(byte & 0x0F)
                    case 0xF0...0xF4:
                        if byte == 0xF0 { lowerBoundary = 0x90 }
                        if byte == 0xF4 { upperBoundary = 0x8F }
                        bytesNeeded = 3; codePoint = UInt32(byte & 0x07)
                    default: output.append("\u{FFFD}")
                    }
                    continue
                }
                guard byte >= lowerBoundary && byte <= upperBoundary else {
                    // "Restore byte to ioQueue" and report an error.
                    codePoint = 0; bytesNeeded = 0; bytesSeen = 0
                    lowerBoundary = 0x80; upperBoundary = 0xBF
                    output.append("\u{FFFD}")
                    again = true
                    continue
                }
                lowerBoundary = 0x80; upperBoundary = 0xBF
                codePoint = (codePoint << 6) | UInt32(byte & 0x3F)
                bytesSeen += 1
                if bytesSeen == bytesNeeded {
                    output.append(Unicode.Scalar(codePoint) ?? "\u{FFFD}")
                    codePoint = 0; bytesNeeded = 0; bytesSeen = 0
                }
            }
        }
        if !stream && bytesNeeded != 0 {
            codePoint = 0; bytesNeeded = 0; bytesSeen = 0
            lowerBoundary = 0x80; upperBoundary = 0xBF
            output.append("\u{FFFD}")
        }
        return output
    }

    /// Decodes a complete byte sequence to a string.
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        var decoder = ReferenceUTF8Decoder()
        var text = ""
        text.unicodeScalars.append(contentsOf: decoder.decode(bytes, stream: false))
        return text
    }
}
