import DotsCore

/// Group commit for the audit chain. Every view of a young person's records is written to the chain before the page
/// is shown, and a chain takes one writer at a time; under load, one transaction per record queued the views behind
/// each other's round trips. Records that arrive while a write is under way wait and go together in the next
/// transaction; each caller resumes only when the transaction holding its record has committed (or failed, and then
/// it fails too, so nothing is shown unrecorded).
actor AuditBatcher {
    private var pending: [(event: AuditEvent, done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false

    /// Waits until `event` is committed by `write`, which is given it with any others waiting at the time, in order.
    func append(_ event: AuditEvent, write: @escaping @Sendable ([AuditEvent]) async throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            pending.append((event, done))
            if !writing {
                writing = true
                Task { await drain(write) }
            }
        }
    }

    private func drain(_ write: @Sendable ([AuditEvent]) async throws -> Void) async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                try await write(batch.map(\.event))
                for b in batch { b.done.resume() }
            } catch {
                for b in batch { b.done.resume(throwing: error) }
            }
        }
        writing = false
    }
}
