/// What the selector engine needs from an element. ``SelectorList`` matches and queries any
/// conforming type, so the engine does not depend on one DOM implementation.
///
/// Navigation must only ever see elements (text, comments and the document node are skipped
/// by the conformer), and the tree must not change while a match or query runs.
public protocol SelectorElement {
    /// Local name as stored: lower-case for HTML elements, case-preserved for SVG/MathML (e.g. "foreignObject").
    var localName: String { get }
    var namespace: HTMLNamespace { get }          // enum HTMLNamespace { html, svg, mathml } already in Sources/HTMLModel/Parsing/HTMLToken.swift
    /// Value of the attribute with exactly this (qualified) name; names are stored lower-case on HTML elements.
    func attribute(_ name: String) -> String?
    var parentElement: Self? { get }
    var previousElementSibling: Self? { get }
    var nextElementSibling: Self? { get }
    var firstElementChild: Self? { get }
    var lastElementChild: Self? { get }
    /// True when the element has no element children and no text/CDATA children with data (comments and PIs don't count): CSS :empty.
    var hasNoContentForEmpty: Bool { get }
    /// True when the element's parent is the document (the :root element).
    var isDocumentElement: Bool { get }
    /// Checkedness as the DOM tracks it (input checkbox/radio `checked` state, which can differ from the attribute; option selectedness). The matcher uses this for :checked on input/option.
    var isCheckedState: Bool { get }
    /// Identity.
    func isSameElement(as other: Self) -> Bool

    /// Calls `body` with the UTF-8 bytes of ``localName``.
    ///
    /// The matcher compares names through this so a DOM that stores names as bytes (libxml2's
    /// `xmlChar *`) can avoid building a `String` per element. The default implementation
    /// reads ``localName``.
    func withLocalNameUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R

    /// Calls `body` with the UTF-8 bytes of the attribute named exactly `name`, or with nil
    /// when the element has no such attribute.
    ///
    /// Same purpose as ``withLocalNameUTF8(_:)``; the default implementation reads
    /// ``attribute(_:)``.
    func withAttributeUTF8<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R

    /// The OR of `SelectorSignature.bit` over the names of the element's attributes, as
    /// stored: lets a query skip, without a full match, elements that lack every attribute its
    /// selectors require. It may have extra bits set, never fewer; the default sets them all.
    var attributeNameSignature: UInt64 { get }
}

extension SelectorElement {
    public func withLocalNameUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        return localName.withUTF8Bytes { body($0) }
    }

    public func withAttributeUTF8<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard let value = attribute(name) else { return body(nil) }
        return value.withUTF8Bytes { body($0) }
    }

    public var attributeNameSignature: UInt64 { .max }
}
