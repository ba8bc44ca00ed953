import Foundation
import HTMXReplay
import HTMXSemantics
import Testing

@Suite("Scenario loading")
struct ScenarioLoaderTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        return dir
    }

    static func decode(_ json: String) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.decode(Array(json.utf8))
    }

    @Test func minimalScenarioAndDefaults() throws {
        let s = try Self.decode(#"{"htmx":"2","page":"<p>x</p>","until":10,"responses":[{"method":"get","url":"/a","body":"hi"}]}"#)
        #expect(s.htmx == .two)
        #expect(s.until == 10)
        #expect(s.responses[0].method == "GET")
        #expect(s.responses[0].status == 200)
        #expect(s.responses[0].chunks == [.init(at: 0, data: Array("hi".utf8))])
        #expect(s.responses[0].endTime == 0)
        #expect(s.dialogs == Dialogs())
    }

    @Test func eventStreamsStayOpenUnlessClosed() throws {
        let s = try Self.decode(#"{"htmx":"4","page":"","until":1,"responses":[{"method":"GET","url":"/s","headers":{"content-type":"Text/Event-Stream; charset=utf-8"},"chunks":[{"at":5,"data":"data: x\n\n"}]},{"method":"GET","url":"/t","headers":{"Content-Type":"text/event-stream"},"close":40}]}"#)
        #expect(s.responses[0].isEventStream)
        #expect(s.responses[0].endTime == nil)
        #expect(s.responses[1].endTime == 40)
    }

    @Test(arguments: [
        (#"{"htmx":"2","page":"","until":1,"extra":1}"#, "$.extra", ScenarioError.Code.unknownField),
        (#"{"htmx":"3","page":"","until":1}"#, "$.htmx", .invalidValue),
        (#"{"htmx":"2","until":1}"#, "$.page", .missingField),
        (#"{"htmx":"2","page":"","until":"soon"}"#, "$.until", .wrongType),
        (#"{"htmx":"2","page":"","until":-1}"#, "$.until", .invalidValue),
        (#"{"htmx":"2","page":"","until":1,"responses":[{"method":"GET","url":"/a","status":700}]}"#, "$.responses[0].status", .invalidValue),
        (#"{"htmx":"2","page":"","until":1,"responses":[{"method":"GET","url":"/a","body":"x","chunks":[]}]}"#, "$.responses[0].chunks", .invalidValue),
        (#"{"htmx":"2","page":"","until":1,"actions":[{"at":1}]}"#, "$.actions[0]", .missingField),
        (##"{"htmx":"2","page":"","until":1,"actions":[{"at":1,"click":"#a","value":"x"}]}"##, "$.actions[0].value", .unknownField),
        (#"{"htmx":"2","page":"","until":1,"actions":[{"at":1,"visibility":"gone"}]}"#, "$.actions[0].visibility", .invalidValue),
        (#"{"htmx":"2","page":"","until":1,"dialogs":{"confirm":[true,"no"]}}"#, "$.dialogs.confirm[1]", .wrongType),
        (#"{"htmx":"2","page":"","until":1,"pageFile":"p.html"}"#, "$.pageFile", .invalidValue),
        (#"{"htmx":"2","page":"","until":1,"actions":[{"at":0,"click":"button[[["}]}"#, "$.actions[0].click", .invalidValue),
        (#"{"htmx":"2","page":"","until":1,"actions":[{"at":0,"submit":"form:nope"}]}"#, "$.actions[0].submit", .invalidValue),
        (#"{"htmx":"2","page":"","until":1,"actions":[{"at":0,"input":"","value":"x"}]}"#, "$.actions[0].input", .invalidValue),
        (#"{"htmx":"4","page":"","until":1,"actions":[{"at":0,"dispatch":"div >","type":"x"}]}"#, "$.actions[0].dispatch", .invalidValue),
    ])
    func errorsNameTheirPath(_ json: String, _ path: String, _ code: ScenarioError.Code) {
        do {
            _ = try Self.decode(json)
            Issue.record("expected an error at \(path)")
        } catch {
            #expect(error.path == path, "\(error)")
            #expect(error.code == code, "\(error)")
        }
    }

    /// The DOM's `querySelector` throws on these, so a recorded run could not have had them:
    /// the error names the selector and where the parser stopped.
    @Test func invalidActionSelectorIsNamed() {
        do {
            _ = try Self.decode(##"{"htmx":"2","page":"","until":1,"actions":[{"at":5,"click":"#a, b[["}]}"##)
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "$.actions[0].click")
            #expect(error.description.contains(##"invalid selector "#a, b[[""##), "\(error)")
        }
    }

    @Test func dispatchToDocumentOrWindowIsNoSelector() throws {
        let s = try Self.decode(##"{"htmx":"2","page":"","until":1,"actions":[{"at":0,"dispatch":"document","type":"x"},{"at":0,"dispatch":"window","type":"y"},{"at":0,"dispatch":"#a","type":"z"}]}"##)
        #expect(s.actions.map(\.kind) == [
            .dispatch(target: .document, type: "x", detail: nil, bubbles: true, cancelable: true, fields: [:]),
            .dispatch(target: .window, type: "y", detail: nil, bubbles: true, cancelable: true, fields: [:]),
            .dispatch(target: .selector("#a"), type: "z", detail: nil, bubbles: true, cancelable: true, fields: [:]),
        ])
    }

    @Test func invalidJSONGivesLineAndColumn() {
        do {
            _ = try Self.decode("{\n \"htmx\": \"2\",\n \"page\": [1,}\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidJSON)
            #expect(error.message.contains("line 3, column 13"), "\(error)")
        }
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: ScenarioError.self) { try ScenarioLoader.decode([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]) }
    }

    @Test func filesResolveInsideTheScenarioFolder() throws {
        let dir = try Self.folder()
        try Data("<html><body>from file</body></html>".utf8).write(to: dir.appendingPathComponent("data/page.html"))
        try Data("data: big\n\n".utf8).write(to: dir.appendingPathComponent("data/stream.sse"))
        let scenario = dir.appendingPathComponent("s.json")
        try Data(#"{"htmx":"2","pageFile":"data/page.html","until":1,"responses":[{"method":"GET","url":"/s","bodyFile":"data/stream.sse"}]}"#.utf8).write(to: scenario)
        let s = try ScenarioLoader.load(path: scenario.path)
        #expect(s.page == "<html><body>from file</body></html>")
        #expect(s.responses[0].chunks[0].data == Array("data: big\n\n".utf8))
    }

    @Test(arguments: ["../outside.html", "/etc/hostname", "data/../../outside.html"])
    func pathsThatEscapeTheFolderAreRejected(_ path: String) throws {
        let dir = try Self.folder()
        let scenario = dir.appendingPathComponent("s.json")
        try Data(#"{"htmx":"2","pageFile":"\#(path)","until":1}"#.utf8).write(to: scenario)
        do {
            _ = try ScenarioLoader.load(path: scenario.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .pathEscapesFolder, "\(error)")
            #expect(error.path == "$.pageFile")
        }
    }

    @Test func aSymbolicLinkOutOfTheFolderIsRejected() throws {
        let dir = try Self.folder()
        let outside = try Self.folder().appendingPathComponent("page.html")
        try Data("<p>outside</p>".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("data/page.html").path, withDestinationPath: outside.path)
        let scenario = dir.appendingPathComponent("s.json")
        try Data(#"{"htmx":"2","pageFile":"data/page.html","until":1}"#.utf8).write(to: scenario)
        do {
            _ = try ScenarioLoader.load(path: scenario.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .pathEscapesFolder, "\(error)")
        }
    }

    @Test func missingReferencedFileNamesIt() throws {
        let dir = try Self.folder()
        let scenario = dir.appendingPathComponent("s.json")
        try Data(#"{"htmx":"2","pageFile":"data/none.html","until":1}"#.utf8).write(to: scenario)
        do {
            _ = try ScenarioLoader.load(path: scenario.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unreadableFile)
            #expect(error.message.contains("data/none.html"))
        }
    }

    @Test func everyCorpusScenarioLoads() throws {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        var count = 0
        for folder in ["parse", "htmx2", "htmx4"] {
            let dir = root.appendingPathComponent("Conformance/\(folder)")
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".json") && !file.hasSuffix(".expected.json") {
                _ = try ScenarioLoader.load(path: dir.appendingPathComponent(file).path)
                count += 1
            }
        }
        #expect(count > 500)
    }
}

@Suite("JSON")
struct JSONTests {
    @Test func writerMatchesPythonIndentOne() throws {
        let v = try JSONParser.parse(#"{"a":[1,2.5,{"b":null}],"c":"é\u0001\"\n","d":{},"e":[]}"#)
        #expect(JSONWriter.write(v) == "{\n \"a\": [\n  1,\n  2.5,\n  {\n   \"b\": null\n  }\n ],\n \"c\": \"é\\u0001\\\"\\n\",\n \"d\": {},\n \"e\": []\n}")
        #expect(JSONWriter.write(v, style: .compact) == #"{"a":[1,2.5,{"b":null}],"c":"é\u0001\"\n","d":{},"e":[]}"#)
    }

    /// The writer finds bytes to escape 32 at a time: every special byte, at every offset of
    /// strings up to three blocks long (and around non-ASCII), against a byte-by-byte escaper.
    @Test func stringEscapingAtEveryOffsetMatchesTheBytewiseRule() throws {
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        let specials: [String] = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{7F}", "é", " ", "\u{08}"]
        for length in [0, 1, 31, 32, 33, 63, 64, 65, 96] {
            let plain = String(repeating: "a", count: length)
            #expect(JSONWriter.write(.string(plain)) == reference(plain))
            for offset in 0..<max(length, 1) {
                for special in specials {
                    var chars = Array(plain.isEmpty ? "a" : plain)
                    chars[offset] = Character(special)
                    let s = String(chars)
                    #expect(JSONWriter.write(.string(s)) == reference(s), "offset \(offset) of \(length): \(special.debugDescription)")
                }
            }
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse(deep) }
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "tru", "\"\u{1}\"", "[1] 2"])
    func malformedJSONIsRejected(_ text: String) {
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse(text) }
    }

    @Test func surrogatePairsDecode() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }
}

/// The streamed result writer gives the same bytes as building the JSON tree and writing it.
@Suite("Result JSON streaming")
struct ResultStreamingTests {
    static func streamed(_ r: ReplayResult, includeDiagnostics: Bool, chunk: Int) -> String {
        var bytes: [UInt8] = []
        r.writeJSON(includeDiagnostics: includeDiagnostics, chunk: chunk) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [1, 64, 1 << 20])
    func streamingEqualsTheTree(chunk: Int) throws {
        let scenario = try ScenarioLoader.load(path: ConformanceFolder.path("examples/hello-htmx4.json"))
        var results = [Replayer().run(scenario)]
        results.append(ReplayResult(htmx: "x", body: "<body></body>", title: ""))
        var withDialogs = results[0]
        withDialogs.dialogs = [DialogRecord(kind: .confirm, message: "sure?\n\"ok\"")]
        withDialogs.diagnostics.append(Diagnostic(code: "c", element: "#a", message: "m", at: 1.5))
        withDialogs.events.append(EventRecord(type: "t\u{1}", target: "#b", detail: [
            ("s", .string("q\"é")), ("n", .number(2)), ("f", .number(-0.25)), ("y", .bool(true)), ("no", .bool(false))]))
        // The same escaped type and key again (the writer spells each name once).
        withDialogs.events.append(EventRecord(type: "t\u{1}", target: "#c", detail: [("s", .string("again")), ("n\"", .number(1))]))
        results.append(withDialogs)
        for r in results {
            for d in [true, false] {
                #expect(Self.streamed(r, includeDiagnostics: d, chunk: chunk) == JSONWriter.write(r.json(includeDiagnostics: d)) + "\n")
            }
        }
    }
}

enum ConformanceFolder {
    static func path(_ relative: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Conformance/" + relative).path
    }
}
