import HTMLModel
import HTMXSemantics

/// The scenario's actions as a browser performs them (FORMAT.md "Actions"): `click()` with
/// its activation behaviour, `requestSubmit()` with interactive validation, `visibility`,
/// `input` and `dispatch`. Shared by both dialects; htmx only sees the events.
final class PageDriver {
    let document: Document
    let dispatcher: EventDispatcher
    let scheduler: VirtualScheduler
    var diagnostics: [Diagnostic]
    /// `document.hidden`.
    private(set) var visibilityHidden = false
    /// Told of each change of `document.hidden`, before `visibilitychange` is dispatched.
    var onVisibilityChange: ((Bool) -> Void)?

    init(document: Document, dispatcher: EventDispatcher, scheduler: VirtualScheduler, diagnostics: [Diagnostic] = []) {
        self.document = document
        self.dispatcher = dispatcher
        self.scheduler = scheduler
        self.diagnostics = diagnostics
    }

    private func element(_ selector: String) -> Node? {
        // The loader rejects a selector the DOM would; a scenario built in code may still
        // hold one, and "matches nothing" would send its author looking in the wrong place.
        let found: Node?
        do {
            found = try document.querySelector(selector)
        } catch {
            diagnostics.append(Diagnostic(code: "action", message: "\(error) (the browser's querySelector throws a SyntaxError)", at: scheduler.now))
            return nil
        }
        guard let found else {
            diagnostics.append(Diagnostic(code: "action", message: "no element matches \(selector)", at: scheduler.now))
            return nil
        }
        return found
    }

    func perform(_ action: Action) {
        switch action.kind {
        case .click(let selector):
            if let el = element(selector) { click(el) }
        case .submit(let selector):
            if let el = element(selector) { requestSubmit(el, submitter: nil) }
        case .visibility(let hidden):
            if visibilityHidden != hidden {
                visibilityHidden = hidden
                onVisibilityChange?(hidden)
                dispatcher.dispatch(DOMEvent(type: "visibilitychange", bubbles: true, cancelable: false, origin: .native),
                                    to: .node(document.node))
            }
        case .input(let selector, let value, let checked, let commit):
            guard let el = element(selector) else { return }
            if let value { el.setDirtyValue(value) }
            if let checked { setChecked(el, checked) }
            dispatcher.dispatch(DOMEvent(type: "input", bubbles: true, cancelable: false, origin: .native), to: .node(el))
            if commit {
                dispatcher.dispatch(DOMEvent(type: "change", bubbles: true, cancelable: false, origin: .native), to: .node(el))
            }
        case .dispatch(let target, let type, let detail, let bubbles, let cancelable, let fields):
            var eventFields: [String: JSValue] = [:]
            let keyboard = ["keydown", "keyup", "keypress"].contains(type)
            if keyboard {
                eventFields = ["key": .string(""), "code": .string(""), "ctrlKey": .bool(false), "shiftKey": .bool(false),
                               "altKey": .bool(false), "metaKey": .bool(false), "repeat": .bool(false)]
            }
            for (k, v) in fields { eventFields[k] = ReplaySession.jsValue(v) }
            let d: JSValue = keyboard ? .number(0) : (detail.map(ReplaySession.jsValue) ?? .undefined)
            let event = DOMEvent(type: type, detail: d, bubbles: bubbles, cancelable: cancelable, origin: .native, fields: eventFields)
            switch target {
            case .window: dispatcher.dispatch(event, to: .window)
            case .document: dispatcher.dispatch(event, to: .node(document.node))
            case .selector(let s): if let el = element(s) { dispatcher.dispatch(event, to: .node(el)) }
            }
        }
    }


    /// Sets `checked`; checking a radio unchecks the rest of its group.
    private func setChecked(_ el: Node, _ checked: Bool) {
        el.setChecked(checked)
        guard checked, (el.attribute("type") ?? "").lowercased() == "radio", let name = el.attribute("name"), !name.isEmpty else { return }
        let scope = FormOwner.of(el) ?? el.root
        for other in (try? scope.querySelectorAll("input")) ?? [] where other != el {
            if (other.attribute("type") ?? "").lowercased() == "radio", other.attribute("name") == name, FormOwner.of(other) == FormOwner.of(el) {
                other.setChecked(false)
            }
        }
    }

    /// `HTMLElement.click()`: a synthetic click, then the activation behaviour of the
    /// nearest activatable element on the path (checkbox/radio toggling happens before
    /// dispatch and is undone when the click is cancelled).
    private func click(_ el: Node) {
        var activation: Node?
        var cur: Node? = el
        while let c = cur {
            if isActivatable(c) { activation = c; break }
            cur = c.parentElement
        }
        var toggled: (Node, Bool)?
        if let a = activation, a.isHTMLElement(named: "input") {
            let t = (a.attribute("type") ?? "").lowercased()
            if t == "checkbox" || t == "radio" {
                let was = a.dirtyCheckedness ?? a.hasAttribute("checked")
                toggled = (a, was)
                setChecked(a, t == "checkbox" ? !was : true)
            }
        }
        let fields: [String: JSValue] = ["ctrlKey": .bool(false), "shiftKey": .bool(false), "altKey": .bool(false),
                                         "metaKey": .bool(false), "button": .number(0)]
        let event = DOMEvent(type: "click", detail: .number(0), bubbles: true, cancelable: true, origin: .native, fields: fields)
        let notCancelled = dispatcher.dispatch(event, to: .node(el))
        if let (box, was) = toggled {
            if !notCancelled {
                box.setChecked(was)
            } else {
                dispatcher.dispatch(DOMEvent(type: "input", bubbles: true, cancelable: false, origin: .native), to: .node(box))
                dispatcher.dispatch(DOMEvent(type: "change", bubbles: true, cancelable: false, origin: .native), to: .node(box))
            }
            return
        }
        guard notCancelled, let a = activation else { return }
        if a.isHTMLElement(named: "a") {
            diagnostics.append(Diagnostic(code: "navigation", element: NodePath.of(a),
                                          message: "the link would navigate to \(a.attribute("href") ?? "")", at: scheduler.now))
            return
        }
        let type = (a.attribute("type") ?? (a.isHTMLElement(named: "button") ? "submit" : "")).lowercased()
        if type == "submit" || (a.isHTMLElement(named: "button") && type != "button" && type != "reset") {
            if let form = FormOwner.of(a), !a.hasAttribute("disabled") { submit(form, submitter: a) }
        }
    }

    private func isActivatable(_ n: Node) -> Bool {
        if n.isHTMLElement(named: "a") { return n.hasAttribute("href") }
        if n.isHTMLElement(named: "button") { return true }
        if n.isHTMLElement(named: "input") {
            let t = (n.attribute("type") ?? "").lowercased()
            return ["checkbox", "radio", "submit", "image", "reset", "button"].contains(t)
        }
        return false
    }

    /// `form.requestSubmit()`.
    private func requestSubmit(_ form: Node, submitter: Node?) {
        guard form.isHTMLElement(named: "form") else {
            diagnostics.append(Diagnostic(code: "action", element: NodePath.of(form), message: "submit on a non-form element", at: scheduler.now))
            return
        }
        submit(form, submitter: submitter)
    }

    /// The form submission algorithm up to the `submit` event
    /// (<https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm>):
    /// unless `novalidate`/`formnovalidate`, interactive validation fires `invalid` at each
    /// invalid control and stops; an uncancelled submit would navigate.
    private func submit(_ form: Node, submitter: Node?) {
        let noValidate = form.hasAttribute("novalidate") || (submitter?.hasAttribute("formnovalidate") ?? false)
        if !noValidate {
            let controls = ((try? form.document.node.querySelectorAll("input, select, textarea, button")) ?? [])
                .filter { FormOwner.of($0) == form }
            let invalid = controls.filter { FormValidation.violation($0) != nil }
            if !invalid.isEmpty {
                for c in invalid {
                    dispatcher.dispatch(DOMEvent(type: "invalid", bubbles: false, cancelable: true, origin: .native), to: .node(c))
                }
                diagnostics.append(Diagnostic(code: "validation", element: NodePath.of(form),
                                              message: "interactive validation failed: the form is not submitted", at: scheduler.now))
                return
            }
        }
        // A SubmitEvent: `submitter` is the button that submitted (null for requestSubmit()).
        let event = DOMEvent(type: "submit", bubbles: true, cancelable: true, origin: .native,
                             fields: ["submitter": submitter.map { .node($0) } ?? .null])
        if dispatcher.dispatch(event, to: .node(form)) {
            diagnostics.append(Diagnostic(code: "navigation", element: NodePath.of(form),
                                          message: "the form submission would navigate to \(form.attribute("action") ?? "the page")",
                                          at: scheduler.now))
        }
    }
}
