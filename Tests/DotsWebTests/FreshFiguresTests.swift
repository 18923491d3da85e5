import DotsApp
import DotsCore
import DotsFramework
import DotsStore
import DotsSynth
import DotsTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

/// Figures that stay fresh: an accepted upload queues a recomputation, the pages say newer data is being
/// included, and once the background job has run (what `dots serve` does) the new figures are live.
@Suite("Figures stay fresh after an accepted submission")
struct FreshFiguresTests {
    @Test("An accepted upload queues a recomputation; the overview says so, then shows the new run", arguments: StoreKind.available)
    func uploadRecomputes(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-fresh-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            var config = SynthConfig()
            config.people = 300
            _ = try await DemoService(directory: dir, config: config, clock: WebFixture.clock).run(store: store) { _ in }
            _ = try await FrameworkService(store: store, clock: WebFixture.clock, runBy: "test").compute(try FrameworkService.load())
            try await WebFixture.accounts(store)
            try await WebFixture.withApp(store) { app, useCases in
                var board = WebTestClient(app)
                _ = try await board.signIn("strategic-lead@example.org", WebFixture.password)
                let before = try await board.send(.GET, "/framework").body.string
                let firstRun = try #require(try await store.latestFrameworkRun())
                #expect(before.contains("(run \(firstRun.id.prefix(8)))") && !before.contains("Newer data is being included"))
                #expect(!before.contains("Recompute the figures now"), "a strategic lead cannot ask for a recomputation")

                // The agency data lead resubmits their package through the web form.
                var lead = WebTestClient(app)
                _ = try await lead.signIn("agency-lead@example.org", WebFixture.password)
                let csrf = try #require(WebTestClient.csrf(in: try await lead.send(.GET, "/submissions/new")))
                let package = dir + "/packages/staffs-police"
                let files = try FileManager.default.contentsOfDirectory(atPath: package).sorted().map { name in
                    (name: name, content: try String(contentsOfFile: package + "/" + name, encoding: .utf8))
                }
                #expect(try await lead.upload("/submissions", files: files, fields: ["csrf": csrf]).status == .seeOther)
                let queued = try #require(try await store.frameworkJobs(states: [.queued]).first)
                #expect(queued.reason == "Accepted submission from Staffordshire Police")
                await useCases.framework.forget()
                #expect(try await board.send(.GET, "/framework").body.string.contains("Newer data is being included"))

                // What `dots serve` does in the background.
                let done = try #require(try await useCases.refresher.runPending())
                #expect(done.state == .done, "\(done.error ?? "")")
                let after = try await board.send(.GET, "/framework").body.string
                let newRun = try #require(try await store.latestFrameworkRun())
                #expect(newRun.id != firstRun.id && done.runID == newRun.id)
                #expect(after.contains("(run \(newRun.id.prefix(8)))") && !after.contains("Newer data is being included"))
                let current = Set(try await store.currentSubmissions().map(\.id))
                #expect(Set(newRun.submissions).isSubset(of: current), "computed from what is in force now")
                #expect(!Set(firstRun.submissions).isSubset(of: current), "the replaced submission is no longer cited")
                #expect(try await useCases.refresher.runPending() == nil, "nothing left")
            }
        }
    }

    @Test(
        "An analyst asks for a recomputation from the overview; it is audited; a job for figures already fresh ends at once",
        arguments: StoreKind.available)
    func askToRecompute(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            _ = try await FrameworkService(store: store, clock: WebFixture.clock, runBy: "test").compute(try FrameworkService.load())
            var analyst = WebTestClient(app)
            _ = try await analyst.signIn("analyst@example.org", WebFixture.password)
            let page = try await analyst.send(.GET, "/framework")
            #expect(page.body.string.contains("Recompute the figures now"))
            let csrf = try #require(WebTestClient.csrf(in: page))
            #expect(try await analyst.send(.POST, "/framework/recompute", form: ["csrf": csrf]).status == .seeOther)
            #expect(try await store.frameworkJobs(states: [.queued]).count == 1)
            #expect(try await store.auditEvents().contains { $0.action == "framework.recompute" })
            #expect(try await analyst.send(.GET, "/framework?recompute=1").body.string.contains("Newer data is being included"))
            // Asking twice joins the queued job.
            #expect(try await analyst.send(.POST, "/framework/recompute", form: ["csrf": csrf]).status == .seeOther)
            #expect(try await store.frameworkJobs(states: [.queued]).count == 1)
            // Nothing changed since the last run: the job ends at once, pointing at it.
            let latest = try #require(try await store.latestFrameworkRun())
            let refresher = FrameworkRefresher(store: store, spec: try FrameworkService.load(), clock: WebFixture.clock)
            let done = try #require(try await refresher.runPending())
            #expect(done.state == .done && done.runID == latest.id)
            #expect(try await store.latestFrameworkRun()?.id == latest.id, "no second run")
        }
    }

    @Test("A stopping server stops its recomputation: an idle loop ends at once, and a job cut short is resumed, not failed", arguments: StoreKind.available)
    func stopping(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let spec = try FrameworkService.load()
            let refresher = FrameworkRefresher(store: store, spec: spec, clock: WebFixture.clock)
            // Idle: cancelling the loop ends it (the store may close after it), well before the 10 s guard.
            let loop = Task { await refresher.run() }
            try await Task.sleep(for: .milliseconds(200))
            loop.cancel()
            let ended = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    await loop.value; return true
                }
                group.addTask {
                    try? await Task.sleep(for: .seconds(10)); return false
                }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            #expect(ended, "the refresher's loop did not end when cancelled")
            // A job whose run is cancelled is left claimed (no figures half-written, not marked failed) and queued
            // again at the next start.
            _ = try await store.queueFrameworkJob(reason: "test", requestedBy: "test", at: WebFixture.clock.now())
            let cut = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await refresher.runPending()
            }
            await #expect(throws: CancellationError.self) { try await cut.value }
            #expect(try await store.frameworkJobs(states: [.running]).count == 1)
            #expect(try await store.frameworkJobs(states: [.failed]).isEmpty)
            #expect(try await store.latestFrameworkRun() == nil)
            #expect(try await store.requeueInterruptedFrameworkJobs() == 1)
        }
    }
}
