@testable import HTMXReplay
import HTMXSemantics
import Testing

@Suite("Recorded network")
struct RecordedNetworkTests {
    /// A `load`-triggered chain: each response swaps in the element that asks for the next
    /// one, so the k-th request must get the k-th recording, to the end of a long list.
    @Test(arguments: ["2", "4"])
    func longChainTakesEveryRecordingInOrder(htmx: String) throws {
        let count = 500
        let link = #"<div id=\"d\" hx-get=\"/a\" hx-trigger=\"load\" hx-swap=\"outerHTML\">"#
        var responses = (0..<count - 1).map { k in #"{"method":"GET","url":"/a","body":"\#(link)\#(k)</div>"}"# }
        responses.append(#"{"method":"GET","url":"/a","body":"<p id=\"d\">last</p>"}"#)
        let json = #"{"htmx":"\#(htmx)","page":"<body>\#(link)start</div></body>","responses":[\#(responses.joined(separator: ","))],"until":100000}"#
        let result = Replayer().run(try ScenarioLoader.decode(Array(json.utf8)))
        #expect(result.requests.count == count)
        #expect(result.body == #"<body><p id="d">last</p></body>"#)
        #expect(!result.diagnostics.contains { $0.code == "no-recording" || $0.code == "runaway" })
    }
}
