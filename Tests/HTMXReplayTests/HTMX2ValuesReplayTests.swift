@testable import HTMXReplay
import HTMXSemantics
import Testing

/// `hx-vars` and `hx-vals` as htmx 2's getExpressionVars merges them: one object
/// (mergeObjects), so a key set by both keeps its first place and array-index keys are listed
/// first, ascending, as `for…in` lists them.
@Suite("htmx 2 hx-vars and hx-vals")
struct HTMX2ValuesReplayTests {
    static func requestURL(_ attributes: String) throws -> String? {
        let page = #"<button hx-get="/a" \#(attributes)>go</button>"#
        let json = #"{"htmx": "2", "page": \#(GrammarJSON.Value.string(page).jsonText), "responses": [{"method": "GET", "url": "/a", "body": "x"}], "actions": [{"at": 1, "click": "button"}], "until": 100}"#
        return Replayer().run(try ScenarioLoader.decode(Array(json.utf8))).requests.first?.url
    }

    @Test func mergedAsOneObject() throws {
        let url = try Self.requestURL(#"hx-vars='{"b": 1, "c": 0}' hx-vals='{"1": 2, "b": 3}'"#)
        #expect(url == "/a?1=2&b=3&c=0")
    }

    @Test func manyKeysKeepTheirOrder() throws {
        let keys = (0..<5_000).map { "k\($0)" }
        let vals = "{" + keys.map { #""\#($0)": 1"# }.joined(separator: ", ") + "}"
        let vars = #"{"k3": 0, "z": 0}"#
        let url = try Self.requestURL("hx-vars='\(vars)' hx-vals='\(vals)'")
        let expected = ["k3=1", "z=0"] + keys.filter { $0 != "k3" }.map { "\($0)=1" }
        #expect(url == "/a?" + expected.joined(separator: "&"))
    }
}
