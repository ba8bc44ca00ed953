import Testing
import HTMLModel

/// The subject filter (a query skips elements whose attribute and tag signature shares no bit
/// with the keys of the list's subjects) must never change a result: queries on parsed
/// documents, which use it, agree with the same queries on the selector tests' own tree
/// model, whose elements report no signature and so always take the full match.
@Suite struct SubjectFilterTests {
    static let tags = ["div", "a", "form", "span", "b", "svg"]
    static let attributeNames = ["hx-get", "data-hx-get", "hx-post", "type", "class", "hx-swap-oob", "sse-swap",
                                 "hx-boost", "data-x", "hx-trigger", "viewBox"]
    static let selectors = ["[hx-get]", "[data-hx-get]", "[HX-POST]", "[type='submit']", "[type=SUBMIT i]", "form",
                            "[hx-boost] a", "a[hx-boost]", ".x", "#n3", "*", ":not(a)", "div > [sse-swap]",
                            "[viewBox]", "[viewbox]", "svg", "SVG", "[hx-trigger^=cl]", "b:first-child", "[class~=y]",
                            "span.x[data-x]", ":is(a, b)", "[data-x|=v]"]

    static func randomTree(_ rng: inout SplitMix64, depth: Int, counter: inout Int, inSVG: Bool = false) -> TestTreeSpec {
        let tag = inSVG ? "g" : tags[Int(rng.next() % UInt64(tags.count))]
        var attributes = [("id", "n\(counter)")]
        counter += 1
        for _ in 0..<Int(rng.next() % 4) {
            let name = attributeNames[Int(rng.next() % UInt64(attributeNames.count))]
            guard !attributes.contains(where: { $0.0.lowercased() == name.lowercased() }) else { continue }
            let value = ["submit", "x", "x y", "click", "v-1", ""][Int(rng.next() % 6)]
            attributes.append((name == "viewBox" && !(inSVG || tag == "svg") ? "viewbox" : name, value))
        }
        // `a` and `form` stay leaves: the HTML parser would move a nested one elsewhere.
        let fanOut = depth >= 4 || tag == "a" || tag == "form" ? 0 : Int(rng.next() % 4)
        let kids = (0..<fanOut).map { _ in randomTree(&rng, depth: depth + 1, counter: &counter, inSVG: inSVG || tag == "svg") }
        return .element(tag, attributes, kids)
    }

    static func markup(_ spec: TestTreeSpec) -> String {
        guard case .element(let tag, let attributes, let kids) = spec else { return "" }
        let attrs = attributes.map { " \($0.0)=\"\($0.1)\"" }.joined()
        return "<\(tag)\(attrs)>" + kids.map(markup).joined() + "</\(tag)>"
    }

    static func name(_ id: String?, _ tag: String) -> String { id ?? tag }

    @Test(arguments: 0..<30)
    func filteredQueriesAgreeWithTheFullMatch(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
        var counter = 0
        let tree = Self.randomTree(&rng, depth: 0, counter: &counter)
        let model = TestDocument(.element("html", [], [.element("head", [], []), .element("body", [], [tree])]))
        let document = Document(html: "<!DOCTYPE html><html><head></head><body>" + Self.markup(tree) + "</body></html>")
        for _ in 0..<40 {
            let count = 1 + Int(rng.next() % 5)
            let text = (0..<count).map { _ in Self.selectors[Int(rng.next() % UInt64(Self.selectors.count))] }
                .joined(separator: ", ")
            let list = try SelectorList(text)
            let expected = list.querySelectorAll(inDocumentRootedAt: model.documentElement)
                .map { Self.name($0.attribute("id"), $0.localName) }
            let actual = try document.node.querySelectorAll(text).map { Self.name($0.attribute("id"), $0.localName) }
            #expect(actual == expected, "\(text) on \(Self.markup(tree))")
            for element in try document.node.querySelectorAll("*") {
                let id = Self.name(element.attribute("id"), element.localName)
                let reference = model.allElements.first { Self.name($0.attribute("id"), $0.localName) == id }
                #expect(try element.matches(text) == reference.map { list.matches($0, scope: $0) }, "\(text) on #\(id)")
            }
        }
    }
}
