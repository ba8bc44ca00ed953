/// `htmx.config` of htmx 2.0.10: the defaults of htmx.js, then the scenario's assignments,
/// then `<meta name="htmx-config">` (htmx.js mergeMetaConfig, at initialisation). Each
/// property is the `htmx.config` key of the same name, with htmx 2.0.10's default.
public struct HTMX2Config: Sendable {
    public var historyEnabled = true
    public var historyCacheSize = 10
    public var defaultSwapStyle = "innerHTML"
    public var defaultSwapDelay: Double = 0
    public var defaultSettleDelay: Double = 20
    public var includeIndicatorStyles = true
    public var indicatorClass = "htmx-indicator"
    public var requestClass = "htmx-request"
    public var addedClass = "htmx-added"
    public var settlingClass = "htmx-settling"
    public var swappingClass = "htmx-swapping"
    public var allowEval = true
    public var allowScriptTags = true
    public var attributesToSettle = ["class", "style", "width", "height"]
    public var timeout: Double = 0
    public var disableSelector = "[hx-disable], [data-hx-disable]"
    public var defaultFocusScroll = false
    public var getCacheBusterParam = false
    public var globalViewTransitions = false
    public var methodsThatUseUrlParams = ["get", "delete"]
    public var selfRequestsOnly = true
    public var ignoreTitle = false
    public var scrollIntoViewOnBoost = true
    public var disableInheritance = false
    public var responseHandling: [ResponseHandlingEntry] = ResponseHandlingEntry.htmxDefaults
    public var allowNestedOobSwaps = true

    public init() {}

    /// The swap defaults the hx-swap grammar starts from.
    var swapDefaults: SwapDefaults {
        SwapDefaults(defaultSwapStyle: defaultSwapStyle, defaultSwapDelay: defaultSwapDelay,
                     defaultSettleDelay: defaultSettleDelay, globalViewTransitions: globalViewTransitions,
                     scrollIntoViewOnBoost: scrollIntoViewOnBoost, defaultFocusScroll: defaultFocusScroll)
    }

    /// Assigns `htmx.config[key] = value`. Returns a note when the key or value is not one the
    /// engine models (the assignment is then ignored).
    @discardableResult
    public mutating func assign(_ key: String, _ value: GrammarJSON.Value) -> String? {
        func number() -> Double? { if case .number(let n) = value { return n }; return nil }
        func string() -> String? { value.stringValue }
        func strings() -> [String]? {
            guard case .array(let items) = value else { return nil }
            return items.map(\.jsString)
        }
        switch key {
        case "historyEnabled": historyEnabled = value.isTruthy
        case "historyCacheSize":
            if let n = number() { historyCacheSize = n.isFinite ? Int(max(-1e9, min(1e9, n))) : (n > 0 ? Int(1e9) : 0) }
        case "defaultSwapStyle": if let s = string() { defaultSwapStyle = s }
        case "defaultSwapDelay": if let n = number() { defaultSwapDelay = n }
        case "defaultSettleDelay": if let n = number() { defaultSettleDelay = n }
        case "includeIndicatorStyles": includeIndicatorStyles = value.isTruthy
        case "indicatorClass": if let s = string() { indicatorClass = s }
        case "requestClass": if let s = string() { requestClass = s }
        case "addedClass": if let s = string() { addedClass = s }
        case "settlingClass": if let s = string() { settlingClass = s }
        case "swappingClass": if let s = string() { swappingClass = s }
        case "allowEval": allowEval = value.isTruthy
        case "allowScriptTags": allowScriptTags = value.isTruthy
        case "attributesToSettle": if let a = strings() { attributesToSettle = a }
        case "timeout": if let n = number() { timeout = n }
        case "disableSelector": if let s = string() { disableSelector = s }
        case "defaultFocusScroll": defaultFocusScroll = value.isTruthy
        case "getCacheBusterParam": getCacheBusterParam = value.isTruthy
        case "globalViewTransitions": globalViewTransitions = value.isTruthy
        case "methodsThatUseUrlParams": if let a = strings() { methodsThatUseUrlParams = a }
        case "selfRequestsOnly": selfRequestsOnly = value.isTruthy
        case "ignoreTitle": ignoreTitle = value.isTruthy
        case "scrollIntoViewOnBoost": scrollIntoViewOnBoost = value.isTruthy
        case "disableInheritance": disableInheritance = value.isTruthy
        case "allowNestedOobSwaps": allowNestedOobSwaps = value.isTruthy
        case "responseHandling":
            guard case .array(let items) = value else { return "responseHandling is not an array" }
            var entries: [ResponseHandlingEntry] = []
            for item in items {
                if let e = ResponseHandlingEntry.fromJSON(item).value { entries.append(e) }
            }
            responseHandling = entries
        case "refreshOnHistoryMiss", "inlineScriptNonce", "inlineStyleNonce", "withCredentials", "wsReconnectDelay",
             "wsBinaryType", "scrollBehavior", "triggerSpecsCache", "historyRestoreAsHxRequest", "reportValidityOfForms",
             "sse":
            return nil
        default:
            return "htmx.config.\(key) is not a setting htmx 2.0.10 reads"
        }
        return nil
    }
}
