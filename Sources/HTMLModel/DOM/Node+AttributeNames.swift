import CLibXML2

extension Node {
    /// Whether some attribute's name satisfies `match`, which sees the name's UTF-8 bytes
    /// (lower-case for HTML elements). Nothing is allocated: this is the scan htmx runs over
    /// every new element, and most elements carry no attribute it cares about.
    public func containsAttributeName(where match: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard isElement else { return false }
        var a = ptr.pointee.properties
        while let attr = a {
            if let name = attr.pointee.name {
                let bytes = UnsafeBufferPointer(start: UnsafePointer<UInt8>(name), count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)))
                if match(bytes) { return true }
            }
            a = attr.pointee.next
        }
        return false
    }
}
