import Testing
@testable import HTMXSemantics

struct SwapSpecTests {
    /// htmx tests run with settleDelay 0 in places; our defaults use htmx's real 20.
    static let d = SwapDefaults()

    // test/attributes/hx-swap.js "swap spec parses correctly" re-expressed:
    // (value, style, swapDelay, settleDelay)
    static let delays: [(String?, String, Double?, Double?)] = [
        (nil, "innerHTML", 0, 20),
        ("innerHTML", "innerHTML", 0, 20),
        ("innerHTML swap:10", "innerHTML", 10, 20),
        ("innerHTML swap:0", "innerHTML", 0, 20),
        ("innerHTML swap:0ms", "innerHTML", 0, 20),
        ("innerHTML settle:10", "innerHTML", 0, 10),
        ("innerHTML settle:0", "innerHTML", 0, 0),
        ("innerHTML settle:0s", "innerHTML", 0, 0),
        ("innerHTML swap:10 settle:11", "innerHTML", 10, 11),
        ("innerHTML settle:11 swap:10", "innerHTML", 10, 11),
        ("innerHTML settle:0s swap:0ms", "innerHTML", 0, 0),
        ("innerHTML nonsense settle:11 swap:10", "innerHTML", 10, 11),
        ("innerHTML   nonsense   settle:11   swap:10  ", "innerHTML", 10, 11),
        ("swap:10", "innerHTML", 10, 20),
        ("swap:0s", "innerHTML", 0, 20),
        ("settle:10", "innerHTML", 0, 10),
        ("swap:10 settle:11", "innerHTML", 10, 11),
        ("settle:0s swap:10", "innerHTML", 10, 0),
        ("customstyle settle:11 swap:10", "customstyle", 10, 11),
        // Malformed times are undefined, not the defaults.
        ("innerHTML swap:abc", "innerHTML", nil, 20),
        ("innerHTML settle:", "innerHTML", 0, nil),
        ("outerHTML swap:1s settle:2m", "outerHTML", 1000, 120_000),
        // Modifier prefixes are case-sensitive: `Swap:1s` is an unknown first token → style.
        ("Swap:1s", "Swap:1s", 0, 20),
        // A colon token in position 0 is the style (htmx 2 has no "no colon" rule).
        ("innerHTML:foo settle:5", "innerHTML:foo", 0, 5),
        // All-blank value: split gives [""], which becomes the style.
        ("   ", "", 0, 20),
        // A style after position 0 is an unknown modifier: the default style stays.
        ("swap:1s outerHTML", "innerHTML", 1000, 20),
        ("\touterHTML\nsettle:3", "outerHTML", 0, 3),
    ]

    @Test(arguments: delays)
    func styleAndDelays(value: String?, style: String, swap: Double?, settle: Double?) {
        let spec = SwapSpec.parse(value, defaults: Self.d).value
        #expect(spec.swapStyle == style)
        #expect(spec.swapDelay == swap)
        #expect(spec.settleDelay == settle)
    }

    @Test func unknownModifiersAreNotedButIgnored() {
        let r = SwapSpec.parse("innerHTML nonsense swap:1s outerHTML", defaults: Self.d)
        #expect(r.value.swapStyle == "innerHTML")
        #expect(r.diagnostics.map(\.detail) == ["nonsense", "outerHTML"])
        #expect(r.diagnostics.allSatisfy { $0.code == "hx-swap.unknown-modifier" && !$0.isHTMXEvent })
    }

    @Test func malformedDelayActsAsZero() {
        let r = SwapSpec.parse("innerHTML settle:soon", defaults: Self.d)
        #expect(r.value.settleDelay == nil)
        #expect(r.value.effectiveSettleDelay == 0)
        #expect(r.diagnostics.map(\.code) == ["hx-swap.bad-interval"])
        #expect(SwapSpec.parse("innerHTML swap:-5", defaults: Self.d).value.effectiveSwapDelay == 0)
    }

    static let flags: [(String, Bool?, Bool?, Bool?)] = [
        // (value, transition, ignoreTitle, focusScroll)
        ("transition:true", true, nil, nil),
        ("innerHTML transition:false", false, nil, nil),
        ("innerHTML transition:yes", false, nil, nil),
        ("innerHTML ignoreTitle:true", nil, true, nil),
        ("innerHTML ignoretitle:true", nil, nil, nil),
        ("outerHTML focus-scroll:true", nil, nil, true),
        ("outerHTML focus-scroll:TRUE", nil, nil, false),
        ("outerHTML focusScroll:true", nil, nil, nil),
        ("transition:true ignoreTitle:true focus-scroll:false", true, true, false),
    ]

    @Test(arguments: flags)
    func booleanModifiers(value: String, transition: Bool?, ignoreTitle: Bool?, focusScroll: Bool?) {
        let spec = SwapSpec.parse(value, defaults: Self.d).value
        #expect(spec.transition == transition)
        #expect(spec.ignoreTitle == ignoreTitle)
        #expect(spec.focusScroll == focusScroll)
    }

    @Test func transitionAndFocusDefaults() {
        let plain = SwapSpec.parse("innerHTML", defaults: Self.d).value
        #expect(plain.shouldTransition(globalViewTransitions: true))
        #expect(!plain.shouldTransition(globalViewTransitions: false))
        #expect(!SwapSpec.parse("transition:false").value.shouldTransition(globalViewTransitions: true))
        #expect(plain.focusRestoreScrolls(defaultFocusScroll: true))
        #expect(!SwapSpec.parse("focus-scroll:false").value.focusRestoreScrolls(defaultFocusScroll: true))
    }

    // (value, scroll, scrollTarget, show, showTarget)
    static let scrolling: [(String, String?, String?, String?, String?)] = [
        ("outerHTML scroll:top", "top", nil, nil, nil),
        ("outerHTML scroll:#container:top", "top", "#container", nil, nil),
        ("outerHTML scroll:#container:bottom", "bottom", "#container", nil, nil),
        ("outerHTML show:#d2:top", nil, nil, "top", "#d2"),
        ("outerHTML show:window:bottom", nil, nil, "bottom", "window"),
        ("show:none", nil, nil, "none", nil),
        ("show:a:b:c", nil, nil, "c", "a:b"),
        ("scroll:", "", nil, nil, nil),
        ("scroll:input:focus:top", "top", "input:focus", nil, nil),
    ]

    @Test(arguments: scrolling)
    func scrollAndShow(value: String, scroll: String?, scrollTarget: String?, show: String?, showTarget: String?) {
        let spec = SwapSpec.parse(value, defaults: Self.d).value
        #expect(spec.scroll == scroll)
        #expect(spec.scrollTarget == scrollTarget)
        #expect(spec.show == show)
        #expect(spec.showTarget == showTarget)
    }

    @Test func showWindowResolvesToBody() {
        #expect(SwapSpec.parse("show:window:top").value.showTargetSelector == "body")
        #expect(SwapSpec.parse("show:#x:top").value.showTargetSelector == "#x")
        #expect(SwapSpec.parse("scroll:window:top").value.scrollTarget == "window")
    }

    @Test func configuredDefaults() {
        let custom = SwapDefaults(defaultSwapStyle: "outerHTML", defaultSwapDelay: 5, defaultSettleDelay: 0)
        let spec = SwapSpec.parse(nil, defaults: custom).value
        #expect(spec.swapStyle == "outerHTML")
        #expect(spec.swapDelay == 5)
        #expect(spec.settleDelay == 0)
        #expect(SwapSpec.parse("", defaults: custom).value == spec)
    }

    // (boosted, href, scrollIntoViewOnBoost, style, show)
    static let boosting: [(Bool, String?, Bool, String, String?)] = [
        (false, nil, true, "outerHTML", nil),
        (true, "/page", true, "innerHTML", "top"),
        (true, nil, true, "innerHTML", "top"),
        (true, "/page#frag", true, "innerHTML", nil),
        (true, "#", true, "innerHTML", nil),
        (true, "", true, "innerHTML", "top"),
        (true, "/page", false, "innerHTML", nil),
    ]

    @Test(arguments: boosting)
    func boostedDefaults(boosted: Bool, href: String?, onBoost: Bool, style: String, show: String?) {
        let d = SwapDefaults(defaultSwapStyle: "outerHTML", scrollIntoViewOnBoost: onBoost)
        let spec = SwapSpec.parse(nil, defaults: d, boosted: boosted, href: href).value
        #expect(spec.swapStyle == style)
        #expect(spec.show == show)
        // An explicit show overrides the boost preset.
        if boosted { #expect(SwapSpec.parse("show:none", defaults: d, boosted: true, href: href).value.show == "none") }
    }

    // (name, default, context, effective style or nil)
    static let effective: [(String, String, SwapStyle.Context, SwapStyle?)] = [
        ("innerHTML", "innerHTML", .main, .innerHTML),
        ("outerHTML", "innerHTML", .main, .outerHTML),
        ("outerhtml", "innerHTML", .main, .innerHTML),
        ("outerhtml", "beforeend", .main, .beforeend),
        ("textContent", "innerHTML", .main, .textContent),
        ("textContent", "innerHTML", .outOfBand, .innerHTML),
        ("delete", "innerHTML", .outOfBand, .delete),
        ("none", "outerHTML", .main, SwapStyle.none),
        ("", "innerHTML", .main, .innerHTML),
        ("bogus", "textContent", .main, nil),
        ("bogus", "alsoBogus", .outOfBand, nil),
    ]

    @Test(arguments: effective)
    func effectiveStyle(name: String, defaultStyle: String, context: SwapStyle.Context, expected: SwapStyle?) {
        let r = SwapStyle.effective(name, defaultSwapStyle: defaultStyle, context: context)
        #expect(r.value == expected)
        #expect(r.diagnostics.isEmpty == (SwapStyle(name: name) != .other(name) && !(name == "textContent" && context == .outOfBand)))
    }

    @Test func styleNamesRoundTrip() {
        for name in ["innerHTML", "outerHTML", "textContent", "beforebegin", "afterbegin", "beforeend", "afterend", "delete", "none", "x"] {
            #expect(SwapStyle(name: name).name == name)
        }
        #expect(SwapStyle.isInline("outerHTML"))
        #expect(!SwapStyle.isInline("OuterHTML"))
    }
}
