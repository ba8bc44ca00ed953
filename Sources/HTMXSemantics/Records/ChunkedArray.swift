/// An append-only array kept in fixed-size chunks. An ordinary array grows by copying into
/// one twice as large, so while it grows it holds its contents three times over; for the
/// hundreds of thousands of records and PATH steps a long run keeps, that copy was the run's
/// peak memory. Here growing adds a chunk and copies nothing.
struct ChunkedArray<Element> {
    private static var shift: Int { 12 }
    private static var chunkSize: Int { 1 << shift }

    private var chunks: [ContiguousArray<Element>] = []
    private(set) var count = 0

    init() {}

    mutating func append(_ element: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk = ContiguousArray<Element>()
            // The first chunk grows as an ordinary array (a short run keeps a few records);
            // later ones are allocated whole.
            if count > 0 { chunk.reserveCapacity(Self.chunkSize) }
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    subscript(index: Int) -> Element {
        get { chunks[index >> Self.shift][index & (Self.chunkSize - 1)] }
        set { chunks[index >> Self.shift][index & (Self.chunkSize - 1)] = newValue }
    }
}
