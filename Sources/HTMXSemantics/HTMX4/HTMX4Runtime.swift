import HTMLModel

/// htmx 4.0.0-beta5 running over one document: processing, triggers, fetch-based requests,
/// swap tasks, settle, and the events htmx 4 fires, on the virtual clock. Mirrors the
/// `Htmx` class of `src/htmx.js` at tag `v4.0.0-beta5`; each part cites the method it
/// follows. Shares the document model, event dispatch, recording, clock, selectors, form
/// controls and fragment parsing with the htmx 2 dialect.
public final class HTMX4Runtime: HTMXRuntimeCore {
    /// `htmx.config`; `<meta name="htmx-config">` is merged in by ``init`` (htmx 4 reads it
    /// when loaded, before the scenario's config is assigned).
    ///
    /// This and the tables below are read for most attributes and events; no access to them
    /// spans a call out (listeners, extensions and tasks run between accesses), so the
    /// runtime exclusivity checks are skipped.
    @exclusivity(unchecked) public var config: HTMX4Config
    /// The network (held weakly: the replayer owns it).
    public weak var transport: HTMX4Transport?
    /// `document.hidden` (the `visibility` actions set it before `visibilitychange`).
    public var documentHidden = false
    /// `Math.random`: a seeded generator, so reconnect jitter is reproducible.
    public var random: () -> Double = SeededRandom(seed: 0).next
    /// Called where a long stream's processing reaches a point with no closure of the engine
    /// under way (between two messages of one chunk): the replayer frees removed content
    /// there, since one chunk may carry a whole recorded stream.
    public var atSafePoint: (() -> Void)?
    /// Registered extensions, in registration order (`__extMethods`).
    @exclusivity(unchecked) var extensions: [HTMX4Extension] = []

    /// Attribute names per htmx name, for the config generation they were built under.
    @exclusivity(unchecked) var attributeNameCache: (generation: Int, names: [String: AttributeNames]) = (-1, [:])
    /// `__prefixes` results, for the config generation they were built under.
    @exclusivity(unchecked) var prefixCache: (generation: Int, names: [String: PrefixedNames]) = (-1, [:])
    /// Parsed swap specs by text, for the config generation they were parsed under.
    @exclusivity(unchecked) var swapSpecCache: (generation: Int, specs: [String: HTMX4SwapSpec]) = (-1, [:])
    /// `__triggerExtensions`' hook name per event name.
    @exclusivity(unchecked) var hookNames = StringMemo<String>()

    /// Requests between fetch and their `finally`: their contexts and the fetch's closures
    /// refer to each other, so a run that ends with one in flight must break the loop.
    @exclusivity(unchecked) var inFlight: [ObjectIdentifier: HTMX4RequestContext] = [:]

    /// `elt._htmx`.
    @exclusivity(unchecked) var props: [Node: HTMX4ElementProp] = [:]
    /// `elt._htmx_state`.
    @exclusivity(unchecked) var states: [Node: HTMX4ElementState] = [:]
    /// The prefixes the constructor compiled into its selectors (`#actionSelector`,
    /// `#hxOnQuery`): later config changes do not reach them.
    let constructorNames: ConstructorNames

    public init(document: Document, dispatcher: EventDispatcher, scheduler: VirtualScheduler) {
        var config = HTMX4Config()
        var notes: [(Node, String)] = []
        if let meta = DOMQuery.first(document.node, "meta[name=\"htmx-config\"]") {
            if !HCON.merge(meta.attribute("content") ?? "", into: &config.object) {
                notes.append((meta, "the htmx-config meta content is not valid JSON: htmx 4 throws while loading"))
            }
        }
        self.config = config
        constructorNames = Self.constructorNames(prefix: config.prefix)
        super.init(page: document, events: dispatcher, clock: scheduler)
        for (n, m) in notes { diagnose("config", n, m) }
    }

    /// Registers an extension (`registerExtension`): its hooks run before listeners see
    /// each htmx event.
    public func register(_ ext: HTMX4Extension) {
        extensions.append(ext)
        ext.initialize(self)
    }

    /// What htmx does once the page is parsed: `process(document.body)` (the constructor's
    /// `init`, run from a zero timeout when the document has loaded, which the harness
    /// treats as t = 0).
    public func start() {
        guard let body = document.body else { return }
        process(body)
    }

    /// Ends a run: drops per-element state, whose closures capture the runtime.
    public func tearDown() {
        for ctx in inFlight.values { ctx.release() }
        inFlight.removeAll()
        for p in props.values {
            if let c = p.sse as? HTMX4SSEConnection { c.ctx.release() }
            p.triggerSpecs.removeAll()
            p.sse = nil
            p.eventHandler = nil
        }
        for s in states.values { s.queue = nil }
        props.removeAll()
        states.removeAll()
        extensions.removeAll()
    }

    /// `__htmxProp`: creating it marks the element `data-htmx-powered="true"`.
    @discardableResult
    func prop(_ elt: Node) -> HTMX4ElementProp {
        if let p = props[elt] { return p }
        let p = HTMX4ElementProp()
        props[elt] = p
        elt.setAttribute("data-htmx-powered", "true")
        return p
    }

    /// `__htmxState`.
    func state(_ elt: Node) -> HTMX4ElementState {
        if let s = states[elt] { return s }
        let s = HTMX4ElementState()
        states[elt] = s
        return s
    }
}

/// `elt._htmx`: what htmx 4 keeps on an initialised element. Like `HTMX2NodeData`, read and
/// written on the replay's one thread only, without runtime exclusivity checks.
final class HTMX4ElementProp {
    @exclusivity(unchecked) var listeners: [(target: EventTarget, type: String, id: EventDispatcher.ListenerID)] = []
    @exclusivity(unchecked) var triggerSpecs: [HTMX4TriggerSpec] = []
    @exclusivity(unchecked) var initialized = false
    @exclusivity(unchecked) var onInitialized = false
    /// `hx-boost`'s value when the element is boosted.
    @exclusivity(unchecked) var boosted: String?
    @exclusivity(unchecked) var eventHandler: ((DOMEvent) -> Void)?
    /// hx-sse's connection (`_htmx.sse`).
    @exclusivity(unchecked) var sse: AnyObject?
}

/// `elt._htmx_state`: request queue and indicator / disable counts.
final class HTMX4ElementState {
    @exclusivity(unchecked) var queue: HTMX4RequestQueue?
    @exclusivity(unchecked) var requestCount = 0
    @exclusivity(unchecked) var disableCount = 0
}

/// An htmx 4 extension's hooks (`registerExtension`): called by `__triggerExtensions`
/// with the event name's colons turned into underscores; returning false cancels the
/// event (it is then not dispatched at all).
public protocol HTMX4Extension: AnyObject {
    func initialize(_ runtime: HTMX4Runtime)
    func handle(_ hook: String, _ elt: Node?, _ detail: HTMX4Detail, _ runtime: HTMX4Runtime) -> Bool
}
