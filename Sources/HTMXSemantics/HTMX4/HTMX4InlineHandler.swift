/// The `hx-on` handler bodies the engine can run without JavaScript: statements that only
/// act on the event (`event.preventDefault()`, `event.stopPropagation()`,
/// `event.stopImmediatePropagation()`) or do nothing (`void 0`, empty). Anything else is
/// not modelled: `init` returns nil and the caller reports it.
struct HTMX4InlineHandler {
    enum Statement { case preventDefault, stopPropagation, stopImmediatePropagation }
    let statements: [Statement]

    init?(_ code: String) {
        var out: [Statement] = []
        for raw in code.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let s = HCON.trim(String(raw))
            switch s {
            case "", "void 0", "void(0)": continue
            case "event.preventDefault()": out.append(.preventDefault)
            case "event.stopPropagation()": out.append(.stopPropagation)
            case "event.stopImmediatePropagation()": out.append(.stopImmediatePropagation)
            default: return nil
            }
        }
        statements = out
    }

    func run(_ event: DOMEvent) {
        for s in statements {
            switch s {
            case .preventDefault: event.preventDefault()
            case .stopPropagation: event.stopPropagation()
            case .stopImmediatePropagation: event.stopImmediatePropagation()
            }
        }
    }
}
