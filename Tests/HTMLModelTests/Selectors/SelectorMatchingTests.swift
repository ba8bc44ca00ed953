import Testing
import HTMLModel

/// Matching tables: each row queries a fixture document (Document.querySelectorAll semantics)
/// and lists the expected ids in tree order. Rows re-express WPT dom/nodes/selectors.js and
/// css/selectors cases alongside our own.
@Suite struct SelectorMatchingTests {
    struct Row: CustomStringConvertible, Sendable {
        var fixture: SelectorFixture
        var selector: String
        var expected: [String]
        init(_ fixture: SelectorFixture, _ selector: String, _ expected: [String]) {
            self.fixture = fixture
            self.selector = selector
            self.expected = expected
        }
        var description: String { "\(fixture): \(selector)" }
    }

    static func check(_ row: Row) throws {
        let doc = row.fixture.document()
        let list = try SelectorList(row.selector)
        let found = list.querySelectorAll(inDocumentRootedAt: doc.documentElement)
        #expect(ids(found) == row.expected, "\(row.selector)")
        // matches() agrees with the query on every element.
        let byMatches = doc.allElements.filter { list.matches($0) }
        #expect(ids(byMatches) == row.expected, "matches(): \(row.selector)")
        // querySelector returns the first of them.
        #expect(list.querySelector(inDocumentRootedAt: doc.documentElement)?.id == row.expected.first)
    }

    static let attributeRows: [Row] = [
        .init(.attributes, "[align]", ["at1", "at2"]),
        .init(.attributes, "[ALIGN]", ["at1", "at2"]),
        .init(.attributes, "[align=center]", ["at1"]),
        .init(.attributes, "[align=\"\"]", ["at2"]),
        .init(.attributes, "[align=c]", []),
        .init(.attributes, "[align=centera]", []),
        .init(.attributes, "[title~=world]", ["at1"]),
        .init(.attributes, "[title~=WORLD i]", ["at1"]),
        .init(.attributes, "[title~=\"\"]", []),
        .init(.attributes, "[title~=\"hello world\"]", []),
        .init(.attributes, "[title~=hell]", []),
        .init(.attributes, "[data-x~=a-b]", ["at1"]),
        .init(.attributes, "[data-x|=a]", ["at1"]),
        .init(.attributes, "[data-x|=a-b]", []),
        .init(.attributes, "[lang|=en]", ["at2", "at3"]),
        .init(.attributes, "[lang|=EN]", ["at2", "at3"]),  // lang is a legacy case-insensitive attribute
        .init(.attributes, "[lang|=EN s]", []),
        .init(.attributes, "[lang|=\"en-US\"]", ["at2"]),
        .init(.attributes, "[lang^=en]", ["at2", "at3"]),
        .init(.attributes, "[lang$=CA]", ["at5"]),
        .init(.attributes, "[lang*=\"-\"]", ["at2", "at5"]),
        .init(.attributes, "[data-v=abc]", ["at3"]),
        .init(.attributes, "[data-v=ABC]", ["at2"]),
        .init(.attributes, "[data-v=abc i]", ["at2", "at3"]),
        .init(.attributes, "[data-v=abc I]", ["at2", "at3"]),
        .init(.attributes, "[data-v=\"ABC\" s]", ["at2"]),
        .init(.attributes, "[data-v*=b]", ["at3", "at5"]),
        .init(.attributes, "[data-v*=B i]", ["at2", "at3", "at5"]),
        .init(.attributes, "[data-v^=A]", ["at2"]),
        .init(.attributes, "[data-v^=a i]", ["at2", "at3", "at5"]),
        .init(.attributes, "[data-v$=C]", ["at2"]),
        .init(.attributes, "[data-v$=\" b\"]", ["at5"]),
        .init(.attributes, "[data-v^=\"\"]", []),
        .init(.attributes, "[data-v$=\"\"]", []),
        .init(.attributes, "[data-v*=\"\"]", []),
        .init(.attributes, "[data-v~=b]", ["at5"]),
        .init(.attributes, "[data-v~=\"a b\"]", []),
        .init(.attributes, "[data-empty=\"\"]", ["at5"]),
        .init(.attributes, "[data-empty]", ["at5"]),
        .init(.attributes, "[data-empty|=\"\"]", ["at5"]),
        // HTML's legacy case-insensitive `type`, only on HTML elements
        .init(.attributes, "[type=text]", ["at3"]),
        .init(.attributes, "[type=TEXT]", ["at3", "rect1"]),
        .init(.attributes, "[type=text s]", []),
        .init(.attributes, "[type=Text s]", ["at3"]),
        .init(.attributes, "rect[type=text i]", ["rect1"]),
        // escapes
        .init(.attributes, "[hx-sse\\:connect]", ["at4"]),
        .init(.attributes, "[hx-sse\\:connect=\"/events\"]", ["at4"]),
        .init(.attributes, "[hx-sse\\3A connect]", ["at4"]),
        .init(.attributes, "[hx-sse\\00003a connect]", ["at4"]),
        .init(.attributes, "[data-中文=yes]", ["at4"]),
        .init(.attributes, "[data-e=\"\\e9\"]", ["at4"]),
        .init(.attributes, "[data-e=\"\\0000e9\"]", ["at4"]),
        .init(.attributes, "[data-e=\\e9]", ["at4"]),
        .init(.attributes, "[data-e=é]", ["at4"]),
        .init(.attributes, "[data-e=\"e\u{301}\"]", []),  // code points, not canonical equivalence
        .init(.attributes, "[data-s=\"a\\\nb\"]", ["at1"]),  // escaped newline in a string
        .init(.attributes, "[data-s='a\\\r\nb']", ["at1"]),
        .init(.attributes, "[data-s=\"a\\62\"]", ["at1"]),
        .init(.attributes, "#a\\.b", ["a.b"]),
        .init(.attributes, "#a\\2e b", ["a.b"]),
        .init(.attributes, "#\\31 23", ["123"]),
        .init(.attributes, "#\\31\\32\\33", ["123"]),
        .init(.attributes, "[id=\"123\"]", ["123"]),
        .init(.attributes, ".foo\\:bar", ["a.b"]),
        .init(.attributes, ".x\\[1\\]", ["a.b"]),
        .init(.attributes, ".one.two", ["123"]),
        .init(.attributes, ".two", ["123"]),
        .init(.attributes, ".apple.banana", ["at1"]),
        .init(.attributes, ".apple.orange", []),
        .init(.attributes, ".APPLE", []),
        .init(.attributes, "#AT1", []),
        .init(.attributes, "[class=apple]", []),
        .init(.attributes, "[class~=apple]", ["at1"]),
        // SVG: names as written
        .init(.attributes, "[viewBox]", ["svg1"]),
        .init(.attributes, "[viewbox]", []),
        .init(.attributes, "foreignObject", ["fo1"]),
        .init(.attributes, "foreignobject", []),
        .init(.attributes, "FOREIGNOBJECT", []),
        .init(.attributes, "svg", ["svg1"]),
        .init(.attributes, "SVG", []),
        .init(.attributes, "DIV#at1", ["at1"]),
        .init(.attributes, "[TYPE=x]", ["fo1"]),
        .init(.attributes, "[type=x]", []),
        .init(.attributes, "*|rect", ["rect1"]),
        .init(.attributes, "|rect", []),
        .init(.attributes, "*|*#rect1", ["rect1"]),
        .init(.attributes, "[*|align=center]", ["at1"]),
        .init(.attributes, "[|align=center]", ["at1"]),
    ]

    @Test(arguments: attributeRows) func attributes(_ row: Row) throws { try Self.check(row) }

    static let treeRows: [Row] = [
        .init(.tree, "div p", ["p1", "p2", "p3"]),
        .init(.tree, "#root p", ["p1", "p2", "p3"]),
        .init(.tree, "div > p", ["p1", "p2", "p3"]),
        .init(.tree, "#root > p", []),
        .init(.tree, "#root>*", ["d1", "d2"]),
        .init(.tree, "#root>*>*", ["p1", "p2", "s1", "p3", "d3", "em2"]),
        .init(.tree, "p + p", ["p2"]),
        .init(.tree, "p ~ p", ["p2", "p3"]),
        .init(.tree, "p ~ span", ["s1"]),
        .init(.tree, "p + span", ["s1"]),
        .init(.tree, "span + p", ["p3"]),
        .init(.tree, ".a .c", ["em1", "p3"]),
        .init(.tree, ".a > .c", ["p3"]),
        .init(.tree, ".a em", ["em1"]),
        .init(.tree, "div div span", ["s1", "s2"]),
        .init(.tree, "div > div > span", ["s1", "s2"]),
        .init(.tree, "#d2 > div + em", ["em2"]),
        .init(.tree, "#d2 > div ~ em", ["em2"]),
        .init(.tree, "div ~ em", ["em2"]),
        .init(.tree, ".b ~ .c", ["p3"]),
        .init(.tree, ".b + .b", ["p3"]),
        .init(.tree, "p + p ~ p", ["p3"]),
        .init(.tree, "#p1 ~ span > em", ["em1"]),
        .init(.tree, "#d1 p + span em", ["em1"]),
        .init(.tree, "#d1 > p ~ p", ["p2", "p3"]),
        .init(.tree, "#d2 ~ div", []),
        .init(.tree, "#root > #d1 ~ #d2 > .a > span", ["s2"]),
        .init(.tree, "#d1\t\r\n#p2", ["p2"]),
        .init(.tree, "#d1 /* x */ > /* y */ #p2", ["p2"]),
        .init(.tree, "p:first-child", ["p1"]),
        .init(.tree, "p:last-child", ["p3"]),
        .init(.tree, "#root :only-child", ["em1", "s2"]),
        .init(.tree, "#root :first-child", ["d1", "p1", "em1", "d3", "s2"]),
        .init(.tree, "#root :last-child", ["em1", "p3", "d2", "s2", "em2"]),
        // selector lists: tree order, no duplicates
        .init(.tree, "p, div", ["root", "d1", "p1", "p2", "p3", "d2", "d3"]),
        .init(.tree, "p, p.b, .b", ["p1", "p2", "s1", "p3"]),
        .init(.tree, "#p3, #p1, #p3", ["p1", "p3"]),
        .init(.tree, "em , #d2", ["em1", "d2", "em2"]),
        // :not / :is / :where
        .init(.tree, "#d1 > :not(p)", ["s1"]),
        .init(.tree, "#d1 > :not(p, span)", []),
        .init(.tree, "#d1 > :is(p, span).b", ["p1", "s1", "p3"]),
        .init(.tree, "#d1 > :where(.c, #p2)", ["p2", "p3"]),
        .init(.tree, ":is(#d1, #d2) > :is(em, p)", ["p1", "p2", "p3", "em2"]),
        .init(.tree, "#d1 :not(.b)", ["p2", "em1"]),
        .init(.tree, ":not(div) > em", ["em1"]),
        .init(.tree, ":is(:unknown, em)", ["em1", "em2"]),
        .init(.tree, ":is(em, :unknown)", ["em1", "em2"]),
        .init(.tree, ":is()", []),
        .init(.tree, ":where(a])", []),
        .init(.tree, ":not(:is(div, p, span, em))", []),
        .init(.tree, ":not(*)", []),
        .init(.tree, ":not(*|*)", []),
        .init(.tree, "#root :not(:first-child)", ["p2", "s1", "p3", "d2", "em2"]),
        .init(.tree, ":is(#d1 p, #d2 em)", ["p1", "p2", "p3", "em2"]),
        .init(.tree, ":is(div > div) > :is(p + p)", ["p2"]),
        .init(.tree, ".a :is(.b ~ .c)", ["p3"]),
        .init(.tree, ":not(#d1 *)", ["root", "d1", "d2", "d3", "s2", "em2"]),
        .init(.tree, "#d1 :not(span *)", ["p1", "p2", "s1", "p3"]),
        // :has with each combinator
        .init(.tree, "#root :has(> em)", ["s1", "d2"]),
        .init(.tree, ":has(em)", ["root", "d1", "s1", "d2"]),
        .init(.tree, ":has(+ em)", ["d3"]),
        .init(.tree, ":has(~ p)", ["p1", "p2", "s1"]),
        .init(.tree, ":has(+ p)", ["p1", "s1"]),
        .init(.tree, ":has(~ span em)", ["p1", "p2"]),
        .init(.tree, ":has(~ span > em)", ["p1", "p2"]),
        .init(.tree, ":has(+ span em)", ["p2"]),
        .init(.tree, ":has(~ .b + .b)", ["p1", "p2"]),
        .init(.tree, ":has(> span > em)", ["d1"]),
        .init(.tree, ":has(> .a > span)", ["root", "d2"]),
        .init(.tree, ":has(> .a span)", ["root", "d2"]),
        .init(.tree, ":has(.a > span)", ["root", "d2"]),
        .init(.tree, ":has(> p + p)", ["d1"]),
        .init(.tree, ":has(> div ~ em)", ["d2"]),
        .init(.tree, "div:has(p):has(span)", ["root", "d1"]),
        .init(.tree, ":has(.c, #s2)", ["root", "d1", "s1", "d2", "d3"]),
        .init(.tree, ":has(:not(*))", []),
        .init(.tree, "em:has(*)", []),
        .init(.tree, ":not(:has(*))", ["p1", "p2", "em1", "p3", "s2", "em2"]),
        .init(.tree, ":has(> p) > span", ["s1"]),
        .init(.tree, ":has(+ em) span", ["s2"]),
        .init(.tree, ":is(:has(> em))", ["s1", "d2"]),
        .init(.tree, "p:has(~ :is(span, p.c))", ["p1", "p2"]),
        .init(.tree, "#d1 > :has(~ p):not(:has(+ p))", ["p2"]),
        .init(.tree, ":has(#root)", []),
        .init(.tree, "#root:has(#em2)", ["root"]),
        // pseudo-elements and user-action pseudo-classes never match
        .init(.tree, "#p1::before", []),
        .init(.tree, "#p1:after", []),
        .init(.tree, "p:hover", []),
        .init(.tree, ":not(:hover)#p1", ["p1"]),
    ]

    @Test(arguments: treeRows) func tree(_ row: Row) throws { try Self.check(row) }

    static let nthRows: [Row] = [
        .init(.nth, "#list > :nth-child(1)", ["l1"]),
        .init(.nth, "#list > :nth-child(odd)", ["l1", "l3", "l5", "l7", "l9"]),
        .init(.nth, "#list > :nth-child(ODD)", ["l1", "l3", "l5", "l7", "l9"]),
        .init(.nth, "#list > :nth-child(even)", ["l2", "l4", "l6", "l8", "l10"]),
        .init(.nth, "#list > :nth-child(2n+1)", ["l1", "l3", "l5", "l7", "l9"]),
        .init(.nth, "#list > :nth-child( 2n + 1 )", ["l1", "l3", "l5", "l7", "l9"]),
        .init(.nth, "#list > :nth-child(2n-1)", ["l1", "l3", "l5", "l7", "l9"]),
        .init(.nth, "#list > :nth-child(2n- 1)", ["l1", "l3", "l5", "l7", "l9"]),
        .init(.nth, "#list > :nth-child(2n -1)", ["l1", "l3", "l5", "l7", "l9"]),
        .init(.nth, "#list > :nth-child(2n - 1)", ["l1", "l3", "l5", "l7", "l9"]),
        .init(.nth, "#list > :nth-child(3n)", ["l3", "l6", "l9"]),
        .init(.nth, "#list > :nth-child(3N+0)", ["l3", "l6", "l9"]),
        .init(.nth, "#list > :nth-child(-n+3)", ["l1", "l2", "l3"]),
        .init(.nth, "#list > :nth-child(-2n+5)", ["l1", "l3", "l5"]),
        .init(.nth, "#list > :nth-child(0)", []),
        .init(.nth, "#list > :nth-child(0n+0)", []),
        .init(.nth, "#list > :nth-child(0n+4)", ["l4"]),
        .init(.nth, "#list > :nth-child(-n)", []),
        .init(.nth, "#list > :nth-child(-n-1)", []),
        .init(.nth, "#list > :nth-child(-n- 1)", []),
        .init(.nth, "#list > :nth-child(n)", ["l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10"]),
        .init(.nth, "#list > :nth-child(+n)", ["l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10"]),
        .init(.nth, "#list > :nth-child(n-3)", ["l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10"]),
        .init(.nth, "#list > :nth-child(n+8)", ["l8", "l9", "l10"]),
        .init(.nth, "#list > :nth-child(+n+8)", ["l8", "l9", "l10"]),
        .init(.nth, "#list > :nth-child(4n-2)", ["l2", "l6", "l10"]),
        .init(.nth, "#list > :nth-child(+5)", ["l5"]),
        .init(.nth, "#list > :nth-child(-5)", []),
        .init(.nth, "#list > :nth-child(-n+0)", []),
        .init(.nth, "#list > :nth-child(11)", []),
        .init(.nth, "#list > :nth-child(99999999999)", []),
        .init(.nth, "#list > :nth-child(-99999999999n+2)", ["l2"]),
        .init(.nth, "#list > :nth-child(99999999999n+10)", ["l10"]),
        .init(.nth, "#list > :nth-child(\\6e+1)", ["l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10"]),
        .init(.nth, "#list > :nth-last-child(1)", ["l10"]),
        .init(.nth, "#list > :nth-last-child(-n+2)", ["l9", "l10"]),
        .init(.nth, "#list > :nth-last-child(odd)", ["l2", "l4", "l6", "l8", "l10"]),
        .init(.nth, "#list > :nth-child(2 of .x)", ["l2"]),
        .init(.nth, "#list > :nth-child(odd of .x)", ["l1", "l4", "l10"]),
        .init(.nth, "#list > :nth-child(even of .x)", ["l2", "l7"]),
        .init(.nth, "#list > :nth-child(n+4 of .x)", ["l7", "l10"]),
        .init(.nth, "#list > :nth-child(0 of .x)", []),
        .init(.nth, "#list > :nth-last-child(1 of .x)", ["l10"]),
        .init(.nth, "#list > :nth-last-child(2 of .x)", ["l7"]),
        .init(.nth, "#list > :nth-child(1 of :not(.x))", ["l3"]),
        .init(.nth, "#list > :nth-child(-n+2 of .x, #l3)", ["l1", "l2"]),
        .init(.nth, "#list > :nth-child(-n+3 of #l3, .x)", ["l1", "l2", "l3"]),
        .init(.nth, "#list > :nth-child(2 of li)", ["l2"]),
        .init(.nth, "#list > :nth-child(1 of p)", []),
        .init(.nth, "#list > li:nth-child(3):nth-last-child(8)", ["l3"]),
        .init(.nth, "#list > :first-child", ["l1"]),
        .init(.nth, "#list > :last-child", ["l10"]),
        .init(.nth, ":nth-child(1)", ["list", "l1"]),  // the root element is its parent's first element child
    ]

    @Test(arguments: nthRows) func nth(_ row: Row) throws { try Self.check(row) }

    static let typeRows: [Row] = [
        .init(.types, "#tp > :first-of-type", ["sp1", "em1", "st1", "b1", "svg"]),
        .init(.types, "#tp > :last-of-type", ["st1", "em2", "sp3", "b1", "svg"]),
        .init(.types, "#tp > :only-of-type", ["st1", "b1", "svg"]),
        .init(.types, "#tp > span:nth-of-type(2)", ["sp2"]),
        .init(.types, "#tp > :nth-of-type(2)", ["sp2", "em2"]),
        .init(.types, "#tp > :nth-last-of-type(2)", ["em1", "sp2"]),
        .init(.types, "#tp > span:nth-of-type(2n+1)", ["sp1", "sp3"]),
        .init(.types, "#tp > span:nth-last-of-type(-n+2)", ["sp2", "sp3"]),
        .init(.types, "#tp > :nth-of-type(3)", ["sp3"]),
        .init(.types, "#svg > :nth-of-type(2)", ["r3"]),
        .init(.types, "#svg > :only-of-type", ["r2"]),
        .init(.types, "#svg > rect", ["r1", "r3"]),
        .init(.types, "#svg > RECT", ["r2"]),
        .init(.types, "#svg > :first-of-type", ["r1", "r2"]),
    ]

    @Test(arguments: typeRows) func types(_ row: Row) throws { try Self.check(row) }

    static let stateRows: [Row] = [
        .init(.empty, "#root :empty", ["e1", "e2", "e4s"]),
        .init(.empty, "p:empty", ["e1", "e2"]),
        .init(.empty, "p:not(:empty)", ["e3", "e4", "e5"]),
        .init(.forms, ":disabled", ["i2", "b2", "og1", "o2", "o3", "t1", "fs1", "i4", "i5", "i6", "fs2", "i7", "fs4", "i9"]),
        .init(.forms, ":enabled", ["i1", "b1", "sel1", "o1", "og2", "o4", "i3", "fs3", "i8", "c1", "c2", "c3", "c4"]),
        .init(.forms, "input:not(:enabled)", ["i2", "i4", "i5", "i6", "i7", "i9"]),
        .init(.forms, "[disabled]", ["i2", "b2", "og1", "o3", "t1", "fs1", "fs4", "sp1", "svgb"]),
        .init(.forms, "#svg1 :disabled, #svg1 :enabled, #svg1 :any-link", []),  // HTML semantics only on HTML elements
        .init(.forms, ":checked", ["o1", "c1", "c3"]),
        .init(.forms, "[checked]", ["c1", "c3", "c4"]),
        .init(.forms, ":any-link", ["a1", "ar1"]),
        .init(.forms, ":link", ["a1", "ar1"]),
        .init(.forms, ":link, :visited", ["a1", "ar1"]),
        .init(.forms, ":visited", []),
        .init(.forms, "#f :not(:defined)", ["w1"]),
        .init(.scope, ":root", ["html"]),
        .init(.scope, ":scope", ["html"]),
        .init(.scope, ":scope > body", ["body"]),
        .init(.scope, "html:root > body:not(:root)", ["body"]),
        .init(.lang, ":lang(en)", ["root", "p1"]),
        .init(.lang, ":lang(EN)", ["root", "p1"]),
        .init(.lang, ":lang(\"en-us\")", ["root", "p1"]),
        .init(.lang, ":lang(en-GB)", []),
        .init(.lang, ":lang(e)", []),
        .init(.lang, ":lang(fr)", ["p2"]),
        .init(.lang, ":lang(de)", ["s1", "r1"]),
        .init(.lang, ":lang(fr, de)", ["p2", "s1", "r1"]),
        .init(.lang, ":lang(\"*\")", ["root", "p1", "p2", "s1", "r1"]),
        .init(.lang, ":lang(\"\")", ["p3"]),
    ]

    @Test(arguments: stateRows) func states(_ row: Row) throws { try Self.check(row) }

    @Test func checkedFollowsStateNotAttribute() throws {
        let doc = SelectorFixture.forms.document()
        let checked = try SelectorList(":checked")
        doc["c1"].node.checked = false
        doc["c2"].node.checked = true
        doc["c4"].node.checked = true  // a text input is never :checked
        doc["o1"].node.checked = false
        doc["o4"].node.checked = true
        #expect(ids(checked.querySelectorAll(inDocumentRootedAt: doc.documentElement)) == ["o4", "c2", "c3"])
    }

    @Test func emptyIgnoresEmptyTextNodesAndComments() throws {
        let doc = TestDocument(.e("div", ["id": "r"], [
            .e("p", ["id": "a"], [.t("")]),
            .e("p", ["id": "b"], [.comment("x"), .t("")]),
            .e("p", ["id": "c"], [.comment("x"), .t("y")]),
        ]))
        let empty = try SelectorList("p:empty")
        #expect(ids(empty.querySelectorAll(inDocumentRootedAt: doc.documentElement)) == ["a", "b"])
    }
}
