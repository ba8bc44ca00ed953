/// The WHATWG HTML tree-construction stage
/// (<https://html.spec.whatwg.org/multipage/parsing.html#tree-construction>), driving an
/// ``HTMLTokenizer`` and building into any ``HTMLTreeSink``.
///
/// The builder follows the current standard, including the customizable-`<select>` parser
/// (no "in select" insertion modes), as Chromium does. It keeps its own records of open
/// elements (name, namespace, attributes) and never asks the sink for names. It never
/// recurses on input depth and every loop is bounded by the stack or the input.
public struct HTMLTreeBuilder<Sink: HTMLTreeSink> {
    let sink: Sink
    /// https://html.spec.whatwg.org/multipage/parsing.html#scripting-flag — on by default,
    /// as in a browser: `<noscript>` content is raw text.
    let scripting: Bool

    var tokenizer = HTMLTokenizer()
    /// Input offset just past the token being processed (for parse-error positions).
    var tokenEnd = 0
    let positions = SourcePositionTracker()
    var mode: InsertionMode = .initial
    var originalMode: InsertionMode = .initial
    var templateModes: [InsertionMode] = []
    var openElements = OpenElementStack()
    var activeFormatting = ActiveFormattingElements()
    var headElement: OpenElement?
    var formElement: OpenElement?
    var framesetOK = true
    var fosterParenting = false
    var quirksMode: HTMLQuirksMode = .noQuirks
    /// Set after `<pre>`, `<listing>`, `<textarea>`: a LF starting the next token is dropped.
    var skipNextLineFeed = false
    /// "in table text": the pending table character tokens, NULs already dropped.
    var pendingTableText = ""
    var pendingTableTextHasNonWhitespace = false
    /// The fragment parsing context element (https://html.spec.whatwg.org/multipage/parsing.html#concept-frag-parse-context);
    /// nil for a document parse.
    var context: NodeTraits?
    /// The sink's node of every element created, indexed by ``OpenElement/id``.
    var handles: [Sink.Handle] = []
    /// The local name of every element created, indexed by ``OpenElement/id``.
    var elementNames: [String] = []
    var forwardedDiagnostics = 0
    /// Off for ``parseDocumentInsideTemplate(_:html:parent:template:)``, whose caller keeps
    /// no diagnostics (and whose end of input stands for the wrapper's `</template>`, so an
    /// end-of-input error there would be the shortcut's own).
    var reportsParseErrors = true
    /// The kept wrapper's template in a resumed parse: its end tag stops the parse
    /// (``wrapperClosed``) before anything is popped, since what follows would belong to
    /// the wrapper's document and not to the template.
    var wrapperTemplateID: Int?
    var wrapperClosed = false
    /// Whether the state is still the one `init` made (see ``prepareState()``).
    private var isFresh = true

    /// - Parameters:
    ///   - sink: where the tree is built.
    ///   - scripting: the parser's scripting flag; `true` makes `<noscript>` raw text.
    public init(sink: Sink, scripting: Bool = true) {
        self.sink = sink
        self.scripting = scripting
    }

    /// Parses a whole document into `sink.documentHandle`.
    public mutating func parseDocument(_ input: [UInt8]) {
        prepareState()
        tokenizer = HTMLTokenizer(input: input)
        run()
    }

    /// Fragment parsing (https://html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments):
    /// the builder creates the root `html` element with `sink.createElement`, appends it to
    /// `sink.documentHandle` (a container the caller provides), and parses into it; the caller
    /// then takes the root's children.
    ///
    /// - Parameters:
    ///   - contextName: the context element's local name (e.g. `"div"`, `"tr"`, `"foreignObject"`).
    ///   - contextNamespace: the context element's namespace.
    ///
    /// The context element has no attributes and no ancestors as far as the parser knows, so
    /// the form element pointer starts nil unless the context is itself a `form`, and a MathML
    /// `annotation-xml` context is not an HTML integration point.
    public mutating func parseFragment(_ input: [UInt8], contextName: String, contextNamespace: HTMLNamespace = .html) {
        prepareState()
        tokenizer = HTMLTokenizer(input: input)
        let lowerName = asciiLowercased(contextName)
        let tag = ElementTag.lookup(lowerName)
        context = NodeTraits(
            tag: tag,
            namespace: contextNamespace,
            isHTMLIntegrationPoint: contextNamespace == .svg && ElementCategories.specialSVG.contains(tag))

        // Step 4: the tokenizer state follows the context element.
        if contextNamespace == .html {
            switch tag {
            case .title, .textarea: tokenizer.contentState = .rcdata
            case .style, .xmp, .iframe, .noembed, .noframes: tokenizer.contentState = .rawtext
            case .script: tokenizer.contentState = .scriptData
            case .noscript: tokenizer.contentState = scripting ? .rawtext : .data
            case .plaintext: tokenizer.contentState = .plaintext
            default: break
            }
        }
        // `lastStartTagName` stays nil: the tokenizer has emitted no start tag, so no end tag
        // is "appropriate" and `</script>` inside a script context is text (html5lib tests4).

        // Steps 5-7: root html element, the stack holding just it.
        let root = makeElement(name: "html", tag: .html, namespace: .html, attributes: [])
        sink.append(handle(of: root), to: sink.documentHandle)
        openElements.push(root)
        if contextNamespace == .html && tag == .template {
            templateModes.append(.inTemplate)
        }
        resetInsertionMode()
        // Step 11: the form element pointer is the nearest form among the context element and
        // its ancestors. The caller gives no ancestors, but a form context is its own: a
        // record that is never on the stack stands for it, so nested `<form>` start tags are
        // ignored and `</form>` finds nothing to close, as in a browser.
        if contextNamespace == .html && tag == .form {
            formElement = OpenElement(id: -1, tag: .form, namespace: .html, isHTMLIntegrationPoint: false)
        }
        run()
    }

    /// A document parse resumed just inside `<html><body><template>`: what parsing
    /// `<body><template>` + `input` + `</template></body>` as a whole document builds inside
    /// the template, without tokenizing the wrapper or creating its elements again. The state
    /// is the one the wrapper leaves: no doctype (quirks mode), frameset not ok, the three
    /// elements open with a formatting marker for the template, "in template" mode.
    ///
    /// Exact unless one of two things happens, and the result says whether it did not:
    /// - an end tag closes the wrapper's template (every scope test and stack walk stops at
    ///   a template, so nothing else can): the parse stops there, the wrapper untouched;
    /// - the input ends outside the tokenizer's data state, so the wrapper's closing
    ///   `</template>` would have been text of an open comment, attribute, `<script>`,
    ///   `<textarea>`... and not an end tag closing the template as the end of input does.
    /// When it returns false the caller parses the whole wrapped text.
    ///
    /// The element under `html` (`body` for `<body><template>`, `head` for a leading
    /// `<template>`) is unobservable while the template is open.
    @discardableResult
    public mutating func parseDocumentInsideTemplate(_ input: [UInt8], html: Sink.Handle, parent: Sink.Handle,
                                                     template: Sink.Handle) -> Bool {
        prepareState()
        reportsParseErrors = false
        tokenizer = HTMLTokenizer(input: input)
        quirksMode = .quirks
        framesetOK = false
        pushExisting(html, "html", .html)
        pushExisting(parent, "body", .body)
        wrapperTemplateID = pushExisting(template, "template", .template)
        activeFormatting.insertMarker()
        templateModes = [.inTemplate]
        mode = .inTemplate
        run()
        return !wrapperClosed && tokenizer.endedInDataState
    }

    /// Opens an element the sink already holds (no `createElement`); returns its id.
    @discardableResult
    private mutating func pushExisting(_ handle: Sink.Handle, _ name: String, _ tag: ElementTag) -> Int {
        let id = handles.count
        openElements.push(OpenElement(id: id, tag: tag, namespace: .html, isHTMLIntegrationPoint: false))
        handles.append(handle)
        elementNames.append(name)
        return id
    }

    /// The state `init` makes, with room for a small input's elements. A fresh builder (htmx
    /// parses every response with a new one) has that state already: resetting it again cost
    /// as much as making it.
    private mutating func prepareState() {
        if !isFresh { resetState() }
        reserveForSmallInput()
    }

    private mutating func resetState() {
        mode = .initial
        originalMode = .initial
        templateModes = []
        openElements = OpenElementStack()
        activeFormatting = ActiveFormattingElements()
        headElement = nil
        formElement = nil
        framesetOK = true
        fosterParenting = false
        quirksMode = .noQuirks
        skipNextLineFeed = false
        pendingTableText = ""
        pendingTableTextHasNonWhitespace = false
        context = nil
        forwardedDiagnostics = 0
        reportsParseErrors = true
        wrapperTemplateID = nil
        wrapperClosed = false
        handles = []
        elementNames = []
    }

    /// Room for a small fragment's elements, so that its first few do not regrow the
    /// builder's tables one by one.
    private mutating func reserveForSmallInput() {
        let count = 16
        openElements.reserveCapacity(count)
        handles.reserveCapacity(count)
        elementNames.reserveCapacity(count)
    }

    // MARK: Driving the tokenizer

    private mutating func run() {
        isFresh = false
        while true {
            // https://html.spec.whatwg.org/multipage/parsing.html#markup-declaration-open-state:
            // CDATA sections exist only while the adjusted current node is foreign.
            tokenizer.allowsCDATA = adjustedCurrentNode.map { $0.namespace != .html } ?? false
            let raw = tokenizer.nextToken()
            tokenEnd = tokenizer.pos
            forwardTokenizerDiagnostics()
            var token = TreeToken(raw)
            if skipNextLineFeed {
                skipNextLineFeed = false
                if case .characters(let text) = token, text.utf8.first == 0x0A {
                    let rest = text[text.utf8.index(after: text.utf8.startIndex)...]
                    if rest.isEmpty { continue }
                    token = .characters(rest)
                }
            }
            dispatch(token)
            if case .endOfFile = raw { break }
            if wrapperClosed { break }
        }
    }

    private mutating func forwardTokenizerDiagnostics() {
        guard reportsParseErrors else { return }
        let diagnostics = tokenizer.diagnostics
        guard diagnostics.count > forwardedDiagnostics else { return }
        for index in forwardedDiagnostics..<diagnostics.count {
            sink.parseError(diagnostics[index])
        }
        forwardedDiagnostics = diagnostics.count
    }

    // MARK: Tree construction dispatcher
    // https://html.spec.whatwg.org/multipage/parsing.html#tree-construction-dispatcher

    /// Runs a token to completion; a mode that "reprocesses the token" hands it back here.
    mutating func dispatch(_ token: TreeToken) {
        // The first pass borrows the token and later ones take it out of `pending`: no copy
        // of its strings and attributes per token.
        var pending = step(token)
        while let current = pending.take() {
            pending = step(current)
        }
    }

    private mutating func step(_ token: TreeToken) -> TreeToken? {
        usesForeignContentRules(for: token) ? processForeignContent(token) : process(token, in: mode)
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#adjusted-current-node
    var adjustedCurrentNode: NodeTraits? {
        if let context, openElements.count == 1 { return context }
        guard let current = openElements.current else { return nil }
        return NodeTraits(tag: current.tag, namespace: current.namespace,
                          isHTMLIntegrationPoint: current.isHTMLIntegrationPoint)
    }

    private func usesForeignContentRules(for token: TreeToken) -> Bool {
        guard let node = adjustedCurrentNode, node.namespace != .html else { return false }
        switch token {
        case .endOfFile:
            return false
        case .startTag(let tag):
            if node.isMathMLTextIntegrationPoint && tag.tag != .mglyph && tag.tag != .malignmark {
                return false
            }
            if node.namespace == .mathml && node.tag == .annotationXML && tag.tag == .svg {
                return false
            }
            return !node.isHTMLIntegrationPoint
        case .characters:
            return !(node.isMathMLTextIntegrationPoint || node.isHTMLIntegrationPoint)
        default:
            return true
        }
    }

    /// Processes a token "using the rules for" an insertion mode. Returns the token to
    /// reprocess, if the rules say so.
    mutating func process(_ token: TreeToken, in mode: InsertionMode) -> TreeToken? {
        switch mode {
        case .initial: return processInitial(token)
        case .beforeHTML: return processBeforeHTML(token)
        case .beforeHead: return processBeforeHead(token)
        case .inHead: return processInHead(token)
        case .inHeadNoscript: return processInHeadNoscript(token)
        case .afterHead: return processAfterHead(token)
        case .inBody: return processInBody(token)
        case .text: return processText(token)
        case .inTable: return processInTable(token)
        case .inTableText: return processInTableText(token)
        case .inCaption: return processInCaption(token)
        case .inColumnGroup: return processInColumnGroup(token)
        case .inTableBody: return processInTableBody(token)
        case .inRow: return processInRow(token)
        case .inCell: return processInCell(token)
        case .inTemplate: return processInTemplate(token)
        case .afterBody: return processAfterBody(token)
        case .inFrameset: return processInFrameset(token)
        case .afterFrameset: return processAfterFrameset(token)
        case .afterAfterBody: return processAfterAfterBody(token)
        case .afterAfterFrameset: return processAfterAfterFrameset(token)
        }
    }

    // MARK: Shared helpers

    var isFragmentCase: Bool { context != nil }

    /// The fragment case with a `select` context element (the customizable-select rules
    /// ignore `<select>` and `<input>` there).
    var contextIsSelect: Bool {
        guard let context else { return false }
        return context.namespace == .html && context.tag == .select
    }

    /// Tree-construction parse errors carry the position just past the current token.
    func parseError(_ code: String) {
        guard reportsParseErrors else { return }
        let at = positions.position(of: tokenEnd, in: tokenizer.p)
        sink.parseError(HTMLParseDiagnostic(code: code, line: at.line, column: at.column))
    }

    func currentIs(_ tag: ElementTag) -> Bool {
        openElements.current?.isHTML(tag) ?? false
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#generate-implied-end-tags
    mutating func generateImpliedEndTags(except keeping: ElementTag = .unknown) {
        openElements.popWhileCurrent(in: ElementCategories.impliedEndTags, except: keeping)
    }

    mutating func generateAllImpliedEndTagsThoroughly() {
        openElements.popWhileCurrent(in: ElementCategories.impliedEndTagsThorough)
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#close-a-p-element
    mutating func closePElement() {
        generateImpliedEndTags(except: .p)
        if !currentIs(.p) { parseError("end-tag-too-early") }
        openElements.popUntilPopped(.p)
    }

    mutating func closePElementIfInButtonScope() {
        if openElements.hasInScope(.p, .button) { closePElement() }
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#reset-the-insertion-mode-appropriately
    mutating func resetInsertionMode() {
        var index = openElements.count - 1
        while index >= 0 {
            let last = index == 0
            var tag = openElements[index].tag
            var namespace = openElements[index].namespace
            if last, let context {
                tag = context.tag
                namespace = context.namespace
            }
            if namespace == .html {
                switch tag {
                case .td, .th:
                    if !last { mode = .inCell; return }
                case .tr: mode = .inRow; return
                case .tbody, .thead, .tfoot: mode = .inTableBody; return
                case .caption: mode = .inCaption; return
                case .colgroup: mode = .inColumnGroup; return
                case .table: mode = .inTable; return
                case .template: mode = templateModes.last ?? .inBody; return
                case .head:
                    if !last { mode = .inHead; return }
                case .body: mode = .inBody; return
                case .frameset: mode = .inFrameset; return
                case .html:
                    mode = headElement == nil ? .beforeHead : .afterHead
                    return
                default: break
                }
            }
            if last { mode = .inBody; return }
            index -= 1
        }
        mode = .inBody
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#generic-raw-text-element-parsing-algorithm
    /// and the generic RCDATA one.
    mutating func parseGenericText(_ token: TagToken, state: HTMLTokenizerContentState) {
        insertHTMLElement(token)
        tokenizer.contentState = state
        originalMode = mode
        mode = .text
    }
}

/// ASCII lower-casing for names given by callers (the tokenizer already lower-cases tokens).
func asciiLowercased(_ string: String) -> String {
    guard string.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return string }
    return String(decoding: string.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
}

/// ASCII case-insensitive equality of two strings.
func asciiCaseInsensitiveEquals(_ lhs: String, _ rhs: String) -> Bool {
    guard lhs.utf8.count == rhs.utf8.count else { return false }
    for (a, b) in zip(lhs.utf8, rhs.utf8) {
        let la = (a >= 0x41 && a <= 0x5A) ? a | 0x20 : a
        let lb = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
        if la != lb { return false }
    }
    return true
}
