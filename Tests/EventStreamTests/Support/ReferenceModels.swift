import EventStream

/// Slow, literal models of the two clients, written independently of the parser (byte at a
/// time, strings of scalars, no shortcuts), used as oracles for random inputs and chunkings.

/// Chromium's `EventSourceParser` (`AddBytes`, `ParseLine`), one byte at a time.
struct ChromiumEventSourceModel {
    private(set) var messages: [EventStreamMessage] = []
    private(set) var lastEventID = ""
    private(set) var reconnectionTime: Int?
    private var id = ""
    private var eventType = ""
    private var data: [UInt8] = []
    private var line: [UInt8] = []
    private var recognizingBOM = true
    private var recognizingCRLF = false

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            if recognizingBOM && line.count == 3 {
                recognizingBOM = false
                if line == [0xEF, 0xBB, 0xBF] {
                    // `start = i; line_.clear(); continue;`: this byte opens the line unexamined.
                    line = [byte]
                    continue
                }
            }
            if recognizingCRLF && byte == 0x0A {
                recognizingCRLF = false
                continue
            }
            recognizingCRLF = false
            if byte == 0x0D || byte == 0x0A {
                parseLine()
                line = []
                recognizingCRLF = byte == 0x0D
                recognizingBOM = false
            } else {
                line.append(byte)
            }
        }
    }

    private mutating func parseLine() {
        if line.isEmpty {
            lastEventID = id
            if !data.isEmpty {
                data.removeLast()
                messages.append(EventStreamMessage(
                    event: eventType, data: ReferenceUTF8Decoder.string(data), lastEventID: lastEventID))
                data = []
            }
            eventType = ""
            return
        }
        let colon = line.firstIndex(of: 0x3A)
        let nameEnd = colon ?? line.count
        var valueStart = colon.map { $0 + 1 } ?? line.count
        if colon != nil && valueStart < line.count && line[valueStart] == 0x20 { valueStart += 1 }
        let name = ReferenceUTF8Decoder.string(line[..<nameEnd])
        let value = Array(line[valueStart...])
        switch name {
        case "event": eventType = ReferenceUTF8Decoder.string(value)
        case "data": data += value + [0x0A]
        case "id": if !value.contains(0) { id = ReferenceUTF8Decoder.string(value) }
        case "retry":
            if value.isEmpty {
                reconnectionTime = 3000
            } else if value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let v = UInt64(String(decoding: value, as: UTF8.self)) {
                reconnectionTime = v > UInt64(Int.max) ? Int.max : Int(v)
            }
        default: break
        }
    }

    /// The model's result for a whole stream.
    static func parse(_ bytes: [UInt8]) -> ParseResult {
        var model = ChromiumEventSourceModel()
        model.add(bytes)
        return ParseResult(messages: model.messages, error: nil, lastEventID: model.lastEventID, reconnectionTime: model.reconnectionTime)
    }
}

/// htmx 4.0.0-beta5 `parseSSE` (`src/ext/hx-sse.js`): a streaming TextDecoder, the first-chunk
/// BOM check, `buffer.split(/\r\n|\r|\n/)` after every chunk, and the per-line field rules.
struct HTMX4ParseSSEModel {
    private(set) var messages: [EventStreamMessage] = []
    private var decoder = ReferenceUTF8Decoder()
    private var decoderSawFirstScalar = false
    private var buffer: [Unicode.Scalar] = []
    private var hasData = false
    private var event = ""
    private var data = ""
    private var id = ""
    private var retry: Double?
    private var firstChunk = true
    private var lastNonEmptyID = ""

    mutating func read(_ chunk: some Sequence<UInt8>) {
        var text = decoder.decode(chunk, stream: true)
        // TextDecoder (ignoreBOM false) drops a U+FEFF that is the stream's first scalar.
        if !decoderSawFirstScalar, let first = text.first {
            decoderSawFirstScalar = true
            if first == "\u{FEFF}" { text.removeFirst() }
        }
        if firstChunk {
            if text.first == "\u{FEFF}" { text.removeFirst() }
            firstChunk = false
        }
        // `buffer += chunk; let lines = buffer.split(/\r\n|\r|\n/); buffer = lines.pop() || ''`.
        // The buffer kept from the last read holds no CR or LF, so only the new text can
        // split it (scanning just that keeps the model linear; the result is the same).
        var lines: [[Unicode.Scalar]] = []
        var k = 0
        while k < text.count {
            let c = text[k]
            if c == "\r" || c == "\n" {
                lines.append(buffer)
                buffer = []
                if c == "\r" && k + 1 < text.count && text[k + 1] == "\n" { k += 1 }
            } else {
                buffer.append(c)
            }
            k += 1
        }
        for line in lines { process(line) }
    }

    private mutating func process(_ line: [Unicode.Scalar]) {
        if line.isEmpty {
            if hasData {
                if !id.isEmpty { lastNonEmptyID = id }
                messages.append(EventStreamMessage(event: event, data: data, id: id, lastEventID: lastNonEmptyID, retry: retry))
                hasData = false
                event = ""; data = ""; id = ""; retry = nil
            }
            return
        }
        let colon = line.firstIndex(of: ":")
        if colon == 0 { return }
        var field = line, value: [Unicode.Scalar] = []
        if let colon {
            field = Array(line[..<colon])
            value = Array(line[(colon + 1)...])
            if value.first == " " { value.removeFirst() }
        }
        let name = String(String.UnicodeScalarView(field))
        let text = String(String.UnicodeScalarView(value))
        switch name {
        case "data":
            data += (hasData ? "\n" : "") + text
            hasData = true
        case "event": event = text
        case "id": if !value.contains("\0") { id = text }
        case "retry": if let v = Self.parseInt(value) { retry = v }
        default: break
        }
    }

    /// `parseInt(s, 10)`, from ECMA-262 §21.1.2.13, over scalars.
    static func parseInt(_ s: [Unicode.Scalar]) -> Double? {
        let whiteSpace: Set<UInt32> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
                                       0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF]
        var rest = s[...].drop { whiteSpace.contains($0.value) }
        var sign = 1.0
        if let first = rest.first, first == "-" || first == "+" {
            if first == "-" { sign = -1 }
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.value >= 0x30 && $0.value <= 0x39 }
        guard !digits.isEmpty, let magnitude = Double(String(String.UnicodeScalarView(digits))) else { return nil }
        return sign * magnitude
    }

    /// The model's result for a stream read in the given chunks.
    static func parse(_ chunks: [ArraySlice<UInt8>]) -> ParseResult {
        var model = HTMX4ParseSSEModel()
        for chunk in chunks { model.read(chunk) }
        return ParseResult(messages: model.messages, error: nil, lastEventID: model.lastNonEmptyID, reconnectionTime: nil)
    }
}
