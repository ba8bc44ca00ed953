/// One element's `hx-vals` / `hx-headers` / `hx-vars` / `hx-request` value, read as htmx.js
/// getValuesForElement reads it.
///
/// The value is trimmed; `unset` stops the walk; a `javascript:` or `js:` prefix (checked
/// in that order, case-sensitive) — or `hx-vars`, which always evaluates — means
/// JavaScript; text not starting with `{` is wrapped in braces (`"a":1` → `{"a":1}`,
/// `js:a:1` → `{a:1}`). The rest goes to `JSON.parse`; invalid JSON is logged and
/// contributes nothing (the walk continues to the parent).
public enum ValuesAttribute: Equatable, Sendable {
    /// No value, or an empty one: contributes nothing.
    case absent
    /// `unset`.
    case unset
    /// Parsed JSON members in `for…in` order.
    case object(GrammarJSON.JSObject)
    /// Not valid JSON: contributes nothing.
    case invalidJSON
    /// A JavaScript object expression (already wrapped in braces) the engine cannot run.
    case javascript(String)

    public static func parse(_ raw: String?, evaluatesByDefault: Bool = false) -> GrammarResult<ValuesAttribute> {
        guard let raw, !raw.isEmpty else { return GrammarResult(.absent) }
        var str = JSText.trim(raw)
        if str == "unset" { return GrammarResult(.unset) }
        var evaluate = evaluatesByDefault
        if let rest = str.dropPrefix("javascript:") {
            str = rest
            evaluate = true
        } else if let rest = str.dropPrefix("js:") {
            str = rest
            evaluate = true
        }
        if str.dropPrefix("{") == nil { str = "{" + str + "}" }
        if evaluate {
            return GrammarResult(.javascript(str), [GrammarDiagnostic(
                code: "js.unsupported",
                message: "a JavaScript value (\(str)) cannot be evaluated; htmx would run it (or fire htmx:evalDisallowedError when allowEval is off, yielding {})")])
        }
        let parsed = GrammarJSON.parse(str)
        guard case .object(let obj)? = parsed.value else {
            var notes = parsed.diagnostics
            notes.append(GrammarDiagnostic(
                code: "json.ignored",
                message: "\(str) is not valid JSON; htmx logs the error and ignores this value"))
            return GrammarResult(.invalidJSON, notes)
        }
        return GrammarResult(.object(obj), parsed.diagnostics)
    }

    /// How htmx uses the result of the walk.
    public enum MergeMode: Sendable {
        /// hx-vals / hx-vars / hx-request: the walk's *return value* is used, and an
        /// `unset` anywhere up the chain returns null — discarding even the values already
        /// collected from nearer elements.
        case returnValue
        /// hx-headers: the walk fills the caller's object in place and the return value is
        /// ignored, so an `unset` only stops values from further up.
        case inPlace
    }

    /// The walk of getValuesForElement over `chain` (the element first, then ancestors,
    /// already parsed). A nearer element's key wins, except that a nearer `null` value is
    /// overwritten by a farther one (htmx tests `values[key] == null`).
    /// Returns nil where htmx's result is null (returnValue mode only). JavaScript values
    /// contribute nothing here (the engine cannot evaluate them) and are noted.
    public static func merge(_ chain: [ValuesAttribute], mode: MergeMode) -> GrammarResult<GrammarJSON.JSObject?> {
        var values = GrammarJSON.JSObject()
        var notes: [GrammarDiagnostic] = []
        for item in chain {
            switch item {
            case .absent, .invalidJSON: continue
            case .unset:
                return GrammarResult(mode == .returnValue ? nil : values, notes)
            case .javascript(let src):
                notes.append(GrammarDiagnostic(
                    code: "js.unsupported",
                    message: "skipped JavaScript value \(src) while merging"))
            case .object(let obj):
                for m in obj.members {
                    if let existing = values[m.key], existing != .null { continue }
                    values[m.key] = m.value
                }
            }
        }
        return GrammarResult(values, notes)
    }
}
