import DotsCore
import DotsFramework
import DotsStore
import DotsTestSupport
import Foundation
import Testing

@Suite("The framework's recomputation queue")
struct FrameworkJobTests {
    static let t0 = Instant(iso: "2026-12-05T10:00:00Z")!
    static func at(_ s: Int64) -> Instant { Instant(seconds: t0.seconds + s) }

    @Test("Requests join one queued job; a job is claimed once, finished or failed; a job cut short is resumed", arguments: StoreKind.available)
    func queue(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            #expect(try await store.claimFrameworkJob(at: Self.at(0)) == nil, "an empty queue")
            let (first, created) = try await store.queueFrameworkJob(
                reason: "Accepted submission from Staffordshire Police", requestedBy: "Lead", at: Self.at(1))
            #expect(created && first.state == .queued)
            let (joined, again) = try await store.queueFrameworkJob(reason: "Asked for by Ann", requestedBy: "Ann", at: Self.at(2))
            #expect(!again && joined.id == first.id, "a second request joins the queued job")

            let claimed = try #require(try await store.claimFrameworkJob(at: Self.at(3)))
            #expect(claimed.id == first.id && claimed.state == .running && claimed.startedAt == Self.at(3))
            #expect(try await store.claimFrameworkJob(at: Self.at(4)) == nil, "claimed once")
            // While it runs, a new request queues a new job: it must read data that arrived after the run began.
            let (next, fresh) = try await store.queueFrameworkJob(reason: "Accepted submission from Stoke CSC", requestedBy: "Lead", at: Self.at(5))
            #expect(fresh && next.id != first.id)
            try await store.finishFrameworkJob(id: first.id, runID: "run-1", at: Self.at(6))
            let done = try #require(try await store.frameworkJob(id: first.id))
            #expect(done.state == .done && done.runID == "run-1" && done.finishedAt == Self.at(6))

            // A server stops while the next one runs: the next start puts it back in the queue.
            _ = try #require(try await store.claimFrameworkJob(at: Self.at(7)))
            #expect(try await store.requeueInterruptedFrameworkJobs() == 1)
            let resumed = try #require(try await store.claimFrameworkJob(at: Self.at(8)))
            #expect(resumed.id == next.id)
            try await store.failFrameworkJob(id: next.id, error: "connection lost", at: Self.at(9))
            #expect(try await store.frameworkJob(id: next.id)?.state == .failed)
            #expect(try await store.frameworkJobs(states: [.queued, .running]).isEmpty)
            #expect(try await store.frameworkJobs().map(\.id) == [next.id, first.id], "newest first")
        }
    }
}
