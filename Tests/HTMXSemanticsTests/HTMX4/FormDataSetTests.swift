@testable import HTMXSemantics
import Testing

@Suite("htmx 4 FormData.set")
struct FormDataSetTests {
    /// The one-pass form against `FormData.set` applied member by member, on random entry
    /// lists with repeated names and random objects of distinct keys.
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
            for (k, v) in members { HTMX4Runtime.formDataSet(&oneByOne, k, v) }
            var batch = data
            HTMX4Runtime.formDataSet(&batch, members)
            if batch.map({ "\($0.0)=\($0.1)" }) != oneByOne.map({ "\($0.0)=\($0.1)" }) {
                mismatches.append("round \(round): \(data) + \(members)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }
}
