/// Word-at-a-time scans for the tokenizer's hot loops (text runs, attribute values,
/// comments, input preprocessing): eight bytes are tested per step with the classic SWAR
/// "has zero byte" tricks, then the hit is located bytewise.

private let ones: UInt64 = 0x0101_0101_0101_0101
private let highs: UInt64 = 0x8080_8080_8080_8080

/// Non-zero iff some byte of `word` is zero (exact for the lowest such byte).
@inline(__always)
private func zeroByteMask(_ word: UInt64) -> UInt64 {
    (word &- ones) & ~word & highs
}

@inline(__always)
private func loadWord(_ input: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
    // `input` always has a base address here (callers check offset + 8 <= count).
    UnsafeRawPointer(input.baseAddress.unsafelyUnwrapped + offset).loadUnaligned(as: UInt64.self)
}

/// The first offset in `from ..< end` holding `a`, `b` or `c`, or `end`.
@inline(__always)
func scan(_ input: UnsafeBufferPointer<UInt8>, from: Int, end: Int, for a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
    var i = from
    let wa = UInt64(a) &* ones
    let wb = UInt64(b) &* ones
    let wc = UInt64(c) &* ones
    while i + 8 <= end {
        let word = loadWord(input, i)
        if zeroByteMask(word ^ wa) | zeroByteMask(word ^ wb) | zeroByteMask(word ^ wc) != 0 { break }
        i += 8
    }
    while i < end {
        let x = input[i]
        if x == a || x == b || x == c { return i }
        i += 1
    }
    return end
}

/// The first offset in `from ..< end` that is not printable ASCII (U+0020–U+007E), or `end`.
@inline(__always)
func scanPrintableASCII(_ input: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
    var i = from
    while i + 8 <= end {
        let word = loadWord(input, i)
        // High bit set for bytes >= 0x7F (via +1 and the byte itself) or < 0x20.
        let outside = ((word &+ ones) | word | ((word &- 0x2020_2020_2020_2020) & ~word)) & highs
        if outside != 0 { break }
        i += 8
    }
    while i < end {
        let x = input[i]
        if x < 0x20 || x >= 0x7F { return i }
        i += 1
    }
    return end
}
