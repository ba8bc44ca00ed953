import HTMLModel

/// `__parseSwapSpec`: a style (first word unless it holds a colon; aliases `before`,
/// `after`, `prepend`, `append` normalised) and HCON modifiers.
public struct HTMX4SwapSpec {
    public var style: String
    public var modifiers: HCON.Object

    public init(_ text: String, defaultSwap: String) {
        var rest = HCON.trim(text)
        var style = defaultSwap
        let firstWord = rest.prefix(while: { !$0.isWhitespace })
        if !rest.isEmpty && !firstWord.contains(":") {
            style = String(firstWord)
            rest = HCON.trim(String(rest.dropFirst(firstWord.count)))
        }
        switch style {
        case "before": style = "beforebegin"
        case "after": style = "afterend"
        case "prepend": style = "afterbegin"
        case "append": style = "beforeend"
        default: break
        }
        self.style = style
        modifiers = HCON.parse(rest) ?? HCON.Object()
    }

    public subscript(_ key: String) -> GrammarJSON.Value? {
        get { modifiers[key] }
        set { modifiers[key] = newValue }
    }
}

/// One swap of a response: the main target, an OOB element or an `<hx-partial>`.
final class HTMX4SwapTask {
    enum Kind: String { case main, oob, partial }
    let type: Kind
    var fragment: Node
    var target: Node?
    var swapSpec: HTMX4SwapSpec { didSet { snapshot = nil } }
    let sourceElement: Node?
    var transition: Bool?
    /// ``jsObject`` as last built (the settle events of one task repeat it).
    @exclusivity(unchecked) private var snapshot: JSObject?

    /// What an event's `detail.task` shows of the task: its type and `swapSpec.style`.
    var jsObject: JSObject {
        if let snapshot { return snapshot }
        let swapSpec = JSObject(distinctMembers: [("style", .string(swapSpec.style))])
        let built = JSObject(distinctMembers: [("type", .string(type.rawValue)), ("swapSpec", .object(swapSpec))])
        snapshot = built
        return built
    }

    init(_ type: Kind, fragment: Node, target: Node?, swapSpec: HTMX4SwapSpec, sourceElement: Node?) {
        self.type = type
        self.fragment = fragment
        self.target = target
        self.swapSpec = swapSpec
        self.sourceElement = sourceElement
    }
}
