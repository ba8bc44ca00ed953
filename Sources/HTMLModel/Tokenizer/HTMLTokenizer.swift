/// The WHATWG HTML tokenizer (<https://html.spec.whatwg.org/multipage/parsing.html#tokenization>).
///
/// STUB: the real implementation replaces this file. The public surface below is the
/// contract the tree builder relies on.
public struct HTMLTokenizer {
    /// Parse errors seen so far, in input order.
    public private(set) var diagnostics: [HTMLParseDiagnostic] = []

    /// Switched by the tree builder after `<title>`, `<textarea>`, `<style>`, `<script>`,
    /// `<plaintext>` and friends, and for fragment parsing contexts.
    public var contentState: HTMLTokenizerContentState = .data

    /// The tag name of the last start tag emitted; decides "appropriate end tag token".
    /// The tree builder sets it for fragment parsing (context element's name).
    public var lastStartTagName: String?

    /// Whether `<![CDATA[` opens a CDATA section: true when the adjusted current node is not
    /// an HTML element. The tree builder keeps this current before each `nextToken()`.
    public var allowsCDATA: Bool = false

    /// `input` is the raw bytes of the document (UTF-8; invalid sequences become U+FFFD, a
    /// leading BOM is dropped, CRLF and CR become LF: the spec's input stream preprocessing).
    public init(input: [UInt8]) {}

    /// The next token; `.endOfFile` forever once the input is exhausted.
    public mutating func nextToken() -> HTMLToken { .endOfFile }
}
