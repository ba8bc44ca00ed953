import HTMLModel
import Testing

/// `elementIndex` reads cached indices that survive a replacement (insert before, remove the
/// old one) and text-node churn; whatever the mutations and whichever indices were asked
/// (and so cached) in between, it must equal a count of previous element siblings.
@Suite("Element index cache")
struct ElementIndexCacheTests {
    static func naiveIndex(_ n: Node) -> Int {
        var i = 1
        var s = n.previousElementSibling
        while let p = s { i += 1; s = p.previousElementSibling }
        return i
    }

    @Test(arguments: 1...6)
    func indicesMatchACountAfterReplacementsAndChurn(_ seed: Int) {
        let doc = Document(html: "<!DOCTYPE html><html><head></head><body><div id=w></div></body></html>")
        guard let wide = doc.element(byID: "w") else {
            Issue.record("no #w")
            return
        }
        for k in 0..<40 {
            wide.append(doc.createElement(k % 3 == 0 ? "p" : "span"))
            if k % 5 == 0 { wide.append(doc.createTextNode(" ")) }
        }
        var rng = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 11)
        var wrong: [String] = []
        var parked: [Node] = []

        func elements() -> [Node] { wide.childNodes.filter(\.isElement) }
        func pick(_ nodes: [Node]) -> Node? { nodes.isEmpty ? nil : nodes[Int.random(in: 0..<nodes.count, using: &rng)] }
        // Asks a random share of the elements (so some are cached and some not), or all.
        func check(_ step: Int, _ what: String, all: Bool = false) {
            for el in elements() where all || Int.random(in: 0..<3, using: &rng) == 0 {
                let expected = Self.naiveIndex(el)
                if el.elementIndex != expected { wrong.append("step \(step) \(what): \(el.elementIndex) != \(expected)") }
            }
        }
        func newElement() -> Node {
            if let back = parked.popLast(), Int.random(in: 0..<2, using: &rng) == 0 { return back }
            return doc.createElement(Bool.random(using: &rng) ? "div" : "b")
        }

        for step in 0..<600 {
            switch Int.random(in: 0..<9, using: &rng) {
            case 0, 1, 2:
                // An outerHTML-style replacement, checked halfway; then the old one goes (or,
                // now and then, the new one, the one before it or any other).
                guard let old = pick(elements()) else { break }
                let fresh = Int.random(in: 0..<4, using: &rng) == 0 ? pick(elements()) ?? newElement() : newElement()
                guard fresh != old else { break }
                wide.insert(fresh, before: old)
                check(step, "inserted")
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: fresh.remove(); parked.append(fresh)
                case 1: if let other = pick(elements()) { other.remove(); parked.append(other) }
                case 2: if let before = fresh.previousElementSibling { before.remove(); parked.append(before) }
                default: old.remove(); parked.append(old)
                }
            case 3:
                // Text before any child, or text removed: element indices do not move.
                if let ref = pick(wide.childNodes), Bool.random(using: &rng) {
                    wide.insert(doc.createTextNode("t"), before: ref)
                } else if let text = pick(wide.childNodes.filter(\.isText)) {
                    text.remove()
                }
            case 4:
                wide.append(newElement())
            case 5:
                if let victim = pick(elements()) { victim.remove(); parked.append(victim) }
            case 6:
                // Two elements inserted in a row (a fragment of two).
                let frag = doc.createDocumentFragment()
                frag.append(newElement())
                frag.append(doc.createTextNode("\n"))
                frag.append(newElement())
                wide.insert(frag, before: pick(wide.childNodes))
            case 7:
                // An insertion followed by a removal elsewhere, or by another insertion.
                if let ref = pick(wide.childNodes) { wide.insert(newElement(), before: ref) }
                check(step, "inserted, then more")
                if Bool.random(using: &rng), let victim = pick(elements()) {
                    victim.remove()
                    parked.append(victim)
                } else if let ref = pick(wide.childNodes) {
                    wide.insert(newElement(), before: ref)
                }
            default:
                // The element right after an inserted one goes while a text node sits
                // between them.
                guard let old = pick(elements()) else { break }
                let fresh = newElement()
                wide.insert(fresh, before: old)
                wide.insert(doc.createTextNode("x"), before: old)
                old.remove()
                parked.append(old)
            }
            check(step, "after", all: step % 50 == 0)
        }
        check(600, "end", all: true)
        #expect(wrong.count == 0, "wrong indices: \(wrong.prefix(4))")
        #expect(elements().count > 10, "the test keeps a wide parent")
    }
}
