import HTMLModel

/// htmx 4's `hx-sse` extension (`src/ext/hx-sse.js`, v4.0.0-beta5), registered on every
/// htmx 4 page the engine runs (the reference harness loads it): any `text/event-stream`
/// response is streamed by an ``HTMX4SSEConnection``; `hx-sse:connect` opens one on its
/// trigger (`load` by default); the legacy `sse-connect` is translated.
public final class HTMX4SSEExtension: HTMX4Extension {
    /// Every connection opened, for the end-of-run diagnostics.
    private var connections: [HTMX4SSEConnection] = []

    public init() {}

    public func initialize(_ runtime: HTMX4Runtime) {}

    public func handle(_ hook: String, _ elt: Node?, _ detail: HTMX4Detail, _ runtime: HTMX4Runtime) -> Bool {
        switch hook {
        case "htmx_config_request":
            detail.ctx?.setHeader("Accept", "text/html, text/event-stream")
        case "htmx_before_response":
            guard let ctx = detail.ctx, let response = ctx.response, let contentType = response.header("Content-Type"),
                  JSText.includes(contentType, "text/event-stream") else { return true }
            let perElement: HCON.Object? = { if case .object(let o)? = ctx.requestExtras["sse"] { return o } else { return nil } }()
            let global: HCON.Object? = { if case .object(let o)? = runtime.config["sse"] { return o } else { return nil } }()
            let isConnect = runtime.attributeValue(ctx.sourceElement, "hx-sse:connect") != nil
            let connection = HTMX4SSEConnection(runtime: runtime, ctx: ctx, response: response,
                                                config: HTMX4SSEConfig(isConnect: isConnect, global: global, perElement: perElement))
            connections.append(connection)
            connection.start()
            // Taken over: core does not read the body.
            return false
        case "htmx_after_process":
            guard let root = elt, root.isElement else { return true }
            processTree(root, runtime)
        case "htmx_before_cleanup":
            if let elt { Self.cleanup(elt, "cleanup", runtime) }
        default:
            break
        }
        return true
    }

    /// The `htmx_after_process` hook: the root and every descendant with a connect attribute.
    private func processTree(_ root: Node, _ runtime: HTMX4Runtime) {
        checkLegacyAttributes(root, runtime)
        processElement(root, runtime)
        let bytes = connectNames(runtime)
        for d in root.descendantElements(where: { $0.containsAttributeName(in: bytes) }) {
            checkLegacyAttributes(d, runtime)
            processElement(d, runtime)
        }
    }

    /// The connect attributes' names as bytes (this runs for every processed subtree), for
    /// the config they were built under.
    private var connectNameCache: (generation: Int, names: [[UInt8]]) = (-1, [])

    private func connectNames(_ runtime: HTMX4Runtime) -> [[UInt8]] {
        if connectNameCache.generation != runtime.config.generation {
            let mc = runtime.config.metaCharacter ?? ":"
            var names = ["hx-sse" + mc + "connect", "sse-connect"]
            if let p = runtime.config.prefix { names.append(p + "sse" + mc + "connect") }
            connectNameCache = (runtime.config.generation, names.map { Array($0.utf8) })
        }
        return connectNameCache.names
    }

    /// `processElement`: `hx-sse:connect` opens a GET on the element's trigger.
    private func processElement(_ element: Node, _ runtime: HTMX4Runtime) {
        guard let url = runtime.attributeValue(element, "hx-sse:connect"), !url.isEmpty else { return }
        if runtime.props[element]?.sse != nil { return }
        let spec = runtime.attributeValue(element, "hx-trigger").flatMap { $0.isEmpty ? nil : $0 } ?? "load"
        do {
            try runtime.onTrigger(element, spec) { [unowned runtime] _ in
                if runtime.props[element]?.sse != nil { return }
                runtime.ajax("GET", url, HCON.Object(), source: element)
            }
        } catch {
            runtime.report("exception", element, "hx-sse: hx-trigger '\(spec)' throws '\(error.message)': no connection is opened")
        }
    }

    /// `checkLegacyAttributes`: `sse-connect` becomes the prefixed `hx-sse:connect`;
    /// `sse-swap` no longer exists.
    private func checkLegacyAttributes(_ element: Node, _ runtime: HTMX4Runtime) {
        if let url = element.attribute("sse-connect") {
            runtime.report("sse-legacy", element, "sse-connect is deprecated in htmx 4; use hx-sse:connect")
            let name = (runtime.config.prefix ?? "hx-") + "sse" + (runtime.config.metaCharacter ?? ":") + "connect"
            if !element.hasAttribute(name) { element.setAttribute(name, url) }
        }
        if element.hasAttribute("sse-swap") {
            runtime.report("sse-legacy", element, "sse-swap is removed in htmx 4: unnamed messages are swapped, named ones dispatched as events")
        }
    }

    /// `cleanup(element, reason)`: aborts, cancels, fires `htmx:sse:close`, forgets.
    static func cleanup(_ element: Node, _ reason: String, _ runtime: HTMX4Runtime) {
        guard let p = runtime.props[element], let connection = p.sse as? HTMX4SSEConnection else { return }
        if let ac = connection.abortController {
            connection.abortController = (true, ac.abort)
            ac.abort()
        }
        connection.reader?.cancel()
        connection.delayCanceller?()
        if let id = connection.visibilityListener {
            runtime.dispatcher.removeListener(.node(runtime.document.node), "visibilitychange", id)
        }
        runtime.fire(element, "htmx:sse:close", connection.detail([("reason", .string(reason))]))
        p.sse = nil
    }

    /// End-of-run diagnostics: `hx-sse:close` names the stream never sent.
    public func finish(_ runtime: HTMX4Runtime) {
        for c in connections {
            if let close = runtime.attributeValue(c.element, "hx-sse:close"), !close.isEmpty, !c.eventNames.contains(close) {
                runtime.report("sse-close-never-sent", c.element, "hx-sse:close=\"\(close)\" names an event the stream from \(c.url) never sent")
            }
        }
        connections.removeAll()
    }
}
