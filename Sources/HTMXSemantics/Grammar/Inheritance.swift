/// An `hx-disinherit` / `hx-inherit` value (htmx.js getAttributeValueWithDisinheritance).
/// Only the exact value `*` means every attribute; otherwise the value is split at single
/// spaces (tabs and newlines do not separate) and names are compared exactly against the
/// `hx-` name (`data-hx-target` in the list does not match).
public enum InheritanceList: Equatable, Sendable {
    case all
    case names([String])

    /// Reads a non-empty attribute value.
    public static func parse(_ value: String) -> InheritanceList {
        value == "*" ? .all : .names(JSText.split(value, on: UInt8(ascii: " ")))
    }

    /// Whether `attributeName` (e.g. `hx-target`) is listed.
    public func contains(_ attributeName: String) -> Bool {
        switch self {
        case .all: return true
        case .names(let names): return names.contains(attributeName)
        }
    }
}

/// The attribute values of one element on the path from the requesting element to the
/// root, each already read as htmx's getAttributeValue does (`hx-x`, else `data-hx-x`, an
/// empty value counting as absent → nil).
public struct InheritanceStep: Equatable, Sendable {
    public var value: String?
    public var disinherit: String?
    public var inherit: String?

    public init(value: String?, disinherit: String? = nil, inherit: String? = nil) {
        self.value = value
        self.disinherit = disinherit
        self.inherit = inherit
    }
}

/// htmx 2 attribute inheritance over a precomputed ancestor chain.
public enum Inheritance {
    /// htmx.js getClosestAttributeValue over `chain` (the element first, then its
    /// ancestors): the first non-empty value seen, where an ancestor's value is hidden when
    /// its own hx-disinherit lists the attribute (which stops the walk as `unset` does), or —
    /// with `disableInheritance` — unless its hx-inherit lists it. `unset` yields nil.
    public static func closestValue(
        of attributeName: String, chain: [InheritanceStep], disableInheritance: Bool = false
    ) -> String? {
        for (i, step) in chain.enumerated() {
            var seen = step.value
            if i > 0 {
                if disableInheritance {
                    let passes = step.inherit.map { InheritanceList.parse($0).contains(attributeName) } ?? false
                    seen = passes ? step.value : nil
                } else if let d = step.disinherit, InheritanceList.parse(d).contains(attributeName) {
                    seen = "unset"
                }
            }
            if let seen, !seen.isEmpty {
                return seen == "unset" ? nil : seen
            }
        }
        return nil
    }
}
