import CLibXML2

/// Element-name sets the serializer consults for every node, compared on the C string so
/// the hot path allocates nothing.
enum HTMLElementSets {
    /// Void elements (<https://html.spec.whatwg.org/multipage/syntax.html#void-elements>) plus
    /// the legacy names the serializer also treats as void (basefont, bgsound, frame, keygen,
    /// param).
    static func isVoid(_ name: UnsafePointer<xmlChar>) -> Bool {
        switch name[0] {
        case UInt8(ascii: "a"): return eq(name, "area")
        case UInt8(ascii: "b"): return eq(name, "br") || eq(name, "base") || eq(name, "basefont") || eq(name, "bgsound")
        case UInt8(ascii: "c"): return eq(name, "col")
        case UInt8(ascii: "e"): return eq(name, "embed")
        case UInt8(ascii: "f"): return eq(name, "frame")
        case UInt8(ascii: "h"): return eq(name, "hr")
        case UInt8(ascii: "i"): return eq(name, "img") || eq(name, "input")
        case UInt8(ascii: "k"): return eq(name, "keygen")
        case UInt8(ascii: "l"): return eq(name, "link")
        case UInt8(ascii: "m"): return eq(name, "meta")
        case UInt8(ascii: "p"): return eq(name, "param")
        case UInt8(ascii: "s"): return eq(name, "source")
        case UInt8(ascii: "t"): return eq(name, "track")
        case UInt8(ascii: "w"): return eq(name, "wbr")
        default: return false
        }
    }

    /// Parents whose text children are written unescaped (serialization algorithm, the Text
    /// node step): style, script, xmp, iframe, noembed, noframes, plaintext, and noscript
    /// when scripting is enabled.
    static func isRawTextSerializationParent(_ name: UnsafePointer<xmlChar>, scripting: Bool) -> Bool {
        switch name[0] {
        case UInt8(ascii: "s"): return eq(name, "style") || eq(name, "script")
        case UInt8(ascii: "x"): return eq(name, "xmp")
        case UInt8(ascii: "i"): return eq(name, "iframe")
        case UInt8(ascii: "n"): return eq(name, "noembed") || eq(name, "noframes") || (scripting && eq(name, "noscript"))
        case UInt8(ascii: "p"): return eq(name, "plaintext")
        default: return false
        }
    }

    @inline(__always)
    private static func eq(_ a: UnsafePointer<xmlChar>, _ b: StaticString) -> Bool {
        RawTree.cStringEquals(a, b)
    }
}
