/// What the tree builder needs from a DOM. ``HTMLTreeBuilder`` is generic over it so the
/// tree-construction algorithm can be tested against a plain Swift tree and run against the
/// libxml2-backed ``Document`` in production.
///
/// All nodes are created detached; the builder links them with the primitives below.
/// Text is appended through `appendText` / `insertText` so the sink merges it into an
/// adjacent text node, as the spec's "insert a character" step requires.
public protocol HTMLTreeSink {
    associatedtype Handle: Equatable

    /// The node the parse builds into: the Document for a document parse, the root
    /// `html` element for a fragment parse (the spec's step 5 of the fragment algorithm).
    var documentHandle: Handle { get }

    func createElement(name: String, namespace: HTMLNamespace, attributes: [HTMLAttribute]) -> Handle
    func createComment(_ text: String) -> Handle
    func createProcessingInstruction(target: String, data: String) -> Handle

    /// Appends a doctype node to the document.
    func appendDoctype(name: String, publicIdentifier: String, systemIdentifier: String)

    /// Links `child` (detached) as the last child of `parent`.
    func append(_ child: Handle, to parent: Handle)
    /// Links `child` (detached) immediately before `sibling`, which has a parent.
    func insert(_ child: Handle, before sibling: Handle)
    /// Appends text to `parent`, merging it into `parent`'s last child when that is a text node.
    func appendText(_ text: Substring, to parent: Handle)
    /// Inserts text before `sibling`, merging it into `sibling`'s previous sibling when that is
    /// a text node.
    func insertText(_ text: Substring, before sibling: Handle)

    /// The parent node, or nil when detached.
    func parent(of node: Handle) -> Handle?
    /// Detaches a node from its parent (no-op when detached).
    func detach(_ node: Handle)
    /// Moves every child of `from` to the end of `to`, in order (adoption agency step 4.13.17).
    func reparentChildren(of from: Handle, to: Handle)
    /// For `<html>` / `<body>` start tags seen in body: add each attribute the element lacks.
    func addAttributesIfMissing(_ element: Handle, _ attributes: [HTMLAttribute])
    /// The node under which a `template` element's contents go.
    func templateContents(of template: Handle) -> Handle
    /// Called once when the document's mode is decided (no-quirks, limited-quirks, quirks).
    func setQuirksMode(_ mode: HTMLQuirksMode)
    /// A recoverable parse error.
    func parseError(_ diagnostic: HTMLParseDiagnostic)
}

public enum HTMLQuirksMode: Equatable, Sendable {
    case noQuirks
    case limitedQuirks
    case quirks
}
