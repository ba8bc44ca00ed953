/// Finds the end of a line (the next CR or LF) and, in the same pass, checks that the bytes
/// before it are valid UTF-8, so that a clean line's values can be copied without a second pass.
///
/// EventStream imports nothing, so there is no `memchr`. One signed compare per 16 bytes
/// flags every byte below 0x0E or at/above 0x80 (CR, LF, the other C0 controls up to CR, and
/// all non-ASCII bytes); runs without such a byte are skipped 32 bytes per step, and each
/// flagged byte is then looked at alone: a line break ends the scan, a non-ASCII byte starts a
/// sequence that is validated, anything else is ordinary content.
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
        while true {
            while end &- i >= 32 {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD32<Int8>.self)
                // The mask reread as words: the generic `any(_:)` is not inlined, this is.
                let words = unsafeBitCast(v .< limit, to: SIMD4<UInt64>.self)
                if words == SIMD4(repeating: 0) {
                    i &+= 32
                    continue
                }
                i &+= firstSetByte(words)
                break
            }
            // At a flagged byte, or fewer than 32 bytes from the end: go byte by byte until
            // the line ends or, past a flagged byte, there is room to resume the vector loop.
            while i < end {
                let b = base[i]
                if b < 0x80 {
                    if b == lf || b == cr { return (i, valid) }
                    i &+= 1
                    if b >= 0x0E { continue }
                } else {
                    let length = sequenceLength(base + i, end &- i)
                    if length == 0 {
                        valid = false
                        i &+= 1
                    } else {
                        i &+= length
                    }
                }
                if end &- i >= 32 { break }
            }
            if i >= end { return (end, valid) }
        }
    }

    /// `UTF8Repair.sequenceLength` with the common two- and three-byte forms (no special
    /// second-byte range) checked first, in fewer branches.
    @inline(__always)
    private static func sequenceLength(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let b = p[0]
        if b >= 0xC2 && b <= 0xDF {
            return n > 1 && p[1] & 0xC0 == 0x80 ? 2 : 0
        }
        if b >= 0xE1 && b <= 0xEF && b != 0xED {
            return n > 2 && p[1] & 0xC0 == 0x80 && p[2] & 0xC0 == 0x80 ? 3 : 0
        }
        return UTF8Repair.sequenceLength(p, n)
    }

    /// The index of the first non-zero byte of a 32-byte mask (not all zero), without
    /// branches: a zero word contributes 8 (its trailing zero count is 64) and lets the next
    /// word's count through.
    @inline(__always)
    private static func firstSetByte(_ words: SIMD4<UInt64>) -> Int {
        let t0 = words[0].trailingZeroBitCount >> 3
        let t1 = words[1].trailingZeroBitCount >> 3
        let t2 = words[2].trailingZeroBitCount >> 3
        let t3 = words[3].trailingZeroBitCount >> 3
        let z0 = words[0] == 0 ? 1 : 0
        let z1 = words[1] == 0 ? 1 : 0
        let z2 = words[2] == 0 ? 1 : 0
        return t0 &+ z0 &* (t1 &+ z1 &* (t2 &+ z2 &* t3))
    }
}
