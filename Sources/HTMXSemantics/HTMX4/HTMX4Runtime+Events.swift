import HTMLModel

/// The `detail` of an event htmx 4 fires. htmx passes live objects (`ctx`, a swap task);
/// the dispatched event carries a snapshot of what listeners and the result format read.
public final class HTMX4Detail {
    // Read for every event fired and never across a call out: no runtime exclusivity checks.
    @exclusivity(unchecked) public var ctx: HTMX4RequestContext?
    @exclusivity(unchecked) var task: HTMX4SwapTask?
    /// Other members in order (`path`, `error`, `message`, `connection`, `reason`…).
    @exclusivity(unchecked) public var members: JSObject

    public init(ctx: HTMX4RequestContext? = nil, _ members: [(String, JSValue)] = []) {
        self.ctx = ctx
        self.members = JSObject(members)
    }

    /// The object listeners see as `event.detail`.
    var jsObject: JSObject {
        var first: [(String, JSValue)] = []
        if let ctx { first.append(("ctx", .object(ctx.jsObject))) }
        if let task { first.append(("task", .object(task.jsObject))) }
        if first.isEmpty { return members }
        var o = JSObject(distinctMembers: first)
        for (k, v) in members.members { o[k] = v }
        return o
    }
}

extension HTMX4Runtime {
    /// `__trigger`: extension hooks first (one returning false cancels: the event is then
    /// not dispatched and false is returned), then `trigger` under the meta character.
    @discardableResult
    func fire(_ on: Node?, _ name: String, _ detail: HTMX4Detail = HTMX4Detail(), bubbles: Bool = true) -> Bool {
        let hook = hookNames.value(for: name) { $0.replacingColons(with: "_") }
        var cancelled = false
        for ext in extensions where !ext.handle(hook, on, detail, self) {
            cancelled = true
            break
        }
        if cancelled { return false }
        return trigger(on, adjustMetaCharacter(name), .object(detail.jsObject), bubbles: bubbles)
    }

    /// `htmx.trigger`: a cancelable, composed `CustomEvent` on the element, or on the
    /// document when the element is no longer connected.
    @discardableResult
    public func trigger(_ on: Node?, _ name: String, _ detail: JSValue = .object(JSObject()), bubbles: Bool = true) -> Bool {
        let target: Node = (on?.isConnected ?? false) ? on! : document.node
        // Most events have no listener: the recorder alone sees them, no event is built.
        guard dispatcher.isListened(name) else { return dispatcher.dispatchUnheard(name, detail: detail, to: .node(target)) }
        let event = DOMEvent(type: name, detail: detail, bubbles: bubbles, cancelable: true, origin: .script)
        return dispatcher.dispatch(event, to: .node(target))
    }

    /// `__maybeAdjustMetaCharacter`.
    func adjustMetaCharacter(_ s: String) -> String {
        guard let mc = config.metaCharacter else { return s }
        return s.replacingColons(with: mc)
    }

    /// `__addClass` (classList.add on elements only).
    func addClass(_ elt: Node?, _ cls: String) {
        guard let elt, elt.isElement else { return }
        elt.addClass(cls)
    }

    /// `__removeClass`: an element left with no class loses the attribute.
    func removeClass(_ elt: Node?, _ cls: String) {
        guard let elt, elt.isElement else { return }
        if elt.removeClasses([cls]) == false { elt.removeAttribute("class") }
    }
}

extension String {
    func replacingColons(with s: String) -> String {
        guard contains(":") else { return self }
        return split(separator: ":", omittingEmptySubsequences: false).joined(separator: s)
    }
}
