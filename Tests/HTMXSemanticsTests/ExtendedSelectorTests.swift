import Testing
@testable import HTMXSemantics

struct ExtendedSelectorTests {
    typealias P = ExtendedSelector.Part

    // (selector, global, parts)
    static let table: [(String, Bool, [P])] = [
        ("#d1", false, [.css("#d1")]),
        ("closest div", false, [.closest("div")]),
        ("closest  <div/>", false, [.closest("div")]),
        ("closest tr, find td", false, [.closest("tr"), .find("td")]),
        ("find .x", false, [.find(".x")]),
        ("next", false, [.next]),
        ("nextElementSibling", false, [.next]),
        ("next .item", false, [.nextMatching(".item")]),
        ("previous", false, [.previous]),
        ("previousElementSibling", false, [.previous]),
        ("previous button, next a", false, [.previousMatching("button"), .nextMatching("a")]),
        ("document", false, [.document]),
        ("window", false, [.window]),
        ("body", false, [.body]),
        ("root", false, [.root]),
        ("host", false, [.host]),
        ("global #x", true, [.css("#x")]),
        ("global global find p", true, [.find("p")]),
        (" global #x", false, [.css("global #x")]),
        ("Global #x", false, [.css("Global #x")]),
        ("this", false, [.css("this")]),
        ("findAll .x", false, [.css("findAll .x")]),
        ("<div.a/>", false, [.css("div.a")]),
        ("  <#x/>  ", false, [.css("#x")]),
        ("<p, span/>, #y", false, [.css("p, span"), .css("#y")]),
        ("a, b , c", false, [.css("a"), .css("b"), .css("c")]),
        ("#a,", false, [.css("#a")]),
        ("closest", false, [.css("closest")]),
        ("closest ", false, [.css("closest")]),
        ("CLOSEST div", false, [.css("CLOSEST div")]),
        ("</>", false, [.css("")]),
        ("", false, []),
        ("inherit, #x", false, [.css("inherit"), .css("#x")]),
        // A `/>` with no `<` before it drives the count negative: no more splitting.
        ("a/>, b, c", false, [.css("a/>, b, c")]),
    ]

    @Test(arguments: table)
    func parse(selector: String, global: Bool, parts: [P]) {
        let r = ExtendedSelector.parse(selector).value
        #expect(r.isGlobal == global)
        #expect(r.parts == parts)
    }

    /// The single-CSS-part shortcut gives what the list parse gives, notes included.
    @Test func singlePartShortcutAgreesWithTheListParse() {
        let selectors: [String] = Self.table.map(\.0) + Self.emptyParts + ExtendedSelector.bareKeywords.keys.sorted()
            + ["#o47", "li#a.b", "[hx-x='1']", "a/>", "global", "global#x", "next#x", "nexts", "body2", "Body",
               "#a\u{A0}", "\u{FEFF}#a", "#é", "a>b", "closest", "find", "*", "#a\t", "\n#a"]
        for s in selectors {
            let listed = ExtendedSelector.parseList(s)
            #expect(ExtendedSelector.parse(s) == listed, "\(s.debugDescription)")
            if ExtendedSelector.isSinglePlainCSS(s) {
                #expect(listed.value.parts == [.css(s)] && listed.diagnostics.isEmpty, "\(s.debugDescription)")
            }
        }
    }

    @Test func cssPartsAreJoinedForOneQuery() {
        let r = ExtendedSelector.parse("#a, closest div, .b").value
        #expect(r.cssSelectorList == "#a,.b")
        #expect(ExtendedSelector.parse("next").value.cssSelectorList == nil)
    }

    static let emptyParts = [",#a", "a,,b", "closest <  />", "find </>", "#a, <  />"]

    @Test(arguments: emptyParts)
    func emptyPartsAreNoted(selector: String) {
        #expect(ExtendedSelector.parse(selector).diagnostics.map(\.code) == ["selector.empty-part"])
    }

    static let normalizations: [(String, String)] = [
        ("  #x ", "#x"), ("<#x/>", "#x"), (" < .a .b /> ", " .a .b "), ("<x", "<x"), ("x/>", "x/>"), ("</>", ""),
    ]

    @Test(arguments: normalizations)
    func normalize(input: String, expected: String) {
        #expect(ExtendedSelector.normalize(input) == expected)
    }

    // (attribute value, is `this`, includesInherit)
    static let targets: [(String, Bool, Bool)] = [
        ("this", true, false), (" this", false, false), ("This", false, false),
        ("inherit", false, true), ("#a, inherit", false, true), ("inherit ,#b", false, true),
        ("inherited", false, false), ("#inherit", false, false), ("\tinherit\n", false, true),
    ]

    @Test(arguments: targets)
    func attributeTarget(value: String, isThis: Bool, inherit: Bool) {
        let r = AttributeTarget.parse(value).value
        if isThis {
            #expect(r == .this)
        } else if case .selector(_, let inc) = r {
            #expect(inc == inherit)
        } else {
            Issue.record("expected a selector for \(value)")
        }
    }
}
