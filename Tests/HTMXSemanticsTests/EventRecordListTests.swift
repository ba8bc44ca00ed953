import HTMLModel
@testable import HTMXSemantics
import Testing

/// The compact record list must give back exactly the records put in, whatever their PATH
/// form and detail, across its chunk boundaries, and behave as a value.
@Suite("Event record list")
struct EventRecordListTests {
    typealias Rng = RobustnessTests.Rng

    /// Records of every PATH form (chain steps attached and detached, `#ID`, `document`,
    /// text) and every detail value kind, many more than one chunk holds.
    static func sampleRecords(count: Int, seed: UInt64) -> [EventRecord] {
        let doc = Document(html: "<!DOCTYPE html><html><body><ul id=\"list\"><li>a</li><li><b>b</b>text</li></ul><p>x</p></body></html>")
        let cache = NodePathCache()
        let nodes = [doc.node] + (doc.body.map { [$0] + $0.descendants } ?? [])
        let detached = doc.createElement("section")
        detached.append(doc.createElement("i"))
        let types = ["htmx:load", "htmx:beforeCleanupElement", "htmx:oobAfterSwap", "htmx:after:sse:message", "custom-\(seed)"]
        var rng = Rng(state: seed &* 0x9E37_79B9_7F4A_7C15 | 1)
        var out: [EventRecord] = []
        for k in 0..<count {
            let path: RecordedPath
            switch rng.next(4) {
            case 0: path = NodePath.record(nodes[rng.next(nodes.count)], cache: cache)
            case 1: path = NodePath.record(detached.childNodes[0], cache: cache)
            case 2: path = RecordedPath("#id\(rng.next(50))")
            default: path = RecordedPath("body > p:nth-child(\(k))")
            }
            var detail: [(String, DetailValue)] = []
            for _ in 0..<rng.next(5) {
                switch rng.next(5) {
                case 4: detail.append(("target", .path(NodePath.record(nodes[rng.next(nodes.count)], cache: cache))))
                case 0: detail.append(("data", .string(String(repeating: "é<\n", count: rng.next(5)) + "\(k)")))
                case 1: detail.append(("status", .number(Double(rng.next(600)) / 4)))
                case 2: detail.append(("shouldSwap", .bool(rng.next(2) == 0)))
                default: detail.append(("key\(rng.next(3))", .number(-0.0)))
                }
            }
            out.append(EventRecord(type: types[rng.next(types.count)], path: path, detail: detail))
        }
        return out
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func givesBackWhatWasAppended(_ seed: UInt64) {
        let records = Self.sampleRecords(count: 10_000, seed: seed)
        let list = EventRecordList(records)
        #expect(list.count == records.count)
        for (k, r) in records.enumerated() {
            let got = list[k]
            guard got == r, got.target == r.target, got.type == r.type else {
                Issue.record("record \(k): got \(got.type) @ \(got.target) \(got.detail), put \(r.type) @ \(r.target) \(r.detail)")
                return
            }
        }
        // The stored view (what the result writer reads) gives the same parts.
        for (k, r) in records.enumerated() {
            let stored = list.stored(at: k)
            let detail = (0..<stored.detailCount).map { i in
                let (key, value) = list.member(i, of: stored)
                return (list.name(key), value)
            }
            let rebuilt = EventRecord(type: list.name(stored.type), path: stored.path, detail: detail)
            guard rebuilt == r, rebuilt.type == r.type, rebuilt.target == r.target else {
                Issue.record("record \(k): stored \(rebuilt.type) @ \(rebuilt.target) \(rebuilt.detail), put \(r.type) @ \(r.target) \(r.detail)")
                return
            }
        }
        // A number is kept as its bits: -0.0 keeps its sign.
        for (k, r) in records.enumerated() {
            for (i, (_, v)) in r.detail.enumerated() {
                if case .number(let n) = v, case .number(let m) = list[k].detail[i].1, n.sign != m.sign {
                    Issue.record("record \(k): sign of \(n) lost")
                }
            }
        }
    }

    /// A list keeps one path table's steps; PATHs of a second table (another cache, another
    /// document) are kept whole, as a record's own PATH and as a detail member.
    @Test func pathsOfASecondTableAreKeptWhole() {
        let first = Document(html: "<!DOCTYPE html><html><body><div><p>a</p></div></body></html>")
        let second = Document(html: "<!DOCTYPE html><html><body><section><b>b</b><i id=\"x\">c</i></section></body></html>")
        let (cacheA, cacheB) = (NodePathCache(), NodePathCache())
        var records: [EventRecord] = []
        for (doc, cache) in [(first, cacheA), (second, cacheB), (first, cacheA), (second, cacheB)] {
            for node in doc.body?.descendants ?? [] {
                let path = NodePath.record(node, cache: cache)
                records.append(EventRecord(type: "t", path: path, detail: [("target", .path(path))]))
            }
        }
        let list = EventRecordList(records)
        #expect(list.count == records.count)
        for (k, r) in records.enumerated() {
            #expect(list[k].target == r.target, "record \(k)")
            #expect(list[k].detail.first?.1 == r.detail.first?.1, "record \(k) detail")
        }
        #expect(records.count == 16 && records.contains { $0.target == "#x" })
    }

    @Test func detailKeysAreNamedAfterTheirCases() {
        for key in DetailKey.allCases {
            #expect(key.name == String(describing: key))
        }
    }

    /// The recorder's writer: a key put twice keeps its first position and takes the last
    /// value, in the list as in the detail array the recorder gives for one event.
    @Test func aKeyPutTwiceKeepsItsPlaceAndTakesTheLastValue() {
        var list = EventRecordList()
        list.append(type: "t", path: RecordedPath("#a")) { w in
            w.put(.data, .string("first"))
            w.put(.status, .number(1))
            w.put(.data, .string("last"))
            w.put("extra", .bool(true))
        }
        let expected = EventRecord(type: "t", target: "#a", detail: [("data", .string("last")), ("status", .number(1)), ("extra", .bool(true))])
        #expect(list[0] == expected)
        #expect(list[0].detail.count == 3)
        let detail = JSValue.object(JSObject([("data", .string("outer")), ("message", .object(JSObject([("data", .string("inner"))])))]))
        let members = EventRecorder.detail(of: detail)
        #expect(members.map(\.0) == ["data"])
        #expect(members.first?.1 == .string("inner"))
    }

    @Test func isAValue() {
        let records = Self.sampleRecords(count: 5000, seed: 9)
        var a = EventRecordList(records.prefix(4100))
        let b = a
        for r in records.dropFirst(4100) { a.append(r) }
        #expect(b.count == 4100)
        #expect(a.count == 5000)
        #expect(Array(b) == Array(records.prefix(4100)))
        #expect(Array(a) == records)
        #expect(a != b)
        #expect(EventRecordList(records) == a)
    }

    @Test func aPathEqualsTheStringThatSpellsIt() {
        let doc = Document(html: "<!DOCTYPE html><html><body><ul id=\"list\"><li>a</li><li>b</li></ul></body></html>")
        guard let li = try? doc.querySelector("li:last-child") else {
            Issue.record("no li")
            return
        }
        let path = DetailValue.path(NodePath.record(li, cache: NodePathCache()))
        #expect(path == .string("html > body > ul:nth-child(1) > li:nth-child(2)"))
        #expect(path == .string(NodePath.of(li)))
        #expect(.string(NodePath.of(li)) == path)
        #expect(path != .string("html > body > ul:nth-child(1) > li:nth-child(1)"))
        #expect(path != .number(2))
    }

    @Test func equalityComparesRecords() {
        let records = Self.sampleRecords(count: 300, seed: 4)
        var changed = records
        changed[299].detail.append(("extra", .bool(true)))
        #expect(EventRecordList(records) == EventRecordList(records))
        #expect(EventRecordList(records) != EventRecordList(changed))
        #expect(EventRecordList() == [])
    }
}

@Suite("Event recorder filter")
struct EventRecorderFilterTests {
    @Test func xhrProgressEventsAreRecordedOnlyWhenListed() {
        for type in ["htmx:xhr:progress", "htmx:xhr:", "htmx:xhr:loadstart"] {
            #expect(EventRecorder.isXHREvent(type) == type.hasPrefix("htmx:xhr:"))
            #expect(!EventRecorder().wants(type, .script))
            #expect(EventRecorder(extraTypes: [type]).wants(type, .script))
        }
        for type in ["htmx:xhr", "htmx:xhrx:a", "htmx:afterSwap", "", "htmx:XHR:progress"] {
            #expect(EventRecorder.isXHREvent(type) == type.hasPrefix("htmx:xhr:"))
            #expect(EventRecorder().wants(type, .script))
        }
    }

    @Test func attachedRecorderSeesWhatTheFilterLetsThrough() throws {
        let doc = Document(html: "<!DOCTYPE html><body><p id=p>x</p>")
        let dispatcher = EventDispatcher()
        let recorder = EventRecorder(extraTypes: ["click"])
        recorder.attach(to: dispatcher)
        let p = try #require(doc.element(byID: "p"))
        for (type, origin) in [("htmx:load", DOMEvent.Origin.script), ("htmx:xhr:progress", .script), ("click", .native),
                               ("keyup", .native), ("htmx:after-swap", .kebabTwin)] {
            dispatcher.dispatch(DOMEvent(type: type, origin: origin), to: .node(p))
        }
        #expect(recorder.records.map(\.type) == ["htmx:load", "click"])
        dispatcher.removeAll()
    }
}
