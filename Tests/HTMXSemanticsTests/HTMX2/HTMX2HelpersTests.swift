import HTMLModel
@testable import HTMXSemantics
import Testing

@Suite("htmx 2 helpers")
struct HTMX2HelpersTests {
    @Test(arguments: [
        ("htmx:afterSwap", "htmx:after-swap"),
        ("htmx:beforeCleanupElement", "htmx:before-cleanup-element"),
        ("myEvent", "my-event"),
        ("htmx:load", "htmx:load"),
        ("htmx:xhr:loadstart", "htmx:xhr:loadstart"),
        ("a1B", "a1-b"),
        ("ABC", "abc"),
        ("htmx:oobAfterSwap", "htmx:oob-after-swap"),
    ])
    func kebabEventName(_ input: String, _ expected: String) {
        #expect(HTMX2Runtime.kebabEventName(input) == expected)
    }

    /// Values from JavaScript's `(hash << 5) - hash + charCodeAt(i)` with `|= 0`, over the
    /// non-empty attributes' names and values as UTF-16 (surrogate pairs included).
    @Test(arguments: [
        (#"<div hx-get="/a" data-x="" title="é😀">"#, Int32(-2_053_625_697)),
        (#"<p class="a b" sse-swap="msg" hidden>"#, Int32(94_818_427)),
        ("<span>", Int32(0)),
    ])
    func attributeHashIsJavaScriptsStringHash(_ html: String, _ expected: Int32) throws {
        let doc = Document(html: html)
        let element = try #require(doc.body?.firstElementChild)
        #expect(HTMX2Runtime.attributeHash(element) == expected)
    }

    @Test(arguments: [
        ("<p>x</p>", "p"),
        ("  text <DIV class=a>", "div"),
        ("<!-- <html> --><tr>", "html"),
        ("no tags", ""),
        ("<1><body>", "body"),
        ("<html\n>", "html"),
    ])
    func startTag(_ input: String, _ expected: String) {
        #expect(HTMX2Runtime.startTag(input) == expected)
    }

    @Test(arguments: [
        ("<head><title>t</title></head><p>x</p>", "<p>x</p>"),
        ("<HEAD class=a>h</HEAD>rest", "rest"),
        ("<header>not head</header>", "<header>not head</header>"),
        ("<head>unclosed", "<head>unclosed"),
        ("a<head>1</head>b<head>2</head>c", "ab<head>2</head>c"),
    ])
    func stripFirstHead(_ input: String, _ expected: String) {
        #expect(HTMX2Runtime.stripFirstHead(input) == expected)
    }

    @Test(arguments: [
        ("/items?id=1", "/", "/items?id=1", true),
        ("items", "/a/b", "/a/items", true),
        ("../x", "/a/b/c", "/a/x", true),
        ("?q=1", "/page?old=2", "/page?q=1", true),
        ("", "/here?x=1", "/here?x=1", true),
        ("/p#frag", "/", "/p", true),
        ("http://htmx.test/abs?x", "/", "/abs?x", true),
        ("http://other.test/x", "/", "http://other.test/x", false),
        ("HTTP://HTMX.TEST", "/", "/", true),
    ])
    func resolve(_ path: String, _ current: String, _ url: String, _ same: Bool) {
        let r = URLResolution.resolve(path, currentPath: current)
        #expect(r.url == url)
        #expect(r.sameOrigin == same)
    }

    @Test func encodeURIComponentKeepsTheUnreservedSet() {
        #expect(URLResolution.encodeURIComponent("a b&c=d/é~*'()!") == "a%20b%26c%3Dd%2F%C3%A9~*'()!")
    }

    @Test func urlEncodeJoinsPairsInOrder() {
        #expect(HTMX2Runtime.urlEncode([("b", "2"), ("a", "x y"), ("b", "3")]) == "b=2&a=x%20y&b=3")
    }
}
