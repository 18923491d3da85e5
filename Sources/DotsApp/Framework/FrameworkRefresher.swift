import DotsCore
import DotsFramework
import DotsLink
import DotsStore
import Foundation

/// Keeps the framework's figures fresh: runs queued recomputations one at a time, in the background of
/// `dots serve`. An accepted submission (page, API or `dots ingest`) queues one; analysts and admins can ask for
/// one. The queue is in the store, so a restart resumes a recomputation that was cut short.
public actor FrameworkRefresher {
    let store: HubStore
    let spec: FrameworkSpec
    let clock: any TimeSource
    let audit: AuditLog
    /// Told when a recomputation ends, so readers see the new figures at once.
    let results: FrameworkResults?
    /// How often the queue is looked at when idle (a submission through this server wakes it at once).
    public static let pollSeconds: UInt64 = 2
    private var wake: CheckedContinuation<Void, Never>?

    public init(store: HubStore, spec: FrameworkSpec, clock: any TimeSource = SystemClock(), results: FrameworkResults? = nil) {
        self.store = store
        self.results = results
        self.spec = spec
        self.clock = clock
        audit = AuditLog(store: store, clock: clock)
    }

    /// An analyst or admin asks for the figures to be recomputed now.
    @discardableResult
    public func request(by caller: Caller) async throws -> FrameworkJobRecord {
        try caller.require(.recomputeFramework)
        let (job, created) = try await store.queueFrameworkJob(reason: "Asked for by \(caller.name)", requestedBy: caller.name, at: clock.now())
        if created { try await audit.record(caller, "framework.recompute", job.id) }
        await results?.forget()
        nudge()
        return job
    }

    /// Runs the oldest queued job, if any; returns it as it ended.
    @discardableResult
    public func runPending() async throws -> FrameworkJobRecord? {
        guard let job = try await store.claimFrameworkJob(at: clock.now()) else { return nil }
        do {
            // Already fresh: a run since the request used only submissions still in force and nothing has arrived
            // since it (`dots demo` or `dots framework compute` ran after the submission).
            let current = try await store.currentSubmissions()
            if let latest = try await store.latestFrameworkRun(), latest.computedAt >= job.requestedAt,
                Set(latest.submissions).isSubset(of: Set(current.map(\.id))), current.allSatisfy({ $0.receivedAt <= latest.computedAt })
            {
                try await store.finishFrameworkJob(id: job.id, runID: latest.id, at: clock.now())
                await results?.forget()
                return try await store.frameworkJob(id: job.id)
            }
            try await relinkIfPeopleChanged(job)
            let outcome = try await FrameworkService(store: store, clock: clock, runBy: "dots serve (\(job.reason))").compute(spec)
            try await store.finishFrameworkJob(id: job.id, runID: outcome.run.id, at: clock.now())
        } catch  where Task.isCancelled {
            // The server is stopping: the job stays claimed, and the next start queues it again.
            throw CancellationError()
        } catch {
            try await store.failFrameworkJob(id: job.id, error: String(describing: error), at: clock.now())
        }
        await results?.forget()
        await results?.warm()
        return try await store.frameworkJob(id: job.id)
    }

    /// A partnership that links its records relinks when the people submissions in force are not those the
    /// latest linkage run read, with that run's settings, so new young people have partnership ids.
    func relinkIfPeopleChanged(_ job: FrameworkJobRecord) async throws {
        guard let link = try await store.latestLinkageRun() else { return }
        let people = try await store.currentSubmissions(dataset: .people).map(\.id).sorted()
        guard !people.isEmpty, people != link.submissions.sorted() else { return }
        let settings = (try? JSONDecoder().decode(LinkageSettings.self, from: Data(link.settingsJSON.utf8))) ?? LinkageSettings()
        _ = try await LinkService(store: store, clock: clock, runBy: "dots serve (\(job.reason))").run(settings: settings)
    }

    /// Wakes the loop (a job was just queued by this process).
    public func nudge() {
        wake?.resume()
        wake = nil
    }

    /// Runs queued jobs until the task is cancelled: resumes any cut short by a stop, then checks the queue
    /// whenever nudged and every `pollSeconds` (another process, such as `dots ingest`, may have queued one).
    public func run() async {
        _ = try? await store.requeueInterruptedFrameworkJobs()
        await results?.warm()
        while !Task.isCancelled {
            while !Task.isCancelled, (try? await runPending()) != nil {}
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await Task.sleep(nanoseconds: Self.pollSeconds * 1_000_000_000) }
                group.addTask { await self.waitForNudge() }
                await group.next()
                group.cancelAll()
                await self.nudge()
            }
        }
    }

    private func waitForNudge() async {
        // Cancelled before it began waiting: the nudge that ends the wait has already been and gone.
        guard !Task.isCancelled else { return }
        await withCheckedContinuation { wake = $0 }
    }
}
