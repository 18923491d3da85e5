import DotsCore
import DotsFramework
import FluentKit
import Foundation
import SQLKit

/// The framework's recomputation queue. One job at a time: a request while one is already queued joins it
/// (the queued job will read every submission in force when it starts).
extension HubStore {
    /// Queues a recomputation unless one is already queued; returns the queued job and whether it is new.
    @discardableResult
    public func queueFrameworkJob(reason: String, requestedBy: String, at: Instant) async throws -> (job: FrameworkJobRecord, created: Bool) {
        if let waiting = try await frameworkJobs(states: [.queued], limit: 1).first { return (waiting, false) }
        let job = FrameworkJobRecord(id: UUID().uuidString.lowercased(), reason: reason, requestedBy: requestedBy, requestedAt: at, state: .queued)
        try await sql.insert(into: "framework_jobs").columns("id", "reason", "requested_by", "requested_at", "state")
            .values(SQLBind(job.id), SQLBind(job.reason), SQLBind(job.requestedBy), engine.timestamp(at), SQLBind(job.state.rawValue)).run()
        return (job, true)
    }

    /// Takes the oldest queued job and marks it running; nil when none waits. Only one runner claims a job: the
    /// update names the state it expects.
    public func claimFrameworkJob(at: Instant) async throws -> FrameworkJobRecord? {
        guard let next = try await frameworkJobs(states: [.queued], limit: 1, oldestFirst: true).first else { return nil }
        try await sql.update("framework_jobs").set("state", to: SQLBind(FrameworkJobRecord.State.running.rawValue))
            .set("started_at", to: engine.timestamp(at)).where("id", .equal, next.id).where("state", .equal, FrameworkJobRecord.State.queued.rawValue).run()
        guard let claimed = try await frameworkJob(id: next.id), claimed.state == .running, claimed.startedAt == at else { return nil }
        return claimed
    }

    public func finishFrameworkJob(id: String, runID: String, at: Instant) async throws {
        try await sql.update("framework_jobs").set("state", to: SQLBind(FrameworkJobRecord.State.done.rawValue))
            .set("finished_at", to: engine.timestamp(at)).set("run_id", to: SQLBind(runID)).where("id", .equal, id).run()
    }

    public func failFrameworkJob(id: String, error: String, at: Instant) async throws {
        try await sql.update("framework_jobs").set("state", to: SQLBind(FrameworkJobRecord.State.failed.rawValue))
            .set("finished_at", to: engine.timestamp(at)).set("error", to: SQLBind(String(error.prefix(1000)))).where("id", .equal, id).run()
    }

    /// Jobs left running when a server stopped go back to the queue, so a restart resumes them.
    @discardableResult
    public func requeueInterruptedFrameworkJobs() async throws -> Int {
        let running = try await frameworkJobs(states: [.running], limit: 1000)
        guard !running.isEmpty else { return 0 }
        if try await frameworkJobs(states: [.queued], limit: 1).isEmpty, let first = running.first {
            try await sql.update("framework_jobs").set("state", to: SQLBind(FrameworkJobRecord.State.queued.rawValue))
                .set("started_at", to: SQLLiteral.null).where("id", .equal, first.id).run()
        }
        // Any others are folded into the queued job, which reads every submission in force.
        for job in running.dropFirst() { try await failFrameworkJob(id: job.id, error: "Folded into the resumed recomputation.", at: job.requestedAt) }
        return running.count
    }

    public func frameworkJob(id: String) async throws -> FrameworkJobRecord? {
        try await jobsQuery().where("id", .equal, id).first().map(Self.job)
    }

    /// Jobs in the given states (all when empty), newest first unless `oldestFirst`.
    public func frameworkJobs(states: [FrameworkJobRecord.State] = [], limit: Int = 20, oldestFirst: Bool = false) async throws -> [FrameworkJobRecord] {
        var q = jobsQuery()
        if !states.isEmpty { q = q.where("state", .in, states.map(\.rawValue)) }
        return try await q.orderBy("requested_at", oldestFirst ? .ascending : .descending).orderBy("id").limit(limit).all().map(Self.job)
    }

    func jobsQuery() -> SQLSelectBuilder {
        sql.select().columns("id", "reason", "requested_by", "state", "run_id", "error")
            .column(SQLRaw(engine.timestampText("requested_at")), as: "ra").column(SQLRaw(engine.timestampText("started_at")), as: "sa")
            .column(SQLRaw(engine.timestampText("finished_at")), as: "fa").from("framework_jobs")
    }

    static func job(_ row: any SQLRow) throws -> FrameworkJobRecord {
        FrameworkJobRecord(
            id: try row.decode(column: "id", as: String.self), reason: try row.decode(column: "reason", as: String.self),
            requestedBy: try row.decode(column: "requested_by", as: String.self),
            requestedAt: Instant(iso: try row.decode(column: "ra", as: String.self))!,
            state: try stored(FrameworkJobRecord.State.self, try row.decode(column: "state", as: String.self)),
            startedAt: try row.decode(column: "sa", as: String?.self).flatMap(Instant.init(iso:)),
            finishedAt: try row.decode(column: "fa", as: String?.self).flatMap(Instant.init(iso:)),
            runID: try row.decode(column: "run_id", as: String?.self), error: try row.decode(column: "error", as: String?.self))
    }
}
