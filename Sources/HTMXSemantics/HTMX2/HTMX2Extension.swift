import HTMLModel

/// An htmx 2 extension (htmx.js defineExtension / extensionBase): active on elements under
/// an `hx-ext` naming it. Every hook has htmx's default behaviour.
public protocol HTMX2Extension: AnyObject {
    /// The name `hx-ext` refers to.
    var name: String { get }
    /// Extra selectors for the elements processNode initialises (`getSelectors`).
    var selectors: [String] { get }
    /// Called after each event htmx triggers on an element under the extension, unless the
    /// event was cancelled; returning false cancels it (`onEvent`).
    func onEvent(_ name: String, _ event: DOMEvent, runtime: HTMX2Runtime) -> Bool
    /// The event names `onEvent` does anything for (for any other it must return true and
    /// change nothing), or nil for all. Events no extension acts on skip the `hx-ext` lookup.
    var handledEvents: Set<String>? { get }
    /// Whether `onEvent` would do anything for this event on `elt` as things stand (false: it
    /// would return true and change nothing). Asked for an event nobody listens to before
    /// its event object and the `hx-ext` lookup are made; the default is `handledEvents`.
    func acts(on name: String, at elt: Node, runtime: HTMX2Runtime) -> Bool
    /// `transformResponse`.
    func transformResponse(_ text: String, status: Int, elt: Node) -> String
    /// `isInlineSwap`.
    func isInlineSwap(_ style: String) -> Bool
    /// `handleSwap`: true when the extension performed the swap.
    func handleSwap(_ style: String, target: Node, fragment: Node, runtime: HTMX2Runtime) -> Bool
    /// Every node the extension keeps a handle on beyond the current task (in stored state or
    /// in closures it registered): ``HTMX2Runtime/releaseUnreachableDetachedNodes(pinning:whenAtLeast:)``
    /// never frees their subtrees.
    var heldNodes: [Node] { get }
}

extension HTMX2Extension {
    public var selectors: [String] { [] }
    public func onEvent(_ name: String, _ event: DOMEvent, runtime: HTMX2Runtime) -> Bool { true }
    public var handledEvents: Set<String>? { nil }
    public func acts(on name: String, at elt: Node, runtime: HTMX2Runtime) -> Bool { handles(name) }
    /// Whether `name` is among ``handledEvents`` (all are, when that is nil).
    public func handles(_ name: String) -> Bool { handledEvents.map { $0.contains(name) } ?? true }
    public func transformResponse(_ text: String, status: Int, elt: Node) -> String { text }
    public func isInlineSwap(_ style: String) -> Bool { false }
    public func handleSwap(_ style: String, target: Node, fragment: Node, runtime: HTMX2Runtime) -> Bool { false }
    public var heldNodes: [Node] { [] }
}

extension HTMX2Runtime {
    /// htmx.js defineExtension.
    public func defineExtension(_ ext: HTMX2Extension) {
        extensions[ext.name] = ext
        forgetWhatExtensionsDecide()
    }

    /// Drops what was derived from the set of extensions: the processing selector, the
    /// extensions each `hx-ext` value resolves to, which events some extension handles.
    func forgetWhatExtensionsDecide() {
        processSelectorCache = nil
        extensionsOfSingleValue = StringMemo()
        eventNames = StringMemo()
    }

    /// Whether some extension's `onEvent` acts on events named `name`.
    func someExtensionHandles(_ name: String) -> Bool {
        extensions.values.contains { $0.handles(name) }
    }

    /// Whether some extension's `onEvent` would act on this event on `elt` now.
    func someExtensionActs(on name: String, at elt: Node) -> Bool {
        extensions.values.contains { $0.acts(on: name, at: elt, runtime: self) }
    }

    /// htmx.js getExtensions: the extensions named by `hx-ext` on the element and its
    /// ancestors, nearest first, minus `ignore:` ones.
    func getExtensions(_ elt: Node?) -> [HTMX2Extension] {
        guard !extensions.isEmpty, let elt else { return [] }
        let carriers = elt.selfAndAncestorsWithAttributeOrDataTwin("hx-ext")
        // Usually one element carries `hx-ext` for the whole page, and every event asks.
        if carriers.count == 1 {
            guard let value = attr(carriers[0], "hx-ext") else { return [] }
            return extensionsOfSingleValue.value(for: value) { resolveExtensions([$0]) }
        }
        return resolveExtensions(carriers.compactMap { attr($0, "hx-ext") })
    }

    /// The extensions named by `hx-ext` values, nearest element's first.
    private func resolveExtensions(_ values: [String]) -> [HTMX2Extension] {
        var out: [HTMX2Extension] = []
        var ignored: [String] = []
        for value in values {
            for name in extensionNames(value) {
                if name.hasPrefix("ignore:") {
                    ignored.append(String(name.dropFirst(7)))
                    continue
                }
                if !ignored.contains(name), let ext = extensions[name], !out.contains(where: { $0 === ext }) {
                    out.append(ext)
                }
            }
        }
        return out
    }

    /// The names of an `hx-ext` value, split once per distinct value (every event asks).
    private func extensionNames(_ value: String) -> [String] {
        extensionNameLists.value(for: value) { value in
            value.split(separator: ",", omittingEmptySubsequences: false).map { raw in
                // htmx removes U+0020 code units (`replace(/ /g, '')`), not grapheme clusters.
                raw.utf8.contains(0x20) ? String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0 != " " })) : String(raw)
            }
        }
    }
}
