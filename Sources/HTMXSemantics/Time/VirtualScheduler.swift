/// The virtual clock every delay runs on: htmx's swap and settle delays, `delay:`/`throttle:`
/// triggers, polling, SSE reconnects, and the scenario's own actions and response chunks.
///
/// As in the reference harness (`Conformance/FORMAT.md`, "Time"): timers are ordered by
/// (due time, order of scheduling), with no nesting clamp; one due timer runs per task and
/// the microtask queue is drained after each task. Library code never reads a wall clock.
public final class VirtualScheduler {
    public typealias Task = () -> Void

    public struct TimerID: Hashable, Sendable {
        let sequence: UInt64
    }

    private struct Entry {
        var due: Double
        var sequence: UInt64
        var task: Task
        var holdsNodes: Bool
    }

    // The state below is touched several times per task, and a task may call back into the
    // scheduler, so the compiler checks every access at run time. No access spans a call
    // out (a task runs after `pop` has returned, a microtask after its slot was read): the
    // checks are off.

    /// The current virtual time in milliseconds.
    @exclusivity(unchecked) public private(set) var now: Double = 0
    @exclusivity(unchecked) private var heap: [Entry] = []
    @exclusivity(unchecked) private var cancelled: Set<UInt64> = []
    @exclusivity(unchecked) private var nextSequence: UInt64 = 0
    @exclusivity(unchecked) private var microtasks: [Task] = []
    @exclusivity(unchecked) private var microtaskHead = 0
    /// Tasks run so far (a guard against runaway self-rescheduling loops).
    @exclusivity(unchecked) public private(set) var tasksRun = 0
    /// Sequences of pending, uncancelled timers that may hold `Node` handles (every timer but
    /// those scheduled with ``scheduleWithoutNodes(after:_:)``): while any is pending, freeing
    /// removed content could leave a closure pointing at freed memory.
    @exclusivity(unchecked) private var nodeHolders: Set<UInt64> = []
    /// Called after each task, once its microtasks have drained: the one point where no
    /// closure of the engine is running, so the replayer frees removed content here.
    public var afterEachTask: (() -> Void)?
    /// Set by ``stop()``: ``run(until:maxTasks:)`` returns at the next task boundary.
    public private(set) var stopRequested = false

    /// Ends the run after the current task (a replay's limit was reached inside it).
    public func stop() { stopRequested = true }

    /// Whether microtasks are queued that have not run yet (inside a microtask: the ones
    /// after it).
    public var hasPendingMicrotasks: Bool { microtaskHead < microtasks.count }

    public init() {}

    /// Schedules `task` to run `delay` ms from now (negative or NaN delays count as 0, as
    /// `setTimeout` does).
    @discardableResult
    public func schedule(after delay: Double, _ task: @escaping Task) -> TimerID {
        let d = delay.isNaN || delay < 0 ? 0 : delay
        return schedule(at: now + d, task)
    }

    @discardableResult
    public func schedule(at time: Double, _ task: @escaping Task) -> TimerID {
        add(at: time, holdsNodes: true, task)
    }

    /// Like ``schedule(after:_:)`` for a task whose closure holds no `Node` handle (directly or
    /// through what it captures), so it does not count in ``pendingTasksHoldingNodes``.
    @discardableResult
    public func scheduleWithoutNodes(after delay: Double, _ task: @escaping Task) -> TimerID {
        let d = delay.isNaN || delay < 0 ? 0 : delay
        return add(at: now + d, holdsNodes: false, task)
    }

    /// Like ``schedule(at:_:)`` for a task whose closure holds no `Node` handle.
    @discardableResult
    public func scheduleWithoutNodes(at time: Double, _ task: @escaping Task) -> TimerID {
        add(at: time, holdsNodes: false, task)
    }

    private func add(at time: Double, holdsNodes: Bool, _ task: @escaping Task) -> TimerID {
        let seq = nextSequence
        nextSequence += 1
        push(Entry(due: max(time, now), sequence: seq, task: task, holdsNodes: holdsNodes))
        if holdsNodes { nodeHolders.insert(seq) }
        return TimerID(sequence: seq)
    }

    /// Pending timers that may hold `Node` handles. Removed content may be freed only while
    /// this is 0 (a cancelled timer never runs, so it does not count).
    public var pendingTasksHoldingNodes: Int { nodeHolders.count }

    public func cancel(_ id: TimerID) {
        cancelled.insert(id.sequence)
        nodeHolders.remove(id.sequence)
    }

    /// Drops every pending timer and microtask (their closures usually capture the runtime
    /// that owns this scheduler: a run ends with this to break the cycle).
    public func cancelAll() {
        heap.removeAll()
        cancelled.removeAll()
        nodeHolders.removeAll()
        afterEachTask = nil
        microtasks.removeAll()
        microtaskHead = 0
    }

    /// Queues a microtask (a promise reaction): it runs when the current task ends.
    public func queueMicrotask(_ task: @escaping Task) {
        microtasks.append(task)
    }

    /// Runs every microtask queued so far, including ones queued meanwhile.
    public func drainMicrotasks() {
        while microtaskHead < microtasks.count {
            let t = microtasks[microtaskHead]
            microtaskHead += 1
            t()
        }
        microtasks.removeAll(keepingCapacity: true)
        microtaskHead = 0
    }

    /// The due time of the next pending timer, if any.
    public var nextDue: Double? {
        pruneCancelledTop()
        return heap.first?.due
    }

    /// Runs timers in order until none is due at or before `limit` (including ones scheduled
    /// meanwhile), then sets the clock to `limit`. Stops early, returning false, after
    /// `maxTasks` tasks, or once ``stop()`` was called.
    @discardableResult
    public func run(until limit: Double, maxTasks: Int = 10_000_000) -> Bool {
        drainMicrotasks()
        while let due = nextDue, due <= limit {
            if tasksRun >= maxTasks || stopRequested { return false }
            let entry = pop()
            now = entry.due
            tasksRun += 1
            if entry.holdsNodes { nodeHolders.remove(entry.sequence) }
            entry.task()
            drainMicrotasks()
            afterEachTask?()
        }
        now = max(now, limit)
        return true
    }

    // MARK: Binary heap on (due, sequence)

    private func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.due < b.due || (a.due == b.due && a.sequence < b.sequence)
    }

    private func pruneCancelledTop() {
        while let top = heap.first, cancelled.contains(top.sequence) {
            cancelled.remove(top.sequence)
            _ = pop()
        }
    }

    private func push(_ e: Entry) {
        heap.append(e)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if precedes(heap[i], heap[parent]) { heap.swapAt(i, parent); i = parent } else { break }
        }
    }

    private func pop() -> Entry {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, precedes(heap[l], heap[m]) { m = l }
                if r < heap.count, precedes(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
