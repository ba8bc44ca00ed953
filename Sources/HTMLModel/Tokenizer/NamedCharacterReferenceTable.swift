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
        // Names arrive sorted, so each name shares a prefix (a path from the root) with the
        // previous one and only appends new nodes below it, each a new last child.
        var nodeByte: [UInt8] = [0]  // node 0 is the root
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var lastChild: [Int32] = [-1]
        var entries: [Int32] = [-1]
        var valueBytes: [UInt8] = []
        var valueStarts: [Int32] = [0]
        valueBytes.reserveCapacity(namedCharacterReferenceCount * 4)
        valueStarts.reserveCapacity(namedCharacterReferenceCount + 1)
        var path: [Int] = [0]  // nodes along the previous name
        var previousName: [UInt8] = []
        var name: [UInt8] = []
        var names = 0
        var i = 0
        while i < text.count {
            // Line: name, then one or two hexadecimal scalars, separated by spaces.
            name.removeAll(keepingCapacity: true)
            while i < text.count && text[i] != 0x20 && text[i] != 0x0A {
                name.append(text[i])
                i += 1
            }
            while i < text.count && text[i] != 0x0A {
                i += 1  // the space
                var scalar: UInt32 = 0
                while i < text.count, let digit = hexDigitValue(text[i]) {
                    scalar = scalar &* 16 &+ UInt32(digit)
                    i += 1
                }
                appendUTF8(scalar, to: &valueBytes)
            }
            i += 1  // the newline
            guard !name.isEmpty else { continue }
            var shared = 0
            while shared < name.count && shared < previousName.count && name[shared] == previousName[shared] {
                shared += 1
            }
            path.removeLast(path.count - (shared + 1))
            for k in shared ..< name.count {
                let parent = path[k]
                let node = Int32(nodeByte.count)
                nodeByte.append(name[k])
                firstChild.append(-1)
                nextSibling.append(-1)
                lastChild.append(-1)
                entries.append(-1)
                if lastChild[parent] >= 0 {
                    nextSibling[Int(lastChild[parent])] = node
                } else {
                    firstChild[parent] = node
                }
                lastChild[parent] = node
                path.append(Int(node))
            }
            entries[path[name.count]] = Int32(names)
            valueStarts.append(Int32(valueBytes.count))
            names += 1
            swap(&previousName, &name)
        }
        var rootChild = [Int32](repeating: -1, count: 128)
        var child = firstChild[0]
        while child >= 0 {
            if nodeByte[Int(child)] < 0x80 { rootChild[Int(nodeByte[Int(child)])] = child }
            child = nextSibling[Int(child)]
        }
        self.count = names
        self.rootChild = Self.owned(rootChild)
        self.nodeByte = Self.owned(nodeByte)
        self.firstChild = Self.owned(firstChild)
        self.nextSibling = Self.owned(nextSibling)
        self.nodeEntry = Self.owned(entries)
        self.valueBytes = Self.owned(valueBytes)
        self.valueStarts = Self.owned(valueStarts)
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

    private static func owned<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let copy = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = copy.initialize(from: array)
        return UnsafeBufferPointer(rebasing: copy[0 ..< array.count])
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

/// Appends the UTF-8 encoding of `scalar` (assumed to be a Unicode scalar value).
@inline(__always)
func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
    switch scalar {
    case 0 ..< 0x80:
        bytes.append(UInt8(scalar))
    case 0x80 ..< 0x800:
        bytes.append(UInt8(0xC0 | (scalar >> 6)))
        bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800 ..< 0x10000:
        bytes.append(UInt8(0xE0 | (scalar >> 12)))
        bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        bytes.append(UInt8(0xF0 | ((scalar >> 18) & 0x07)))
        bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}
