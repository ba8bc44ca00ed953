import HTMLModel

/// A minimal DOM for selector tests: nodes of any kind, elements exposed through
/// ``TestElement`` (which conforms to ``SelectorElement``).
final class TestNode {
    enum Kind { case document, element, text, comment }

    let kind: Kind
    let localName: String
    let namespace: HTMLNamespace
    var attributes: [(name: String, value: String)]
    let data: String
    weak var parent: TestNode?
    var children: [TestNode] = []
    var checked = false

    init(kind: Kind, localName: String = "", namespace: HTMLNamespace = .html,
         attributes: [(name: String, value: String)] = [], data: String = "") {
        self.kind = kind
        self.localName = localName
        self.namespace = namespace
        self.attributes = attributes
        self.data = data
    }

    /// Position among the parent's children (tests never remove nodes).
    private(set) var indexInParent: Int?

    func append(_ child: TestNode) {
        child.parent = self
        child.indexInParent = children.count
        children.append(child)
    }
}

struct TestElement: SelectorElement, CustomStringConvertible {
    let node: TestNode

    var localName: String { node.localName }
    var namespace: HTMLNamespace { node.namespace }
    func attribute(_ name: String) -> String? { node.attributes.first { $0.name == name }?.value }

    var parentElement: TestElement? {
        guard let p = node.parent, p.kind == .element else { return nil }
        return TestElement(node: p)
    }

    private func elementSibling(step: Int) -> TestElement? {
        guard let parent = node.parent, var i = node.indexInParent else { return nil }
        i += step
        while i >= 0 && i < parent.children.count {
            if parent.children[i].kind == .element { return TestElement(node: parent.children[i]) }
            i += step
        }
        return nil
    }

    var previousElementSibling: TestElement? { elementSibling(step: -1) }
    var nextElementSibling: TestElement? { elementSibling(step: 1) }
    var firstElementChild: TestElement? { node.children.first { $0.kind == .element }.map(TestElement.init) }
    var lastElementChild: TestElement? { node.children.last { $0.kind == .element }.map(TestElement.init) }

    var hasNoContentForEmpty: Bool {
        !node.children.contains { $0.kind == .element || ($0.kind == .text && !$0.data.isEmpty) }
    }

    var isDocumentElement: Bool { node.parent?.kind == .document }
    var isCheckedState: Bool { node.checked }
    func isSameElement(as other: TestElement) -> Bool { node === other.node }

    var id: String? { attribute("id") }
    var description: String { id.map { "#\($0)" } ?? "<\(localName)>" }
}

/// Nested-literal description of a tree: `.e("div", ["id": "a"], [.t("text")])`.
indirect enum TestTreeSpec {
    case element(String, [(String, String)], [TestTreeSpec])
    case text(String)
    case comment(String)

    static func e(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [TestTreeSpec] = []) -> TestTreeSpec {
        .element(name, attributes.map { ($0.key, $0.value) }, children)
    }

    static func t(_ data: String) -> TestTreeSpec { .text(data) }
}

/// A test document built from a spec or from compact markup.
struct TestDocument {
    let document: TestNode

    init(wrapping document: TestNode) {
        self.document = document
    }

    init(_ spec: TestTreeSpec) {
        document = TestNode(kind: .document)
        Self.build(spec, into: document, inherited: .html)
    }

    /// Parses the small markup dialect of ``TestMarkup``.
    init(markup: String) {
        self.init(TestMarkup.parse(markup))
    }

    private static func build(_ root: TestTreeSpec, into rootParent: TestNode, inherited rootNamespace: HTMLNamespace) {
        // Explicit stack: test trees may be deep.
        var stack: [(TestTreeSpec, TestNode, HTMLNamespace)] = [(root, rootParent, rootNamespace)]
        while let (spec, parent, inherited) = stack.popLast() {
            switch spec {
            case .text(let data):
                parent.append(TestNode(kind: .text, data: data))
            case .comment(let data):
                parent.append(TestNode(kind: .comment, data: data))
            case .element(let name, let attributes, let children):
                var namespace = inherited
                if name == "svg" { namespace = .svg } else if name == "math" { namespace = .mathml }
                let node = TestNode(kind: .element,
                                    localName: namespace == .html ? name.lowercased() : name,
                                    namespace: namespace,
                                    attributes: attributes.map { (namespace == .html ? $0.0.lowercased() : $0.0, $0.1) })
                if namespace == .html && (name == "input" || name == "option") {
                    node.checked = attributes.contains { $0.0 == (name == "input" ? "checked" : "selected") }
                }
                parent.append(node)
                let childNamespace: HTMLNamespace = (namespace == .svg && name == "foreignObject") ? .html : namespace
                for child in children.reversed() { stack.append((child, node, childNamespace)) }
            }
        }
    }

    var documentElement: TestElement {
        TestElement(node: document.children.first { $0.kind == .element }!)
    }

    /// Every element in tree order.
    var allElements: [TestElement] {
        var result: [TestElement] = []
        var stack: [TestNode] = document.children.reversed()
        while let n = stack.popLast() {
            if n.kind == .element { result.append(TestElement(node: n)) }
            stack.append(contentsOf: n.children.reversed())
        }
        return result
    }

    subscript(id: String) -> TestElement {
        guard let e = allElements.first(where: { $0.id == id }) else { fatalError("no element #\(id) in test document") }
        return e
    }

    /// Breaks the parent/child references bottom-up so deep trees do not release recursively.
    func tearDown() {
        var stack = [document]
        var order: [TestNode] = []
        while let n = stack.popLast() {
            order.append(n)
            stack.append(contentsOf: n.children)
        }
        for n in order.reversed() { n.children.removeAll() }
    }
}

/// A tiny HTML-like markup reader for test fixtures: `<name attr=value attr="v" flag>`,
/// `</name>`, `<x/>`, `<!--comment-->`, and text. Void HTML elements close themselves.
/// Not an HTML parser: no implied tags, no entities.
enum TestMarkup {
    static let voidElements: Set<String> = ["input", "br", "hr", "img", "meta", "link", "area", "col", "embed", "source", "wbr"]

    static func parse(_ markup: String) -> TestTreeSpec {
        final class Open {
            let name: String
            let attributes: [(String, String)]
            var children: [TestTreeSpec] = []
            init(_ name: String, _ attributes: [(String, String)]) {
                self.name = name
                self.attributes = attributes
            }
        }
        let chars = Array(markup)
        var i = 0
        let root = Open("#root", [])
        var stack = [root]

        func closeTop() {
            let top = stack.removeLast()
            stack[stack.count - 1].children.append(.element(top.name, top.attributes, top.children))
        }

        while i < chars.count {
            if chars[i] == "<" {
                if chars[i...].starts(with: Array("<!--")) {
                    var j = i + 4
                    while j < chars.count && !chars[j...].starts(with: Array("-->")) { j += 1 }
                    stack[stack.count - 1].children.append(.comment(String(chars[(i + 4)..<min(j, chars.count)])))
                    i = j + 3
                    continue
                }
                if i + 1 < chars.count && chars[i + 1] == "/" {
                    var j = i + 2
                    while chars[j] != ">" { j += 1 }
                    let name = String(chars[(i + 2)..<j]).trimmingWhitespace()
                    precondition(stack.last?.name == name, "mismatched </\(name)>")
                    closeTop()
                    i = j + 1
                    continue
                }
                var j = i + 1
                var name = ""
                while !" \n\t/>".contains(chars[j]) { name.append(chars[j]); j += 1 }
                var attributes: [(String, String)] = []
                var selfClosing = false
                while true {
                    while " \n\t".contains(chars[j]) { j += 1 }
                    if chars[j] == ">" { j += 1; break }
                    if chars[j] == "/" { selfClosing = true; j += 1; continue }
                    var attrName = ""
                    while !" \n\t=/>".contains(chars[j]) { attrName.append(chars[j]); j += 1 }
                    var value = ""
                    if chars[j] == "=" {
                        j += 1
                        if chars[j] == "\"" || chars[j] == "'" {
                            let q = chars[j]
                            j += 1
                            while chars[j] != q { value.append(chars[j]); j += 1 }
                            j += 1
                        } else {
                            while !" \n\t>".contains(chars[j]) && !(chars[j] == "/" && chars[j + 1] == ">") {
                                value.append(chars[j])
                                j += 1
                            }
                        }
                    }
                    attributes.append((attrName, value))
                }
                stack.append(Open(name, attributes))
                if selfClosing || voidElements.contains(name) { closeTop() }
                i = j
            } else {
                var text = ""
                while i < chars.count && chars[i] != "<" { text.append(chars[i]); i += 1 }
                stack[stack.count - 1].children.append(.text(text))
            }
        }
        precondition(stack.count == 1, "unclosed <\(stack.last!.name)>")
        // Whitespace-only text between top-level tags is layout, not content.
        let top = root.children.filter {
            if case .text(let t) = $0 { return !t.trimmingWhitespace().isEmpty }
            return true
        }
        precondition(top.count == 1, "markup must have one root element")
        return top[0]
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Ids (or `<name>` for id-less elements) of `elements`, for compact expectations.
func ids(_ elements: [TestElement]) -> [String] {
    elements.map { $0.id ?? "<\($0.localName)>" }
}
