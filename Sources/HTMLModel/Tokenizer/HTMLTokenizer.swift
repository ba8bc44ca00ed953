/// The WHATWG HTML tokenizer (<https://html.spec.whatwg.org/multipage/parsing.html#tokenization>).
///
/// Works on the preprocessed input as UTF-8 bytes: every character the state machine
/// treats specially is ASCII, so a non-ASCII character is just a run of "anything else"
/// bytes. Tokens are produced lazily, one per ``nextToken()``, and the tokenizer never reads
/// past a start tag before returning it, so the tree builder can switch ``contentState``
/// between two calls.
public struct HTMLTokenizer {
    /// Parse errors seen so far, in input order, with WHATWG error codes. Lines and columns
    /// are 1-based positions in the preprocessed input; columns count UTF-16 code units.
    public private(set) var diagnostics: [HTMLParseDiagnostic] = []

    /// Switched by the tree builder after `<title>`, `<textarea>`, `<style>`, `<script>`,
    /// `<plaintext>` and friends, and for fragment parsing contexts. Reading it gives the
    /// content model the tokenizer is currently in.
    public var contentState: HTMLTokenizerContentState {
        get { state.contentState }
        set { state = State(newValue) }
    }

    /// The tag name of the last start tag emitted; decides "appropriate end tag token".
    /// The tree builder sets it for fragment parsing (context element's name).
    public var lastStartTagName: String?

    /// Whether `<![CDATA[` opens a CDATA section: true when the adjusted current node is not
    /// an HTML element. The tree builder keeps this current before each `nextToken()`.
    public var allowsCDATA: Bool = false

    // MARK: Input

    let storage: InputStorage
    /// The preprocessed input; valid for the lifetime of `storage`.
    let p: UnsafeBufferPointer<UInt8>
    let end: Int
    /// The next input character's offset in `p`.
    var pos = 0

    // MARK: State machine

    var state: State = .data
    var returnState: State = .data
    /// Set once the end-of-file token has been emitted.
    var finished = false
    /// Whether the input ended in the data state (no tag, comment, doctype, raw text or
    /// CDATA section open): text appended to the input would then start fresh tokens.
    public internal(set) var endedInDataState = false
    /// The token the current `nextToken()` call returns, once a state emits one.
    var result: HTMLToken?
    /// A token emitted right after a character run, returned by the following call.
    var pending: HTMLToken?

    // MARK: Token parts

    /// The pending character run; emitted as one `.characters` token before the next
    /// other token.
    var text = ByteAccumulator()
    var tagIsEnd = false
    var tagName = ByteAccumulator()
    var selfClosing = false
    /// The current tag's finished attributes, handed to the token at emission.
    var attributes: [HTMLAttribute] = []
    /// Names in `attributes`, kept only once a tag has many attributes, so the duplicate
    /// check stays linear on hostile input.
    var attributeNameSet: Set<String>? = nil
    /// Attributes started on this tag, dropped duplicates included (end-tag-with-attributes).
    var attributeCount = 0
    var hasCurrentAttribute = false
    var attributeName = ByteAccumulator()
    var attributeNameString = ""
    var attributeValue = ByteAccumulator()
    var attributeIsDuplicate = false

    // MARK: Other tokens and buffers

    var commentData = ByteAccumulator()
    var doctypeName: [UInt8]? = nil
    var doctypePublicIdentifier: [UInt8]? = nil
    var doctypeSystemIdentifier: [UInt8]? = nil
    var doctypeForceQuirks = false
    /// Offset of the `<` that began an RCDATA/RAWTEXT/script end tag candidate: "`</`
    /// followed by the temporary buffer" is the input from there.
    var temporaryStart = 0
    /// The temporary buffer of the script data double escape states (lower-cased letters).
    var temporaryBuffer: [UInt8] = []
    /// Offset of the `&` that began the current character reference.
    var characterReferenceStart = 0
    var characterReferenceCode: UInt32 = 0

    // MARK: Diagnostics

    var inputErrors: [InputStreamPreprocessor.InputError]
    var nextInputError = 0
    /// Memo for offset -> line/column, advanced forward as errors arrive in order.
    var positionMemo = (offset: 0, line: 1, column: 1)

    /// A tokenizer at the end of empty input (the placeholder a tree builder holds before it
    /// is given input): no storage of its own.
    init() {
        storage = InputStorage.empty
        p = storage.bytes
        end = 0
        inputErrors = []
    }

    /// `input` is the raw bytes of the document (UTF-8; invalid sequences become U+FFFD, a
    /// leading BOM is dropped, CRLF and CR become LF: the spec's input stream preprocessing).
    public init(input: [UInt8]) {
        let (storage, errors) = input.withUnsafeBufferPointer { raw in
            let preprocessed = InputStreamPreprocessor(raw)
            if let output = preprocessed.output {
                return (output.withUnsafeBufferPointer { InputStorage(copying: $0) }, preprocessed.errors)
            }
            let start = preprocessed.inputStart
            return (InputStorage(copying: UnsafeBufferPointer(rebasing: raw[start...])), preprocessed.errors)
        }
        self.storage = storage
        self.p = storage.bytes
        self.end = storage.bytes.count
        self.inputErrors = errors
    }

    /// The next token; `.endOfFile` forever once the input is exhausted.
    public mutating func nextToken() -> HTMLToken {
        if let token = pending.take() {
            return token
        }
        if finished {
            return .endOfFile
        }
        while true {
            step()
            if let token = result.take() {
                flushInputErrors(upTo: finished ? Int.max : pos)
                return token
            }
        }
    }
}

extension HTMLTokenizer {
    /// Columns count UTF-16 code units, as browsers' consoles and the html5lib tests do.
    /// Lives here because `diagnostics` has a file-private setter.
    mutating func appendDiagnostic(_ code: String, at offset: Int) {
        if offset < positionMemo.offset {
            positionMemo = positionBefore(offset)
        }
        var (i, line, column) = positionMemo
        while i < offset {
            let c = p[i]
            if c == 0x0A {
                line += 1
                column = 1
            } else if c >= 0xF0 {
                column += 2  // a supplementary character is two UTF-16 code units
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        positionMemo = (i, line, column)
        diagnostics.append(HTMLParseDiagnostic(code: code, line: line, column: column))
    }

    /// Line and column of an offset before the memo, found by walking back rather than
    /// rescanning from the start (errors arrive almost always in order; this keeps the rare
    /// exception from costing a full rescan each time).
    private func positionBefore(_ offset: Int) -> (offset: Int, line: Int, column: Int) {
        var line = positionMemo.line
        var i = positionMemo.offset
        while i > offset {
            i -= 1
            if p[i] == 0x0A { line -= 1 }
        }
        var lineStart = offset
        while lineStart > 0 && p[lineStart - 1] != 0x0A { lineStart -= 1 }
        var column = 1
        i = lineStart
        while i < offset {
            let c = p[i]
            if c >= 0xF0 { column += 2 } else if c & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (offset, line, column)
    }
}

/// Owns the preprocessed bytes so the tokenizer can read them through a stable pointer
/// without per-access array bounds and exclusivity checks. Immutable once made, so the
/// shared empty one may be read from any thread.
final class InputStorage: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    /// The preprocessed input, valid while this object lives.
    let bytes: UnsafeBufferPointer<UInt8>

    /// Empty input, shared (never written).
    static let empty = InputStorage(copying: UnsafeBufferPointer(start: nil, count: 0))

    init(copying source: UnsafeBufferPointer<UInt8>) {
        // At least one byte so the pointer is real even for empty input.
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(source.count, 1))
        if let from = source.baseAddress, source.count > 0 {
            base.initialize(from: from, count: source.count)
        }
        bytes = UnsafeBufferPointer(start: base, count: source.count)
    }

    deinit {
        base.deallocate()
    }
}
