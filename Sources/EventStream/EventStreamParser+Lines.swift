// Splitting the byte stream into lines: BOM at stream start, CR / LF / CRLF line ends,
// lines carried across chunks, the line-length limit.

private let lf: UInt8 = 0x0A
private let cr: UInt8 = 0x0D
private let bom: (UInt8, UInt8, UInt8) = (0xEF, 0xBB, 0xBF)
private let colon = UInt8(ascii: ":")
private let space = UInt8(ascii: " ")
/// `data` as a little-endian 32-bit word.
private let dataName = UInt32(0x6174_6164).littleEndian

extension EventStreamParser {
    /// Feeds one chunk; returns the error that stops the stream, if any.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) -> EventStreamError? {
        if let failure { return failure }
        let count = chunk.count
        let chunkStart = consumed
        consumed = chunkStart &+ count
        // Once per chunk, not per line: no copy of this parser may share what is written below.
        data.makeWritable()
        queue.makeWritable()
        defer {
            // htmx 4 hx-sse.js parseSSE: `let lines = buffer.split(/\r\n|\r|\n/)` runs once per
            // chunk, so a CR that ends a chunk has already ended its line by itself.
            if dialect == .htmx4 { crPending = false }
        }
        guard let base = chunk.baseAddress, count > 0 else {
            isFirstRead = false
            return nil
        }
        var i = 0
        if isFirstRead {
            isFirstRead = false
            // htmx 4 hx-sse.js parseSSE: TextDecoder drops one leading BOM, then
            // `if (firstChunk) { if (chunk.charCodeAt(0) === 0xFEFF) chunk = chunk.slice(1); ...}`
            // drops a second one, but only when the first chunk holds both.
            if dialect == .htmx4, count >= 6, startsWithBOM(base), startsWithBOM(base + 3) {
                i = 6
                bomPending = false
                lineStart = 6
            }
        }
        if bomPending {
            i = matchBOM(base, from: i, count: count, chunkStart: chunkStart)
        }
        if nextByteIsLiteral && i < count {
            // Chromium EventSourceParser::AddBytes: after matching the BOM it `continue`s past
            // the line-break test for the byte that follows, so a CR or LF there is content.
            nextByteIsLiteral = false
            let b = base[i]
            if b == cr || b == lf {
                carry.append(b)
                i += 1
            }
        }
        // The BOM steps may have started the first line; it is subject to the limit at once,
        // whatever the chunking.
        if carry.count > limits.maxLineLength {
            return fail(.lineTooLong(limit: limits.maxLineLength, lineStart: lineStart))
        }
        if crPending && i < count {
            // WHATWG: CRLF is one line end even when the chunk boundary falls between them.
            crPending = false
            if base[i] == lf {
                i += 1
                lineStart = chunkStart &+ i
            }
        }
        return splitLines(base, from: i, count: count, chunkStart: chunkStart)
    }

    /// Strips a BOM at stream start, even one split across chunks (the Encoding Standard's
    /// UTF-8 decode drops one leading U+FEFF; Chromium compares the first three bytes).
    /// Returns the index of the first byte after whatever was matched.
    private mutating func matchBOM(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, chunkStart: Int) -> Int {
        var i = start
        while i < count {
            let expected = bomMatched == 0 ? bom.0 : (bomMatched == 1 ? bom.1 : bom.2)
            guard base[i] == expected else {
                // Not a BOM: the bytes matched so far are ordinary content of the first line.
                bomPending = false
                if bomMatched > 0 { carry.append(bom.0) }
                if bomMatched > 1 { carry.append(bom.1) }
                return i
            }
            bomMatched += 1
            i += 1
            if bomMatched == 3 {
                bomPending = false
                lineStart = chunkStart &+ i
                nextByteIsLiteral = dialect == .browser
                return i
            }
        }
        return i
    }

    @inline(__always)
    private func startsWithBOM(_ p: UnsafePointer<UInt8>) -> Bool {
        p[0] == bom.0 && p[1] == bom.1 && p[2] == bom.2
    }

    /// Interprets every complete line in `base[start..<count]` and keeps the incomplete rest
    /// in ``carry``. Blank lines and clean `data:` lines (most of a real stream) are handled
    /// here, inline; other lines go to ``interpretLine(_:isValidUTF8:)``.
    private mutating func splitLines(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, chunkStart: Int) -> EventStreamError? {
        var i = start
        let maxLine = limits.maxLineLength
        let maxEvent = limits.maxEventSize
        while i < count {
            let (end, valid) = LineBreakScanner.scanLine(base, from: i, to: count)
            let length = end &- i
            let carried = carry.count
            if length > maxLine &- carried {
                return fail(.lineTooLong(limit: maxLine, lineStart: lineStart))
            }
            let p = base + i
            if end == count {
                carry.append(contentsOf: UnsafeBufferPointer(start: p, count: length))
                return nil
            }
            if carried > 0 {
                if let error = processCarriedLine(ending: UnsafeBufferPointer(start: p, count: length)) {
                    return fail(error)
                }
            } else if length == 0 {
                dispatch()
            } else if valid && length >= 5 && p[4] == colon
                && UnsafeRawPointer(p).loadUnaligned(as: UInt32.self) == dataName {
                // `data:` and its value (minus one leading space), appended where the message
                // will keep it.
                let s = length > 5 && p[5] == space ? 6 : 5
                let n = length &- s
                if data.byteCount &+ n &+ (data.hasData ? 1 : 0) > maxEvent {
                    return fail(.eventTooLarge(limit: maxEvent, lineStart: lineStart))
                }
                data.append(p + s, count: n)
            } else if let error = interpretLine(UnsafeBufferPointer(start: p, count: length), isValidUTF8: valid) {
                return fail(error)
            }
            if base[end] == cr {
                if end &+ 1 < count {
                    i = base[end &+ 1] == lf ? end &+ 2 : end &+ 1
                } else {
                    i = count
                    crPending = dialect == .browser
                }
            } else {
                i = end &+ 1
            }
            lineStart = chunkStart &+ i
        }
        return nil
    }

    /// Completes the line begun in an earlier chunk and processes it.
    @inline(never)
    private mutating func processCarriedLine(ending segment: UnsafeBufferPointer<UInt8>) -> EventStreamError? {
        var line: [UInt8] = []
        swap(&line, &carry)
        line.append(contentsOf: segment)
        // The halves were checked apart, so a sequence split between chunks looked invalid:
        // leave validation to the repair.
        let error = line.withUnsafeBufferPointer { interpretLine($0, isValidUTF8: false) }
        // Keep a modest buffer for the next long line; give back what a huge one took.
        line.removeAll(keepingCapacity: line.capacity <= 1 << 16)
        swap(&line, &carry)
        return error
    }

    private mutating func fail(_ error: EventStreamError) -> EventStreamError {
        failure = error
        carry = []
        data.reset()
        return error
    }
}
