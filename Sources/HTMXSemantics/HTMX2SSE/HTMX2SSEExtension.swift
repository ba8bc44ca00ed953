import HTMLModel

/// htmx-ext-sse 2.2.3 (`src/sse/sse.js` in bigskysoftware/htmx-extensions) over the runtime's
/// extension API. Each method cites the sse.js function it mirrors.
public final class HTMX2SSEExtension: HTMX2Extension {
    /// `hx-ext="sse"`.
    public let name = "sse"
    /// sse.js getSelectors.
    public let selectors = ["[sse-connect]", "[data-sse-connect]", "[sse-swap]", "[data-sse-swap]"]

    /// Where `new EventSource(url)` goes (sse.js createEventSource).
    let factory: HTMX2EventSourceFactory
    /// Every `sse-swap` / `sse:` name registered, once, with the element that registered it
    /// first, and the message types some source received, for the end-of-run report.
    var registeredNames: [(name: String, element: Node)] = []
    var registeredNameSet: Set<String> = []
    var receivedTypes: Set<String> = []
    var reportedDrops: [Node: Set<String>] = [:]
    /// Each source this extension put closures on, with the elements those closures capture:
    /// they may run while the source is open.
    var sourceHolds: [(source: WeakSource, nodes: [Node])] = []

    struct WeakSource { weak var value: HTMX2EventSource? }

    static let sourceKey = "sseEventSource"

    /// The extension, opening its sources through `factory`.
    public init(factory: HTMX2EventSourceFactory) {
        self.factory = factory
    }

    /// The elements named by the end-of-run report and by closures on sources that are still
    /// open (a closed source dispatches nothing more).
    public var heldNodes: [Node] {
        sourceHolds.removeAll { $0.source.value.map { $0.readyState == .closed } ?? true }
        return sourceHolds.flatMap(\.nodes) + registeredNames.map(\.element) + Array(reportedDrops.keys)
    }

    public let handledEvents: Set<String>? = ["htmx:beforeCleanupElement", "htmx:afterProcessNode"]

    /// sse.js onEvent.
    public func onEvent(_ name: String, _ event: DOMEvent, runtime: HTMX2Runtime) -> Bool {
        guard let parent = event.target?.node ?? event[detail: "elt"]?.nodeValue else { return true }
        switch name {
        case "htmx:beforeCleanupElement":
            if let source = eventSource(parent, runtime) {
                runtime.trigger(parent, "htmx:sseClose", detail: JSObject([("source", source.detailValue), ("type", .string("nodeReplaced"))]))
                source.close()
            }
        case "htmx:afterProcessNode":
            ensureEventSourceOnElement(parent, retryCount: 0, runtime)
        default:
            break
        }
        return true
    }

    /// Cleanup only matters to an element holding a source, processing only to one that
    /// carries an attribute `ensureEventSourceOnElement` reads (`sse-connect`, `sse-swap`,
    /// `hx-trigger`; asked by presence, as an empty one may still say true): most removed and
    /// swapped-in elements are neither.
    public func acts(on name: String, at elt: Node, runtime: HTMX2Runtime) -> Bool {
        switch name {
        case "htmx:beforeCleanupElement": return eventSource(elt, runtime) != nil
        case "htmx:afterProcessNode": return Self.processedAttributes.contains { runtime.hasAttr(elt, $0) }
        default: return handles(name)
        }
    }

    /// What `ensureEventSourceOnElement` and `registerSSE` act on.
    private static let processedAttributes = ["sse-connect", "sse-swap", "hx-trigger"]

    func eventSource(_ elt: Node, _ runtime: HTMX2Runtime) -> HTMX2EventSource? {
        runtime.internalData(elt, Self.sourceKey) as? HTMX2EventSource
    }

    /// sse.js getClosestMatch(elt, hasEventSource).
    func closestSourceElement(_ elt: Node, _ runtime: HTMX2Runtime) -> Node? {
        var cur: Node? = elt
        while let c = cur {
            if eventSource(c, runtime) != nil { return c }
            cur = c.parentElement
        }
        return nil
    }

    /// sse.js ensureEventSourceOnElement.
    func ensureEventSourceOnElement(_ elt: Node, retryCount: Int, _ runtime: HTMX2Runtime) {
        if let url = runtime.attributeValue(elt, "sse-connect") {
            ensureEventSource(elt, url: url, retryCount: retryCount, runtime)
        }
        registerSSE(elt, runtime)
    }

    /// sse.js ensureEventSource: the source, its error handler (the extension's own backoff
    /// once the browser gives up), its open handler and `sse-close`.
    func ensureEventSource(_ elt: Node, url: String, retryCount: Int, _ runtime: HTMX2Runtime) {
        let source = factory.makeEventSource(url: runtime.requestURL(url), element: elt)
        var retry = retryCount
        source.onerror = { [weak self, weak source, unowned runtime] err in
            guard let self, let source else { return }
            runtime.triggerError(elt, "htmx:sseError", detail: JSObject([("error", .object(err)), ("source", source.detailValue)]))
            if self.maybeCloseSSESource(elt, runtime) { return }
            if source.readyState == .closed {
                retry = max(min(retry * 2, 128), 1)
                runtime.scheduler.schedule(after: Double(retry * 500)) { [weak self] in
                    self?.ensureEventSourceOnElement(elt, retryCount: retry, runtime)
                }
            }
        }
        source.onopen = { [weak self, weak source, unowned runtime] _ in
            guard let self, let source else { return }
            runtime.trigger(elt, "htmx:sseOpen", detail: JSObject([("source", source.detailValue)]))
            if retry > 0 {
                let children = (try? elt.querySelectorAll("[sse-swap], [data-sse-swap], [hx-trigger], [data-hx-trigger]")) ?? []
                for child in children { self.registerSSE(child, runtime) }
                retry = 0
            }
        }
        runtime.setInternalData(elt, Self.sourceKey, source)
        sourceHolds.append((WeakSource(value: source), [elt]))
        source.onMessage = { [weak self] type, heard in self?.noteMessage(type, heard: heard, elt, runtime) }
        if let closeName = runtime.attributeValue(elt, "sse-close") {
            source.addEventListener(closeName) { [weak source, unowned runtime] _ in
                guard let source else { return }
                runtime.trigger(elt, "htmx:sseClose", detail: JSObject([("source", source.detailValue), ("type", .string("message"))]))
                source.close()
            }
        }
    }

    /// sse.js registerSSE: listeners for `sse-swap` names and `hx-trigger="sse:NAME"`.
    func registerSSE(_ elt: Node, _ runtime: HTMX2Runtime) {
        if let swapAttr = runtime.attributeValue(elt, "sse-swap") {
            guard let sourceElement = closestSourceElement(elt, runtime), let source = eventSource(sourceElement, runtime) else {
                runtime.report("sse-swap-without-connect", elt,
                               "sse-swap=\"\(swapAttr)\" has no sse-connect on it or an ancestor: it never receives anything")
                return
            }
            diagnoseIgnoredAttributes(elt, runtime)
            sourceHolds.append((WeakSource(value: source), [elt, sourceElement]))
            for raw in swapAttr.split(separator: ",", omittingEmptySubsequences: false) {
                let eventName = String(raw).trimmingASCIIWhitespace
                noteRegistration(eventName, elt)
                var id: HTMX2EventSource.ListenerID?
                id = source.addEventListener(eventName) { [weak self, weak source, unowned runtime] event in
                    guard let self, let source else { return }
                    if self.maybeCloseSSESource(sourceElement, runtime) { return }
                    if !runtime.isInBody(elt) {
                        if let id { source.removeEventListener(id) }
                        return
                    }
                    if !runtime.trigger(elt, "htmx:sseBeforeMessage", detail: event) { return }
                    guard self.swap(elt, event["data"]?.stringValue ?? "", runtime) else { return }
                    runtime.trigger(elt, "htmx:sseMessage", detail: event)
                }
            }
        }
        if runtime.attributeValue(elt, "hx-trigger") != nil {
            guard let sourceElement = closestSourceElement(elt, runtime), let source = eventSource(sourceElement, runtime) else { return }
            sourceHolds.append((WeakSource(value: source), [elt, sourceElement]))
            for spec in runtime.triggerSpecifications(of: elt) where spec.trigger.hasPrefix("sse:") {
                let trigger = spec.trigger
                let eventName = String(trigger.dropFirst(4))
                noteRegistration(eventName, elt)
                var id: HTMX2EventSource.ListenerID?
                id = source.addEventListener(eventName) { [weak self, weak source, unowned runtime] event in
                    guard let self, let source else { return }
                    if self.maybeCloseSSESource(sourceElement, runtime) { return }
                    // sse.js removes the listener but still triggers this once.
                    if !runtime.isInBody(elt), let id { source.removeEventListener(id) }
                    runtime.trigger(elt, trigger, detail: event)
                    runtime.trigger(elt, "htmx:sseMessage", detail: event)
                }
            }
        }
    }

    /// sse.js maybeCloseSSESource.
    func maybeCloseSSESource(_ elt: Node, _ runtime: HTMX2Runtime) -> Bool {
        guard !runtime.isInBody(elt), let source = eventSource(elt, runtime) else { return false }
        runtime.trigger(elt, "htmx:sseClose", detail: JSObject([("source", source.detailValue), ("type", .string("nodeMissing"))]))
        source.close()
        return true
    }

    /// sse.js swap: transformResponse, then core swap with no request context. False when the
    /// element has no target (sse.js throws there, so `htmx:sseMessage` never fires).
    func swap(_ elt: Node, _ content: String, _ runtime: HTMX2Runtime) -> Bool {
        var content = content
        for ext in runtime.extensions(for: elt) { content = ext.transformResponse(content, status: 0, elt: elt) }
        let spec = runtime.swapSpecification(for: elt)
        guard let target = runtime.target(of: elt) else {
            runtime.report("sse-no-target", elt, "hx-target matches nothing: the message is not swapped")
            return false
        }
        runtime.swapContent(into: target, content, spec: spec, contextElement: nil)
        return true
    }
}
