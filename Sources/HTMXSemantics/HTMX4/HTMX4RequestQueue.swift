/// htmx 4's per-element request queue (`class ReqQ`): one request in flight, the rest
/// queued or dropped by the `hx-sync` strategy.
final class HTMX4RequestQueue {
    private(set) var current: HTMX4RequestContext?
    private var queued: [HTMX4RequestContext] = []

    /// `issue`: true when `ctx` may run now.
    func issue(_ ctx: HTMX4RequestContext, _ strategy: String) -> Bool {
        ctx.queueStrategy = strategy
        guard let c = current else {
            current = ctx
            return true
        }
        if strategy == "replace" || (strategy != "abort" && c.queueStrategy == "abort") {
            for q in queued { q.status = "dropped" }
            queued = []
            c.abort()
            current = ctx
            return true
        }
        switch strategy {
        case "queue all":
            queued.append(ctx)
            ctx.status = "queued"
        case "drop":
            ctx.status = "dropped"
        case "queue last":
            for q in queued { q.status = "dropped" }
            queued = [ctx]
            ctx.status = "queued"
        default:
            if queued.isEmpty && strategy != "abort" {
                queued.append(ctx)
                ctx.status = "queued"
            } else {
                ctx.status = "dropped"
            }
        }
        return false
    }

    /// `finish`: the slot is freed (whichever request ends: htmx does not check).
    func finish() { current = nil }

    func next() -> HTMX4RequestContext? { queued.isEmpty ? nil : queued.removeFirst() }

    var hasMore: Bool { !queued.isEmpty }

    func abortCurrent() { current?.abort() }
}
