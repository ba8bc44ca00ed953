import HTMLModel
import HTMXSemantics

/// Runs a scenario: loads its page and replays it to `until`.
///
/// First form: the page is parsed as the browser parses it and the result holds its body and
/// title; htmx processing, the recorded network and the clock come with the semantics.
public struct Replayer {
    public init() {}

    public func run(_ scenario: Scenario) -> ReplayResult {
        let document = Document(html: scenario.page)
        var diagnostics: [Diagnostic] = document.diagnostics.map {
            Diagnostic(code: "html-parse-error", message: "page \($0.line):\($0.column): \($0.code)")
        }
        if diagnostics.count > 100 {
            let dropped = diagnostics.count - 100
            diagnostics = Array(diagnostics.prefix(100))
            diagnostics.append(Diagnostic(code: "html-parse-error", message: "\(dropped) more parse errors not listed"))
        }
        return ReplayResult(htmx: scenario.htmx.resultLabel, body: document.body?.outerHTML ?? "", title: document.title,
                            diagnostics: diagnostics)
    }
}
