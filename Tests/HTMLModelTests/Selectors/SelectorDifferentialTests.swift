import Testing
import HTMLModel

/// Random trees and random selectors, checked against a brute-force reference matcher that
/// backtracks over every ancestor/sibling choice. Guards the pruned right-to-left matcher.
@Suite struct SelectorDifferentialTests {
    enum Comb: CaseIterable { case descendant, child, next, later
        var text: String {
            switch self {
            case .descendant: " "
            case .child: " > "
            case .next: " + "
            case .later: " ~ "
            }
        }
    }

    struct Compound {
        var tag: String?
        var cls: String?
        var notTag: String?
        var has: (Comb, String)?
        var nth: (a: Int, b: Int)?

        var text: String {
            var s = tag ?? "*"
            if let cls { s += ".\(cls)" }
            if let notTag { s += ":not(\(notTag))" }
            if let has { s += ":has(\(has.0 == .descendant ? "" : has.0.text)\(has.1))" }
            if let nth { s += ":nth-child(\(nth.a)n\(nth.b >= 0 ? "+" : "")\(nth.b))" }
            return s
        }

        func matches(_ e: TestElement) -> Bool {
            if let tag, e.localName != tag { return false }
            if let cls, !(e.attribute("class") ?? "").split(separator: " ").contains(Substring(cls)) { return false }
            if let notTag, e.localName == notTag { return false }
            if let (comb, tag) = has {
                let candidates: [TestElement]
                switch comb {
                case .child: candidates = SelectorDifferentialTests.children(e)
                case .descendant: candidates = SelectorDifferentialTests.descendants(e)
                case .next: candidates = e.nextElementSibling.map { [$0] } ?? []
                case .later: candidates = SelectorDifferentialTests.laterSiblings(e)
                }
                if !candidates.contains(where: { $0.localName == tag }) { return false }
            }
            if let nth {
                var position = 1
                var s = e.previousElementSibling
                while let x = s { position += 1; s = x.previousElementSibling }
                if !(0...64).contains(where: { nth.a * $0 + nth.b == position }) { return false }
            }
            return true
        }
    }

    static func children(_ e: TestElement) -> [TestElement] {
        var out: [TestElement] = []
        var c = e.firstElementChild
        while let x = c { out.append(x); c = x.nextElementSibling }
        return out
    }

    static func descendants(_ e: TestElement) -> [TestElement] {
        children(e).flatMap { [$0] + descendants($0) }
    }

    static func laterSiblings(_ e: TestElement) -> [TestElement] {
        var out: [TestElement] = []
        var s = e.nextElementSibling
        while let x = s { out.append(x); s = x.nextElementSibling }
        return out
    }

    /// Full backtracking: compounds left to right, `k` is the compound to match against `e`.
    static func reference(_ compounds: [Compound], _ combs: [Comb], _ k: Int, _ e: TestElement) -> Bool {
        guard compounds[k].matches(e) else { return false }
        if k == 0 { return true }
        switch combs[k - 1] {
        case .child:
            return e.parentElement.map { reference(compounds, combs, k - 1, $0) } ?? false
        case .next:
            return e.previousElementSibling.map { reference(compounds, combs, k - 1, $0) } ?? false
        case .descendant:
            var p = e.parentElement
            while let x = p {
                if reference(compounds, combs, k - 1, x) { return true }
                p = x.parentElement
            }
            return false
        case .later:
            var s = e.previousElementSibling
            while let x = s {
                if reference(compounds, combs, k - 1, x) { return true }
                s = x.previousElementSibling
            }
            return false
        }
    }

    static let tags = ["a", "b", "c"]
    static let classes = ["x", "y", "x y", nil]

    /// A random tree whose elements are numbered (`id=n0`, `n1`, ...) for readable failures.
    static func randomTree(_ rng: inout SplitMix64, depth: Int, counter: inout Int) -> TestTreeSpec {
        let tag = tags[Int(rng.next() % 3)]
        var attributes = [("id", "n\(counter)")]
        counter += 1
        if let cls = classes[Int(rng.next() % 4)] { attributes.append(("class", cls)) }
        let fanOut = depth >= 5 ? 0 : Int(rng.next() % 5)
        let kids = (0..<fanOut).map { _ in randomTree(&rng, depth: depth + 1, counter: &counter) }
        return .element(tag, attributes, kids)
    }

    static func randomCompound(_ rng: inout SplitMix64) -> Compound {
        var c = Compound()
        if rng.next() % 3 != 0 { c.tag = tags[Int(rng.next() % 3)] }
        if rng.next() % 3 == 0 { c.cls = rng.next() % 2 == 0 ? "x" : "y" }
        if rng.next() % 8 == 0 { c.notTag = tags[Int(rng.next() % 3)] }
        if rng.next() % 8 == 0 { c.has = (Comb.allCases[Int(rng.next() % 4)], tags[Int(rng.next() % 3)]) }
        if rng.next() % 8 == 0 { c.nth = (Int(rng.next() % 5) - 2, Int(rng.next() % 7) - 2) }
        return c
    }

    @Test(arguments: 0..<40)
    func prunedMatcherAgreesWithBacktracking(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        var counter = 0
        let doc = TestDocument(Self.randomTree(&rng, depth: 0, counter: &counter))
        let elements = doc.allElements
        for _ in 0..<60 {
            let count = 1 + Int(rng.next() % 5)
            let compounds = (0..<count).map { _ in Self.randomCompound(&rng) }
            let combs = (0..<(count - 1)).map { _ in Comb.allCases[Int(rng.next() % 4)] }
            var text = compounds[0].text
            for k in 1..<count { text += combs[k - 1].text + compounds[k].text }
            let list = try SelectorList(text)
            let expected = elements.filter { Self.reference(compounds, combs, count - 1, $0) }
            let actual = list.querySelectorAll(inDocumentRootedAt: doc.documentElement)
            #expect(ids(actual) == ids(expected), "\(text)")
        }
    }
}
