/// The configuration values getSwapSpecification reads (htmx 2 defaults).
public struct SwapDefaults: Equatable, Sendable {
    public var defaultSwapStyle: String = "innerHTML"
    public var defaultSwapDelay: Double = 0
    public var defaultSettleDelay: Double = 20
    public var globalViewTransitions: Bool = false
    public var scrollIntoViewOnBoost: Bool = true
    public var defaultFocusScroll: Bool = false

    public init(
        defaultSwapStyle: String = "innerHTML", defaultSwapDelay: Double = 0, defaultSettleDelay: Double = 20,
        globalViewTransitions: Bool = false, scrollIntoViewOnBoost: Bool = true, defaultFocusScroll: Bool = false
    ) {
        self.defaultSwapStyle = defaultSwapStyle
        self.defaultSwapDelay = defaultSwapDelay
        self.defaultSettleDelay = defaultSettleDelay
        self.globalViewTransitions = globalViewTransitions
        self.scrollIntoViewOnBoost = scrollIntoViewOnBoost
        self.defaultFocusScroll = defaultFocusScroll
    }
}

/// An `hx-swap` value read as htmx 2's getSwapSpecification does.
///
/// Optional members are nil where htmx leaves the property undefined. A malformed delay
/// (`swap:abc`) is undefined in htmx too — not the default — and then acts as 0.
public struct SwapSpec: Equatable, Sendable {
    /// The style name exactly as written (may be unknown, or `""` for an all-blank value).
    public var swapStyle: String
    public var swapDelay: Double?
    public var settleDelay: Double?
    /// Set only by a `transition:` modifier.
    public var transition: Bool?
    /// Set only by an `ignoreTitle:` modifier; otherwise htmx fills it in after the response
    /// (`config.ignoreTitle || responseHandling.ignoreTitle`).
    public var ignoreTitle: Bool?
    /// `top`/`bottom` act; any other text is kept but does nothing.
    public var scroll: String?
    public var scrollTarget: String?
    public var show: String?
    public var showTarget: String?
    public var focusScroll: Bool?

    /// The main-swap style htmx performs (see `SwapStyle.effective`).
    public var style: SwapStyle { SwapStyle(name: swapStyle) }

    /// htmx.js swap: `swapSpec.swapDelay > 0` delays; undefined or ≤ 0 swaps at once.
    public var effectiveSwapDelay: Double { (swapDelay ?? 0) > 0 ? swapDelay ?? 0 : 0 }
    /// htmx.js swap: `settleDelay > 0` settles by timer; undefined or ≤ 0 settles at once.
    public var effectiveSettleDelay: Double { (settleDelay ?? 0) > 0 ? settleDelay ?? 0 : 0 }

    /// htmx.js swap: the `transition` property when set, else `globalViewTransitions`.
    public func shouldTransition(globalViewTransitions: Bool) -> Bool { transition ?? globalViewTransitions }

    /// htmx.js swap focus restore: `preventScroll` is `!focusScroll`, or
    /// `!defaultFocusScroll` when the modifier is absent.
    public func focusRestoreScrolls(defaultFocusScroll: Bool) -> Bool { focusScroll ?? defaultFocusScroll }

    /// htmx.js updateScrollState: the selector `show:` resolves, with `window` read as `body`.
    public var showTargetSelector: String? { showTarget == "window" ? "body" : showTarget }

    public init(
        swapStyle: String, swapDelay: Double?, settleDelay: Double?, transition: Bool? = nil,
        ignoreTitle: Bool? = nil, scroll: String? = nil, scrollTarget: String? = nil,
        show: String? = nil, showTarget: String? = nil, focusScroll: Bool? = nil
    ) {
        self.swapStyle = swapStyle
        self.swapDelay = swapDelay
        self.settleDelay = settleDelay
        self.transition = transition
        self.ignoreTitle = ignoreTitle
        self.scroll = scroll
        self.scrollTarget = scrollTarget
        self.show = show
        self.showTarget = showTarget
        self.focusScroll = focusScroll
    }

    /// htmx.js getSwapSpecification.
    ///
    /// - Parameters:
    ///   - value: the `hx-swap` value (closest, inheritance applied) or the override
    ///     (`HX-Reswap`, responseHandling `swapOverride`). nil or `""` means none, as in htmx.
    ///   - boosted: the element is boosted: the style starts as `innerHTML` whatever the
    ///     configured default, and `show:top` is preset when `scrollIntoViewOnBoost` is on.
    ///   - href: the element's raw `href`; a boosted link whose href contains `#` gets no
    ///     `show:top` preset (htmx.js isAnchorLink).
    public static func parse(
        _ value: String?, defaults: SwapDefaults = SwapDefaults(), boosted: Bool = false, href: String? = nil
    ) -> GrammarResult<SwapSpec> {
        var spec = SwapSpec(
            swapStyle: boosted ? "innerHTML" : defaults.defaultSwapStyle,
            swapDelay: defaults.defaultSwapDelay,
            settleDelay: defaults.defaultSettleDelay)
        let isAnchorLink = (href.map { !$0.isEmpty && $0.utf8.contains(UInt8(ascii: "#")) }) ?? false
        if defaults.scrollIntoViewOnBoost && boosted && !isAnchorLink {
            spec.show = "top"
        }
        var notes: [GrammarDiagnostic] = []
        guard let value, !value.isEmpty else { return GrammarResult(spec, notes) }

        for (i, token) in JSText.splitOnWhitespace(value).enumerated() {
            if let rest = token.dropPrefix("swap:") {
                spec.swapDelay = interval(rest, "swap", &notes)
            } else if let rest = token.dropPrefix("settle:") {
                spec.settleDelay = interval(rest, "settle", &notes)
            } else if let rest = token.dropPrefix("transition:") {
                spec.transition = rest == "true"
            } else if let rest = token.dropPrefix("ignoreTitle:") {
                spec.ignoreTitle = rest == "true"
            } else if let rest = token.dropPrefix("scroll:") {
                (spec.scroll, spec.scrollTarget) = splitTarget(rest)
            } else if let rest = token.dropPrefix("show:") {
                (spec.show, spec.showTarget) = splitTarget(rest)
            } else if let rest = token.dropPrefix("focus-scroll:") {
                spec.focusScroll = rest == "true"
            } else if i == 0 {
                // Any non-modifier first token is the style, colons and all.
                spec.swapStyle = token
            } else {
                notes.append(GrammarDiagnostic(
                    code: "hx-swap.unknown-modifier",
                    message: "Unknown modifier in hx-swap: \(token) (htmx logs this and ignores it)",
                    detail: token))
            }
        }
        return GrammarResult(spec, notes)
    }

    private static func interval(_ text: String, _ name: String, _ notes: inout [GrammarDiagnostic]) -> Double? {
        let v = HTMXTime.parseInterval(text)
        if v == nil {
            notes.append(GrammarDiagnostic(
                code: "hx-swap.bad-interval",
                message: "\(name):\(text) is not a time; htmx leaves the delay undefined, which acts as 0 (not the default)"))
        }
        return v
    }

    /// `scroll:`/`show:` values: the last colon piece is the edge, everything before it
    /// (rejoined with colons) the selector.
    private static func splitTarget(_ text: String) -> (String, String?) {
        let pieces = JSText.split(text, on: UInt8(ascii: ":"))
        let edge = pieces[pieces.count - 1]
        let selector = pieces.count > 1 ? pieces.dropLast().joined(separator: ":") : nil
        return (edge, selector)
    }
}

extension String {
    /// The rest of the string when it starts with `prefix` (case-sensitive, like `indexOf(p) === 0`).
    func dropPrefix(_ prefix: StaticString) -> String? {
        let n = prefix.utf8CodeUnitCount
        var it = self.utf8.makeIterator()
        let ok = prefix.withUTF8Buffer { p -> Bool in
            for k in 0..<n { guard let c = it.next(), c == p[k] else { return false } }
            return true
        }
        guard ok else { return nil }
        let start = self.utf8.index(self.utf8.startIndex, offsetBy: n)
        return String(self[start...])
    }
}
