import HTMLModel

/// What htmx 2 hands its extensions (htmx.js `internalAPI`), for extensions written
/// against this runtime (htmx-ext-sse among them).
extension HTMX2Runtime {
    /// htmx.js triggerEvent (with `htmx:error` first when the detail has `error`, the
    /// kebab-case twin, and the extensions' onEvent). Returns false when cancelled.
    @discardableResult
    public func trigger(_ elt: Node, _ name: String, detail: JSObject = JSObject()) -> Bool {
        triggerEvent(elt, name, detail)
    }

    /// htmx.js triggerErrorEvent.
    @discardableResult
    public func triggerError(_ elt: Node, _ name: String, detail: JSObject = JSObject()) -> Bool {
        triggerErrorEvent(elt, name, detail)
    }

    /// htmx.js getAttributeValue (`hx-x` or `data-hx-x`, empty as absent).
    public func attributeValue(_ elt: Node, _ name: String) -> String? { attr(elt, name) }

    /// htmx.js getClosestAttributeValue (inheritance rules applied).
    public func closestAttributeValue(_ elt: Node, _ name: String) -> String? { closestAttr(elt, name) }

    /// htmx.js getTarget.
    public func target(of elt: Node) -> Node? { getTarget(elt) }

    /// htmx.js querySelectorAllExt, elements only.
    public func querySelectorAllExt(_ elt: Node, _ selector: String) -> [Node] {
        querySelectorExt(elt, selector).compactMap(\.node)
    }

    /// htmx.js bodyContains.
    public func isInBody(_ node: Node) -> Bool { bodyContains(node) }

    /// htmx.js getSwapSpecification for the element (or an override value).
    public func swapSpecification(for elt: Node, override: String? = nil) -> SwapSpec {
        let value = override ?? closestAttr(elt, "hx-swap")
        let parsed: GrammarResult<SwapSpec>
        if let value, !data(elt).boosted {
            // Neither `href` nor anything but the value and the config counts then.
            parsed = swapSpecs.value(for: value) { SwapSpec.parse($0, defaults: config.swapDefaults) }
        } else {
            parsed = SwapSpec.parse(value, defaults: config.swapDefaults, boosted: data(elt).boosted, href: elt.attribute("href"))
        }
        diagnose(parsed.diagnostics, elt)
        return parsed.value
    }

    /// htmx.js swap(target, content, swapSpec, {contextElement, select, selectOOB}): OOB,
    /// select, the swap itself, afterSwap, title and settle on the clock.
    public func swapContent(into target: Node, _ content: String, spec: SwapSpec, contextElement: Node?,
                            select: String? = nil, selectOOB: String? = nil) {
        var options = HTMX2SwapOptions()
        options.contextElement = contextElement
        options.select = select
        options.selectOOB = selectOOB
        swap(target, content, spec, options)
    }

    /// The validation message of a control that is a candidate for constraint validation
    /// and fails the constraints the engine models (required, email), else nil.
    public func constraintViolation(_ elt: Node) -> String? {
        willValidate(elt) ? validationMessage(elt) : nil
    }

    /// htmx.js processNode.
    public func process(_ elt: Node) { processNode(elt) }


    /// An extension's entry in the element's internal data (htmx.js getInternalData);
    /// deInitNode clears it with the rest.
    public func internalData(_ elt: Node, _ key: String) -> AnyObject? { nodeData[elt]?.extensionData[key] }

    /// Sets (or, with nil, deletes) an extension's entry in the element's internal data.
    public func setInternalData(_ elt: Node, _ key: String, _ value: AnyObject?) { data(elt).extensionData[key] = value }

    /// htmx.js getTriggerSpecs (syntax errors fired as htmx does).
    public func triggerSpecifications(of elt: Node) -> [TriggerSpec] { triggerSpecs(elt) }

    /// htmx.js getExtensions: the active extensions for the element, nearest first.
    public func extensions(for elt: Node) -> [HTMX2Extension] { getExtensions(elt) }

    /// Resolves a URL as `new EventSource(url)` / XHR would against the page's location:
    /// path + query on the page's origin, else the absolute URL (FORMAT.md "Responses").
    public func requestURL(_ url: String) -> String { URLResolution.resolve(url, currentPath: currentPath).url }
}
