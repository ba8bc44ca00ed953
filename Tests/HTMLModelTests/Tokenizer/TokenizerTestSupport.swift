import HTMLModel

/// Runs a tokenizer to completion. The token cap turns a tokenizer that stops making
/// progress into a failing test instead of a hang.
func tokenizeAll(
    _ input: [UInt8],
    contentState: HTMLTokenizerContentState = .data,
    lastStartTag: String? = nil,
    allowsCDATA: Bool = false
) -> (tokens: [HTMLToken], diagnostics: [HTMLParseDiagnostic], terminated: Bool) {
    var tokenizer = HTMLTokenizer(input: input)
    tokenizer.contentState = contentState
    tokenizer.lastStartTagName = lastStartTag
    tokenizer.allowsCDATA = allowsCDATA
    var tokens: [HTMLToken] = []
    let cap = input.count * 2 + 16
    while tokens.count < cap {
        let token = tokenizer.nextToken()
        if token == .endOfFile {
            return (tokens, tokenizer.diagnostics, true)
        }
        tokens.append(token)
    }
    return (tokens, tokenizer.diagnostics, false)
}

func tokenizeAll(_ input: String, contentState: HTMLTokenizerContentState = .data) -> [HTMLToken] {
    tokenizeAll(Array(input.utf8), contentState: contentState).tokens
}

/// The same tokens with adjacent character runs merged (how html5lib states expectations,
/// and what our run emission should already produce).
func mergingCharacters(_ tokens: [HTMLToken]) -> [HTMLToken] {
    var merged: [HTMLToken] = []
    for token in tokens {
        if case .characters(let text) = token, case .characters(let previous)? = merged.last {
            merged[merged.count - 1] = .characters(previous + text)
        } else {
            merged.append(token)
        }
    }
    return merged
}
