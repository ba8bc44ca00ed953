@testable import HTMLModel
import Testing

@Suite("StringMemo")
struct StringMemoTests {
    /// `count` distinct keys that fall in the same set.
    static func sameSetKeys(_ count: Int) -> [String] {
        var bySet: [Int: [String]] = [:]
        for k in 0..<10_000 {
            let key = "htmx:event\(k)"
            bySet[StringMemo<Int>.set(key), default: []].append(key)
            if let keys = bySet[StringMemo<Int>.set(key)], keys.count == count { return keys }
        }
        Issue.record("no \(count) keys share a set")
        return []
    }

    @Test func twoKeysOfOneSetAreBothKept() {
        let keys = Self.sameSetKeys(2)
        var memo = StringMemo<Int>()
        var computed = 0
        for round in 0..<10 {
            for key in keys {
                let v = memo.value(for: key) { k in computed += 1; return k.utf8.count }
                #expect(v == key.utf8.count, "round \(round)")
            }
        }
        #expect(computed == 2)
    }

    @Test func aThirdKeyEvictsTheOldest() {
        let keys = Self.sameSetKeys(3)
        var memo = StringMemo<Int>()
        memo.remember(0, for: keys[0])
        memo.remember(1, for: keys[1])
        memo.remember(2, for: keys[2])
        #expect(memo.cached(keys[0]) == nil)
        #expect(memo.cached(keys[1]) == 1)
        #expect(memo.cached(keys[2]) == 2)
        #expect(memo.cached("htmx:never-remembered") == nil)
        #expect(memo.cached("") == nil)
    }

    /// An empty slot and the empty key look alike (both hold ""): only a remembered value
    /// makes a hit.
    @Test func theEmptyKeyIsRememberedLikeAnyOther() throws {
        var memo = StringMemo<Int>()
        #expect(memo.cached("") == nil)
        memo.remember(7, for: "")
        #expect(memo.cached("") == 7)
        // Two more keys in its set: the first shares it, the second evicts "".
        var others: [String] = []
        for k in 0..<100_000 where others.count < 2 {
            let key = "htmx:k\(k)-\(k % 7)"
            if StringMemo<Int>.set(key) == StringMemo<Int>.set("") { others.append(key) }
        }
        try #require(others.count == 2)
        for (k, key) in others.enumerated() {
            memo.remember(k, for: key)
            #expect(memo.cached(key) == k)
        }
        #expect(memo.cached("") == nil)
        #expect(memo.cached(others[0]) == 0)
    }

    @Test func rememberingAKeyAgainReplacesItsValue() {
        var memo = StringMemo<Int>()
        memo.remember(1, for: "htmx:afterSwap")
        memo.remember(2, for: "htmx:afterSwap")
        #expect(memo.cached("htmx:afterSwap") == 2)
    }
}
