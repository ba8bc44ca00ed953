@testable import HTMXReplay
import Testing

/// An htmx 2 OOB element with one target is moved into place instead of cloned (htmx.js
/// clones it, then drops it). That must never change a result: every htmx 2 scenario, and
/// the cases where moving would be visible if it were not declined, give the same result
/// both ways.
@Suite("OOB move instead of clone")
struct OOBMoveEquivalenceTests {
    static var corpus: [String] {
        ReleaseEquivalenceTests.scenarios.filter { $0.contains("/htmx2/") }
    }

    @Test(arguments: corpus)
    func corpusScenarioGivesTheSameResult(_ path: String) throws {
        try Self.expectSameBothWays(try ScenarioLoader.load(path: path))
    }

    /// Responses where an element moved into the page would differ from a clone: nested OOB
    /// elements (handled after their ancestor went in, or stripped in place when nested
    /// swaps are off), an OOB element that targets several elements, inline styles that
    /// take only the children, OOB elements inside templates, and `hx-select-oob`.
    static let responses: [(body: String, config: String, selectOOB: String)] = [
        (#"<div id="a" hx-swap-oob="true">A2<span id="b" hx-swap-oob="true">B2</span></div>main"#, "{}", ""),
        (#"<div id="a" hx-swap-oob="true">A2<span id="b" hx-swap-oob="true">B2</span></div>main"#, #"{"allowNestedOobSwaps":false}"#, ""),
        (##"<div id="a" hx-swap-oob="true">A2<span id="x" hx-swap-oob="outerHTML:#b">B3</span></div>"##, "{}", ""),
        (#"<p hx-swap-oob="beforeend:.many">item</p>main"#, "{}", ""),
        (#"<div id="a" hx-swap-oob="innerHTML">inner <b>A</b></div><div id="b" hx-swap-oob="beforeend">+</div>"#, "{}", ""),
        (##"<div hx-swap-oob="afterend:#a"><i>after</i></div><div hx-swap-oob="delete:#b"></div>"##, "{}", ""),
        (#"<template><div id="a" hx-swap-oob="true">T</div></template>main"#, "{}", ""),
        (#"<div id="a" hx-swap-oob="true"><input id="c" type="checkbox" checked> <span id="b">in a</span></div>"#, "{}", ""),
        (#"<div id="missing" hx-swap-oob="true">none</div>main"#, "{}", ""),
        (#"<div id="a" hx-swap-oob="true" hx-get="/x" hx-trigger="load">A</div>"#, "{}", ""),
        (#"<div id="a">A2<span id="b" hx-swap-oob="true">B2</span></div>main"#, "{}", "#a"),
        (#"<div id="a">A2<span id="b" hx-swap-oob="true">B2</span></div>main"#, #"{"allowNestedOobSwaps":false}"#, "#a,#b:innerHTML"),
    ]

    @Test(arguments: responses.indices)
    func edgeCaseGivesTheSameResult(_ index: Int) throws {
        let (body, config, selectOOB) = Self.responses[index]
        let page = ##"<!DOCTYPE html><html><body><button id="btn" hx-get="/o" hx-target="#out" hx-select-oob="\##(selectOOB)">go</button><div id="out">o</div><div id="a">a</div><span id="b">b</span><ul><li class="many">1</li><li class="many">2</li></ul></body></html>"##
        let json = ##"{"htmx":"2","config":\##(config),"page":\##(JSONWriter.write(.string(page))),"responses":[{"method":"GET","url":"/o","headers":{"Content-Type":"text/html"},"body":\##(JSONWriter.write(.string(body)))},{"method":"GET","url":"/x","body":"loaded"}],"actions":[{"at":10,"click":"#btn"}],"until":500}"##
        let scenario = try ScenarioLoader.decode(Array(json.utf8))
        try Self.expectSameBothWays(scenario)
        // The scenario must exercise an OOB swap, not fail before it.
        var cloning = Replayer()
        cloning.oobMovesLoneElement = false
        #expect(cloning.run(scenario).events.contains { $0.type.hasPrefix("htmx:oob") })
    }

    static func expectSameBothWays(_ scenario: Scenario) throws {
        var cloning = Replayer()
        cloning.oobMovesLoneElement = false
        let reference = cloning.run(scenario)
        #expect(Replayer().run(scenario) == reference)
    }
}
