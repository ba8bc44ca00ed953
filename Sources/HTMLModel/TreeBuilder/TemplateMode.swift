/// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intemplate
extension HTMLTreeBuilder {
    mutating func processInTemplate(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters, .comment, .doctype:
            return processInBody(token)
        case .startTag(let tag):
            switch tag.tag {
            case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
                return processInHead(token)
            case .caption, .colgroup, .tbody, .tfoot, .thead:
                return switchTemplateMode(to: .inTable, token)
            case .col:
                return switchTemplateMode(to: .inColumnGroup, token)
            case .tr:
                return switchTemplateMode(to: .inTableBody, token)
            case .td, .th:
                return switchTemplateMode(to: .inRow, token)
            default:
                return switchTemplateMode(to: .inBody, token)
            }
        case .endTag(let tag):
            if tag.tag == .template { return processInHead(token) }
            parseError("unexpected-end-tag")
            return nil
        case .endOfFile:
            guard openElements.hasTemplate else { return nil }
            parseError("eof-in-template")
            openElements.popUntilPopped(.template)
            activeFormatting.clearToLastMarker()
            _ = templateModes.popLast()
            resetInsertionMode()
            return token
        }
    }

    /// Replaces the current template insertion mode and reprocesses the token in it.
    private mutating func switchTemplateMode(to newMode: InsertionMode, _ token: TreeToken) -> TreeToken? {
        _ = templateModes.popLast()
        templateModes.append(newMode)
        mode = newMode
        return token
    }
}
