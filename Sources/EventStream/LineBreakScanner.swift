import CByteScan

/// Finds the end of a line (the next CR or LF) and, in the same pass, checks that the bytes
/// before it are valid UTF-8, so that a clean line's values can be copied without a second pass.
///
/// Each 32-byte block becomes a mask of its bytes below 0x0E or at/above 0x80 (CR, LF, the
/// other C0 controls up to CR, and all non-ASCII bytes) in a few vector instructions
/// (`hh_flagged_bytes32`, C: Swift has no vector-compare-to-mask operation, and building the
/// mask from Swift's SIMD types took about 35 instructions). Blocks without such a byte are
/// skipped; the flagged bytes of a block are visited through its mask, without reloading
/// it: a line break ends the scan, a non-ASCII byte starts a sequence that is validated (its
/// continuation bytes leave the mask), anything else is ordinary content. Most lines of a
/// real stream cost one pass through the vector loop and one through the mask, whatever
/// number of non-ASCII characters they hold.
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
        while end &- i >= 32 {
            var mask = hh_flagged_bytes32(base + i)
            if mask == 0 {
                i &+= 32
                continue
            }
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
