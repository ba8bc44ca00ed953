/// UTF-8 validation with replacement, as the Encoding Standard's UTF-8 decoder does it
/// (<https://encoding.spec.whatwg.org/#utf-8-decoder>): every maximal subpart of an invalid or
/// truncated sequence becomes one U+FFFD. The output is valid UTF-8, so it can become a
/// `String` without another repair and feed byte-oriented consumers as it is.
///
/// Event stream lines always end at an ASCII byte (CR or LF), so repairing each field value
/// alone gives the same text as decoding the whole stream first.
enum UTF8Repair {
    private static let replacement: (UInt8, UInt8, UInt8) = (0xEF, 0xBF, 0xBD)

    /// Appends `source` to `output`, each maximal invalid subpart replaced by U+FFFD.
    static func append(_ source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = source.baseAddress else { return }
        let count = source.count
        var i = 0
        while i < count {
            let valid = validPrefixLength(base + i, count &- i)
            if valid > 0 {
                output.append(contentsOf: UnsafeBufferPointer(start: base + i, count: valid))
                i &+= valid
            }
            if i < count {
                output.append(replacement.0)
                output.append(replacement.1)
                output.append(replacement.2)
                i &+= maximalSubpartLength(base + i, count &- i)
            }
        }
    }

    /// The length of the longest prefix of `p[0..<n]` made of complete, valid sequences.
    @inline(__always)
    static func validPrefixLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while true {
            // ASCII runs, 32 then 8 bytes per step.
            while n &- i >= 32 {
                let raw = UnsafeRawPointer(p + i)
                let w = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if w & highs != 0 { break }
                i &+= 32
            }
            while n &- i >= 8 {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self).littleEndian & highs
                if w != 0 {
                    i &+= w.trailingZeroBitCount >> 3
                    break
                }
                i &+= 8
            }
            // One byte at a time from the first non-ASCII byte until ASCII resumes.
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    i &+= 1
                    if n &- i >= 8 { break }  // back to the word loop
                    continue
                }
                let length = sequenceLength(p + i, n &- i)
                if length == 0 { return i }
                i &+= length
            }
            if i >= n { return n }
        }
    }

    /// For a lead byte: how many continuation bytes follow, and the range the first of them
    /// must fall in (the table of well-formed sequences, Unicode §3.9 table 3-7); nil for a
    /// byte that cannot start a sequence.
    @inline(__always)
    static func leadRule(_ b: UInt8) -> (needed: Int, lower: UInt8, upper: UInt8)? {
        switch b {
        case 0xC2...0xDF: return (1, 0x80, 0xBF)
        case 0xE0: return (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (2, 0x80, 0xBF)
        case 0xED: return (2, 0x80, 0x9F)
        case 0xF0: return (3, 0x90, 0xBF)
        case 0xF1...0xF3: return (3, 0x80, 0xBF)
        case 0xF4: return (3, 0x80, 0x8F)
        default: return nil
        }
    }

    /// The length of the valid sequence starting at `p[0]` (a byte ≥ 0x80), or 0 if the bytes
    /// there are not a complete, valid sequence.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        guard let (needed, lower, upper) = leadRule(p[0]) else { return 0 }
        guard n > needed else { return 0 }
        let second = p[1]
        guard second >= lower && second <= upper else { return 0 }
        var k = 2
        while k <= needed {
            guard p[k] & 0xC0 == 0x80 else { return 0 }
            k &+= 1
        }
        return needed &+ 1
    }

    /// How many bytes one U+FFFD replaces at `p[0]`, where no valid sequence starts: the lead
    /// byte and the continuation bytes the decoder accepted before failing (at least 1).
    private static func maximalSubpartLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        guard let (needed, first, last) = leadRule(p[0]) else { return 1 }
        var lower = first, upper = last
        var k = 1
        while k <= needed && k < n {
            let c = p[k]
            guard c >= lower && c <= upper else { break }
            lower = 0x80
            upper = 0xBF
            k &+= 1
        }
        return k
    }
}
