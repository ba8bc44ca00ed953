@testable import HTMXReplay
import HTMXSemantics
import Testing

@Suite("FIFO")
struct FIFOTests {
    /// Appends and takes interleaved at random, past the compaction threshold many times,
    /// against an array used the slow way.
    @Test(arguments: [1, 7, 64, 65, 200])
    func takesInAppendOrder(burst: Int) {
        var queue = FIFO<Int>()
        var reference: [Int] = []
        let random = SeededRandom(seed: UInt64(burst))
        var next = 0
        // Mismatches are counted, not expected one by one: thousands of steps per case.
        var mismatches = 0
        for _ in 0..<3_000 {
            if random.next() < 2.0 / 3 {
                for _ in 0...Int(random.next() * Double(burst)) {
                    queue.append(next)
                    reference.append(next)
                    next += 1
                }
            } else if queue.take() != (reference.isEmpty ? nil : reference.removeFirst()) {
                mismatches += 1
            }
            if queue.count != reference.count || queue.isEmpty != reference.isEmpty { mismatches += 1 }
        }
        var rest: [Int] = []
        while let v = queue.take() { rest.append(v) }
        #expect(mismatches == 0)
        #expect(rest == reference)
        #expect(next > 1_000)
    }

    @Test func startsWithItsItems() {
        var queue = FIFO([String?.some("a"), nil])
        #expect(queue.take() == .some("a"))
        #expect(queue.take() == .some(nil))
        #expect(queue.take() == nil)
    }
}
