/// An `hx-sync` value as htmx.js issueAjaxRequest reads it.
///
/// The value is split at **every** colon: piece 0 (trimmed) is the selector, piece 1
/// (trimmed, `drop` when missing or empty) the strategy, later pieces are ignored — so a
/// selector cannot contain a colon (`#a:hover:abort` means selector `#a`, strategy `hover`).
public struct SyncSpec: Equatable, Sendable {
    /// What to do when the sync element already has a request in flight.
    public enum Strategy: Equatable, Sendable {
        /// Ignore the new request while the sync element has a non-abortable one in flight.
        case drop
        /// Ignore the new request while one is in flight; otherwise mark this one abortable.
        case abort
        /// Fire `htmx:abort` on the sync element, then go ahead.
        case replace
        /// Queue behind the in-flight request. The mode is the word after the first single
        /// space (`queue first`); missing or empty (`queue  first`, two spaces) means `last`;
        /// anything after `queue` without a space (`queueall`) is `queue` with `last`.
        case queue(QueueStrategy)
        /// Any other word: htmx applies no sync rule beyond switching the sync element, and the
        /// ordinary in-flight queueing (trigger `queue:` or `last`) decides.
        case other(String)
    }

    /// The element whose in-flight request is consulted.
    public enum Target: Equatable, Sendable {
        /// `this`: the element that declares hx-sync (htmx.js findThisElement).
        case this
        /// Resolved with querySelectorExt from the requesting element (first match).
        case selector(String)
    }

    public var target: Target
    public var strategy: Strategy

    public init(target: Target, strategy: Strategy) {
        self.target = target
        self.strategy = strategy
    }

    /// Parses a non-empty `hx-sync` value (htmx ignores an empty one).
    public static func parse(_ value: String) -> GrammarResult<SyncSpec> {
        let pieces = JSText.split(value, on: UInt8(ascii: ":"))
        let selector = JSText.trim(pieces[0])
        var notes: [GrammarDiagnostic] = []
        if selector.isEmpty {
            notes.append(GrammarDiagnostic(
                code: "hx-sync.empty-selector",
                message: "hx-sync \"\(value)\" has no selector; htmx finds no sync element and throws a TypeError"))
        }
        let word = pieces.count > 1 && !pieces[1].isEmpty ? JSText.trim(pieces[1]) : "drop"
        let strategy: Strategy
        switch word {
        case "drop": strategy = .drop
        case "abort": strategy = .abort
        case "replace": strategy = .replace
        default:
            if word.dropPrefix("queue") != nil {
                let words = JSText.split(word, on: UInt8(ascii: " "))
                let mode = words.count > 1 && !words[1].isEmpty ? JSText.trim(words[1]) : "last"
                strategy = .queue(QueueStrategy(name: mode))
            } else {
                strategy = .other(word)
                notes.append(GrammarDiagnostic(
                    code: "hx-sync.unknown-strategy",
                    message: "hx-sync strategy \"\(word)\" is not drop/abort/replace/queue; htmx applies no sync rule"))
            }
        }
        return GrammarResult(SyncSpec(target: selector == "this" ? .this : .selector(selector), strategy: strategy), notes)
    }
}
