/// The spec's byte-to-character steps before tokenization, done on UTF-8 bytes:
/// decoding (<https://encoding.spec.whatwg.org/#utf-8-decoder>: each maximal invalid
/// subsequence becomes one U+FFFD), dropping one leading BOM, and "preprocessing the input
/// stream" (<https://html.spec.whatwg.org/multipage/parsing.html#preprocessing-the-input-stream>:
/// CRLF and lone CR become LF). The result is valid UTF-8 the tokenizer can scan bytewise.
///
/// Controls and noncharacters stay in the stream but are parse errors; they are reported with
/// their offset in the output so the tokenizer can interleave them with its own errors.
struct InputStreamPreprocessor {
    struct InputError {
        var offset: Int
        var code: String
    }

    /// The normalised bytes, or nil when they equal the input minus a possible BOM
    /// (the common case: valid UTF-8 without CR needs no copy here).
    var output: [UInt8]?
    /// Where the normalised bytes start in the input when `output` is nil (3 after a BOM).
    var inputStart = 0
    var errors: [InputError] = []

    init(_ input: UnsafeBufferPointer<UInt8>) {
        let n = input.count
        var i = 0
        if n >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF {
            i = 3
        }
        inputStart = i
        // Bytes in `copyFrom ..< i` are valid and unchanged; they are copied lazily, only
        // once something had to change.
        var copyFrom = i
        var out: [UInt8] = []
        var changed = false
        // Offset in the output of input byte `i` = i + shift (shift changes at each edit).
        var shift = -i

        @inline(__always)
        func flush(_ upTo: Int, _ out: inout [UInt8]) {
            if !changed {
                changed = true
                out.reserveCapacity(n + 16)
            }
            if copyFrom < upTo {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copyFrom ..< upTo]))
            }
        }

        while i < n {
            i = scanPrintableASCII(input, from: i, end: n)
            guard i < n else { break }
            let b = input[i]
            if b < 0x80 {
                if b == 0x0D {
                    // CR LF -> LF; lone CR -> LF.
                    flush(i, &out)
                    out.append(0x0A)
                    if i + 1 < n && input[i + 1] == 0x0A {
                        i += 2
                        shift -= 1
                    } else {
                        i += 1
                    }
                    copyFrom = i
                    continue
                }
                if b != 0x09 && b != 0x0A && b != 0x0C && b != 0x00 {
                    errors.append(InputError(offset: i + shift, code: "control-character-in-input-stream"))
                }
                i += 1
                continue
            }
            // Multi-byte sequence, validated as the WHATWG UTF-8 decoder does.
            var needed = 0
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2 ... 0xDF: needed = 1
            case 0xE0: needed = 2; lower = 0xA0
            case 0xE1 ... 0xEC, 0xEE ... 0xEF: needed = 2
            case 0xED: needed = 2; upper = 0x9F
            case 0xF0: needed = 3; lower = 0x90
            case 0xF1 ... 0xF3: needed = 3
            case 0xF4: needed = 3; upper = 0x8F
            default: needed = 0
            }
            var length = 1
            var valid = needed > 0
            if valid {
                while length <= needed {
                    guard i + length < n else { valid = false; break }
                    let c = input[i + length]
                    guard c >= lower && c <= upper else { valid = false; break }
                    lower = 0x80
                    upper = 0xBF
                    length += 1
                }
            }
            if valid {
                if let code = Self.classify(input, at: i, length: length) {
                    errors.append(InputError(offset: i + shift, code: code))
                }
                i += length
                continue
            }
            // Invalid: the lead byte plus the continuation bytes accepted so far are one
            // maximal subpart, replaced by one U+FFFD; the offending byte is decoded afresh.
            flush(i, &out)
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            i += length
            shift += 3 - length
            copyFrom = i
        }
        if changed {
            flush(n, &out)
            output = out
        }
    }

    /// The parse error for a valid multi-byte sequence, if it encodes a C1 control or a
    /// noncharacter (surrogates cannot occur in valid UTF-8).
    private static func classify(_ input: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> String? {
        let b0 = UInt32(input[i])
        switch length {
        case 2:
            let scalar = (b0 & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F)
            return scalar >= 0x80 && scalar <= 0x9F ? "control-character-in-input-stream" : nil
        case 3:
            let scalar = (b0 & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
            return isNoncharacter(scalar) ? "noncharacter-in-input-stream" : nil
        default:
            let scalar = (b0 & 0x07) << 18 | UInt32(input[i + 1] & 0x3F) << 12
                | UInt32(input[i + 2] & 0x3F) << 6 | UInt32(input[i + 3] & 0x3F)
            return isNoncharacter(scalar) ? "noncharacter-in-input-stream" : nil
        }
    }
}

/// <https://infra.spec.whatwg.org/#noncharacter>
@inline(__always)
func isNoncharacter(_ scalar: UInt32) -> Bool {
    (scalar >= 0xFDD0 && scalar <= 0xFDEF) || (scalar & 0xFFFE) == 0xFFFE
}
