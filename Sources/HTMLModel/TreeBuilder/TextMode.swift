/// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-incdata
extension HTMLTreeBuilder {
    mutating func processText(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let text):
            insertText(text)
            return nil
        case .endOfFile:
            parseError("eof-in-text")
            openElements.pop()
            mode = originalMode
            return token
        case .endTag:
            // `</script>` would run the script here; this parser only builds the tree.
            openElements.pop()
            mode = originalMode
            return nil
        case .startTag, .comment, .doctype:
            // The tokenizer's RCDATA / RAWTEXT / script data states emit none of these.
            return nil
        }
    }
}
