@testable import HTMLModel

/// A tree sink with index handles and flat parent / child arrays, for inputs whose trees are
/// too deep for a recursive dump or for recursive release of class-based nodes.
final class CountingTreeSink: HTMLTreeSink {
    private(set) var parents: [Int?] = [nil]
    private(set) var children: [[Int]] = [[]]
    private(set) var elementCount = 0
    private(set) var textLength = 0
    private(set) var errorCount = 0

    var documentHandle: Int { 0 }

    private func newNode() -> Int {
        parents.append(nil)
        children.append([])
        return parents.count - 1
    }

    func createElement(name: String, namespace: HTMLNamespace, attributes: [HTMLAttribute]) -> Int {
        elementCount += 1
        return newNode()
    }

    func createComment(_ text: String) -> Int { newNode() }

    func createProcessingInstruction(target: String, data: String) -> Int { newNode() }

    func appendDoctype(name: String, publicIdentifier: String, systemIdentifier: String) {
        append(newNode(), to: 0)
    }

    func append(_ child: Int, to parent: Int) {
        precondition(parents[child] == nil, "append of an attached node")
        parents[child] = parent
        children[parent].append(child)
    }

    func insert(_ child: Int, before sibling: Int) {
        precondition(parents[child] == nil, "insert of an attached node")
        guard let parent = parents[sibling],
              let index = children[parent].lastIndex(of: sibling) else {
            preconditionFailure("insert before a detached node")
        }
        parents[child] = parent
        children[parent].insert(child, at: index)
    }

    func appendText(_ text: Substring, to parent: Int) {
        textLength += text.utf8.count
    }

    func insertText(_ text: Substring, before sibling: Int) {
        precondition(parents[sibling] != nil, "insertText before a detached node")
        textLength += text.utf8.count
    }

    func parent(of node: Int) -> Int? { parents[node] }

    func detach(_ node: Int) {
        guard let parent = parents[node] else { return }
        if let index = children[parent].lastIndex(of: node) { children[parent].remove(at: index) }
        parents[node] = nil
    }

    func reparentChildren(of from: Int, to: Int) {
        let moved = children[from]
        children[from] = []
        for child in moved { parents[child] = to }
        children[to].append(contentsOf: moved)
    }

    func addAttributesIfMissing(_ element: Int, _ attributes: [HTMLAttribute]) {}

    func templateContents(of template: Int) -> Int { template }

    func setQuirksMode(_ mode: HTMLQuirksMode) {}

    func parseError(_ diagnostic: HTMLParseDiagnostic) { errorCount += 1 }

    /// Depth of a node (0 for the document), walking parent links.
    func depth(of node: Int) -> Int {
        var depth = 0
        var current = parents[node]
        while let parent = current {
            depth += 1
            current = parents[parent]
        }
        return depth
    }
}
