import HTMLModel

/// The mistakes htmx's issue tracker shows SSE users make, said out loud. None of this changes
/// behaviour: htmx-ext-sse is silent in each case.
extension HTMX2SSEExtension {
    /// A message no listener hears is dropped by the EventSource; a server sending names no
    /// element listens for is a common bug. Reported once per connecting element and type.
    func noteMessage(_ type: String, heard: Bool, _ elt: Node, _ runtime: HTMX2Runtime) {
        receivedTypes.insert(type)
        guard !heard, reportedDrops[elt, default: []].insert(type).inserted else { return }
        runtime.report("sse-event-dropped", elt,
                       "the stream sent an event \"\(type)\" that no sse-swap or hx-trigger=\"sse:\(type)\" listens for: it is dropped")
    }

    /// Remembers a listened-for name (re-registrations on every swapped-in copy add nothing).
    func noteRegistration(_ name: String, _ elt: Node) {
        if registeredNameSet.insert(name).inserted { registeredNames.append((name, elt)) }
    }

    /// `hx-select` and `hx-select-oob` do nothing for SSE swaps (sse.js swap calls core swap
    /// without them), and a swap style only an extension provides is not found (no context
    /// element, so swapWithStyle sees no extensions).
    func diagnoseIgnoredAttributes(_ elt: Node, _ runtime: HTMX2Runtime) {
        for attr in ["hx-select", "hx-select-oob"] where runtime.closestAttributeValue(elt, attr) != nil {
            runtime.report("sse-ignored-attribute", elt, "\(attr) is ignored by SSE swaps: the whole message data is swapped")
        }
        // Parsed without reporting: the swap itself reports hx-swap's grammar notes.
        let style = SwapSpec.parse(runtime.closestAttr(elt, "hx-swap"), defaults: runtime.config.swapDefaults).value.swapStyle
        let known = ["innerHTML", "outerHTML", "textContent", "beforebegin", "afterbegin", "beforeend", "afterend", "delete", "none"]
        if !known.contains(style) {
            runtime.report("sse-ignored-swap", elt,
                           "hx-swap style \"\(style)\" is not a core style: SSE swaps pass no context element, so no extension provides it and htmx falls back to htmx.config.defaultSwapStyle")
        }
    }

    /// End-of-run checks: `sse-swap` / `hx-trigger="sse:"` names no stream ever sent, and
    /// elements using SSE attributes outside any `hx-ext="sse"` scope.
    public func finish(_ runtime: HTMX2Runtime) {
        for (name, elt) in registeredNames where !receivedTypes.contains(name) {
            runtime.report("sse-name-never-sent", elt, "\"\(name)\" is listened for but no stream sent an event of that name")
        }
    }

    /// Elements carrying `sse-connect` / `sse-swap` (or `data-` forms) that are not under an
    /// active `hx-ext="sse"`: htmx ignores their SSE attributes.
    public func auditScope(_ root: Node, _ runtime: HTMX2Runtime) {
        let selector = selectors.joined(separator: ", ")
        for elt in (try? root.querySelectorAll(selector)) ?? [] where !runtime.extensions(for: elt).contains(where: { $0 === self }) {
            runtime.report("sse-ext-missing", elt, "SSE attributes here are ignored: no hx-ext=\"sse\" on this element or an ancestor")
        }
    }
}
