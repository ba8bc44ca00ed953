// Interpreting one line: blank line (dispatch), comment, field name and value, the four fields.
// Browser: https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
// as Chromium's EventSourceParser::ParseLine does it.
// htmx 4: the body of the `for (let line of lines)` loop of parseSSE in hx-sse.js (v4.0.0-beta5).

private let colon = UInt8(ascii: ":")
private let space = UInt8(ascii: " ")
/// `even` as a little-endian 32-bit word, and the `t` that completes `event`.
private let eventNameHead = UInt32(0x6E65_7665).littleEndian
private let eventNameTail = UInt8(ascii: "t")
/// `id` as a little-endian 16-bit word.
private let idName = UInt16(0x6469).littleEndian

extension EventStreamParser {
    /// Interprets one complete line (without its line ending) that the chunk loop's fast
    /// paths did not take. `isValidUTF8` says the line needs no repair.
    @inline(never)
    mutating func interpretLine(_ line: UnsafeBufferPointer<UInt8>, isValidUTF8: Bool) -> EventStreamError? {
        let n = line.count
        guard n > 0, let p = line.baseAddress else {
            dispatch()
            return nil
        }
        // WHATWG: a line starting with a colon is a comment. (Chromium reads it as a field with
        // an empty name, which no rule matches; htmx: `if (colonIndex === 0) continue`.)
        if p[0] == colon { return nil }
        let (kind, nameEnd) = Self.fieldName(p, n)
        // WHATWG: no colon → the whole line is the name and the value is empty; otherwise the
        // value starts after the colon, minus one leading space.
        let field = value(of: line, from: nameEnd < n ? nameEnd + 1 : n)
        switch kind {
        case .data:
            return appendData(field, isValidUTF8: isValidUTF8)
        case .event:
            eventName.set(field, isValidUTF8: isValidUTF8)
        case .id:
            // WHATWG and htmx (`if (!value.includes('\0'))`): an id containing NUL is ignored.
            if !field.contains(0) {
                idBuffer.set(field, isValidUTF8: isValidUTF8)
                idChanged = true
            }
        case .retry:
            setRetry(field)
        case .other:
            break  // unknown field: ignored by both
        }
        return nil
    }

    private enum FieldKind { case data, event, id, retry, other }

    /// The line's field and where its name ends (at the colon, or the line's end). `id:` and
    /// `event:`, most of the lines that reach here, are told by one word compare each; the
    /// rest by a search for the colon.
    @inline(__always)
    private static func fieldName(_ p: UnsafePointer<UInt8>, _ n: Int) -> (FieldKind, Int) {
        if n >= 3 && p[2] == colon && UnsafeRawPointer(p).loadUnaligned(as: UInt16.self) == idName { return (.id, 2) }
        if n >= 6 && p[5] == colon && p[4] == eventNameTail
            && UnsafeRawPointer(p).loadUnaligned(as: UInt32.self) == eventNameHead { return (.event, 5) }
        var nameEnd = 1
        while nameEnd < n && p[nameEnd] != colon { nameEnd += 1 }
        switch nameEnd {
        case 4 where p[0] == 0x64 && p[1] == 0x61 && p[2] == 0x74 && p[3] == 0x61: return (.data, 4)
        case 5 where p[0] == 0x65 && p[1] == 0x76 && p[2] == 0x65 && p[3] == 0x6E && p[4] == 0x74: return (.event, 5)
        case 2 where p[0] == 0x69 && p[1] == 0x64: return (.id, 2)
        case 5 where p[0] == 0x72 && p[1] == 0x65 && p[2] == 0x74 && p[3] == 0x72 && p[4] == 0x79: return (.retry, 5)
        default: return (.other, nameEnd)
        }
    }

    /// The field value starting at `start`, without one leading space.
    @inline(__always)
    private func value(of line: UnsafeBufferPointer<UInt8>, from start: Int) -> UnsafeBufferPointer<UInt8> {
        var s = start
        if s < line.count && line[s] == space { s += 1 }
        return UnsafeBufferPointer(rebasing: line[s...])
    }

    /// WHATWG `data`: append the value and an LF to the data buffer (the final LF is removed at
    /// dispatch, so the LF is stored only between lines). htmx: `message.data += (hasData ? '\n' : '') + value`.
    /// The value is repaired on the way in, so the data is always valid UTF-8.
    @inline(__always)
    mutating func appendData(_ value: UnsafeBufferPointer<UInt8>, isValidUTF8: Bool) -> EventStreamError? {
        if isValidUTF8, let source = value.baseAddress {
            // The size is known before copying: an oversized value is never written.
            let separator = data.hasData ? 1 : 0
            if data.byteCount &+ separator &+ value.count > limits.maxEventSize {
                return .eventTooLarge(limit: limits.maxEventSize, lineStart: lineStart)
            }
            data.append(source, count: value.count)
        } else {
            data.appendRepairing(value)
            if data.byteCount > limits.maxEventSize {
                return .eventTooLarge(limit: limits.maxEventSize, lineStart: lineStart)
            }
        }
        return nil
    }

    private mutating func setRetry(_ value: UnsafeBufferPointer<UInt8>) {
        switch dialect {
        case .browser:
            // Chromium EventSourceParser::ParseLine: empty → EventSource::kDefaultReconnectDelay;
            // all ASCII digits → the value, unless it overflows uint64 (ToUInt64Strict fails).
            if value.isEmpty {
                reconnection = 3000
                return
            }
            var total: UInt64 = 0
            for b in value {
                guard b >= 0x30 && b <= 0x39 else { return }
                let (times10, o1) = total.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(b - 0x30))
                if o1 || o2 { return }
                total = sum
            }
            reconnection = total > UInt64(Int.max) ? Int.max : Int(total)
        case .htmx4:
            // hx-sse.js parseSSE: `let retryValue = parseInt(value, 10); if (!isNaN(retryValue)) message.retry = retryValue;`
            if let parsed = JavaScriptNumber.parseInt10(value) { pendingRetry = parsed }
        }
    }

    /// A blank line.
    @inline(never)
    mutating func dispatch() {
        switch dialect {
        case .browser:
            // WHATWG "dispatch the event": step 1 sets the last event ID string even when
            // nothing is dispatched; step 2 drops an event with an empty data buffer; the event
            // type buffer is reset either way (Chromium: `event_type_ = g_null_atom`).
            if idChanged {
                lastEventIDBytes.set(idBuffer)
                idChanged = false
            }
            if !data.isEmpty {
                let record = data.takeRecord(eventName, FieldValueBuffer(), lastEventIDBytes)
                queue.append(EventStreamMessage(
                    record: consume record, eventLength: eventName.count, idLength: nil,
                    lastEventIDLength: lastEventIDBytes.count, retry: nil))
            }
            eventName.clear()
        case .htmx4:
            // hx-sse.js parseSSE: `if (!line) { if (hasData) { yield message; hasData = false;
            // message = {data: '', event: '', id: '', retry: null}; } continue; }`: a block without
            // data resets nothing, so its event, id and retry carry into the next message.
            guard !data.isEmpty else { return }
            if !idBuffer.isEmpty { lastEventIDBytes.set(idBuffer) }
            let record = data.takeRecord(eventName, idBuffer, lastEventIDBytes)
            queue.append(EventStreamMessage(
                record: consume record, eventLength: eventName.count, idLength: idBuffer.count,
                lastEventIDLength: lastEventIDBytes.count, retry: pendingRetry))
            eventName.clear()
            idBuffer.clear()
            pendingRetry = nil
        }
    }
}
