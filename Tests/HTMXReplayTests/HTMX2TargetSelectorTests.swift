@testable import HTMXReplay
import HTMXSemantics
import Testing

/// htmx 2's `hx-target` as a plain CSS selector (the runtime's one-query path) and as an
/// extended one, valid and not.
@Suite("htmx 2 target selectors")
struct HTMX2TargetSelectorTests {
    static func run(target: String, body extra: String = "") throws -> ReplayResult {
        let page = ##"<!DOCTYPE html><html><head><title>t</title></head><body><div id="box"><button id="btn" hx-get="/v" hx-target="\##(target)">go</button></div><div id="out">old</div>\##(extra)</body></html>"##
        let json = ##"{"htmx": "2", "page": \##(GrammarJSON.Value.string(page).jsonText), "responses": [{"method": "GET", "url": "/v", "body": "<b>new</b>"}], "actions": [{"at": 10, "click": "#btn"}], "until": 1000}"##
        return Replayer().run(try ScenarioLoader.decode(Array(json.utf8)))
    }

    @Test func plainSelectorTargetsItsMatch() throws {
        let result = try Self.run(target: "#out")
        #expect(result.body.contains(##"<div id="out"><b>new</b></div>"##))
        #expect(!result.diagnostics.contains { $0.code == "selector" })
    }

    @Test func invalidPlainSelectorIsReportedAndTargetsNothing() throws {
        let result = try Self.run(target: "#1bad")
        #expect(result.diagnostics.contains { $0.code == "selector" && $0.message.contains("#1bad") })
        #expect(result.body.contains(##"<div id="out">old</div>"##))
    }

    @Test func extendedSelectorStillTakesTheGeneralPath() throws {
        let result = try Self.run(target: "closest div")
        #expect(result.body.contains(##"<div id="box"><b>new</b></div>"##))
        #expect(!result.diagnostics.contains { $0.code == "selector" })
    }

    /// The loader rejects an action selector the DOM would; a scenario built in code can
    /// still hold one, and the driver says it is invalid, not that it matched nothing.
    @Test func invalidActionSelectorInABuiltScenarioIsNamedAsInvalid() throws {
        let json = ##"{"htmx": "2", "page": "<button id=\"btn\">b</button>", "actions": [{"at": 1, "click": "#btn"}, {"at": 2, "click": "#none"}], "until": 10}"##
        var scenario = try ScenarioLoader.decode(Array(json.utf8))
        scenario.actions[0].kind = .click(selector: "button[[[")
        let messages = Replayer().run(scenario).diagnostics.filter { $0.code == "action" }.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.first?.contains(#"invalid selector "button[[[""#) == true, "\(messages)")
        #expect(messages.last == "no element matches #none")
    }
}
