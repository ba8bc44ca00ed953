import HTMLModel

/// `ctx.target`: htmx keeps an element there, but `hx-status:*`, `HX-Retarget` and
/// `htmx.ajax` may leave a selector string, resolved only when the swap runs.
public enum HTMX4TargetRef {
    case element(Node)
    case selector(String)
}

/// htmx 4's request context (`__createRequestContext`): everything a request carries from
/// trigger to swap, shared by the events fired along the way.
public final class HTMX4RequestContext {
    public let sourceElement: Node
    /// The triggering event (nil for `htmx.ajax` without one).
    public var sourceEvent: DOMEvent?
    /// "created", "issuing", "queued", "dropped", "response received", "swapped", "error: …".
    public var status = "created" { didSet { snapshot = nil } }
    public var select: String? { didSet { snapshot = nil } }
    public var selectOOB: String?
    public var target: HTMX4TargetRef? { didSet { snapshot = nil } }
    public var swap: String { didSet { snapshot = nil } }
    public var push: String?
    public var replace: String?
    public var transition: Bool
    public var confirm: String?
    public var title: String? { didSet { snapshot = nil } }
    public var text: String?
    public var queueStrategy = ""
    public var keepIndicators = false

    // ctx.request
    public var validate = false
    public var action: String
    public var anchor: String?
    public var method: String
    public var headers: [(String, String)] = []
    public var body: [(String, String)]?
    /// `ctx.values` (`htmx.ajax` / `HX-Location` values): replace same-named entries.
    public var values: [(String, String)]?
    public var form: Node?
    public var submitter: Node?
    /// `ctx.request.timeout` (from `hx-config`).
    public var timeout: GrammarJSON.Value?
    /// Other keys `hx-config` merged into `ctx.request` (`sse.*` for hx-sse).
    public var requestExtras = HCON.Object()
    /// Aborts the fetch in flight (`ctx.request.abort`).
    public var abort: () -> Void = {}
    var aborted = false

    // ctx.response
    public var response: HTMX4Response? { didSet { snapshot = nil } }
    /// `ctx.hx`: HX-* response headers, lower-cased, `hx-` and dashes removed.
    public var hx: [String: String] = [:]

    var timeoutTimer: VirtualScheduler.TimerID?
    /// ``jsObject`` as last built: most events of a request see the same members (a swap
    /// fires half a dozen in a row), and every member it reads clears it when set.
    @exclusivity(unchecked) private var snapshot: JSObject?

    init(sourceElement: Node, sourceEvent: DOMEvent?, action: String, method: String, swap: String, transition: Bool) {
        self.sourceElement = sourceElement
        self.sourceEvent = sourceEvent
        self.action = action
        self.method = method
        self.swap = swap
        self.transition = transition
    }

    /// `ctx.request.headers[name] = value` (object keys keep their first position).
    public func setHeader(_ name: String, _ value: String) {
        if let i = headers.firstIndex(where: { $0.0 == name }) { headers[i].1 = value } else { headers.append((name, value)) }
    }

    public func header(_ name: String) -> String? { headers.first(where: { $0.0 == name })?.1 }

    /// Drops what leads back to this context (the fetch's abort closure, the response's
    /// stream with its pending read) when a run ends.
    func release() {
        abort = {}
        response = nil
    }

    /// The members of `ctx` the result format and filters read.
    var jsObject: JSObject {
        if let snapshot { return snapshot }
        var m: [(String, JSValue)] = [("sourceElement", .node(sourceElement)), ("status", .string(status))]
        m.reserveCapacity(7)
        switch target {
        case .element(let n)?: m.append(("target", .node(n)))
        case .selector(let s)?: m.append(("target", .string(s)))
        case nil: break
        }
        m.append(("swap", .string(swap)))
        if let select { m.append(("select", .string(select))) }
        if let response {
            m.append(("response", .object(JSObject(distinctMembers: [("status", .number(Double(response.status)))]))))
        }
        if let title { m.append(("title", .string(title))) }
        let built = JSObject(distinctMembers: m)
        snapshot = built
        return built
    }
}
