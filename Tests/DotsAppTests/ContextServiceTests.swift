import DotsApp
import DotsContexts
import DotsCore
import DotsFramework
import DotsJourney
import DotsStore
import DotsTestSupport
import Foundation
import Testing

/// Contexts on both engines: operational roles only, young people linked only where the journey's rule allows,
/// links lapse unreviewed, everything audited, everyone else sees counts.
@Suite("Contexts: who may work with them, linking young people, lapsing, counts (both engines)")
struct ContextServiceTests {
    final class Clock: TimeSource, @unchecked Sendable {
        var t = Instant(iso: "2026-06-02T10:00:00Z")!
        func now() -> Instant { t }
    }

    @Test("Every change to a context queues a recomputation, so the framework's context indicators stay fresh", arguments: StoreKind.available)
    func changesQueueRecomputation(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let clock = Clock()
            let contexts = ContextService(
                store: store, spec: try FrameworkService.load(), clock: clock, journeys: JourneyService(store: store, clock: clock))
            func queued() async throws -> [String] {
                try await store.frameworkJobs(states: [.queued]).filter { $0.requestedBy == "Dots (contexts)" }.map(\.reason)
            }
            #expect(try await queued().isEmpty)
            let input = ContextService.NewContext(kind: "place", name: "Car park behind the station", area: "E06000021", reviewBy: "2026-06-30")
            let c = try await contexts.create(input, by: JourneyServiceTests.csc)
            #expect(try await queued() == ["A context was opened"])
            // Taken by the recomputation queue: the next change queues another.
            let job = try #require(try await store.claimFrameworkJob(at: clock.now()))
            try await store.failFrameworkJob(id: job.id, error: "not computed in this test", at: clock.now())
            try await contexts.update(c.id, stage: "assessment", outcome: "", note: "Assessment started", reviewBy: "2026-07-15", by: JourneyServiceTests.csc)
            #expect(try await queued() == ["A context was reviewed"])
        }
    }

    @Test("A practitioner opens a context and links a young person; the link lapses unreviewed, is reviewed, ends", arguments: StoreKind.available)
    func lifecycle(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await JourneyServiceTests.partnership(store)
            let clock = Clock()
            let journeys = JourneyService(store: store, clock: clock)
            let contexts = ContextService(store: store, spec: try FrameworkService.load(), clock: clock, journeys: journeys)
            let pat = JourneyServiceTests.csc, police = JourneyServiceTests.police
            let input = ContextService.NewContext(kind: "peer-group", name: "Group at Hanley bus station", area: "E06000021", reviewBy: "2026-06-30")
            for outsider in JourneyServiceTests.outsiders + [JourneyServiceTests.noAgency] {
                await #expect(throws: AccessDenied.self) { try await contexts.create(input, by: outsider) }
            }
            let c = try await contexts.create(input, by: pat)
            #expect(c.stage == .referral && c.opened.description == "2026-06-02")

            let linked = try await JourneyServiceTests.linked(store)
            let ours = linked.filter { $0.value.contains { $0.hasPrefix("staffs-csc/") } }.keys.sorted()[0]
            let notPolice = linked.filter { !$0.value.contains { $0.hasPrefix("staffs-police/") } }.keys.sorted()[0]
            let why = "Seen with the group after two missing episodes; to plan a safety response"
            await #expect(throws: InvalidInput.self) {
                try await contexts.link(
                    c.id, person: .partnershipID(ours), source: "RHI", reliability: "seen", proportionality: "short", reviewBy: "2026-06-30", by: pat)
            }
            // The police lead cannot link a young person the police do not hold: the journey's rule, said on the person field.
            await #expect(
                throws: InvalidInput([
                    InputProblem(
                        "person",
                        "No young person your agency holds has that id. Check it, or if they came to your agency recently, ask an analyst whether linkage has run since."
                    )
                ])
            ) {
                try await contexts.link(
                    c.id, person: .partnershipID(notPolice), source: "Intelligence", reliability: "reported", proportionality: why, reviewBy: "2026-06-30",
                    by: police)
            }
            let l = try await contexts.link(
                c.id, person: .partnershipID(ours), source: "Return home interview, 1 June", reliability: "reported-corroborated", proportionality: why,
                reviewBy: "2026-06-30", by: pat)
            #expect(l.personID == ours && l.status(on: contexts.today) == .current)
            await #expect(throws: InvalidInput.self) {
                try await contexts.link(
                    c.id, person: .partnershipID(ours), source: "Again", reliability: "seen", proportionality: why, reviewBy: "2026-06-30", by: pat)
            }
            #expect(try await store.auditEvents(action: "context.link", target: ours).count == 1)

            // On their journey, then lapsed the day after its review date.
            #expect(try await journeys.open(.partnershipID(ours), purpose: .maceMeeting, by: pat).contexts.map(\.status) == [.current])
            clock.t = Instant(iso: "2026-07-01T09:00:00Z")!
            #expect(try await journeys.open(.partnershipID(ours), purpose: .maceMeeting, by: pat).contexts.map(\.status) == [.lapsed])
            let d = try await contexts.detail(c.id, by: pat)
            #expect(d.links.map(\.status) == [.lapsed] && d.context.overdue(on: contexts.today))
            // Reviewed two days after it lapsed: current again, and the spell it did not hold is kept with it.
            clock.t = Instant(iso: "2026-07-03T09:00:00Z")!
            try await contexts.reviewLink(l.id, of: c.id, reviewBy: "2026-07-29", by: pat)
            #expect(try await contexts.detail(c.id, by: pat).links.map(\.status) == [.current])
            let renewed = try #require(try await store.contextLinks(context: c.id).first)
            #expect(renewed.gaps == [DateRange(from: CalendarDate(iso: "2026-07-01")!, to: CalendarDate(iso: "2026-07-02")!)])
            try await contexts.reviewLink(l.id, of: c.id, reviewBy: nil, by: pat)
            #expect(try await contexts.detail(c.id, by: pat).links.map(\.status) == [.ended])

            // The safety plan: an action added (checked by `ContextRules.planAction`), overdue after its date, done.
            await #expect(throws: InvalidInput.self) { try await contexts.addPlanAction(c.id, action: "Short", lead: "stoke-csc", due: "2026-07-10", by: pat) }
            for outsider in JourneyServiceTests.outsiders {
                await #expect(throws: AccessDenied.self) {
                    try await contexts.addPlanAction(c.id, action: "Lighting on the towpath", lead: "stoke-csc", due: "2026-07-10", by: outsider)
                }
            }
            let action = try await contexts.addPlanAction(
                c.id, action: "  Detached youth work at the bus station, Friday evenings  ", lead: "stoke-csc", due: "2026-07-10", by: pat)
            #expect(action.action == "Detached youth work at the bus station, Friday evenings" && action.addedBy == pat.name)
            clock.t = Instant(iso: "2026-07-11T09:00:00Z")!
            #expect(try await store.context(id: c.id)?.plan?.map { $0.status(on: contexts.today) } == [.overdue])
            try await contexts.completePlanAction(action.id, of: c.id, by: pat)
            let planned = try #require(try await store.context(id: c.id)?.plan?.first)
            #expect(planned.status(on: contexts.today) == .done && planned.doneOn == CalendarDate(iso: "2026-07-11") && planned.doneBy == pat.name)
            await #expect(throws: NotFound.self) { try await contexts.completePlanAction("PA-none", of: c.id, by: pat) }
            #expect(try await store.auditEvents(action: "context.plan-action", target: c.id).count == 1)
            #expect(try await store.auditEvents(action: "context.plan-done", target: c.id).count == 1)

            // Closing needs an outcome; with one, it is kept in the history.
            await #expect(throws: InvalidInput.self) {
                try await contexts.update(c.id, stage: "closed", outcome: "", note: "Group dispersed", reviewBy: "", by: pat)
            }
            try await contexts.update(c.id, stage: "closed", outcome: "safer", note: "Group dispersed after disruption", reviewBy: "", by: pat)
            let closed = try #require(try await store.context(id: c.id))
            #expect(closed.stage == .closed && closed.outcome == .safer && closed.history.map(\.stage) == [.referral, .closed])
            await #expect(throws: InvalidInput.self, "a closed context's plan no longer changes") {
                try await contexts.addPlanAction(c.id, action: "Another action for the group", lead: "stoke-csc", due: "2026-08-10", by: pat)
            }
            #expect(try await store.verifyAuditChain().broken == nil)

            // Everyone else: counts, as published (one context, one outcome: both hidden as 1).
            let counts = try await contexts.counts(by: JourneyServiceTests.outsiders[1])
            #expect(counts.openTotal.shown == 0 && counts.outcomes.first { $0.outcome == .safer }?.count.shown == nil)
            await #expect(throws: AccessDenied.self) { try await contexts.list(by: JourneyServiceTests.outsiders[0]) }
        }
    }
}
