/// A swap style name as htmx 2 understands it. htmx does not normalise names: matching is
/// exact and case-sensitive (`outerhtml` is not `outerHTML`), and there are no aliases.
public enum SwapStyle: Equatable, Hashable, Sendable {
    case innerHTML, outerHTML, textContent
    case beforebegin, afterbegin, beforeend, afterend
    case delete, none
    /// Any other name: offered to extensions' `handleSwap`, then replaced by the default.
    case other(String)

    /// The style for an exact name.
    public init(name: String) {
        switch name {
        case "innerHTML": self = .innerHTML
        case "outerHTML": self = .outerHTML
        case "textContent": self = .textContent
        case "beforebegin": self = .beforebegin
        case "afterbegin": self = .afterbegin
        case "beforeend": self = .beforeend
        case "afterend": self = .afterend
        case "delete": self = .delete
        case "none": self = .none
        default: self = .other(name)
        }
    }

    /// The exact name.
    public var name: String {
        switch self {
        case .innerHTML: return "innerHTML"
        case .outerHTML: return "outerHTML"
        case .textContent: return "textContent"
        case .beforebegin: return "beforebegin"
        case .afterbegin: return "afterbegin"
        case .beforeend: return "beforeend"
        case .afterend: return "afterend"
        case .delete: return "delete"
        case .none: return "none"
        case .other(let s): return s
        }
    }

    /// Where a style is applied: the main swap checks `textContent` itself before calling
    /// swapWithStyle; OOB swaps go straight to swapWithStyle, which has no `textContent` case.
    public enum Context: Sendable { case main, outOfBand }

    /// The style htmx actually performs for `name` (htmx.js swap, swapWithStyle), when no
    /// extension claims the name. Unknown names fall back to `defaultSwapStyle`; if that is
    /// itself unknown to swapWithStyle (`textContent` included) htmx recurses without end (a RangeError surfaces as
    /// `htmx:swapError`), reported here as nil plus a diagnostic.
    public static func effective(
        _ name: String, defaultSwapStyle: String = "innerHTML", context: Context = .main
    ) -> GrammarResult<SwapStyle?> {
        if let known = known(name, context) { return GrammarResult(known) }
        var notes = [GrammarDiagnostic(
            code: "hx-swap.unknown-style",
            message: "swap style \"\(name)\" is not a core style; htmx uses the default \"\(defaultSwapStyle)\" unless an extension handles it")]
        // The fallback goes through swapWithStyle again, where `textContent` is not a case.
        if let fallback = known(defaultSwapStyle, .outOfBand) { return GrammarResult(fallback, notes) }
        notes.append(GrammarDiagnostic(
            code: "hx-swap.default-style-loops",
            message: "defaultSwapStyle \"\(defaultSwapStyle)\" is not a core style here; htmx's swapWithStyle recurses until the stack overflows"))
        return GrammarResult(nil, notes)
    }

    private static func known(_ name: String, _ context: Context) -> SwapStyle? {
        let style = SwapStyle(name: name)
        switch style {
        case .other: return nil
        case .textContent: return context == .main ? style : nil
        default: return style
        }
    }

    /// htmx.js isInlineSwap without extensions: only `outerHTML` swaps the OOB element
    /// itself; every other style (unknown names included) swaps its children.
    public static func isInline(_ name: String) -> Bool { name == "outerHTML" }
}
