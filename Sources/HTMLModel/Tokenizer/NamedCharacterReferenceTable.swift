/// Longest-prefix lookup over the WHATWG named character references
/// (<https://html.spec.whatwg.org/multipage/named-characters.html>), decoded once from the
/// generated ``namedCharacterReferenceSource`` into a byte trie.
///
/// The "named character reference state"
/// (<https://html.spec.whatwg.org/multipage/parsing.html#named-character-reference-state>)
/// wants the longest name that is a prefix of the remaining input. Walking the trie one
/// input byte at a time and remembering the last node that ends a name finds it in one pass;
/// the root's children are a direct table, deeper nodes have few children and are scanned.
///
/// `@unchecked Sendable`: every stored property is written once in `init` and only read after.
final class NamedCharacterReferenceTable: @unchecked Sendable {
    /// The decoded table, built on first use (Swift globals are initialised lazily and once).
    static let shared = NamedCharacterReferenceTable(source: namedCharacterReferenceSource)

    /// A match: the name's length in bytes and the index of its replacement text.
    struct Match {
        var length: Int
        var entry: Int
    }

    // Immutable after init; owned pointers rather than arrays so lookups run without
    // bounds checks or retain/release traffic.
    /// Node for each first byte (ASCII), or -1.
    private let rootChild: UnsafeBufferPointer<Int32>
    /// The byte on the edge into node `n`.
    private let nodeByte: UnsafeBufferPointer<UInt8>
    /// Node `n`'s first child and next sibling (-1 for none); siblings are in byte order.
    private let firstChild: UnsafeBufferPointer<Int32>
    private let nextSibling: UnsafeBufferPointer<Int32>
    /// The entry (index into the values) of the name ending at node `n`, or -1.
    private let nodeEntry: UnsafeBufferPointer<Int32>
    private let valueBytes: UnsafeBufferPointer<UInt8>
    /// `valueStarts[e] ..< valueStarts[e + 1]` is the UTF-8 replacement text of entry `e`.
    private let valueStarts: UnsafeBufferPointer<Int32>

    /// The number of names in the table.
    let count: Int

    init(source: StaticString) {
        let text = UnsafeBufferPointer(start: source.utf8Start, count: source.utf8CodeUnitCount)
        // Built once per process, at its first named reference (a fixed cost of most runs):
        // in scratch buffers sized for the worst case (a node per source byte; at most four
        // UTF-8 bytes per scalar, and each scalar takes a space and a digit of the source),
        // then copied out at their final sizes. Arrays grown node by node cost 2.5x as much.
        let nodeCapacity = text.count + 1
        let nodeByte = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: nodeCapacity)
        let firstChild = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodeCapacity)
        let nextSibling = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodeCapacity)
        let entries = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodeCapacity)
        let lastChild = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodeCapacity)
        let valueBytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count * 2)
        let valueStarts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: namedCharacterReferenceCount + 1)
        let path = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodeCapacity)  // nodes along the previous name
        defer {
            for scratch in [firstChild, nextSibling, entries, lastChild, valueStarts, path] { scratch.deallocate() }
            nodeByte.deallocate()
            valueBytes.deallocate()
        }
        nodeByte[0] = 0  // node 0 is the root
        firstChild[0] = -1
        nextSibling[0] = -1
        lastChild[0] = -1
        entries[0] = -1
        path[0] = 0
        valueStarts[0] = 0
        var nodes = 1
        var valueCount = 0
        // Names arrive sorted, so each name shares a prefix (a path from the root) with the
        // previous one and only appends new nodes below it, each a new last child.
        var previousName = 0 ..< 0
        var names = 0
        var i = 0
        while i < text.count {
            // Line: name, then one or two hexadecimal scalars, separated by spaces.
            let nameStart = i
            while i < text.count && text[i] != 0x20 && text[i] != 0x0A { i += 1 }
            let name = nameStart ..< i
            while i < text.count && text[i] != 0x0A {
                i += 1  // the space
                var scalar: UInt32 = 0
                while i < text.count, let digit = hexDigitValue(text[i]) {
                    scalar = scalar &* 16 &+ UInt32(digit)
                    i += 1
                }
                valueCount += writeUTF8(scalar, to: valueBytes.baseAddress! + valueCount)
            }
            i += 1  // the newline
            guard !name.isEmpty else { continue }
            precondition(names < namedCharacterReferenceCount, "the generated source has more names than it declares")
            var shared = 0
            while shared < name.count && shared < previousName.count
                && text[name.lowerBound + shared] == text[previousName.lowerBound + shared] {
                shared += 1
            }
            for k in shared ..< name.count {
                let parent = Int(path[k])
                let node = Int32(nodes)
                nodeByte[nodes] = text[name.lowerBound + k]
                firstChild[nodes] = -1
                nextSibling[nodes] = -1
                lastChild[nodes] = -1
                entries[nodes] = -1
                nodes += 1
                if lastChild[parent] >= 0 {
                    nextSibling[Int(lastChild[parent])] = node
                } else {
                    firstChild[parent] = node
                }
                lastChild[parent] = node
                path[k + 1] = node
            }
            entries[Int(path[name.count])] = Int32(names)
            names += 1
            valueStarts[names] = Int32(valueCount)
            previousName = name
        }
        let rootChild = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 128)
        rootChild.initialize(repeating: -1)
        var child = firstChild[0]
        while child >= 0 {
            if nodeByte[Int(child)] < 0x80 { rootChild[Int(nodeByte[Int(child)])] = child }
            child = nextSibling[Int(child)]
        }
        self.count = names
        self.rootChild = UnsafeBufferPointer(rootChild)
        self.nodeByte = Self.owned(nodeByte[0 ..< nodes])
        self.firstChild = Self.owned(firstChild[0 ..< nodes])
        self.nextSibling = Self.owned(nextSibling[0 ..< nodes])
        self.nodeEntry = Self.owned(entries[0 ..< nodes])
        self.valueBytes = Self.owned(valueBytes[0 ..< valueCount])
        self.valueStarts = Self.owned(valueStarts[0 ..< names + 1])
    }

    /// A copy of `part` in memory of its own size.
    private static func owned<T>(_ part: Slice<UnsafeMutableBufferPointer<T>>) -> UnsafeBufferPointer<T> {
        let copy = UnsafeMutableBufferPointer<T>.allocate(capacity: max(part.count, 1))
        _ = copy.initialize(fromContentsOf: part)
        return UnsafeBufferPointer(rebasing: copy[0 ..< part.count])
    }

    deinit {
        rootChild.deallocate()
        nodeByte.deallocate()
        firstChild.deallocate()
        nextSibling.deallocate()
        nodeEntry.deallocate()
        valueBytes.deallocate()
        valueStarts.deallocate()
    }

    /// The longest name that `input[start...]` begins with, if any.
    func longestMatch(in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Match? {
        guard start < input.count, input[start] < 0x80 else { return nil }
        var node = Int(rootChild[Int(input[start])])
        guard node >= 0 else { return nil }
        var best: Match? = nil
        var offset = 1
        while true {
            let entry = nodeEntry[node]
            if entry >= 0 { best = Match(length: offset, entry: Int(entry)) }
            guard start + offset < input.count else { break }
            let byte = input[start + offset]
            var child = Int(firstChild[node])
            while child >= 0 && nodeByte[child] < byte { child = Int(nextSibling[child]) }
            guard child >= 0 && nodeByte[child] == byte else { break }
            node = child
            offset += 1
        }
        return best
    }

    /// The UTF-8 replacement text of entry `entry`.
    func value(_ entry: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: valueBytes[Int(valueStarts[entry]) ..< Int(valueStarts[entry + 1])])
    }
}

@inline(__always)
func hexDigitValue(_ c: UInt8) -> UInt8? {
    switch c {
    case 0x30 ... 0x39: return c - 0x30
    case 0x41 ... 0x46: return c - 0x41 + 10
    case 0x61 ... 0x66: return c - 0x61 + 10
    default: return nil
    }
}

/// Writes the UTF-8 encoding of `scalar` (assumed to be a Unicode scalar value) at `out`;
/// returns the number of bytes written (at most four).
@inline(__always)
func writeUTF8(_ scalar: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
    switch scalar {
    case 0 ..< 0x80:
        out[0] = UInt8(scalar)
        return 1
    case 0x80 ..< 0x800:
        out[0] = UInt8(0xC0 | (scalar >> 6))
        out[1] = UInt8(0x80 | (scalar & 0x3F))
        return 2
    case 0x800 ..< 0x10000:
        out[0] = UInt8(0xE0 | (scalar >> 12))
        out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        out[2] = UInt8(0x80 | (scalar & 0x3F))
        return 3
    default:
        out[0] = UInt8(0xF0 | ((scalar >> 18) & 0x07))
        out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
        out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        out[3] = UInt8(0x80 | (scalar & 0x3F))
        return 4
    }
}
