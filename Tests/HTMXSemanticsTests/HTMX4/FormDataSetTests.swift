@testable import HTMXSemantics
import Testing

@Suite("htmx 4 FormData.set")
struct FormDataSetTests {
    /// The one-pass form against `FormData.set` applied member by member, on random entry
    /// lists with repeated names and random objects of distinct keys.
    /// `FormData.set(name, value)` as the XHR spec gives it: the first entry of that name
    /// takes the value, later ones go; none, and the entry is appended.
    static func set(_ data: inout [(String, String)], _ name: String, _ value: String) {
        if let i = data.firstIndex(where: { $0.0 == name }) {
            data[i].1 = value
            var j = data.count - 1
            while j > i { if data[j].0 == name { data.remove(at: j) }; j -= 1 }
        } else {
            data.append((name, value))
        }
    }

    @Test func setOfManyMatchesSetOneByOne() {
        let random = SeededRandom(seed: 11)
        let names = ["a", "b", "c", "d", "e", "f"]
        func pick() -> String { names[Int(random.next() * Double(names.count))] }
        var mismatches: [String] = []
        for round in 0..<2_000 {
            let data = (0..<Int(random.next() * 8)).map { k in (pick(), "old\(k)") }
            var keys: [String] = []
            for _ in 0..<Int(random.next() * 5) {
                let k = pick()
                if !keys.contains(k) { keys.append(k) }
            }
            let members = keys.map { ($0, "new-\($0)") }
            var oneByOne = data
            for (k, v) in members { Self.set(&oneByOne, k, v) }
            var batch = data
            HTMX4Runtime.formDataSet(&batch, members)
            if batch.map({ "\($0.0)=\($0.1)" }) != oneByOne.map({ "\($0.0)=\($0.1)" }) {
                mismatches.append("round \(round): \(data) + \(members)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }
}
