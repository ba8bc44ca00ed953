import HTMLModel
import Testing

/// A small document built through the API: html > (head, body).
func makeDocument() -> (Document, Node) {
    let doc = Document()
    let html = doc.createElement("html")
    doc.node.append(html)
    html.append(doc.createElement("head"))
    let body = doc.createElement("body")
    html.append(body)
    return (doc, body)
}

@Suite("DOM mutation")
struct DOMMutationTests {
    @Test func appendInsertAndOrder() {
        let (doc, body) = makeDocument()
        let a = doc.createElement("a"), b = doc.createElement("b"), c = doc.createElement("c")
        body.append(b)
        body.prepend(a)
        body.append(c)
        #expect(body.innerHTML == "<a></a><b></b><c></c>")
        let d = doc.createElement("d")
        b.insertAfter(d)
        let e = doc.createElement("e")
        b.insertBefore(e)
        #expect(body.innerHTML == "<a></a><e></e><b></b><d></d><c></c>")
        body.insert(doc.createTextNode("t"), before: c)
        #expect(body.innerHTML == "<a></a><e></e><b></b><d></d>t<c></c>")
        #expect(c.previousSibling?.isText == true)
        #expect(c.previousElementSibling == d)
        #expect(a.nextElementSibling == e)
        #expect(body.firstElementChild == a && body.lastElementChild == c)
        #expect(d.elementIndex == 4)
        #expect(c.childIndex == 6)
    }

    @Test func adjacentTextNodesAreNeverMerged() {
        let (doc, body) = makeDocument()
        body.append(doc.createTextNode("a"))
        body.append(doc.createTextNode("b"))
        #expect(body.childNodes.count == 2)
        #expect(body.textContent == "ab")
        #expect(body.innerHTML == "ab")
    }

    @Test func removeReplaceAndConnectedness() {
        let (doc, body) = makeDocument()
        let p = doc.createElement("p")
        #expect(!p.isConnected)
        #expect(p.parent == nil)
        body.append(p)
        #expect(p.isConnected)
        #expect(p.parent == body)
        let q = doc.createElement("q")
        p.replace(with: q)
        #expect(!p.isConnected && q.isConnected)
        #expect(body.innerHTML == "<q></q>")
        q.remove()
        #expect(body.innerHTML == "")
        #expect(q.parent == nil)
        q.remove() // removing a detached node is a no-op
        #expect(!q.isConnected)
    }

    @Test func fragmentInsertionMovesItsChildren() {
        let (doc, body) = makeDocument()
        let frag = doc.createDocumentFragment()
        frag.append(doc.createElement("i"))
        frag.append(doc.createTextNode("x"))
        body.append(frag)
        #expect(body.innerHTML == "<i></i>x")
        #expect(frag.childNodes.isEmpty)
    }

    @Test func cloneIsDeepAndDetached() {
        let (doc, body) = makeDocument()
        let div = doc.createElement("div", attributes: [.init(name: "id", value: "x"), .init(name: "class", value: "a b")])
        div.append(doc.createTextNode("hi"))
        body.append(div)
        let copy = div.clone()
        #expect(copy.outerHTML == #"<div id="x" class="a b">hi</div>"#)
        #expect(!copy.isConnected)
        #expect(doc.element(byID: "x") == div)
        let shallow = div.clone(deep: false)
        #expect(shallow.outerHTML == #"<div id="x" class="a b"></div>"#)
    }

    @Test func textContentSetReplacesChildren() {
        let (doc, body) = makeDocument()
        let div = doc.createElement("div")
        div.append(doc.createElement("b"))
        body.append(div)
        div.setTextContent("<x> & y")
        #expect(div.innerHTML == "&lt;x&gt; &amp; y")
        #expect(div.childNodes.count == 1)
        div.setTextContent("")
        #expect(div.childNodes.isEmpty)
    }

    @Test func documentFromOtherDocumentIsImportedByCopy() {
        let (doc, body) = makeDocument()
        let (other, otherBody) = makeDocument()
        otherBody.append(other.createElement("span"))
        let imported = doc.importNode(otherBody.firstChild!)
        body.append(imported)
        #expect(body.innerHTML == "<span></span>")
        #expect(otherBody.innerHTML == "<span></span>")
    }

    @Test func deepTreesDoNotOverflowTheStack() {
        let (doc, body) = makeDocument()
        // Built bottom-up so each insertion is O(1); then connected once (one O(n) index walk).
        var top = doc.createElement("span")
        for _ in 0..<100_000 {
            let d = doc.createElement("div")
            d.append(top)
            top = d
        }
        body.append(top)
        #expect(body.outerHTML.count == "<body></body>".count + 100_000 * "<div></div>".count + "<span></span>".count)
        #expect(body.descendants.count == 100_001)
        _ = body.clone()
    }
}

@Suite("Attributes, id index and classList")
struct AttributeTests {
    @Test func attributesKeepSourceOrderAndSetInPlace() {
        let (doc, body) = makeDocument()
        let el = doc.createElement("div", attributes: [.init(name: "b", value: "1"), .init(name: "a", value: "2")])
        body.append(el)
        el.setAttribute("c", "3")
        el.setAttribute("b", "x&y")
        #expect(el.attributes.map(\.name) == ["b", "a", "c"])
        #expect(el.attribute("b") == "x&y")
        #expect(el.attribute("B") == "x&y")
        el.setAttribute("D-Upper", "v")
        #expect(el.hasAttribute("d-upper"))
        el.removeAttribute("a")
        #expect(!el.hasAttribute("a"))
        #expect(el.attribute("a") == nil)
        el.setAttribute("hx-on:click", "go()")
        el.setAttribute("xml:lang", "en")
        #expect(el.outerHTML == #"<div b="x&amp;y" c="3" d-upper="v" hx-on:click="go()" xml:lang="en"></div>"#)
    }

    @Test func idIndexFollowsEveryMutation() {
        let (doc, body) = makeDocument()
        let a = doc.createElement("p", attributes: [.init(name: "id", value: "a")])
        #expect(doc.element(byID: "a") == nil, "detached elements are not indexed")
        body.append(a)
        #expect(doc.element(byID: "a") == a)
        a.setAttribute("id", "b")
        #expect(doc.element(byID: "a") == nil)
        #expect(doc.element(byID: "b") == a)
        let wrapper = doc.createElement("div")
        let inner = doc.createElement("span", attributes: [.init(name: "id", value: "inner")])
        wrapper.append(inner)
        body.append(wrapper)
        #expect(doc.element(byID: "inner") == inner)
        wrapper.remove()
        #expect(doc.element(byID: "inner") == nil)
        body.append(wrapper)
        #expect(doc.element(byID: "inner") == inner)
        a.removeAttribute("id")
        #expect(doc.element(byID: "b") == nil)
    }

    /// The id index against a walk of the tree after every step of random insertions,
    /// removals, moves and id changes over three ids (so that one id is often held by one,
    /// two, then three elements and back, the index's single and shared entries).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func idIndexMatchesATreeWalk(_ seed: UInt64) throws {
        let (doc, body) = makeDocument()
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ n: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(n))
        }
        let ids = ["x", "y", "z"]
        var detached: [Node] = []
        for step in 0..<600 {
            let elements = [body] + body.descendants.filter(\.isElement)
            let parent = elements[next(elements.count)]
            switch next(5) {
            case 0, 1:
                let e = doc.createElement(["p", "i", "div"][next(3)], attributes: [.init(name: "id", value: ids[next(3)])])
                let kids = parent.childNodes
                parent.insert(e, before: kids.isEmpty || next(2) == 0 ? nil : kids[next(kids.count)])
            case 2:
                if parent != body {
                    parent.remove()
                    detached.append(parent)
                }
            case 3:
                if !detached.isEmpty {
                    let back = detached.remove(at: next(detached.count))
                    parent.insert(back, before: parent.firstChild)
                }
            default:
                if parent != body { parent.setAttribute("id", ids[next(3)]) }
            }
            for id in ids {
                let walked = body.descendants.filter { $0.isElement && $0.attribute("id") == id }
                #expect(doc.element(byID: id) == walked.first, "step \(step), #\(id)")
                #expect(try body.querySelectorAll("#\(id)") == walked, "step \(step), #\(id)")
            }
        }
    }

    /// htmx 2's settle clears the settled attributes the source lacks: exact stored names,
    /// the kept ones and every other attribute left, the id index told of a removed id.
    @Test func removeAttributesNamedUnlessKept() throws {
        let (doc, body) = makeDocument()
        let e = doc.createElement("div", attributes: [.init(name: "id", value: "k"), .init(name: "class", value: "a"),
                                                       .init(name: "style", value: "b"), .init(name: "data-x", value: "c")])
        body.append(e)
        e.removeAttributes(named: ["Class", "width"]) { _ in false }
        #expect(e.outerHTML == #"<div id="k" class="a" style="b" data-x="c"></div>"#, "names compare as stored")
        e.removeAttributes(named: ["class", "style", "width", "id"]) { $0 == "style" }
        #expect(e.outerHTML == #"<div style="b" data-x="c"></div>"#)
        #expect(doc.element(byID: "k") == nil)
    }

    @Test func duplicateIdsResolveToFirstInTreeOrder() {
        let (doc, body) = makeDocument()
        let first = doc.createElement("i", attributes: [.init(name: "id", value: "d")])
        let second = doc.createElement("b", attributes: [.init(name: "id", value: "d")])
        body.append(second)
        body.prepend(first)
        #expect(doc.element(byID: "d") == first)
        first.remove()
        #expect(doc.element(byID: "d") == second)
        let nested = doc.createElement("u", attributes: [.init(name: "id", value: "d")])
        second.append(nested)
        body.prepend(first)
        #expect(doc.element(byID: "d") == first)
        first.remove()
        #expect(doc.element(byID: "d") == second, "an ancestor precedes its descendant")
    }

    @Test func templateContentsAreNotInTheDocument() {
        let (doc, body) = makeDocument()
        let t = doc.createElement("template")
        body.append(t)
        let inside = doc.createElement("div", attributes: [.init(name: "id", value: "in")])
        t.templateContent!.append(inside)
        #expect(doc.element(byID: "in") == nil)
        #expect(!inside.isConnected)
        #expect(t.childNodes.isEmpty, "the DOM view of a template has no children")
        #expect(t.outerHTML == #"<template><div id="in"></div></template>"#)
    }

    /// Parsed and created attributes are built without libxml2's `xmlNewNsProp` (whose ID
    /// table nobody reads): they still read, change, move, copy and go away like any other,
    /// and the id index follows them.
    @Test func attributesBuiltDirectlyBehaveLikeAnyOther() throws {
        let doc = Document(html: #"<body><p id="a" class="x" data-v="">one</p><i id="b"></i>"#)
        let p = try #require(doc.element(byID: "a"))
        #expect(p.attributes.map(\.name) == ["id", "class", "data-v"])
        #expect(p.attribute("data-v") == "" && p.hasAttribute("data-v"))
        p.setAttribute("id", "c")
        #expect(doc.element(byID: "a") == nil && doc.element(byID: "c") == p)
        p.setAttribute("title", "t")
        p.removeAttribute("class")
        #expect(p.outerHTML == #"<p id="c" data-v="" title="t">one</p>"#)
        let copy = p.clone(deep: true)
        #expect(copy.outerHTML == p.outerHTML)
        p.remove()
        #expect(doc.element(byID: "c") == nil)
        let made = doc.createElement("span", attributes: [HTMLAttribute(name: "id", value: "d")])
        doc.element(byID: "b")!.append(made)
        #expect(doc.element(byID: "d") == made)
        made.removeAttribute("id")
        #expect(doc.element(byID: "d") == nil && made.outerHTML == "<span></span>")
        doc.releaseDetachedNodes()
    }

    @Test func classListBehavesLikeDOMTokenList() {
        let (doc, body) = makeDocument()
        let el = doc.createElement("div", attributes: [.init(name: "class", value: "  a\tb  a ")])
        body.append(el)
        #expect(el.classList == ["a", "b", "a"])
        #expect(el.hasClass("b"))
        el.addClass("c")
        #expect(el.attribute("class") == "a b c")
        el.removeClass("a", "b", "c")
        #expect(el.attribute("class") == "", "removing the last class leaves class=\"\"")
        #expect(el.outerHTML == #"<div class=""></div>"#)
        #expect(el.toggleClass("x") == true)
        #expect(el.toggleClass("x") == false)
        #expect(el.toggleClass("y", force: true) && el.hasClass("y"))
        let plain = doc.createElement("p")
        #expect(plain.removeClasses(["z"]) == nil, "nothing to remove from")
        #expect(!plain.hasAttribute("class"), "remove on an absent attribute does not create it")
        let crlf = doc.createElement("p", attributes: [.init(name: "class", value: "a\r\nb\u{0C}é")])
        #expect(crlf.classList == ["a", "b", "é"], "CR LF is two separators; non-ASCII tokens split on bytes")
        crlf.addClass("a")
        #expect(crlf.attribute("class") == "a b é", "adding a present class still serializes the set")
    }

    /// `addClasses` / `removeClasses` skip the token arrays when the value is already a
    /// serialized set. Every value of up to five pieces over a small alphabet (runs of
    /// spaces, tabs, line feeds, repeats), with every one- and two-name list, must end as
    /// DOMTokenList's update steps leave it.
    @Test func classListFastPathsMatchTheUpdateSteps() {
        func tokens(_ v: String) -> [String] {
            v.split(whereSeparator: { " \t\n\r\u{0C}".contains($0) }).map(String.init)
        }
        func ordered(_ t: [String]) -> [String] { t.reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
        let pieces = ["a", "b", "ab", " ", "  ", "\t", "\n"]
        var values: [String] = [""]
        var frontier: [String] = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { v in pieces.map { v + $0 } }
            values += frontier
        }
        let nameLists: [[String]] = [["a"], ["b"], ["c"], ["ab"], ["a", "c"], ["c", "c"], ["b", "a"]]
        let (doc, body) = makeDocument()
        #expect(!doc.createElement("p").hasClassTokens, "no attribute, no tokens")
        for value in values {
            let plain = doc.createElement("p", attributes: [.init(name: "class", value: value)])
            #expect(plain.hasClassTokens == !tokens(value).isEmpty, "hasClassTokens of \(value.debugDescription)")
            for names in nameLists {
                let added = doc.createElement("p", attributes: [.init(name: "class", value: value)])
                body.append(added)
                added.addClasses(names)
                #expect(added.attribute("class") == ordered(tokens(value) + names).joined(separator: " "), "add \(names) to \(value.debugDescription)")
                let removed = doc.createElement("p", attributes: [.init(name: "class", value: value)])
                body.append(removed)
                let remains = removed.removeClasses(names)
                let left = ordered(tokens(value)).filter { !names.contains($0) }
                #expect(removed.attribute("class") == left.joined(separator: " "), "remove \(names) from \(value.debugDescription)")
                #expect(remains == !left.isEmpty, "what remains after removing \(names) from \(value.debugDescription)")
                // On the value the first edit wrote (the next edit reads it back).
                removed.addClasses(names)
                removed.removeClasses(["b"])
                #expect(removed.attribute("class") == ordered(left + names).filter { $0 != "b" }.joined(separator: " "),
                        "add \(names), remove b, after removing \(names) from \(value.debugDescription)")
            }
        }
    }

    /// Past a few dozen tokens the serialized-set check keeps the earlier ones in a set:
    /// repeats before and after that point, far apart and adjacent, still send the edit down
    /// the update steps' path (which drops them), and a distinct list stays as it is.
    @Test(arguments: [31, 32, 33, 40, 500])
    func classListOfManyTokensMatchesTheUpdateSteps(count: Int) {
        let distinct = (0..<count).map { "c\($0)" }
        let values: [[String]] = [
            distinct,
            distinct + ["c0"],
            distinct + [distinct[count - 1]],
            distinct + ["x", "x"],
            Array(distinct[0..<count / 2]) + ["c1"] + Array(distinct[count / 2..<count]),
        ]
        let (doc, body) = makeDocument()
        for tokens in values {
            let value = tokens.joined(separator: " ")
            let ordered = tokens.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let element = doc.createElement("p", attributes: [.init(name: "class", value: value)])
            body.append(element)
            element.addClasses(["new", "c3"])
            #expect(element.attribute("class") == (ordered + ["new"]).joined(separator: " "), "add to \(tokens.count) tokens")
            element.removeClasses(["c2", "new"])
            #expect(element.attribute("class") == ordered.filter { $0 != "c2" }.joined(separator: " "), "remove from \(tokens.count) tokens")
        }
    }

    @Test func attributeNamesFoldOnlyASCIIAndOnlyOnHTMLElements() {
        let doc = Document(html: #"<body><div data-x="1" data-xy="2"></div><svg viewBox="0 0 1 1"></svg>"#)
        let body = doc.documentElement!.lastElementChild!
        let div = body.firstElementChild!, svg = body.lastElementChild!
        #expect(div.attribute("DATA-X") == "1")
        #expect(div.attribute("data-x\u{0}") == nil)
        #expect(div.attribute("data-") == nil && div.attribute("data-xyz") == nil)
        #expect(div.attribute("data-\u{212A}") == nil, "the Kelvin sign is not an ASCII K")
        #expect(div.attributeAndDataTwin("X").data == "1" && div.attributeAndDataTwin("xy").data == "2")
        #expect(div.attributeAndDataTwin("x-") == (nil, nil) && div.attributeAndDataTwin("") == (nil, nil))
        #expect(div.hasAttributeOrDataTwin("xy") && div.hasAttributeOrDataTwin("data-x") && !div.hasAttributeOrDataTwin("x-"))
        #expect(div.attributeAndDataTwin("data-x") == ("1", nil))
        let short = Document(html: #"<p d="1" da="2" dat="3" data="4" data-="5"></p>"#).documentElement!.lastElementChild!.firstElementChild!
        #expect(short.attributeAndDataTwin("") == (nil, "5"), "only a name that starts with data- takes part")
        let twins = Document(html: #"<p data-data-a="2" data-a="1" b="3"></p>"#).documentElement!.lastElementChild!.firstElementChild!
        #expect(twins.attributeAndDataTwin("data-a") == ("1", "2"))
        #expect(twins.attributeAndDataTwin("A") == (nil, "1"))
        #expect(twins.attributeAndDataTwin("b") == ("3", nil))
        #expect(twins.attributeAndDataTwin("c") == (nil, nil))
        #expect(svg.attribute("viewBox") == "0 0 1 1")
        #expect(svg.attribute("viewbox") == nil, "foreign elements keep case")
    }
}

@Suite("Ownership")
struct OwnershipTests {
    @Test func removedSubtreesStayOwnedUntilReleased() {
        let (doc, body) = makeDocument()
        for i in 0..<100 {
            let el = doc.createElement("p", attributes: [.init(name: "id", value: "p\(i)")])
            el.append(doc.createTextNode("x"))
            body.append(el)
        }
        let before = doc.detachedSubtreeCount
        for child in body.childNodes { child.remove() }
        #expect(doc.detachedSubtreeCount == before + 100)
        doc.releaseDetachedNodes()
        #expect(doc.detachedSubtreeCount == 0)
        #expect(body.childNodes.isEmpty)
        #expect(doc.element(byID: "p1") == nil)
    }

    @Test func handlesKeepTheDocumentAlive() {
        var node: Node?
        do {
            let (doc, body) = makeDocument()
            body.append(doc.createTextNode("still here"))
            node = body
        }
        #expect(node?.textContent == "still here")
    }

    @Test func manyDocumentsComeAndGo() {
        for _ in 0..<200 {
            let (doc, body) = makeDocument()
            let d = doc.createElement("div", attributes: [.init(name: "id", value: "x")])
            body.append(d)
            d.remove()
            _ = doc.createComment("orphan")
        }
    }
}

@Suite("Serializer escapes")
struct SerializerEscapeTests {
    @Test(arguments: [
        ("a&b", "a&amp;b"), ("<x>", "&lt;x&gt;"), ("\u{A0}", "&nbsp;"), ("\"q\"", "\"q\""), ("é ✓", "é ✓"),
    ])
    func textEscaping(_ input: String, _ expected: String) {
        let (doc, body) = makeDocument()
        body.append(doc.createTextNode(input))
        #expect(body.innerHTML == expected)
    }

    @Test(arguments: [
        ("a&b", "a&amp;b"), ("\"q\"", "&quot;q&quot;"), ("\u{A0}", "&nbsp;"), ("<>", "&lt;&gt;"), ("it's", "it's"),
    ])
    func attributeEscaping(_ input: String, _ expected: String) {
        let (doc, body) = makeDocument()
        body.append(doc.createElement("i", attributes: [.init(name: "title", value: input)]))
        #expect(body.innerHTML == "<i title=\"\(expected)\"></i>")
    }

    @Test(arguments: ["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"])
    func rawTextParents(_ name: String) {
        let (doc, body) = makeDocument()
        let el = doc.createElement(name)
        el.append(doc.createTextNode("a<b>&c"))
        body.append(el)
        #expect(el.outerHTML == "<\(name)>a<b>&c</\(name)>")
    }

    @Test(arguments: ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
                      "basefont", "bgsound", "frame", "keygen", "param"])
    func voidElements(_ name: String) {
        let (doc, body) = makeDocument()
        let el = doc.createElement(name, attributes: [.init(name: "a", value: "")])
        el.append(doc.createTextNode("ignored"))
        body.append(el)
        #expect(el.outerHTML == "<\(name) a=\"\">")
    }

    @Test func foreignElementsKeepCaseAndAreNeverVoid() {
        let (doc, body) = makeDocument()
        let svg = doc.createElement("svg", namespace: .svg)
        svg.append(doc.createElement("foreignObject", namespace: .svg))
        svg.append(doc.createElement("br", namespace: .svg))
        body.append(svg)
        #expect(svg.outerHTML == "<svg><foreignObject></foreignObject><br></br></svg>")
        #expect(svg.firstChild?.tagName == "foreignObject")
    }

    @Test func commentsAndProcessingInstructions() {
        let (doc, body) = makeDocument()
        body.append(doc.createComment(" c "))
        #expect(body.innerHTML == "<!-- c -->")
    }
}
