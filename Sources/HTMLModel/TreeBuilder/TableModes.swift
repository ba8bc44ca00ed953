/// The table insertion modes: in table, in table text, in caption, in column group,
/// in table body, in row, in cell
/// (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intable and after).
extension HTMLTreeBuilder {
    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intable
    mutating func processInTable(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters:
            guard let current = openElements.current,
                  current.isHTML(in: ElementCategories.tableTextTargets) else {
                return inTableAnythingElse(token)
            }
            pendingTableText = ""
            pendingTableTextHasNonWhitespace = false
            originalMode = mode
            mode = .inTableText
            return token
        case .comment(let text):
            insertComment(text)
            return nil
        case .doctype:
            parseError("unexpected-doctype")
            return nil
        case .startTag(let tag):
            switch tag.tag {
            case .caption:
                openElements.popUntilCurrent(in: ElementCategories.tableContext)
                activeFormatting.insertMarker()
                insertHTMLElement(tag)
                mode = .inCaption
                return nil
            case .colgroup:
                openElements.popUntilCurrent(in: ElementCategories.tableContext)
                insertHTMLElement(tag)
                mode = .inColumnGroup
                return nil
            case .col:
                openElements.popUntilCurrent(in: ElementCategories.tableContext)
                insertHTMLElement(TagToken(synthesized: .colgroup))
                mode = .inColumnGroup
                return token
            case .tbody, .tfoot, .thead:
                openElements.popUntilCurrent(in: ElementCategories.tableContext)
                insertHTMLElement(tag)
                mode = .inTableBody
                return nil
            case .td, .th, .tr:
                openElements.popUntilCurrent(in: ElementCategories.tableContext)
                insertHTMLElement(TagToken(synthesized: .tbody))
                mode = .inTableBody
                return token
            case .table:
                parseError("unexpected-start-tag-implies-end-tag")
                guard openElements.hasInScope(.table, .table) else { return nil }
                openElements.popUntilPopped(.table)
                resetInsertionMode()
                return token
            case .style, .script, .template:
                return processInHead(token)
            case .input where isHiddenInput(tag):
                parseError("unexpected-hidden-input-in-table")
                insertVoidHTMLElement(tag)
                return nil
            case .form:
                parseError("unexpected-form-in-table")
                if openElements.hasTemplate || formElement != nil { return nil }
                formElement = insertHTMLElement(tag)
                openElements.pop()
                return nil
            default:
                return inTableAnythingElse(token)
            }
        case .endTag(let tag):
            switch tag.tag {
            case .table:
                guard openElements.hasInScope(.table, .table) else {
                    parseError("unexpected-end-tag")
                    return nil
                }
                openElements.popUntilPopped(.table)
                resetInsertionMode()
                return nil
            case .body, .caption, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr:
                parseError("unexpected-end-tag")
                return nil
            case .template:
                return processInHead(token)
            default:
                return inTableAnythingElse(token)
            }
        case .endOfFile:
            return processInBody(token)
        }
    }

    /// In table, "anything else": in body with foster parenting.
    mutating func inTableAnythingElse(_ token: TreeToken) -> TreeToken? {
        parseError("unexpected-token-in-table")
        fosterParenting = true
        let result = processInBody(token)
        fosterParenting = false
        return result
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intabletext
    mutating func processInTableText(_ token: TreeToken) -> TreeToken? {
        if case .characters(let run) = token {
            var text = run
            if CharacterRuns.containsNull(run) {
                parseError("unexpected-null-character")
                text = CharacterRuns.removingNulls(run)
            }
            if !pendingTableTextHasNonWhitespace && !CharacterRuns.isAllWhitespace(text) {
                pendingTableTextHasNonWhitespace = true
            }
            pendingTableText += text
            return nil
        }
        let pending = pendingTableText
        pendingTableText = ""
        if !pending.isEmpty {
            if pendingTableTextHasNonWhitespace {
                // The "anything else" entry of "in table": foster-parented in body text.
                _ = inTableAnythingElse(.characters(pending[...]))
            } else {
                insertText(pending[...])
            }
        }
        pendingTableTextHasNonWhitespace = false
        mode = originalMode
        return token
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-incaption
    mutating func processInCaption(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .endTag(let tag) where tag.tag == .caption:
            _ = closeCaption()
            return nil
        case .startTag(let tag) where ElementCategories.captionClosingStartTags.contains(tag.tag):
            return closeCaption() ? token : nil
        case .endTag(let tag) where tag.tag == .table:
            return closeCaption() ? token : nil
        case .endTag(let tag) where ElementCategories.captionIgnoredEndTags.contains(tag.tag):
            parseError("unexpected-end-tag")
            return nil
        default:
            return processInBody(token)
        }
    }

    /// Closes the caption; false (a parse error, token ignored) when none is in table scope.
    private mutating func closeCaption() -> Bool {
        guard openElements.hasInScope(.caption, .table) else {
            parseError("unexpected-end-tag")
            return false
        }
        generateImpliedEndTags()
        if !currentIs(.caption) { parseError("end-tag-too-early") }
        openElements.popUntilPopped(.caption)
        activeFormatting.clearToLastMarker()
        mode = .inTable
        return true
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-incolgroup
    mutating func processInColumnGroup(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let text):
            let (whitespace, rest) = CharacterRuns.splitLeadingWhitespace(text)
            insertText(whitespace)
            if rest.isEmpty { return nil }
            if !currentIs(.colgroup) {
                // Each non-whitespace character is ignored; whitespace among them still goes in.
                parseError("unexpected-characters-in-column-group")
                insertText(CharacterRuns.whitespaceOnly(rest))
                return nil
            }
            return columnGroupAnythingElse(.characters(rest))
        case .comment(let text):
            insertComment(text)
            return nil
        case .doctype:
            parseError("unexpected-doctype")
            return nil
        case .startTag(let tag) where tag.tag == .html:
            return processInBody(token)
        case .startTag(let tag) where tag.tag == .col:
            insertVoidHTMLElement(tag)
            return nil
        case .endTag(let tag) where tag.tag == .colgroup:
            guard currentIs(.colgroup) else {
                parseError("unexpected-end-tag")
                return nil
            }
            openElements.pop()
            mode = .inTable
            return nil
        case .endTag(let tag) where tag.tag == .col:
            parseError("unexpected-end-tag")
            return nil
        case .startTag(let tag) where tag.tag == .template:
            return processInHead(token)
        case .endTag(let tag) where tag.tag == .template:
            return processInHead(token)
        case .endOfFile:
            return processInBody(token)
        default:
            return columnGroupAnythingElse(token)
        }
    }

    private mutating func columnGroupAnythingElse(_ token: TreeToken) -> TreeToken? {
        guard currentIs(.colgroup) else {
            parseError("unexpected-token-in-column-group")
            return nil
        }
        openElements.pop()
        mode = .inTable
        return token
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intbody
    mutating func processInTableBody(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .startTag(let tag) where tag.tag == .tr:
            openElements.popUntilCurrent(in: ElementCategories.tableBodyContext)
            insertHTMLElement(tag)
            mode = .inRow
            return nil
        case .startTag(let tag) where tag.tag == .th || tag.tag == .td:
            parseError("unexpected-cell-in-table-body")
            openElements.popUntilCurrent(in: ElementCategories.tableBodyContext)
            insertHTMLElement(TagToken(synthesized: .tr))
            mode = .inRow
            return token
        case .endTag(let tag) where ElementCategories.tableSections.contains(tag.tag):
            guard openElements.hasInScope(tag.tag, .table) else {
                parseError("unexpected-end-tag")
                return nil
            }
            openElements.popUntilCurrent(in: ElementCategories.tableBodyContext)
            openElements.pop()
            mode = .inTable
            return nil
        case .startTag(let tag) where ElementCategories.tableBodyClosingStartTags.contains(tag.tag):
            return closeTableBody() ? token : nil
        case .endTag(let tag) where tag.tag == .table:
            return closeTableBody() ? token : nil
        case .endTag(let tag) where ElementCategories.tableBodyIgnoredEndTags.contains(tag.tag):
            parseError("unexpected-end-tag")
            return nil
        default:
            return processInTable(token)
        }
    }

    private mutating func closeTableBody() -> Bool {
        guard openElements.hasAnyInScope(ElementCategories.tableSections, .table) else {
            parseError("unexpected-token")
            return false
        }
        openElements.popUntilCurrent(in: ElementCategories.tableBodyContext)
        openElements.pop()
        mode = .inTable
        return true
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intr
    mutating func processInRow(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .startTag(let tag) where tag.tag == .th || tag.tag == .td:
            openElements.popUntilCurrent(in: ElementCategories.tableRowContext)
            insertHTMLElement(tag)
            mode = .inCell
            activeFormatting.insertMarker()
            return nil
        case .endTag(let tag) where tag.tag == .tr:
            _ = closeRow()
            return nil
        case .startTag(let tag) where ElementCategories.rowClosingStartTags.contains(tag.tag):
            return closeRow() ? token : nil
        case .endTag(let tag) where tag.tag == .table:
            return closeRow() ? token : nil
        case .endTag(let tag) where ElementCategories.tableSections.contains(tag.tag):
            guard openElements.hasInScope(tag.tag, .table) else {
                parseError("unexpected-end-tag")
                return nil
            }
            return closeRow() ? token : nil
        case .endTag(let tag) where ElementCategories.rowIgnoredEndTags.contains(tag.tag):
            parseError("unexpected-end-tag")
            return nil
        default:
            return processInTable(token)
        }
    }

    private mutating func closeRow() -> Bool {
        guard openElements.hasInScope(.tr, .table) else {
            parseError("unexpected-end-tag")
            return false
        }
        openElements.popUntilCurrent(in: ElementCategories.tableRowContext)
        openElements.pop()
        mode = .inTableBody
        return true
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intd
    mutating func processInCell(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .endTag(let tag) where tag.tag == .td || tag.tag == .th:
            guard openElements.hasInScope(tag.tag, .table) else {
                parseError("unexpected-end-tag")
                return nil
            }
            generateImpliedEndTags()
            if !currentIs(tag.tag) { parseError("end-tag-too-early") }
            openElements.popUntilPopped(tag.tag)
            activeFormatting.clearToLastMarker()
            mode = .inRow
            return nil
        case .startTag(let tag) where ElementCategories.captionClosingStartTags.contains(tag.tag):
            guard openElements.hasAnyInScope(ElementCategories.cells, .table) else {
                parseError("unexpected-start-tag")
                return nil
            }
            closeCell()
            return token
        case .endTag(let tag) where ElementCategories.cellIgnoredEndTags.contains(tag.tag):
            parseError("unexpected-end-tag")
            return nil
        case .endTag(let tag) where ElementCategories.cellClosingEndTags.contains(tag.tag):
            guard openElements.hasInScope(tag.tag, .table) else {
                parseError("unexpected-end-tag")
                return nil
            }
            closeCell()
            return token
        default:
            return processInBody(token)
        }
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#close-the-cell
    private mutating func closeCell() {
        generateImpliedEndTags()
        if let current = openElements.current, !current.isHTML(in: ElementCategories.cells) {
            parseError("end-tag-too-early")
        }
        openElements.popUntilPopped(anyOf: ElementCategories.cells)
        activeFormatting.clearToLastMarker()
        mode = .inRow
    }
}
