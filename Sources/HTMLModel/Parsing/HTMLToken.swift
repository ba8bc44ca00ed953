/// Tokens produced by ``HTMLTokenizer`` and consumed by ``HTMLTreeBuilder``.
///
/// Mirrors the token kinds of the WHATWG tokenizer
/// (<https://html.spec.whatwg.org/multipage/parsing.html#tokenization>), except that
/// character tokens come as runs: the tree builder splits a run where an insertion mode
/// needs single characters (leading whitespace, NUL).
public enum HTMLToken: Equatable, Sendable {
    case doctype(HTMLDoctypeToken)
    /// Tag names and attribute names are already ASCII-lower-cased. Duplicate attributes
    /// are already dropped (the first one wins, as the spec requires).
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    case endTag(name: String)
    case comment(String)
    /// `<?target data?>` (HTML's processing instructions; see
    /// `HTMLTokenizerProcessingInstruction.swift`).
    case processingInstruction(target: String, data: String)
    /// A run of characters, never empty. May contain U+0000 in the data state
    /// (the tree builder decides what to do with it).
    case characters(String)
    case endOfFile
}

public struct HTMLDoctypeToken: Equatable, Sendable {
    public var name: String?
    public var publicIdentifier: String?
    public var systemIdentifier: String?
    public var forceQuirks: Bool

    public init(name: String? = nil, publicIdentifier: String? = nil, systemIdentifier: String? = nil, forceQuirks: Bool = false) {
        self.name = name
        self.publicIdentifier = publicIdentifier
        self.systemIdentifier = systemIdentifier
        self.forceQuirks = forceQuirks
    }
}

/// An attribute as written in the source (qualified name for foreign attributes such as
/// `xlink:href`, after the tree builder's adjustments).
public struct HTMLAttribute: Equatable, Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Element namespaces the HTML parser can produce.
public enum HTMLNamespace: UInt8, Equatable, Hashable, Sendable {
    case html = 0
    case svg = 1
    case mathml = 2
}

/// Tokenizer states the tree builder switches the tokenizer into
/// (<https://html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments>, step 4, and
/// the "generic raw text / RCDATA element parsing algorithms").
public enum HTMLTokenizerContentState: Equatable, Sendable {
    case data
    case rcdata
    case rawtext
    case scriptData
    case plaintext
}

/// A parse error with its position in the (normalised) input: 1-based line and column.
public struct HTMLParseDiagnostic: Equatable, Sendable, CustomStringConvertible {
    public var code: String
    public var line: Int
    public var column: Int

    public init(code: String, line: Int, column: Int) {
        self.code = code
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(code)" }
}
