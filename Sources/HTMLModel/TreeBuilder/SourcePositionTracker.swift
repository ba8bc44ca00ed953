/// Line and column (UTF-16 columns, as the tokenizer reports) of the token the tree builder
/// is processing, for tree-construction parse errors. A reference type so the builder's
/// non-mutating error path can advance its memo; positions are asked in input order, so the
/// total work is one pass over the input.
final class SourcePositionTracker {
    private var offset = 0
    private var line = 1
    private var column = 1

    func position(of target: Int, in input: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        if target < offset { offset = 0; line = 1; column = 1 }
        let end = min(target, input.count)
        while offset < end {
            let c = input[offset]
            if c == 0x0A {
                line += 1
                column = 1
            } else if c >= 0xF0 {
                column += 2
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}
