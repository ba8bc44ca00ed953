import Testing
import HTMLModel

/// querySelector / querySelectorAll / closest / matches semantics: root exclusion, scoping,
/// ancestors outside the root, tree order, and deep trees.
@Suite struct SelectorQueryTests {
    let doc = SelectorFixture.scope.document()

    func all(_ selector: String, in id: String, scope: String?? = .none) throws -> [String] {
        let list = try SelectorList(selector)
        let root = doc[id]
        switch scope {
        case .none: return ids(list.querySelectorAll(in: root))
        case .some(.none): return ids(list.querySelectorAll(in: root, scope: nil))
        case .some(.some(let s)): return ids(list.querySelectorAll(in: root, scope: doc[s]))
        }
    }

    @Test func elementQueriesExcludeTheRootButSeeItsAncestors() throws {
        #expect(try all("div", in: "outer") == ["inner"])
        #expect(try all("*", in: "inner") == ["p1"])
        #expect(try all("div p", in: "outer") == ["p1", "p2"])
        #expect(try all("body p", in: "inner") == ["p1"])
        #expect(try all("#outer > div", in: "outer") == ["inner"])
        #expect(try all("html", in: "html") == [])
    }

    @Test func scopeIsTheRootUnlessGiven() throws {
        #expect(try all(":scope > p", in: "outer") == ["p2"])
        #expect(try all(":scope p", in: "outer") == ["p1", "p2"])
        #expect(try all(":scope", in: "outer") == [])
        #expect(try all(":scope > p", in: "outer", scope: "inner") == ["p1"])
        // No scoping element: :scope is :root.
        #expect(try all(":scope p", in: "outer", scope: .some(nil)) == ["p1", "p2"])
        #expect(try all(":scope > body", in: "html", scope: .some(nil)) == ["body"])
        #expect(try all(":scope > div", in: "outer", scope: .some(nil)) == [])
    }

    @Test func querySelectorReturnsTheFirstInTreeOrder() throws {
        #expect(try SelectorList("p").querySelector(in: doc["outer"])?.id == "p1")
        #expect(try SelectorList("#p2, #p1").querySelector(in: doc["outer"])?.id == "p1")
        #expect(try SelectorList("section").querySelector(in: doc["outer"]) == nil)
        #expect(try SelectorList(":scope > p").querySelector(in: doc["outer"], scope: doc["inner"])?.id == "p1")
        #expect(try SelectorList("html").querySelector(inDocumentRootedAt: doc.documentElement)?.id == "html")
    }

    @Test func closestStartsAtTheElementWithItAsScope() throws {
        let p1 = doc["p1"]
        #expect(try SelectorList("div").closest(p1)?.id == "inner")
        #expect(try SelectorList("p").closest(p1)?.id == "p1")
        #expect(try SelectorList("#outer").closest(p1)?.id == "outer")
        #expect(try SelectorList("body > div").closest(p1)?.id == "outer")
        #expect(try SelectorList(":scope").closest(p1)?.id == "p1")
        // :scope inside :has() is still the closest() element.
        #expect(try SelectorList("div:has(> :scope)").closest(p1)?.id == "inner")
        #expect(try SelectorList("section").closest(p1) == nil)
        #expect(try SelectorList("body").closest(doc["html"]) == nil)
    }

    @Test func matchesUsesTheGivenScope() throws {
        let scope = try SelectorList(":scope")
        #expect(scope.matches(doc["p1"], scope: doc["p1"]))
        #expect(!scope.matches(doc["p1"]))
        #expect(scope.matches(doc["html"]))
        #expect(try SelectorList(":scope > p").matches(doc["p2"], scope: doc["outer"]))
        #expect(try SelectorList("div:has(:scope)").matches(doc["inner"], scope: doc["p1"]))
    }

    @Test func forEachMatchStopsWhenAsked() throws {
        var seen: [String] = []
        try SelectorList("*").forEachMatch(in: doc["html"], scope: nil) { e in
            seen.append(e.id ?? "?")
            return seen.count < 2
        }
        #expect(seen == ["body", "outer"])
    }

    @Test func oneParsedListServesManyDocuments() throws {
        let list = try SelectorList("p:last-child")
        #expect(list.description == "p:last-child")
        #expect(ids(list.querySelectorAll(inDocumentRootedAt: doc.documentElement)) == ["p1", "p2"])
        let other = SelectorFixture.tree.document()
        #expect(ids(list.querySelectorAll(inDocumentRootedAt: other.documentElement)) == ["p3"])
    }

    /// A 20,000-deep chain: traversal and matching must not recurse on depth, and a selector
    /// that a naive backtracking matcher would explore exponentially must still finish.
    @Test func deepTreesAndPathologicalSelectors() throws {
        let depth = 20_000
        let document = TestNode(kind: .document)
        var parent = document
        for i in 0..<depth {
            let node = TestNode(kind: .element, localName: "div", attributes: i == 0 ? [("id", "top")] : [])
            parent.append(node)
            parent = node
        }
        let leaf = TestNode(kind: .element, localName: "span", attributes: [("id", "leaf")])
        parent.append(leaf)
        let tree = TestDocument(existing: document)
        defer { tree.tearDown() }
        let top = tree.documentElement
        let leafElement = TestElement(node: leaf)

        #expect(ids(try SelectorList("div span").querySelectorAll(in: top)) == ["leaf"])
        #expect(ids(try SelectorList("div > div > span").querySelectorAll(in: top)) == ["leaf"])
        #expect(try SelectorList("div:not(div div)").closest(leafElement)?.id == "top")
        #expect(try SelectorList("#top span").matches(leafElement))
        let pathological = "section " + String(repeating: "div ", count: 12) + "span"
        #expect(try !SelectorList(pathological).matches(leafElement))
        let mixed = String(repeating: "div ~ div > div ", count: 6) + "span"
        #expect(try !SelectorList(mixed).matches(leafElement))
        #expect(try SelectorList(":root > div").querySelectorAll(in: top).count == 1)
        #expect(try SelectorList(":root").matches(top))
    }

    @Test func manySiblingsWithSiblingCombinators() throws {
        let document = TestNode(kind: .document)
        let root = TestNode(kind: .element, localName: "ul")
        document.append(root)
        for i in 0..<3000 {
            root.append(TestNode(kind: .element, localName: "li", attributes: [("id", "l\(i)")]))
        }
        root.append(TestNode(kind: .element, localName: "b", attributes: [("id", "b")]))
        let tree = TestDocument(existing: document)
        let list = try SelectorList("em ~ li ~ li ~ li ~ li ~ b")
        #expect(list.querySelectorAll(in: tree.documentElement).isEmpty)
        #expect(ids(try SelectorList("li ~ li ~ li + b").querySelectorAll(in: tree.documentElement)) == ["b"])
        #expect(ids(try SelectorList("li:nth-last-child(2)").querySelectorAll(in: tree.documentElement)) == ["l2999"])
    }
}

extension TestDocument {
    init(existing document: TestNode) {
        self.init(wrapping: document)
    }
}

/// `#id` and `tag#id` queries are answered from the id index; they must find exactly what
/// the selector matcher finds.
@Suite struct IDIndexShortcutTests {
    @Test(arguments: ["#a", "li#a", "LI#a", " #a ", "\t#a\r\n", "p#a", "#b", "svg#s", "SVG#s", "#é", "i#é", "#dup",
                      "#missing", "#a#b", "#1a", "div #a", "li#a.x"])
    func shortcutAgreesWithTheMatcher(_ selector: String) throws {
        let doc = Document(html: #"<!DOCTYPE html><body><ul id=u><li id=a class=x>1</li><li id=dup>2</li></ul>"#
            + #"<p id=dup>3</p><svg id=s></svg><i id="é">4</i><template><li id=a>hidden</li></template>"#)
        let body = try #require(doc.body)
        for root in [doc.node, body, try #require(doc.element(byID: "u"))] {
            let viaShortcut = (try? root.querySelectorAll(selector))?.map(\.identity)
            let viaMatcher = (try? SelectorList.parse(selector)).map { root.querySelectorAll($0).map(\.identity) }
            #expect(viaShortcut == viaMatcher, "\(selector.debugDescription) under \(root.nodeName)")
        }
    }
}

/// `firstDescendant(id:typeName:)` is `querySelector(TYPE#ID)` without the selector: the two
/// agree under connected and detached roots, for HTML and foreign elements, tag names in
/// either case, duplicate ids, template contents and an id that needs escaping.
@Suite struct FirstDescendantByIDTests {
    @Test func agreesWithQuerySelector() throws {
        let doc = Document(html: #"<!DOCTYPE html><body><div id=u><p id=a>1</p><div id=dup>2</div></div><div id=dup>3</div>"#
            + #"<svg id=s><rect id=r></rect><foreignObject id=f></foreignObject></svg><i id="1a">4</i>"#
            + #"<template><p id=a>hidden</p></template></body>"#)
        let body = try #require(doc.body)
        let detached = doc.createElement("section")
        detached.append(doc.parseFragment(#"<p id=a>d</p><svg><rect id=r></rect></svg>"#).fragment)
        let roots = [doc.node, body, try #require(doc.element(byID: "u")), detached]
        let ids = [("a", "#a"), ("dup", "#dup"), ("s", "#s"), ("r", "#r"), ("f", "#f"), ("1a", #"#\31 a"#), ("missing", "#missing")]
        for root in roots {
            for type in ["P", "p", "DIV", "div", "svg", "SVG", "rect", "RECT", "foreignObject", "FOREIGNOBJECT", "I", "b"] {
                for (id, idSelector) in ids {
                    let direct = root.firstDescendant(id: id, typeName: type)
                    let viaSelector = try root.querySelector(type + idSelector)
                    #expect(direct == viaSelector, "\(type)\(idSelector) under \(root.nodeName)")
                }
            }
        }
    }

    /// Past 16 holders of one id the lookup walks the subtree instead of ordering holders:
    /// same answers as the selector, with holders before, inside and after the root.
    @Test func firstDescendantByIDWithManyHoldersMatchesQuerySelector() throws {
        var html = "<!DOCTYPE html><body>" + String(repeating: "<b id=m>x</b>", count: 10)
        html += "<div id=u>" + String(repeating: "<i><b id=m>y</b></i>", count: 10) + "<p id=m>p</p><svg><rect id=m></rect></svg></div>"
        html += String(repeating: "<p id=m>z</p>", count: 10) + "</body>"
        let doc = Document(html: html)
        let body = try #require(doc.body)
        let u = try #require(try body.querySelector("#u"))
        let firstI = try #require(try u.querySelector("i"))
        for root in [doc.node, body, u, firstI] {
            for type in ["B", "b", "P", "p", "rect", "RECT", "i"] {
                let viaSelector = try root.querySelector(type + "#m")
                #expect(root.firstDescendant(id: "m", typeName: type) == viaSelector, "\(type)#m under \(root.nodeName)")
            }
            // All holders in tree order, as a walk that reads each element's id finds them.
            var walked: [Node] = []
            root.forEachDescendant { n in if n.isElement && n.attribute("id") == "m" { walked.append(n) } }
            #expect(try root.querySelectorAll("#m") == walked, "#m under \(root.nodeName)")
        }
    }
}
