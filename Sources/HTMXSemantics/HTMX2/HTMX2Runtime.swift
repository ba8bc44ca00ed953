import HTMLModel

/// One request as htmx 2 hands it to `XMLHttpRequest`.
public struct HTMX2OutgoingRequest: Sendable {
    /// Upper-case method.
    public var method: String
    /// Path + query on the page's origin, otherwise the absolute URL.
    public var url: String
    /// Headers in the order htmx set them (null values already skipped).
    public var headers: [(String, String)]
    /// The urlencoded body, when the verb sends one.
    public var body: String?
    /// The element that made the request (for diagnostics).
    public var source: Node?
}

/// How a request ended, as `XMLHttpRequest` reports it to htmx 2.
public enum HTMX2ResponseOutcome: Sendable {
    /// The whole response, as `onload` sees it.
    case response(status: Int, headers: [(String, String)], body: String)
    /// `onerror`.
    case networkError
}

/// The network the runtime talks to: `send` must call `completion` later (never
/// synchronously), on the scheduler; the returned closure aborts the request.
public protocol HTMX2Transport: AnyObject {
    func send(_ request: HTMX2OutgoingRequest, completion: @escaping (HTMX2ResponseOutcome) -> Void) -> () -> Void
}

/// The dialog answers htmx 2 asks for (the shared ``PageDialogs``).
public typealias HTMX2Dialogs = PageDialogs

/// htmx 2.0.10 running over one document: processing, triggers, requests, responses, swaps
/// and the events htmx fires, on a virtual clock. Mirrors `src/htmx.js`; each part cites the
/// function it follows.
public final class HTMX2Runtime: HTMXRuntimeCore {
    /// `htmx.config`; `<meta name="htmx-config">` is merged in by ``start()``. Read for
    /// most attributes looked up and never across a call out: no runtime exclusivity checks.
    @exclusivity(unchecked) public var config: HTMX2Config {
        didSet {
            swapSpecs = StringMemo()
            closestAttrNames = StringMemo()
        }
    }
    /// The network (held weakly: the replayer owns it).
    public weak var transport: HTMX2Transport?

    // The tables below are read for most events htmx fires; no access to them overlaps
    // another (listeners and extension hooks run between accesses), so the runtime
    // exclusivity checks are skipped.
    @exclusivity(unchecked) var nodeData: [Node: HTMX2NodeData] = [:]
    /// htmx.js `currentPathForHistory`.
    var currentPathForHistory = "/"
    /// Bookkeeping for hx-preserve (the pantry; looked at by every swap).
    @exclusivity(unchecked) var preservePantry: [Node] = []
    /// Whether an OOB element with a single target is moved there rather than cloned (see
    /// `oobSwap`); tests turn it off to compare with htmx's clone.
    package var oobMovesLoneElement = true
    /// Identity of trigger specs for `changed` bookkeeping (htmx keys a WeakMap by the spec).
    var nextSpecID = 0
    /// Registered extensions by name (htmx.js `extensions`).
    @exclusivity(unchecked) var extensions: [String: HTMX2Extension] = [:]
    /// See ``processSelectorList()``.
    @exclusivity(unchecked) var processSelectorCache: SelectorList??
    /// `hx-ext` values already split into names.
    @exclusivity(unchecked) var extensionNameLists = StringMemo<[String]>()
    /// getExtensions' answer for an element under exactly one `hx-ext`, by its value
    /// (emptied when an extension is defined).
    @exclusivity(unchecked) var extensionsOfSingleValue = StringMemo<[HTMX2Extension]>()
    /// What triggerEvent needs to know of each event name triggered so far (a handful of
    /// names, fired often): where its kebabEventName is in `kebabNames` when that differs
    /// from the name, and whether an extension acts on it (forgotten when an extension is
    /// defined). A plain value, so reading it retains nothing.
    @exclusivity(unchecked) var eventNames = StringMemo<EventNameInfo>()
    /// The kebab-case twins `eventNames` points into.
    @exclusivity(unchecked) var kebabNames = Interner()
    /// `hx-swap` values of elements that are not boosted, parsed (with their diagnostics)
    /// under the current config: an SSE element's value is asked for every message.
    @exclusivity(unchecked) var swapSpecs = StringMemo<GrammarResult<SwapSpec>>()
    /// `hx-trigger` values, parsed (see `triggerSpecs`).
    @exclusivity(unchecked) var triggerLists = StringMemo<GrammarResult<[TriggerSpec]>>()
    /// Per attribute name, the names whose presence on an ancestor can end `closestAttr`'s
    /// walk (lower-case bytes; emptied with the config).
    @exclusivity(unchecked) var closestAttrNames = StringMemo<[[UInt8]]>()

    /// A runtime over `document`; nothing happens until ``start()``.
    public init(document: Document, dispatcher: EventDispatcher, scheduler: VirtualScheduler, config: HTMX2Config = HTMX2Config()) {
        self.config = config
        super.init(page: document, events: dispatcher, clock: scheduler)
    }

    /// Frees removed content: drops htmx's data for every element no longer in the document
    /// (its key would otherwise name freed memory, and a new element at the same address would
    /// inherit it), then the document's detached subtrees. Call it only where nothing (a
    /// pending timer, an in-flight request) still holds a handle to removed content.
    public func releaseDetachedNodes() {
        nodeData = nodeData.filter { $0.key.isConnected }
        document.releaseDetachedNodes()
    }

    /// Ends a run: drops the per-element state (queued requests, in-flight requests, listener
    /// bookkeeping) and the extensions, whose closures capture this runtime. Together with
    /// `EventDispatcher.removeAll()` and `VirtualScheduler.cancelAll()` this frees the
    /// runtime and its document.
    public func tearDown() {
        // A request still in flight at the end holds its element's data through its abort
        // closure, and the data holds the request: cut that loop first.
        for data in nodeData.values {
            data.inFlight = nil
            data.queuedRequests.removeAll()
        }
        nodeData.removeAll()
        preservePantry.removeAll()
        extensions.removeAll()
        forgetWhatExtensionsDecide()
    }

    func data(_ node: Node) -> HTMX2NodeData { dataNoting(node).data }

    /// ``data(_:)``, and whether it was made just now (a node htmx kept nothing for).
    func dataNoting(_ node: Node) -> (data: HTMX2NodeData, isNew: Bool) {
        if let d = nodeData[node] { return (d, false) }
        let d = HTMX2NodeData()
        nodeData[node] = d
        return (d, true)
    }

    func diagnose(_ notes: [GrammarDiagnostic], _ node: Node?) {
        for n in notes { diagnose(n.code, node, n.message) }
    }

    /// htmx.js bodyContains: `document.body.contains(elt)`.
    func bodyContains(_ node: Node) -> Bool {
        guard let body = document.body, node.isConnected else { return false }
        return body.contains(node)
    }

    // MARK: initialisation

    /// What htmx does on `DOMContentLoaded` (htmx.js, the `ready` callback at the end): merge
    /// the meta config, process the body, fire `htmx:load` on body in a timeout.
    public func start() {
        mergeMetaConfig()
        guard let body = document.body else { return }
        processNode(body)
        dispatcher.addListener(.node(body), "htmx:abort") { [self] evt in
            let target = evt[detail: "elt"]?.nodeValue ?? evt.target?.node
            if let t = target { nodeData[t]?.inFlight?.abort() }
        }
        scheduler.schedule(after: 0) { [self] in
            triggerEvent(body, "htmx:load", JSObject())
        }
    }

    /// htmx.js getMetaConfig / mergeMetaConfig.
    func mergeMetaConfig() {
        guard let meta = DOMQuery.first(document.node, "meta[name=\"htmx-config\"]") else { return }
        let parsed = GrammarJSON.parse(meta.attribute("content") ?? "")
        diagnose(parsed.diagnostics, meta)
        guard case .object(let obj)? = parsed.value else { return }
        for m in obj.members {
            if let note = config.assign(m.key, m.value) { diagnose("config", meta, note) }
        }
    }
}

/// htmx.js getInternalData: what htmx keeps on an element. Read for every event and, when
/// removed content is released, for every element htmx tracks; only ever on the replay's one
/// thread and never by two overlapping accesses, so without runtime exclusivity checks
/// (checks on this data were 3 % of the swap benchmark's W1, which releases after every message).
final class HTMX2NodeData {
    @exclusivity(unchecked) var initHash: Int32?
    @exclusivity(unchecked) var firstInitCompleted = false
    @exclusivity(unchecked) var listenerInfos: [(target: EventTarget, type: String, id: EventDispatcher.ListenerID)] = []
    @exclusivity(unchecked) var onHandlers: [(type: String, id: EventDispatcher.ListenerID)] = []
    @exclusivity(unchecked) var timeout: VirtualScheduler.TimerID?
    @exclusivity(unchecked) var delayed: VirtualScheduler.TimerID?
    @exclusivity(unchecked) var throttle: VirtualScheduler.TimerID?
    @exclusivity(unchecked) var triggeredOnce = false
    /// `changed` bookkeeping: per trigger spec (by identity) the last value per element.
    @exclusivity(unchecked) var lastValue: [Int: [Node: String?]] = [:]
    @exclusivity(unchecked) var boosted = false
    @exclusivity(unchecked) var verb: String?
    @exclusivity(unchecked) var path: String?
    @exclusivity(unchecked) var loaded = false
    @exclusivity(unchecked) var polling = false
    @exclusivity(unchecked) var cancelled = false
    @exclusivity(unchecked) var inFlight: HTMX2InFlight?
    @exclusivity(unchecked) var abortable = false
    @exclusivity(unchecked) var queuedRequests: [() -> Void] = []
    @exclusivity(unchecked) var requestCount = 0
    @exclusivity(unchecked) var lastButtonClicked: Node?
    /// What extensions keep in the element's internal data (htmx-ext-sse's `sseEventSource`).
    @exclusivity(unchecked) var extensionData: [String: AnyObject] = [:]

    /// htmx.js deInitNode: every key but `firstInitCompleted` is deleted, the in-flight
    /// request and request counts included.
    func reset() {
        let first = firstInitCompleted
        initHash = nil
        listenerInfos = []
        onHandlers = []
        timeout = nil
        delayed = nil
        throttle = nil
        triggeredOnce = false
        lastValue = [:]
        boosted = false
        verb = nil
        path = nil
        loaded = false
        polling = false
        cancelled = false
        inFlight = nil
        abortable = false
        queuedRequests = []
        requestCount = 0
        lastButtonClicked = nil
        extensionData = [:]
        firstInitCompleted = first
    }
}

/// An in-flight request (htmx keeps the XHR in the element's internal data).
final class HTMX2InFlight {
    var abort: () -> Void = {}
}
