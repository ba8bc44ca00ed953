/// Which client's reading of a `text/event-stream` body to reproduce.
public enum EventStreamDialect: String, Sendable, CaseIterable {
    /// A browser's `EventSource` (WHATWG "interpreting an event stream", as Chromium does it).
    case browser
    /// htmx 4.0.0-beta5's own `parseSSE` in `src/ext/hx-sse.js`.
    case htmx4
}
