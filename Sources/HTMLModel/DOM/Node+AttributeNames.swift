extension Node {
    /// Whether some attribute's name satisfies `match`, which sees the name's UTF-8 bytes
    /// (lower-case for HTML elements). Nothing is allocated: this is the scan htmx runs over
    /// every new element, and most elements carry no attribute it cares about.
    public func containsAttributeName(where match: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        RawTree.containsAttributeName(ptr, where: match)
    }
}
