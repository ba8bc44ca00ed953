import HTMLModel
import HTMXSemantics

/// Reads scenario files: strict about shape (unknown members, wrong types and missing fields
/// are errors naming their JSON path), lenient only where the format says a field is optional.
public enum ScenarioLoader {
    /// Largest scenario or referenced file read (a guard against feeding a multi-GB file).
    public static let maxFileSize = 512 * 1024 * 1024

    /// Loads a scenario file; `pageFile` and `bodyFile` resolve against its folder.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let bytes = try readFile(path, displayName: path)
        return try decode(bytes, file: path, folder: LocalFiles.parent(of: path))
    }

    /// Decodes scenario JSON. Without `folder`, `pageFile` / `bodyFile` are errors.
    public static func decode(_ bytes: [UInt8], file: String? = nil, folder: String? = nil) throws(ScenarioError) -> Scenario {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(.invalidJSON, "invalid JSON at \(error)", file: file)
        }
        var ctx = Context(file: file, folder: folder)
        return try ctx.scenario(json)
    }

    /// Reads a whole file with the loader's size limit and error messages.
    public static func readFile(_ path: String, displayName: String) throws(ScenarioError) -> [UInt8] {
        do throws(LocalFiles.Failure) {
            return try LocalFiles.readFile(path, limit: maxFileSize)
        } catch {
            switch error.reason {
            case .missing: throw ScenarioError(.unreadableFile, "no such file: \(displayName)")
            case .directory: throw ScenarioError(.unreadableFile, "\(displayName) is a directory, not a file")
            case .tooLarge(let size):
                throw ScenarioError(.unreadableFile, "\(displayName) is \(size) bytes, over the \(maxFileSize)-byte limit")
            case .system(let text): throw ScenarioError(.unreadableFile, "cannot read \(displayName): \(text)")
            }
        }
    }

    private struct Context {
        let file: String?
        let folder: String?

        func fail(_ code: ScenarioError.Code, _ message: String, _ path: String) -> ScenarioError {
            ScenarioError(code, message, path: path, file: file)
        }

        func members(_ v: JSONValue, _ path: String, allowed: Set<String>) throws(ScenarioError) -> [(String, JSONValue)] {
            guard let m = v.objectValue else { throw fail(.wrongType, "expected an object, found \(v.kindName)", path) }
            if let unknown = m.first(where: { !allowed.contains($0.0) }) {
                let list = allowed.sorted().joined(separator: ", ")
                throw fail(.unknownField, "unknown member \"\(unknown.0)\" (allowed: \(list))", "\(path).\(unknown.0)")
            }
            return m
        }

        func string(_ v: JSONValue?, _ path: String) throws(ScenarioError) -> String {
            guard let v else { throw fail(.missingField, "missing required member", path) }
            guard let s = v.stringValue else { throw fail(.wrongType, "expected a string, found \(v.kindName)", path) }
            return s
        }

        /// A selector an action hands to `document.querySelector`: one the DOM would reject
        /// (a `SyntaxError` in the browser, so the recorded run could not have happened) is
        /// the scenario's mistake, reported here with its path rather than as an action that
        /// found nothing.
        func selector(_ v: JSONValue?, _ path: String) throws(ScenarioError) -> String {
            try selector(string(v, path), path)
        }

        func selector(_ s: String, _ path: String) throws(ScenarioError) -> String {
            do {
                _ = try SelectorList(s)
            } catch {
                throw fail(.invalidValue, error.description, path)
            }
            return s
        }

        func number(_ v: JSONValue?, _ path: String, min: Double = 0) throws(ScenarioError) -> Double {
            guard let v else { throw fail(.missingField, "missing required member", path) }
            guard let n = v.numberValue else { throw fail(.wrongType, "expected a number, found \(v.kindName)", path) }
            guard n.isFinite, n >= min else { throw fail(.invalidValue, "expected a number >= \(JSONWriter.formatNumber(min)), found \(JSONWriter.formatNumber(n))", path) }
            return n
        }

        func bool(_ v: JSONValue?, _ path: String) throws(ScenarioError) -> Bool {
            guard let v else { throw fail(.missingField, "missing required member", path) }
            guard let b = v.boolValue else { throw fail(.wrongType, "expected true or false, found \(v.kindName)", path) }
            return b
        }

        func array(_ v: JSONValue, _ path: String) throws(ScenarioError) -> [JSONValue] {
            guard let a = v.arrayValue else { throw fail(.wrongType, "expected an array, found \(v.kindName)", path) }
            return a
        }

        /// Resolves a `pageFile` / `bodyFile` inside the scenario's folder.
        func referencedFile(_ relative: String, _ path: String) throws(ScenarioError) -> [UInt8] {
            guard let folder else {
                throw fail(.invalidValue, "file references need a scenario loaded from a file", path)
            }
            if relative.hasPrefix("/") { throw fail(.pathEscapesFolder, "\"\(relative)\" is absolute; give a path inside the scenario's folder", path) }
            // Symbolic links resolved, so a link cannot lead out either; a path to nothing is
            // checked as written, then reported missing.
            let base = LocalFiles.resolved(folder) ?? LocalFiles.normalized(folder)
            let joined = LocalFiles.normalized(LocalFiles.join(base, relative))
            let target = LocalFiles.resolved(joined) ?? joined
            guard target.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
                throw fail(.pathEscapesFolder, "\"\(relative)\" leads outside the scenario's folder", path)
            }
            do throws(ScenarioError) {
                return try ScenarioLoader.readFile(target, displayName: relative)
            } catch {
                throw fail(error.code, error.message, path)
            }
        }

        mutating func scenario(_ v: JSONValue) throws(ScenarioError) -> Scenario {
            let m = try members(v, "$", allowed: ["name", "htmx", "config", "page", "pageFile", "responses", "actions", "dialogs", "until", "events", "seed"])
            func get(_ k: String) -> JSONValue? { m.last(where: { $0.0 == k })?.1 }

            let name = try get("name").map { v throws(ScenarioError) in try string(v, "$.name") }
            let versionText = try string(get("htmx"), "$.htmx")
            guard let version = HTMXVersion(rawValue: versionText) else {
                throw fail(.invalidValue, "htmx must be \"2\" or \"4\", found \"\(versionText)\"", "$.htmx")
            }
            var config: [(String, JSONValue)] = []
            if let c = get("config") {
                guard let o = c.objectValue else { throw fail(.wrongType, "expected an object, found \(c.kindName)", "$.config") }
                config = o
            }
            let page: String
            switch (get("page"), get("pageFile")) {
            case (.some, .some): throw fail(.invalidValue, "give either page or pageFile, not both", "$.pageFile")
            case (let p?, nil): page = try string(p, "$.page")
            case (nil, let f?):
                let bytes = try referencedFile(try string(f, "$.pageFile"), "$.pageFile")
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw fail(.invalidValue, "the page file is not valid UTF-8", "$.pageFile")
                }
                page = text
            case (nil, nil): throw fail(.missingField, "missing required member (page or pageFile)", "$.page")
            }
            var responses: [RecordedResponse] = []
            if let r = get("responses") {
                for (k, item) in try array(r, "$.responses").enumerated() {
                    responses.append(try response(item, "$.responses[\(k)]"))
                }
            }
            var actions: [Action] = []
            if let a = get("actions") {
                for (k, item) in try array(a, "$.actions").enumerated() {
                    actions.append(try action(item, "$.actions[\(k)]"))
                }
            }
            var dialogs = Dialogs()
            if let d = get("dialogs") {
                let dm = try members(d, "$.dialogs", allowed: ["confirm", "prompt"])
                if let c = dm.last(where: { $0.0 == "confirm" })?.1 {
                    dialogs.confirm = try array(c, "$.dialogs.confirm").enumerated().map { (k, v) throws(ScenarioError) in
                        try bool(v, "$.dialogs.confirm[\(k)]")
                    }
                }
                if let p = dm.last(where: { $0.0 == "prompt" })?.1 {
                    dialogs.prompt = try array(p, "$.dialogs.prompt").enumerated().map { (k, v) throws(ScenarioError) -> String? in
                        v.isNull ? nil : try string(v, "$.dialogs.prompt[\(k)]")
                    }
                }
            }
            let until = try number(get("until"), "$.until")
            var events: [String] = []
            if let e = get("events") {
                events = try array(e, "$.events").enumerated().map { (k, v) throws(ScenarioError) in try string(v, "$.events[\(k)]") }
            }
            var seed: UInt64 = 0
            if let s = get("seed") {
                let n = try number(s, "$.seed")
                guard n == n.rounded(), n <= 9_007_199_254_740_991 else { throw fail(.invalidValue, "seed must be a whole number", "$.seed") }
                seed = UInt64(n)
            }
            return Scenario(name: name, htmx: version, config: config, page: page, responses: responses,
                            actions: actions, dialogs: dialogs, until: until, events: events, seed: seed)
        }

        func response(_ v: JSONValue, _ path: String) throws(ScenarioError) -> RecordedResponse {
            let m = try members(v, path, allowed: ["method", "url", "status", "headers", "body", "bodyFile", "chunks", "close", "networkError"])
            func get(_ k: String) -> JSONValue? { m.last(where: { $0.0 == k })?.1 }
            let method = try string(get("method"), "\(path).method").uppercased()
            let url = try string(get("url"), "\(path).url")
            var status = 200
            if let s = get("status") {
                let n = try number(s, "\(path).status")
                guard n == n.rounded(), (100...599).contains(n) else { throw fail(.invalidValue, "status must be a whole number from 100 to 599", "\(path).status") }
                status = Int(n)
            }
            var headers: [(String, String)] = []
            if let h = get("headers") {
                guard let o = h.objectValue else { throw fail(.wrongType, "expected an object, found \(h.kindName)", "\(path).headers") }
                for (k, hv) in o { headers.append((k, try string(hv, "\(path).headers.\(k)"))) }
            }
            let bodySources = ["body", "bodyFile", "chunks"].filter { get($0) != nil }
            if bodySources.count > 1 {
                throw fail(.invalidValue, "give only one of body, bodyFile, chunks (found \(bodySources.joined(separator: ", ")))", "\(path).\(bodySources[1])")
            }
            var chunks: [RecordedResponse.Chunk] = []
            if let b = get("body") {
                chunks = [.init(at: 0, data: Array(try string(b, "\(path).body").utf8))]
            } else if let f = get("bodyFile") {
                chunks = [.init(at: 0, data: try referencedFile(try string(f, "\(path).bodyFile"), "\(path).bodyFile"))]
            } else if let c = get("chunks") {
                for (k, item) in try array(c, "\(path).chunks").enumerated() {
                    let cp = "\(path).chunks[\(k)]"
                    let cm = try members(item, cp, allowed: ["at", "data"])
                    let at = try number(cm.last(where: { $0.0 == "at" })?.1, "\(cp).at")
                    let data = try string(cm.last(where: { $0.0 == "data" })?.1, "\(cp).data")
                    chunks.append(.init(at: at, data: Array(data.utf8)))
                }
            }
            let close = try get("close").map { v throws(ScenarioError) in try number(v, "\(path).close") }
            let networkError = try get("networkError").map { v throws(ScenarioError) in try bool(v, "\(path).networkError") } ?? false
            return RecordedResponse(method: method, url: url, status: status, headers: headers, chunks: chunks,
                                    close: close, networkError: networkError)
        }

        func action(_ v: JSONValue, _ path: String) throws(ScenarioError) -> Action {
            let m = try members(v, path, allowed: ["at", "click", "submit", "visibility", "input", "value", "checked", "commit",
                                                   "dispatch", "type", "detail", "bubbles", "cancelable", "fields"])
            func get(_ k: String) -> JSONValue? { m.last(where: { $0.0 == k })?.1 }
            let at = try number(get("at"), "\(path).at")
            let kinds = ["click", "submit", "visibility", "input", "dispatch"].filter { get($0) != nil }
            guard kinds.count == 1 else {
                throw fail(kinds.isEmpty ? .missingField : .invalidValue,
                           kinds.isEmpty ? "an action needs one of click, submit, visibility, input, dispatch"
                                         : "an action has exactly one of click, submit, visibility, input, dispatch (found \(kinds.joined(separator: ", ")))",
                           path)
            }
            let extras: [String: Set<String>] = [
                "click": [], "submit": [], "visibility": [], "input": ["value", "checked", "commit"],
                "dispatch": ["type", "detail", "bubbles", "cancelable", "fields"],
            ]
            let allowedExtras = extras[kinds[0]] ?? []
            if let stray = m.first(where: { $0.0 != "at" && $0.0 != kinds[0] && !allowedExtras.contains($0.0) }) {
                throw fail(.unknownField, "member \"\(stray.0)\" does not belong to a \(kinds[0]) action", "\(path).\(stray.0)")
            }
            switch kinds[0] {
            case "click": return Action(at: at, kind: .click(selector: try selector(get("click"), "\(path).click")))
            case "submit": return Action(at: at, kind: .submit(selector: try selector(get("submit"), "\(path).submit")))
            case "visibility":
                let s = try string(get("visibility"), "\(path).visibility")
                guard s == "hidden" || s == "visible" else { throw fail(.invalidValue, "visibility must be \"hidden\" or \"visible\"", "\(path).visibility") }
                return Action(at: at, kind: .visibility(hidden: s == "hidden"))
            case "input":
                let sel = try selector(get("input"), "\(path).input")
                let value = try get("value").map { v throws(ScenarioError) in try string(v, "\(path).value") }
                let checked = try get("checked").map { v throws(ScenarioError) in try bool(v, "\(path).checked") }
                if value == nil && checked == nil { throw fail(.missingField, "an input action needs value or checked", "\(path).value") }
                let commit = try get("commit").map { v throws(ScenarioError) in try bool(v, "\(path).commit") } ?? false
                return Action(at: at, kind: .input(selector: sel, value: value, checked: checked, commit: commit))
            default:
                let t = try string(get("dispatch"), "\(path).dispatch")
                let target: Action.DispatchTarget = t == "document" ? .document : t == "window" ? .window
                    : .selector(try selector(t, "\(path).dispatch"))
                let type = try string(get("type"), "\(path).type")
                let bubbles = try get("bubbles").map { v throws(ScenarioError) in try bool(v, "\(path).bubbles") } ?? true
                let cancelable = try get("cancelable").map { v throws(ScenarioError) in try bool(v, "\(path).cancelable") } ?? true
                var fields: [String: JSONValue] = [:]
                if let f = get("fields") {
                    guard let o = f.objectValue else { throw fail(.wrongType, "expected an object, found \(f.kindName)", "\(path).fields") }
                    for (k, fv) in o { fields[k] = fv }
                }
                return Action(at: at, kind: .dispatch(target: target, type: type, detail: get("detail"), bubbles: bubbles,
                                                      cancelable: cancelable, fields: fields))
            }
        }
    }
}
