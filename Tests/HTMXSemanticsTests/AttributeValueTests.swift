import Testing
@testable import HTMXSemantics

struct SyncSpecTests {
    // test/attributes/hx-sync.js values plus split quirks.
    static let table: [(String, SyncSpec.Target, SyncSpec.Strategy)] = [
        ("this:drop", .this, .drop),
        ("this", .this, .drop),
        ("this:", .this, .drop),
        ("this:replace", .this, .replace),
        ("this:abort", .this, .abort),
        ("this:queue all", .this, .queue(.all)),
        ("this:queue last", .this, .queue(.last)),
        ("this:queue first", .this, .queue(.first)),
        ("this:queue", .this, .queue(.last)),
        ("this:queue  first", .this, .queue(.last)),
        ("this:queueall", .this, .queue(.last)),
        ("this:queue none", .this, .queue(.none)),
        ("closest div:abort", .selector("closest div"), .abort),
        ("  closest form : queue first ", .selector("closest form"), .queue(.first)),
        ("#a:hover:abort", .selector("#a"), .other("hover")),
        ("#form:Drop", .selector("#form"), .other("Drop")),
        (" this :drop", .this, .drop),
        ("this: ", .this, .other("")),
    ]

    @Test(arguments: table)
    func parse(value: String, target: SyncSpec.Target, strategy: SyncSpec.Strategy) {
        let r = SyncSpec.parse(value).value
        #expect(r.target == target)
        #expect(r.strategy == strategy)
    }

    @Test func emptySelectorIsNoted() {
        #expect(SyncSpec.parse(":abort").diagnostics.map(\.code) == ["hx-sync.empty-selector"])
        #expect(SyncSpec.parse("this:bogus").diagnostics.map(\.code) == ["hx-sync.unknown-strategy"])
    }
}

struct ParamsFilterTests {
    static let table: [(String, ParamsFilter)] = [
        ("*", .all), ("none", .none), ("i1, i3", .include(["i1", "i3"])), ("not i1, i3", .exclude(["i1", "i3"])),
        (" none", .include(["none"])), ("not", .include(["not"])), ("Not a", .include(["Not a"])),
        ("a,", .include(["a", ""])), ("not  a ,b", .exclude(["a", "b"])),
    ]

    @Test(arguments: table)
    func parse(value: String, expected: ParamsFilter) {
        #expect(ParamsFilter.parse(value) == expected)
    }

    @Test func applyFollowsFormDataSemantics() {
        let entries = [("i1", "1"), ("i2", "2"), ("i1", "3"), ("i3", "4")].map { (name: $0.0, value: $0.1) }
        func names(_ f: ParamsFilter) -> [String] { f.apply(to: entries).map { "\($0.name)=\($0.value)" } }
        #expect(names(.include(["i3", "i1"])) == ["i3=4", "i1=1", "i1=3"])
        #expect(names(.include(["i2", "i2"])) == ["i2=2", "i2=2"])
        #expect(names(.exclude(["i1"])) == ["i2=2", "i3=4"])
        #expect(names(.none).isEmpty)
        #expect(names(.all).count == 4)
    }
}

struct OOBTests {
    // (hx-swap-oob value, style, selector)
    static let swapOOB: [(String, String, String?)] = [
        ("true", "outerHTML", nil),
        ("innerHTML", "innerHTML", nil),
        ("innerHTML:#d1", "innerHTML", "#d1"),
        ("innerHTML:.target", "innerHTML", ".target"),
        ("innerHTML:[oob-foo]", "innerHTML", "[oob-foo]"),
        ("outerHTML:.target", "outerHTML", ".target"),
        ("innerHTML:global #oob-swap-target", "innerHTML", "global #oob-swap-target"),
        ("beforeend:#a:b", "beforeend", "#a:b"),
        (":foo", ":foo", nil),
        ("True", "True", nil),
        ("false", "false", nil),
        (" innerHTML", " innerHTML", nil),
        ("innerHTML: #x", "innerHTML", " #x"),
    ]

    @Test(arguments: swapOOB)
    func swapOOBValue(value: String, style: String, selector: String?) {
        let r = SwapOOBSpec.parse(value).value
        #expect(r.swapStyle == style)
        #expect(r.selector == selector)
    }

    @Test func swapOOBTargets() {
        let plain = SwapOOBSpec.parse("true").value
        #expect(plain.targetSelector(elementID: "d1") == "#d1")
        #expect(plain.targetSelector(elementID: "1a") == "#\\31 a")
        #expect(plain.targetSelector(elementID: nil) == "#null")
        #expect(plain.swapsElementItself)
        #expect(!SwapOOBSpec.parse("innerHTML").value.swapsElementItself)
        #expect(!SwapOOBSpec.parse("outerhtml").value.swapsElementItself)
        #expect(SwapOOBSpec.parse("outerhtml").diagnostics.map(\.code) == ["hx-swap-oob.unknown-style"])
        #expect(SwapOOBSpec.parse("textContent").diagnostics.map(\.code) == ["hx-swap-oob.unknown-style"])
        #expect(SwapOOBSpec.parse("delete:#x").diagnostics.isEmpty)
    }

    // (hx-select-oob value, [(id, value)])
    static let selectOOB: [(String, [String])] = [
        ("#d2", ["d2=true"]),
        ("#d2, #d3", ["d2=true", "d3=true"]),
        ("d2:innerHTML", ["d2=innerHTML"]),
        ("#d2:beforeend:#x", ["d2=beforeend"]),
        ("#d2:", ["d2=true"]),
        ("  #d2  : outerHTML", ["d2= outerHTML"]),
        ("##d2", ["#d2=true"]),
        ("a.b", ["a.b=true"]),
    ]

    @Test(arguments: selectOOB)
    func selectOOBList(value: String, expected: [String]) {
        let r = SelectOOBEntry.parseList(value)
        #expect(r.value.map { "\($0.id)=\($0.swapValue)" } == expected)
        #expect(r.diagnostics.isEmpty)
    }

    @Test func selectOOBEmptyIdIsNoted() {
        let r = SelectOOBEntry.parseList("#a, ,#b")
        #expect(r.value.map(\.selector) == ["#a", "#", "#b"])
        #expect(r.diagnostics.map(\.code) == ["hx-select-oob.empty-id"])
    }

    // CSSOM serialize-an-identifier examples.
    static let escapes: [(String, String)] = [
        ("d1", "d1"), ("1a", "\\31 a"), ("-1", "-\\31 "), ("-", "\\-"), ("--x", "--x"), ("a b", "a\\ b"),
        ("a.b", "a\\.b"), ("é", "é"), ("a\u{0}b", "a\u{FFFD}b"), ("\u{7F}", "\\7f "), ("_x", "_x"), ("a:b", "a\\:b"),
    ]

    @Test(arguments: escapes)
    func cssEscape(input: String, expected: String) {
        #expect(CSSEscape.escape(input) == expected)
    }

    /// The shortcut for names that need no escape agrees with the scalar-by-scalar escape.
    @Test func cssEscapeShortcutAgrees() {
        let pieces = ["", "a", "Z", "0", "9", "-", "_", "é", "日", " ", ".", "\u{0}", "\u{7F}", "\u{1F}", "@", "[", "`", "{", "/", ":"]
        var inputs = pieces
        for a in pieces { for b in pieces { inputs.append(a + b); for c in ["x", "1", "-"] { inputs.append(a + b + c) } } }
        for input in inputs + ["item-0", "li", "-x", "--", "-_", "_1", "a1-b_c"] {
            #expect(CSSEscape.escape(input) == CSSEscape.escapeEachScalar(input), "\(input.debugDescription)")
        }
    }
}

struct InheritanceTests {
    @Test func listParsing() {
        #expect(InheritanceList.parse("*") == .all)
        #expect(InheritanceList.parse("* hx-target").contains("hx-target"))
        #expect(!InheritanceList.parse("* hx-target").contains("hx-swap"))
        #expect(InheritanceList.parse("hx-target  hx-swap").contains("hx-swap"))
        #expect(!InheritanceList.parse("hx-target\thx-swap").contains("hx-swap"))
        #expect(!InheritanceList.parse("data-hx-target").contains("hx-target"))
        #expect(!InheritanceList.parse(" *").contains("hx-target"))
    }

    typealias S = InheritanceStep

    // test/core/internals.js "unset" cases and hx-disinherit/hx-inherit behaviour:
    // (chain element→root, disableInheritance, expected)
    static let chains: [([S], Bool, String?)] = [
        ([S(value: "unset"), S(value: "2"), S(value: "1")], false, nil),
        ([S(value: nil), S(value: "unset"), S(value: "1")], false, nil),
        ([S(value: nil), S(value: "2"), S(value: "unset")], false, "2"),
        ([S(value: "own", disinherit: "*")], false, "own"),
        ([S(value: nil), S(value: "p", disinherit: "*")], false, nil),
        ([S(value: nil), S(value: "p", disinherit: "hx-swap")], false, "p"),
        ([S(value: nil), S(value: "p", disinherit: "hx-target hx-swap")], false, nil),
        // hx-disinherit on an ancestor without the attribute still blocks those above it.
        ([S(value: nil), S(value: nil, disinherit: "hx-target"), S(value: "g")], false, nil),
        ([S(value: nil), S(value: "p")], true, nil),
        ([S(value: nil), S(value: "p", inherit: "hx-target")], true, "p"),
        ([S(value: nil), S(value: "p", inherit: "*")], true, "p"),
        ([S(value: nil), S(value: nil, inherit: "*"), S(value: "g", inherit: "hx-target")], true, "g"),
        ([S(value: "own")], true, "own"),
        ([S(value: ""), S(value: "p")], false, "p"),
    ]

    @Test(arguments: chains)
    func closestValue(chain: [S], disable: Bool, expected: String?) {
        #expect(Inheritance.closestValue(of: "hx-target", chain: chain, disableInheritance: disable) == expected)
    }
}
