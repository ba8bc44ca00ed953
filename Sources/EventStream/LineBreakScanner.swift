/// Finds the end of a line (the next CR or LF) and, in the same pass, checks that the bytes
/// before it are valid UTF-8, so that a clean line's values can be copied without a second pass.
///
/// EventStream imports nothing, so there is no `memchr`. One signed compare per 16 bytes
/// flags every byte below 0x0E or at/above 0x80 (CR, LF, the other C0 controls up to CR, and
/// all non-ASCII bytes); runs without such a byte are skipped 64 bytes per step. A block with
/// flagged bytes is turned into a 32-bit mask and its flagged bytes are visited through the
/// mask, without reloading the block: a line break ends the scan, a non-ASCII byte starts a
/// sequence that is validated (its continuation bytes leave the mask), anything else is
/// ordinary content. Most lines of a real stream cost one pass through the vector loop and
/// one through the mask, whatever number of non-ASCII characters they hold.
///
/// Only compares and mask logic are used on the vectors: Swift lowers those to single SSE
/// instructions, while the integer operators of SIMD types (`|`, `^`, unsigned `<`) become
/// per-lane loops.
enum LineBreakScanner {
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    /// The index of the first CR or LF in `base[start..<end]` (or `end` when there is none),
    /// and whether the bytes before it are valid UTF-8. A sequence cut off by `end` counts as
    /// invalid: the caller repairs the whole line once it is complete.
    @inline(__always)
    static func scanLine(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (end: Int, valid: Bool) {
        var i = start
        var valid = true
        let limit = SIMD32<Int8>(repeating: Int8(cr) + 1)
        while end &- i >= 32 {
            if end &- i >= 64 {
                // Long clean runs (most of a data line) 64 bytes per step: one test for two
                // blocks. A flagged pair falls through to the block-by-block handling below.
                let raw = UnsafeRawPointer(base + i)
                let low = raw.loadUnaligned(as: SIMD32<Int8>.self) .< limit
                let high = raw.loadUnaligned(fromByteOffset: 32, as: SIMD32<Int8>.self) .< limit
                if unsafeBitCast(low .| high, to: SIMD4<UInt64>.self) == SIMD4(repeating: 0) {
                    i &+= 64
                    continue
                }
            }
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD32<Int8>.self)
            // The mask reread as words: the generic `any(_:)` is not inlined, this is.
            let words = unsafeBitCast(v .< limit, to: SIMD4<UInt64>.self)
            if words == SIMD4(repeating: 0) {
                i &+= 32
                continue
            }
            var mask = packBits(words[0]) | packBits(words[1]) << 8 | packBits(words[2]) << 16 | packBits(words[3]) << 24
            // Where scanning resumes, relative to `i`: past the last sequence looked at, which
            // may run into the next block.
            var next = 0
            repeat {
                let position = mask.trailingZeroBitCount
                let b = base[i &+ position]
                var length = 1
                if b < 0x80 {
                    if b == lf || b == cr { return (i &+ position, valid) }
                } else {
                    length = sequenceLength(base + (i &+ position), end &- i &- position)
                    if length == 0 {
                        valid = false
                        length = 1
                    }
                }
                next = position &+ length
                mask = next >= 32 ? 0 : mask & (UInt32.max << UInt32(truncatingIfNeeded: next))
            } while mask != 0
            i &+= max(32, next)
        }
        // Fewer than 32 bytes left: byte by byte.
        while i < end {
            let b = base[i]
            if b < 0x80 {
                if b == lf || b == cr { return (i, valid) }
                i &+= 1
            } else {
                let length = sequenceLength(base + i, end &- i)
                if length == 0 {
                    valid = false
                    i &+= 1
                } else {
                    i &+= length
                }
            }
        }
        return (end, valid)
    }

    /// The top bits of the eight bytes of `word` (each 0x00 or 0xFF) as an 8-bit mask, byte 0
    /// in bit 0: the multiplier moves bit 8k+7 to bit 56+k, and no two partial products meet.
    @inline(__always)
    private static func packBits(_ word: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: ((word & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56)
    }

    /// `UTF8Repair.sequenceLength`, with the common two- and three-byte forms (leads C2–DF,
    /// E1–EF but ED: no special second-byte range) checked on one 4-byte load without
    /// branching on the form, so that text mixing them does not mispredict. Other leads, a
    /// failed check and the last bytes of the input go to the full rules.
    @inline(__always)
    private static func sequenceLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        if n >= 4 {
            let word = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self).littleEndian
            let lead = UInt8(truncatingIfNeeded: word)
            // The length by the lead's high nibble (C, D → 2; E → 3; F → 4; else 0), from a
            // table of nibbles.
            let length = Int(truncatingIfNeeded: (UInt64(0x4322_0000_0000_0000) >> (UInt64(lead >> 4) &* 4)) & 0xF)
            // Bytes 1..<length must be continuation bytes (10xxxxxx).
            let continuation = (UInt32.max >> UInt32(truncatingIfNeeded: ((4 &- length) &* 8) & 31)) & 0xC0C0_C000
            let plain = lead >= 0xC2 && lead < 0xF0 && lead != 0xE0 && lead != 0xED
            if plain && word & continuation == continuation & 0x8080_8080 { return length }
        }
        return fullSequenceLength(p, n)
    }

    /// The rare leads, failed checks and the last bytes of the input, out of line: with the
    /// full rules inlined the whole check was compiled as a call in the scan loop.
    @inline(never)
    private static func fullSequenceLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        UTF8Repair.sequenceLength(p, n)
    }
}
