/// Element names the tree-construction rules test for, interned once per tag token so the
/// insertion modes compare small integers instead of strings.
///
/// The id comes from the tag name as the tokenizer emits it (ASCII lower case), whatever the
/// element's namespace: rules that care about the namespace check it separately
/// (e.g. SVG `title` versus HTML `title`). Names no rule mentions map to ``unknown``.
enum ElementTag: UInt8, CaseIterable, Sendable {
    case unknown = 0
    // Document structure and metadata.
    case html, head, body, frameset, frame, noframes, base, basefont, bgsound, link, meta
    case title, style, script, noscript, template
    // Blocks closing a `p` (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody).
    case address, article, aside, blockquote, center, details, dialog, dir, div, dl
    case fieldset, figcaption, figure, footer, header, hgroup, main, menu, nav, ol, p
    case search, section, summary, ul
    case h1, h2, h3, h4, h5, h6
    case pre, listing, form, li, dd, dt, plaintext, button
    // Formatting elements.
    case a, b, big, code, em, font, i, s, small, strike, strong, tt, u, nobr
    case applet, marquee, object, table, br, area, embed, img, keygen, wbr, input
    case param, source, track, hr, image, textarea, xmp, iframe, noembed
    case select, optgroup, option, rb, rp, rt, rtc, ruby, math, svg
    case caption, col, colgroup, tbody, td, tfoot, th, thead, tr
    // Breakout tags of foreign content not listed above.
    case span, sub, sup, `var`
    // MathML and SVG names with parser meaning.
    case mi, mo, mn, ms, mtext, annotationXML, mglyph, malignmark
    case foreignobject, desc

    /// The tag name this id stands for.
    var name: String {
        ElementTagTable.shared.nameStrings[Int(rawValue)]
    }

    /// The name spelled from the case name, once per tag when the table is built (reflection
    /// is far too slow for the tokens the parser makes up, like an implied `tbody`).
    fileprivate var spelledName: String {
        switch self {
        case .annotationXML: return "annotation-xml"
        case .unknown: return ""
        default: return String(describing: self)
        }
    }

    /// How many ids there are (`allCases` builds an array per call).
    static let count = allCases.count

    /// The id of a lower-cased tag name.
    static func lookup(_ name: String) -> ElementTag {
        guard name.utf8.count <= ElementTagTable.maximumNameLength else { return .unknown }
        return name.withUTF8Bytes { ElementTagTable.shared.lookup($0) }
    }
}

/// Tag names to ids by open addressing on an FNV-1a hash of the UTF-8 bytes: one short hash
/// and one byte comparison per tag token, instead of a `Dictionary<String, _>` (SipHash).
private struct ElementTagTable: Sendable {
    static let maximumNameLength = 16
    static let shared = ElementTagTable()

    private static let slotCount = 512
    private var slots = [UInt8](repeating: 0, count: slotCount)
    /// Each tag's name bytes, indexed by raw value.
    private var names: [[UInt8]] = []
    /// Each tag's name, indexed by raw value.
    private(set) var nameStrings: [String] = []

    private init() {
        nameStrings = ElementTag.allCases.map(\.spelledName)
        names = nameStrings.map { Array($0.utf8) }
        for tag in ElementTag.allCases where tag != .unknown {
            var slot = Self.hash(names[Int(tag.rawValue)]) & (Self.slotCount - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (Self.slotCount - 1) }
            slots[slot] = tag.rawValue
        }
    }

    @inline(__always)
    private static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes {
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        return Int(hash)
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> ElementTag {
        var slot = Self.hash(bytes) & (Self.slotCount - 1)
        while true {
            let raw = slots[slot]
            if raw == 0 { return .unknown }
            // Names are at most 16 bytes: a plain loop (the generic elementsEqual cost more
            // than the rest of the lookup).
            let same = names[Int(raw)].withUnsafeBufferPointer { known in
                guard known.count == bytes.count else { return false }
                for i in 0..<known.count where known[i] != bytes[i] { return false }
                return true
            }
            if same { return ElementTag(rawValue: raw) ?? .unknown }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
    }
}

/// A set of ``ElementTag``s as a 256-bit mask: membership is two shifts and an AND.
struct ElementTagSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ tags: ElementTag...) {
        for tag in tags { insert(tag) }
    }

    private mutating func insert(_ tag: ElementTag) {
        let bit = UInt64(1) << UInt64(tag.rawValue & 63)
        switch tag.rawValue >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inline(__always)
    func contains(_ tag: ElementTag) -> Bool {
        let bit = UInt64(1) << UInt64(tag.rawValue & 63)
        switch tag.rawValue >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    func union(_ other: ElementTagSet) -> ElementTagSet {
        var result = self
        result.words.0 |= other.words.0
        result.words.1 |= other.words.1
        result.words.2 |= other.words.2
        result.words.3 |= other.words.3
        return result
    }
}
