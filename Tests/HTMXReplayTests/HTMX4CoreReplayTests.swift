@testable import HTMXReplay
import HTMLModel
import HTMXSemantics
import Testing

/// htmx 4 core behaviour beyond the shared corpus, each expectation read off
/// src/htmx.js (v4.0.0-beta5).
@Suite("htmx 4 core replay")
struct HTMX4CoreReplayTests {
    static func scenario(body: String, responses: String, actions: String = ##"[{"at": 10, "click": "#btn"}]"##, until: Int = 1000) -> String {
        let page = "<!DOCTYPE html><html><head><title>t</title></head><body>\(body)</body></html>"
        let escaped = GrammarJSON.Value.string(page).jsonText
        return ##"{"htmx": "4", "page": \##(escaped), "responses": \##(responses), "actions": \##(actions), "until": \##(until)}"##
    }

    static func html(_ url: String, _ body: String, headers: String = "{}") -> String {
        ##"{"method": "GET", "url": "\##(url)", "headers": \##(headers), "body": \##(GrammarJSON.Value.string(body).jsonText)}"##
    }

    static func replay(_ json: String) throws -> HTMX4Replay {
        let s = try ScenarioLoader.decode(Array(json.utf8))
        return HTMX4Replay(s, document: Document(html: s.page))
    }

    @Test func innerMorphKeepsMatchedElementsAndUpdatesThem() throws {
        let r = try Self.replay(Self.scenario(
            body: ##"<button id="btn" hx-get="/m" hx-target="#box" hx-swap="innerMorph">go</button><div id="box"><p id="keep" class="a">old</p><span>x</span></div>"##,
            responses: "[\(Self.html("/m", ##"<p id="keep" class="b">new</p><em>y</em>"##))]"))
        let kept = try #require(r.session.document.element(byID: "keep"))
        _ = r.run()
        // __morph matches by persistent id: the same element, its attributes and text patched.
        #expect(r.session.document.element(byID: "keep") == kept)
        #expect(r.session.document.element(byID: "box")?.innerHTML == ##"<p id="keep" class="b">new</p><em>y</em>"##)
    }

    @Test func innerHTMLReplacesTheElement() throws {
        let r = try Self.replay(Self.scenario(
            body: ##"<button id="btn" hx-get="/m" hx-target="#box">go</button><div id="box"><p id="keep">old</p></div>"##,
            responses: "[\(Self.html("/m", ##"<p id="keep">new</p>"##))]"))
        let old = try #require(r.session.document.element(byID: "keep"))
        _ = r.run()
        #expect(r.session.document.element(byID: "keep") != old)
    }

    @Test func preservedElementsSurviveTheSwap() throws {
        let r = try Self.replay(Self.scenario(
            body: ##"<button id="btn" hx-get="/p" hx-target="#box">go</button><div id="box"><video id="v" hx-preserve>playing</video><p>a</p></div>"##,
            responses: "[\(Self.html("/p", ##"<video id="v" hx-preserve>fresh</video><p>b</p>"##))]"))
        let video = try #require(r.session.document.element(byID: "v"))
        _ = r.run()
        #expect(r.session.document.element(byID: "v") == video)
        #expect(r.session.document.element(byID: "box")?.innerHTML == ##"<video id="v" hx-preserve="">playing</video><p>b</p>"##)
        // The pantry htmx parks preserved elements in (after <body>) is gone again.
        #expect(r.session.document.documentElement?.elementChildren.count == 2)
    }

    @Test func hxSyncDropIgnoresAClickWhileARequestIsInFlight() throws {
        let slow = ##"{"method": "GET", "url": "/s", "chunks": [{"at": 100, "data": "done"}]}"##
        let r = try Self.replay(Self.scenario(
            body: ##"<button id="btn" hx-get="/s" hx-sync="this:drop" hx-target="#out">go</button><div id="out"></div>"##,
            responses: "[\(slow), \(slow)]",
            actions: ##"[{"at": 10, "click": "#btn"}, {"at": 50, "click": "#btn"}, {"at": 200, "click": "#btn"}]"##))
        let result = r.run()
        // The click at 50 is dropped; the one at 200 runs after the first ended at 110.
        #expect(result.requests.count == 2)
    }

    @Test func hxTriggerJSONTargetsTheNamedElement() throws {
        let r = try Self.replay(Self.scenario(
            body: ##"<button id="btn" hx-get="/t" hx-target="#out">go</button><div id="out"></div><p id="other"></p>"##,
            responses: "[\(Self.html("/t", "ok", headers: ##"{"HX-Trigger": "{\"ping\": {\"target\": \"#other\", \"value\": 3}, \"pong\": 5}"}"##))]"))
        let result = r.run()
        let ping = result.events.first { $0.type == "ping" }
        let pong = result.events.first { $0.type == "pong" }
        #expect(ping?.target == "#other")
        #expect(pong?.target == "#btn")
        #expect(pong.map { "\($0.detail)" }?.contains("5") == true)
    }

    @Test func appendJoinsTheInheritedValue() throws {
        let post = ##"{"method": "POST", "url": "/v", "body": "ok"}"##
        let r = try Self.replay(Self.scenario(
            body: ##"<div hx-vals:inherited='{"a":1}'><section hx-vals:inherited:append='{"b":2}'><button id="btn" hx-post="/v" hx-vals:append='{"c":3}'>go</button></section></div>"##,
            responses: "[\(post)]"))
        let result = r.run()
        #expect(result.requests.first?.body == "a=1&b=2&c=3")
    }

    @Test func theMetaCharacterRenamesEventsAndInheritanceSuffixes() throws {
        let json = ##"{"htmx": "4", "config": {"metaCharacter": "-"}, "page": "<!DOCTYPE html><html><head><title>t</title></head><body><div hx-target-inherited=\"#out\"><button id=\"btn\" hx-get=\"/m\">go</button></div><div id=\"out\"></div></body></html>", "responses": [{"method": "GET", "url": "/m", "body": "ok"}], "actions": [{"at": 10, "click": "#btn"}], "until": 500}"##
        let r = try Self.replay(json)
        let result = r.run()
        #expect(r.session.document.element(byID: "out")?.textContent == "ok")
        #expect(result.events.contains { $0.type == "htmx-before-request" })
        #expect(!result.events.contains { $0.type == "htmx:before:request" })
    }

    @Test func aPrefixFromTheMetaConfigSelectsElementsButOneSetLaterOnlyRenamesLookups() throws {
        // The constructor builds its action selector from the config it read at load time
        // (the meta tag); the scenario's config is assigned after that.
        func run(meta: Bool) throws -> Int {
            let head = meta ? #"<meta name=\"htmx-config\" content='{\"prefix\": \"x-\"}'>"# : ""
            let config = meta ? "{}" : ##"{"prefix": "x-"}"##
            let json = ##"{"htmx": "4", "config": \##(config), "page": "<!DOCTYPE html><html><head>\##(head)<title>t</title></head><body><button id=\"btn\" x-get=\"/m\" x-target=\"#out\">go</button><div id=\"out\"></div></body></html>", "responses": [{"method": "GET", "url": "/m", "body": "ok"}], "actions": [{"at": 10, "click": "#btn"}], "until": 500}"##
            return try Self.replay(json).run().requests.count
        }
        #expect(try run(meta: true) == 1)
        #expect(try run(meta: false) == 0)
    }

    @Test func nestedOOBElementsStayInTheOuterOnesCopy() throws {
        // __processOOB clones each OOB element for its task before the nested one is taken
        // out of the original: the outer task keeps the nested element, attribute and all.
        let r = try Self.replay(Self.scenario(
            body: ##"<button id="btn" hx-get="/o" hx-target="#main">go</button><div id="main"></div><div id="a">a</div><span id="b">b</span>"##,
            responses: "[\(Self.html("/o", ##"m<div id="a" hx-swap-oob="true">A<span id="b" hx-swap-oob="true">B</span></div>"##))]"))
        _ = r.run()
        let body = r.session.document.body?.outerHTML ?? ""
        #expect(body.hasSuffix(##"<div id="main">m</div><div id="a">A<span id="b" hx-swap-oob="true">B</span></div><span id="b">B</span></body>"##))
    }

    @Test func anUnterminatedFilterStopsProcessingAsHtmxThrows() throws {
        let r = try Self.replay(Self.scenario(
            body: ##"<button id="btn" hx-get="/a" hx-trigger="click[ctrlKey">a</button><button id="two" hx-get="/b">b</button>"##,
            responses: "[]", actions: "[]"))
        let result = r.run()
        // __initializeTriggers throws out of process(): #two is never initialised and
        // htmx:after:process never fires.
        #expect(result.events.map(\.type) == ["htmx:before:process", "htmx:before:on:init", "htmx:before:init"])
        #expect(r.session.document.element(byID: "two")?.hasAttribute("data-htmx-powered") == false)
        #expect(result.diagnostics.contains { $0.code == "exception" })
    }

    @Test func anInvalidTargetSelectorThrowsIntoHtmxError() throws {
        // querySelectorAll throws a SyntaxError inside __createRequestContext; the trigger
        // handler's catch fires htmx:error and no request is made.
        let r = try Self.replay(Self.scenario(
            body: ###"<button id="btn" hx-get="/v" hx-target="##nope[">go</button>"###,
            responses: "[\(Self.html("/v", "ok"))]"))
        let result = r.run()
        #expect(result.requests.isEmpty)
        #expect(result.events.last?.type == "htmx:error")
        #expect(result.events.last?.target == "#btn")
        #expect(result.diagnostics.contains { $0.code == "selector" })
    }
}
