/// A first-in, first-out queue whose `take` is O(1): the recorded responses of one URL, the
/// chunks a reader has not read yet. `Array.removeFirst` moves every remaining element, and a
/// scenario with tens of thousands of recordings for one URL (a `load`-triggered chain, a
/// long poll) made a replay quadratic.
struct FIFO<Element> {
    private var items: [Element] = []
    /// Index of the next element to take; the elements before it are taken.
    private var head = 0

    init(_ items: [Element] = []) { self.items = items }

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }

    mutating func append(_ element: Element) { items.append(element) }

    mutating func take() -> Element? {
        guard head < items.count else { return nil }
        let element = items[head]
        head += 1
        // Taken elements are dropped once they are the larger part, so the storage stays
        // within twice what is queued and each element is moved at most once more.
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return element
    }
}
