import HTMLModel
@testable import HTMXSemantics
import Testing

/// PATHs with a shared cache (and the elements' cached `:nth-child` indices underneath) must
/// equal PATHs computed from scratch after any sequence of DOM mutations, and recorded PATHs
/// must still spell what they named when recorded, however the tree changed since and in
/// whatever order one writer spells them.
@Suite("PATH cache")
struct NodePathCacheTests {
    /// The robustness tests' deterministic generator, so failures reproduce.
    typealias Rng = RobustnessTests.Rng

    static func naiveIndex(_ n: Node) -> Int {
        var i = 1
        var s = n.previousElementSibling
        while let p = s { i += 1; s = p.previousElementSibling }
        return i
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func cachedPathsMatchUncachedAfterMutations(_ seed: UInt64) {
        let doc = Document(html: "<!DOCTYPE html><html><head></head><body><div id=\"root\"></div><section></section></body></html>")
        guard let body = doc.body else {
            Issue.record("no body")
            return
        }
        var rng = Rng(state: seed &* 0x9E37_79B9_7F4A_7C15 | 1)
        let cache = NodePathCache()
        var removed: [Node] = []
        var recorded: [(path: RecordedPath, text: String)] = []
        for step in 0..<400 {
            let all = [body] + body.descendants
            let parents = all.filter(\.isElement)
            let parent = parents[rng.next(parents.count)]
            switch rng.next(6) {
            case 0, 1:
                let el = doc.createElement(["div", "p", "span"][rng.next(3)])
                if rng.next(4) == 0 { el.setAttribute("id", "e\(step)") }
                let kids = parent.childNodes
                parent.insert(el, before: kids.isEmpty || rng.next(2) == 0 ? nil : kids[rng.next(kids.count)])
            case 2:
                parent.append(doc.createTextNode("t\(step)"))
            case 3:
                let victims = all.filter { $0 != body }
                if !victims.isEmpty {
                    let v = victims[rng.next(victims.count)]
                    v.remove()
                    removed.append(v)
                }
            case 4:
                if !removed.isEmpty {
                    let back = removed.remove(at: rng.next(removed.count))
                    let kids = parent.childNodes
                    if !back.contains(parent) {
                        parent.insert(back, before: kids.isEmpty ? nil : kids[rng.next(kids.count)])
                    }
                }
            default:
                let kids = parent.childNodes
                let i = rng.next(max(kids.count, 1)), j = rng.next(max(kids.count, 1))
                if kids.count > 1, i != j {
                    // Move a child before another one of the same parent.
                    parent.insert(kids[i], before: kids[j])
                }
            }
            for n in [body] + body.descendants + removed.flatMap({ [$0] + $0.descendants }) {
                let text = NodePath.of(n)
                #expect(NodePath.of(n, cache: cache) == text, "step \(step)")
                if n.isElement { #expect(n.elementIndex == Self.naiveIndex(n), "step \(step)") }
                if rng.next(8) == 0 { recorded.append((NodePath.record(n, cache: cache), text)) }
            }
        }
        // Spelled after every mutation, in recording order and then backwards (the writer
        // reuses the prefix it shares with the PATH it spelled before).
        let writer = RecordedPath.Writer()
        for order in [recorded, recorded.reversed()] {
            var wrong: [String] = []
            for (path, text) in order {
                let out = GrowableBytes()
                writer.write(path, into: out)
                let spelled = String(decoding: out.bytes, as: UTF8.self)
                if spelled != text || path.description != text { wrong.append("\(spelled) != \(text)") }
            }
            #expect(wrong.isEmpty, "\(wrong.count) of \(order.count) recorded PATHs spelled wrong: \(wrong.prefix(3))")
        }
        #expect(recorded.count > 100, "the test records a useful number of PATHs")
    }

    /// A changed, emptied or removed id gives the PATH the element has now, whatever the
    /// cache remembers of the element and its chain.
    @Test func idPathsFollowTheAttribute() {
        let doc = Document(html: "<!DOCTYPE html><html><body><div><p>x</p></div></body></html>")
        guard let p = try? doc.querySelector("p") else {
            Issue.record("no p")
            return
        }
        let cache = NodePathCache()
        let chain = NodePath.of(p)
        for k in 0..<2000 {
            let id = k % 7 == 0 ? "" : "id-\(k % 600)-\(String(repeating: "é", count: k % 5))"
            p.setAttribute("id", id)
            #expect(NodePath.of(p, cache: cache) == (id.isEmpty ? chain : "#" + id), "step \(k)")
            if k % 11 == 0 {
                p.removeAttribute("id")
                #expect(NodePath.of(p, cache: cache) == chain, "step \(k), removed")
            }
        }
    }

    /// An `#ID` PATH is the table's one step for that id, however often and between whatever
    /// other PATHs it is recorded (a long run records the same few ids hundreds of thousands
    /// of times); a text node under it starts from the same step.
    @Test func eachIDIsOneStep() {
        let cells = (0..<300).map { "<div id=\"c\($0)\">t\($0)</div>" }.joined()
        let doc = Document(html: "<!DOCTYPE html><html><body>\(cells)</body></html>")
        let divs = doc.body?.elementChildren ?? []
        #expect(divs.count == 300)
        let cache = NodePathCache()
        var first: [String: Int32] = [:]
        for round in 0..<3 {
            for (k, div) in divs.enumerated() {
                let path = NodePath.record(div, cache: cache)
                #expect(path.description == "#c\(k)")
                guard let step = path.tableStep?.step else {
                    Issue.record("an id PATH is not a table step")
                    return
                }
                if round == 0 {
                    #expect(first.updateValue(step, forKey: "c\(k)") == nil, "a new id got an old step")
                } else {
                    #expect(first["c\(k)"] == step, "round \(round): c\(k) got a new step")
                }
                if let text = div.firstChild {
                    let textPath = NodePath.record(text, cache: cache)
                    #expect(textPath.description == "#c\(k) > #text(1)")
                    if let (table, textStep, _) = textPath.tableStep {
                        #expect(table.parent(of: textStep) == step)
                    }
                }
            }
        }
    }
}
