// The htmx attribute semantics (htmx 2 and htmx 4 dialects) live here.
import HTMLModel

/// The htmx version a page is written for.
public enum HTMXVersion: String, Sendable, Codable {
    case two = "2"
    case four = "4"

    /// The version string the result format records.
    public var resultLabel: String {
        switch self {
        case .two: return "2.0.10 + htmx-ext-sse 2.2.3"
        case .four: return "4.0.0-beta5 + hx-sse"
        }
    }
}
