import HTMLModel

/// One request as htmx 4 hands it to `fetch`.
public struct HTMX4OutgoingRequest: Sendable {
    /// Upper-case method.
    public var method: String
    /// Path + query on the page's origin, otherwise the absolute URL.
    public var url: String
    /// Headers as htmx set them on `ctx.request.headers`, in insertion order.
    public var headers: [(String, String)]
    /// The urlencoded body, when the verb sends one.
    public var body: String?
    /// The element that made the request (for diagnostics).
    public var source: Node?

    public init(method: String, url: String, headers: [(String, String)], body: String?, source: Node?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.source = source
    }
}

/// A `Response` as htmx 4 sees it.
public final class HTMX4Response {
    public let status: Int
    /// Header names as recorded; lookups are case-insensitive.
    public let headers: [(String, String)]
    /// `response.url`: the absolute URL fetched.
    public let url: String
    public let body: Body

    /// A body read whole (`response.text()`), or a stream read chunk by chunk
    /// (`response.body.getReader()`), which is how `text/event-stream` responses arrive.
    public enum Body {
        case complete([UInt8])
        case stream(HTMX4BodyStream)
    }

    public init(status: Int, headers: [(String, String)], url: String, body: Body) {
        self.status = status
        self.headers = headers
        self.url = url
        self.body = body
    }

    /// `headers.get(name)`: values of the same name joined by ", ".
    public func header(_ name: String) -> String? {
        let values = headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    public var ok: Bool { status >= 200 && status <= 299 }
}

/// A response body delivered over time: each recorded chunk is one read.
public protocol HTMX4BodyStream: AnyObject {
    /// `reader.read()`: `handler` is called later with the next chunk, the end, or a failure.
    func read(_ handler: @escaping (HTMX4Read) -> Void)
    /// `reader.cancel()`: a pending read completes as done.
    func cancel()
}

public enum HTMX4Read {
    case chunk([UInt8])
    case done
    /// The stream errored (network failure or abort).
    case failed
}

/// How a fetch settles.
public enum HTMX4FetchOutcome {
    case response(HTMX4Response)
    /// The promise rejects with `TypeError` (network error).
    case networkError
    /// The promise rejects with an `AbortError` (the request's signal was aborted).
    case aborted
}

/// The network htmx 4's `fetch` talks to: `fetch` must call `completion` later (never
/// synchronously); the returned closure aborts (a pending fetch then completes with
/// `.aborted` in a microtask).
public protocol HTMX4Transport: AnyObject {
    func fetch(_ request: HTMX4OutgoingRequest, completion: @escaping (HTMX4FetchOutcome) -> Void) -> () -> Void
}
