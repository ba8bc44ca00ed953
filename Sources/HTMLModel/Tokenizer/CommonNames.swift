/// Interned Strings for common tag and attribute names. Making a String from bytes
/// validates and copies them; a page repeats the same few dozen names thousands of times,
/// so the tokenizer looks names up here first and hands
/// out the shared String.
///
/// Names of up to 16 bytes are keyed by their bytes packed into two words, so a probe is a
/// multiply and two integer compares.
///
/// `@unchecked Sendable`: immutable after its one-time construction.
final class CommonNames: @unchecked Sendable {
    static let shared = CommonNames()

    private struct Key: Equatable {
        var low: UInt64
        var high: UInt64
        var count: Int
    }

    private static let slotBits = 10  // 1024 slots, well above the name count
    private static let slotMask = (1 << slotBits) - 1
    private let keys: UnsafeMutablePointer<Key>
    /// Per slot: index into `names` + 1, or 0 when empty.
    private let entries: UnsafeMutablePointer<Int32>
    private let names: [String]

    private init() {
        var names: [String] = []
        var keys = [Key](repeating: Key(low: 0, high: 0, count: 0), count: Self.slotMask + 1)
        var entries = [Int32](repeating: 0, count: Self.slotMask + 1)
        for name in Self.list.split(separator: " ") where !name.isEmpty {
            let bytes = Array(name.utf8)
            guard let key = bytes.withUnsafeBufferPointer({ Self.key($0) }) else { continue }
            var slot = Self.slot(key)
            var duplicate = false
            while entries[slot] != 0 {
                if keys[slot] == key { duplicate = true; break }
                slot = (slot + 1) & Self.slotMask
            }
            if duplicate { continue }
            names.append(String(name))
            keys[slot] = key
            entries[slot] = Int32(names.count)
        }
        self.names = names
        self.keys = .allocate(capacity: keys.count)
        self.keys.initialize(from: keys, count: keys.count)
        self.entries = .allocate(capacity: entries.count)
        self.entries.initialize(from: entries, count: entries.count)
    }

    deinit {
        keys.deallocate()
        entries.deallocate()
    }

    /// The bytes packed little-endian into two words; nil when longer than 16 bytes.
    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        let count = bytes.count
        guard count > 0 && count <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        var i = 0
        while i < count && i < 8 {
            low |= UInt64(bytes[i]) << (UInt64(i) &* 8)
            i += 1
        }
        while i < count {
            high |= UInt64(bytes[i]) << (UInt64(i &- 8) &* 8)
            i += 1
        }
        return Key(low: low, high: high, count: count)
    }

    @inline(__always)
    private static func slot(_ key: Key) -> Int {
        let mixed = (key.low ^ (key.high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(key.count)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - slotBits))
    }

    /// The interned String for `bytes`, if it is a common name.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let key = Self.key(bytes) else { return nil }
        var slot = Self.slot(key)
        while true {
            let entry = Int(entries[slot])
            if entry == 0 { return nil }
            if keys[slot] == key { return names[entry - 1] }
            slot = (slot + 1) & Self.slotMask
        }
    }

    /// HTML element names, then attribute names (HTML, ARIA/data staples, htmx 2 and 4).
    private static let list = """
        a abbr address area article aside audio b base bdi bdo blockquote body br button canvas \
        caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed \
        fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i \
        iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript \
        object ol optgroup option output p param picture pre progress q rp rt ruby s samp script \
        search section select slot small source span strong style sub summary sup table tbody td \
        template textarea tfoot th thead time title tr track u ul var video wbr svg math path g \
        circle rect line polyline polygon use defs symbol image text tspan foreignobject \
        lineargradient radialgradient stop clippath mask filter mi mo mn ms mtext annotation-xml \
        center font frame frameset noframes marquee nobr tt big strike xmp plaintext listing \
        noembed applet basefont bgsound acronym keygen menuitem image \
        id class style title lang dir href src alt type name value rel target width height \
        action method enctype for placeholder disabled checked selected readonly required \
        multiple hidden tabindex role content charset http-equiv async defer crossorigin \
        integrity loading srcset sizes media colspan rowspan scope headers label autocomplete \
        autofocus min max step pattern maxlength minlength size cols rows wrap download \
        referrerpolicy sandbox allow allowfullscreen frameborder datetime cite open novalidate \
        form formaction accept accesskey contenteditable draggable spellcheck translate \
        inputmode enterkeyhint is itemprop itemscope itemtype nonce part slot xmlns viewbox \
        fill stroke d x y cx cy r rx ry x1 y1 x2 y2 points transform stroke-width \
        aria-label aria-hidden aria-expanded aria-controls aria-describedby aria-labelledby \
        aria-live aria-current aria-selected aria-disabled aria-haspopup aria-busy \
        onclick onload onchange onsubmit oninput \
        data-id data-value data-name data-type data-seq data-author data-c data-index \
        hx-get hx-post hx-put hx-patch hx-delete hx-target hx-swap hx-swap-oob hx-trigger \
        hx-select hx-select-oob hx-vals hx-headers hx-include hx-indicator hx-boost hx-push-url \
        hx-replace-url hx-confirm hx-ext hx-on hx-params hx-sync hx-disable hx-disabled-elt \
        hx-encoding hx-preserve hx-prompt hx-request hx-validate hx-history hx-history-elt \
        hx-disinherit hx-inherit hx-status hx-action hx-method hx-config hx-ignore \
        sse-connect sse-swap sse-close hx-sse hx-sse:connect hx-sse:close hx-partial
        """
}
