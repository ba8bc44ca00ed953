/// `htmx.config` of htmx 4.0.0-beta5 (`__initHtmxConfig`), kept as the JavaScript object it
/// is so that `<meta name="htmx-config">` (HCON-merged) and the scenario's `config`
/// (assigned key by key) land exactly as in the browser; typed views read it.
public struct HTMX4Config: Sendable {
    /// The object itself; the settings read on every attribute lookup are kept decoded.
    public var object: HCON.Object {
        didSet { decode() }
    }
    private(set) var prefix: String?
    private(set) var metaCharacter: String?
    private(set) var defaultSwap = "innerHTML"
    private(set) var implicitInheritance = false
    private(set) var requestClass = "htmx-request"
    /// Changes whenever the object does (derived caches key on it).
    private(set) var generation = 0

    public init() {
        var o = HCON.Object()
        o["logAll"] = .bool(false)
        o["prefix"] = .string("data-hx-")
        o["transitions"] = .bool(false)
        o["history"] = .bool(true)
        o["mode"] = .string("same-origin")
        o["defaultSwap"] = .string("innerHTML")
        o["defaultFocusScroll"] = .bool(false)
        o["indicatorClass"] = .string("htmx-indicator")
        o["requestClass"] = .string("htmx-request")
        o["includeIndicatorCSS"] = .bool(true)
        o["defaultTimeout"] = .number(60000)
        o["extensions"] = .string("")
        o["morphIgnore"] = .array([.string("data-htmx-powered")])
        o["morphSkip"] = .string("[hx-morph-skip]")
        o["morphSkipChildren"] = .string("[hx-morph-skip-children]")
        o["morphScanLimit"] = .number(10)
        o["noSwap"] = .array([.number(204), .number(304)])
        o["implicitInheritance"] = .bool(false)
        o["defaultSettleDelay"] = .number(1)
        object = o
        decode()
    }

    private mutating func decode() {
        prefix = string("prefix")
        metaCharacter = string("metaCharacter")
        defaultSwap = object["defaultSwap"]?.jsString ?? "undefined"
        implicitInheritance = truthy("implicitInheritance")
        requestClass = object["requestClass"]?.jsString ?? "undefined"
        generation &+= 1
    }

    /// What the scenario's `config` does (FORMAT.md): `htmx.config[key] = value`, or
    /// `Object.assign` when both are objects.
    public mutating func assign(_ key: String, _ value: GrammarJSON.Value) {
        if case .object(let v) = value, case .object(var existing)? = object[key] {
            for (k, x) in v.members { existing[k] = x }
            object[key] = .object(existing)
        } else {
            object[key] = value
        }
    }

    public subscript(key: String) -> GrammarJSON.Value? { object[key] }

    /// A config value as JavaScript's truthiness sees it.
    func truthy(_ key: String) -> Bool { object[key]?.isTruthy ?? false }

    /// A string-valued setting; nil when unset or falsy (htmx tests `if (this.config.prefix)`).
    func string(_ key: String) -> String? {
        guard let v = object[key], v.isTruthy else { return nil }
        return v.jsString
    }

    var transitions: Bool { truthy("transitions") }
    var history: Bool { truthy("history") }
    var morphScanLimit: Double {
        if case .number(let n)? = object["morphScanLimit"] { return n }
        return .nan
    }
    var morphIgnore: [String] {
        if case .array(let a)? = object["morphIgnore"] { return a.map(\.jsString) }
        return []
    }
}
