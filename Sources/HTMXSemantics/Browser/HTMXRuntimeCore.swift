import HTMLModel

/// Answers for `window.confirm` / `window.prompt` (FORMAT.md "Dialogs").
public protocol PageDialogs: AnyObject {
    func confirm(_ message: String) -> Bool
    /// nil means cancelled.
    func prompt(_ message: String) -> String?
}

/// What every dialect's runtime stands on: the page, where its events go, the clock, the
/// page's location, the dialog answers, and what the engine noticed. The htmx 2 and htmx 4
/// runtimes subclass it.
public class HTMXRuntimeCore {
    /// The page.
    public let document: Document
    /// Where every event is dispatched (hook the result recorder on its observer).
    public let dispatcher: EventDispatcher
    /// The virtual clock all of htmx's timers run on.
    public let scheduler: VirtualScheduler
    /// Answers for `confirm` / `prompt` (held weakly); absent means accept / "".
    public weak var dialogs: PageDialogs?
    /// What the engine noticed while running (unsupported JavaScript, rejected values...).
    public internal(set) var diagnostics: [Diagnostic] = []
    /// The page's current URL path + query (history pushes change it), on ``origin``.
    public internal(set) var currentPath = "/"
    /// The page's origin (FORMAT.md: the document URL is `http://htmx.test/`).
    public static let origin = "http://htmx.test"

    init(page: Document, events: EventDispatcher, clock: VirtualScheduler) {
        document = page
        dispatcher = events
        scheduler = clock
    }

    /// `location.href`.
    public var locationHref: String { Self.origin + currentPath }

    func diagnose(_ code: String, _ node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(code: code, element: node.map(NodePath.of), message: message, at: scheduler.now))
    }

    /// Adds a diagnostic (element PATH, message, current virtual time).
    public func report(_ code: String, _ elt: Node?, _ message: String) { diagnose(code, elt, message) }
}
