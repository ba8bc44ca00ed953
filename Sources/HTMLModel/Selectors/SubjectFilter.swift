/// A cheap necessary condition for matching a selector list, checked before the full match
/// (browsers key their rule sets the same way, by the subject's id, class, tag or attribute).
///
/// Each complex selector's subject compound (its rightmost) names something the element must
/// have: an attribute (any attribute selector needs the attribute to exist), an id, a type,
/// or a class. The filter keeps one such key per complex selector as a bit of a 64-bit
/// signature. An element whose own signature shares no bit with the filter's cannot match
/// any selector of the list; one that shares a bit goes to the full match, so a collision
/// only costs time. htmx asks for a list of about thirty attribute selectors under every
/// swapped-in element, and most elements carry none of them.
///
/// Thirty keys fill most of the bits that rarer names hash to, so an element with an
/// uncommon attribute (`data-row`) often passes; the per-selector ``SubjectKey``s then send
/// it to the full match of only the selectors whose own key it shares.
struct SubjectFilter {
    /// Some complex selector's subject has no key (`*`, `:not(...)`, `:scope`): no filtering.
    var everything = false
    /// Signature bits of the local names that subjects require.
    var tags: UInt64 = 0
    /// Signature bits of the attribute names that subjects require.
    var attributes: UInt64 = 0

    /// The filter of the complex selectors `list` of a program being built, and each one's
    /// key in list order (none when the filter lets everything through).
    init(list: ProgramRange, _ b: SelectorProgramBuilder, keys: inout [SubjectKey]) {
        defer { if everything { keys.removeAll() } }
        for c in list.indices {
            let compounds = b.complexes[c].compounds
            guard !compounds.isEmpty else { everything = true; return }
            // Each key's bits: both spellings of the name (HTML elements and foreign ones).
            var attribute: UInt64 = 0, id = false, type: UInt64 = 0, className = false
            for simple in b.simples[b.compounds[Int(compounds.start)].indices] {
                switch simple {
                case .attribute(let i) where attribute == 0:
                    let record = b.attributes[Int(i)]
                    attribute = SelectorSignature.bit(b.names[Int(record.htmlName)])
                        | SelectorSignature.bit(b.names[Int(record.foreignName)])
                case .id: id = true
                case .type(let html, let foreign) where type == 0:
                    type = b.bytes[html.indices].withUnsafeBufferPointer(SelectorSignature.bit)
                        | b.bytes[foreign.indices].withUnsafeBufferPointer(SelectorSignature.bit)
                case .className: className = true
                default: break
                }
            }
            // The rarest key first: class and type are on most elements.
            var key = SubjectKey()
            if attribute != 0 {
                key.attributes = attribute
            } else if id {
                key.attributes = SelectorSignature.bit("id")
            } else if type != 0 {
                key.tags = type
            } else if className {
                key.attributes = SelectorSignature.bit("class")
            } else {
                everything = true
                return
            }
            tags |= key.tags
            attributes |= key.attributes
            keys.append(key)
        }
    }
}

/// One complex selector's key: the signature bits its subject requires.
struct SubjectKey {
    var tags: UInt64 = 0
    var attributes: UInt64 = 0
}

/// One bit of 64 per name. The attribute and tag names most pages carry everywhere have a
/// bit each, so an element holding only those never collides with a rarer key (htmx's
/// `[hx-get]` and the like); every other name hashes its first and last bytes and its length
/// into the remaining bits.
enum SelectorSignature {
    /// Bits 0..<reservedCount belong to the names of `reservedIndex`.
    private static let reservedCount: UInt64 = 33

    @inline(__always)
    static func bit(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let first = name.first, let last = name.last else { return 1 << 63 }
        if name.count <= 8 {
            // Names never hold NUL, so the bytes packed into a word (zero-padded) are the name.
            var word: UInt64 = 0
            for (i, byte) in name.enumerated() { word |= UInt64(byte) << UInt64(8 * i) }
            if let index = reservedIndex(word) { return 1 << UInt64(index) }
        }
        let key = UInt64(first) | UInt64(last) << 8 | UInt64(name.count) << 16
        return 1 << (reservedCount + ((key &* 0x9E37_79B9_7F4A_7C15) >> 32) % (64 - reservedCount))
    }

    static func bit(_ name: String) -> UInt64 {
        return name.withUTF8Bytes { bit($0) }
    }

    /// The reserved names, each as its bytes packed little-endian (the name in the comment).
    @inline(__always)
    private static func reservedIndex(_ word: UInt64) -> Int? {
        switch word {
        case 0x6469: return 0  // id
        case 0x7373616C63: return 1  // class
        case 0x656C797473: return 2  // style
        case 0x66657268: return 3  // href
        case 0x637273: return 4  // src
        case 0x65707974: return 5  // type
        case 0x656D616E: return 6  // name
        case 0x65756C6176: return 7  // value
        case 0x656C746974: return 8  // title
        case 0x746C61: return 9  // alt
        case 0x6C6572: return 10  // rel
        case 0x676E616C: return 11  // lang
        case 0x656C6F72: return 12  // role
        case 0x726F66: return 13  // for
        case 0x726964: return 14  // dir
        case 0x6874646977: return 15  // width
        case 0x746867696568: return 16  // height
        case 0x746567726174: return 17  // target
        case 0x6E6F69746361: return 18  // action
        case 0x646F6874656D: return 19  // method
        case 0x7865646E69626174: return 20  // tabindex
        case 0x64656C6261736964: return 21  // disabled
        case 0x766964: return 22  // div
        case 0x6E617073: return 23  // span
        case 0x70: return 24  // p
        case 0x61: return 25  // a
        case 0x696C: return 26  // li
        case 0x6474: return 27  // td
        case 0x7274: return 28  // tr
        case 0x62: return 29  // b
        case 0x69: return 30  // i
        case 0x676D69: return 31  // img
        case 0x7475706E69: return 32  // input
        default: return nil
        }
    }
}
