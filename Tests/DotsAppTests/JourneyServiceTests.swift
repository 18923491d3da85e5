import DotsApp
import DotsCore
import DotsFramework
import DotsJourney
import DotsStore
import DotsSynth
import DotsTestSupport
import Foundation
import Testing

/// A young person's journey on both engines: who may open it, for which young people, never without a purpose,
/// never showing another agency's own ids, and every view and refusal in the audit chain.
@Suite("Journeys: who may see a young person's records, why, and the audit of every view (both engines)")
struct JourneyServiceTests {
    static func caller(_ id: String, _ role: Role, _ agency: String? = nil) -> Caller {
        Caller(accountID: id, name: "Test \(id)", role: role, agencyID: agency, channel: .page)
    }
    static let csc = caller("pat", .practitioner, "staffs-csc"), school = caller("sal", .practitioner, "staffs-education")
    static let police = caller("lee", .agencyLead, "staffs-police"), noAgency = caller("lou", .practitioner)
    static let outsiders = [caller("ana", .analyst), caller("bo", .strategicLead), caller("ad", .admin)]

    /// A small synthetic partnership, linked, as the demo makes it.
    static func partnership(_ store: HubStore) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-journey-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = SynthConfig()
        config.people = 300
        _ = try await DemoService(directory: dir, config: config, clock: FixedClock(Instant(iso: "2026-06-01T09:00:00Z")!)).run(store: store) { _ in }
    }

    /// Young people by partnership id, with each one's records as `agency/person`.
    static func linked(_ store: HubStore) async throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (key, dp) in try await store.personLinks() { out[dp, default: []].append(key) }
        return out
    }

    /// Every row the store holds about these records ("agency/person"), read by the cohort's bulk read, not the journey's.
    static func rows(_ store: HubStore, of keys: some Collection<String>) async throws -> [RecordRow] {
        let wanted = Set(keys)
        return try await store.allRecordRows(Dataset.allCases.filter(\.isAboutPeople)).filter { r in
            r.values[r.dataset == .people ? "person_id" : r.dataset.schema.personKey ?? ""].map { wanted.contains("\(r.agencyID)/\($0)") } ?? false
        }
    }

    @Test("Only operational roles with an agency; never without a purpose or an id", arguments: StoreKind.available)
    func whoMay(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await Self.partnership(store)
            let journeys = JourneyService(store: store, clock: FixedClock(Instant(iso: "2026-06-02T10:00:00Z")!))
            let id = try await store.currentPersonIDs(agency: "staffs-csc").sorted()[0]
            for outsider in Self.outsiders + [Self.noAgency] {
                await #expect(throws: AccessDenied.self) { try await journeys.open(.agencyPersonID(id), purpose: .maceMeeting, by: outsider) }
            }
            await #expect(throws: InvalidInput([InputProblem("purpose", "Say why you are looking at this young person's records")])) {
                try await journeys.open(.agencyPersonID(id), purpose: nil, by: Self.csc)
            }
            await #expect(throws: InvalidInput.self) { try await journeys.open(.partnershipID("  "), purpose: .referral, by: Self.csc) }
            #expect(try await store.auditEvents(limit: 50).filter { $0.action.hasPrefix("journey") }.isEmpty, "nothing was opened")
        }
    }

    @Test(
        "A practitioner opens their agency's young person: every agency's events, only their own ids, the view audited with its purpose",
        arguments: StoreKind.available)
    func practitionerView(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await Self.partnership(store)
            let journeys = JourneyService(store: store, clock: FixedClock(Instant(iso: "2026-06-02T10:00:00Z")!))
            // The young person with records at the most agencies, social care among them.
            let (dp, keys) = try await Self.linked(store).filter { $0.value.contains { $0.hasPrefix("staffs-csc/") } }
                .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!
            #expect(keys.count >= 3)
            let own = keys.first { $0.hasPrefix("staffs-csc/") }!.split(separator: "/", maxSplits: 1)[1]
            let journey = try await journeys.open(.agencyPersonID(" \(own) "), purpose: .maceMeeting, by: Self.csc)
            #expect(journey.partnershipID == dp)
            #expect(journey.ownIDs == [String(own)])
            #expect(Set(journey.holders.map(\.agency.id)) == Set(keys.map { String($0.split(separator: "/")[0]) }))
            #expect(journey.viewers == nil, "a practitioner does not see who else has looked")
            // Every event the store holds about these records is on the timeline (return interviews add lines).
            let rows = try await Self.rows(store, of: keys)
            let events = rows.filter { row in row.dataset != .people && row.dataset.schema.eventDate.map { row[$0] != nil } == true }
            #expect(journey.entries.filter { $0.title != "Return home interview" }.count == events.count)
            // No other agency's own id anywhere on it.
            let foreign = keys.filter { !$0.hasPrefix("staffs-csc/") }.map { String($0.split(separator: "/", maxSplits: 1)[1]) }
            let shown = journey.entries.flatMap { [$0.title, $0.submissionID] + $0.details.map(\.value) } + journey.ownIDs
            for id in foreign { #expect(!shown.contains { $0.contains(id) }, "\(id) is shown") }
            // Audited before it was returned, with the purpose, and the chain still verifies.
            let views = try await store.auditEvents(action: "journey.view", target: dp)
            #expect(views.count == 1 && views[0].accountID == "pat" && views[0].detail == "purpose=mace-meeting; found by staffs-csc id")
            #expect(try await store.verifyAuditChain().broken == nil)
            // By partnership id too.
            #expect(try await journeys.open(.partnershipID(dp), purpose: .caseReview, by: Self.csc).entries.count == journey.entries.count)
        }
    }

    @Test(
        "An agency lead sees only young people their agency holds, and who has viewed them; a refusal says nothing about who exists",
        arguments: StoreKind.available)
    func agencyScope(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await Self.partnership(store)
            let journeys = JourneyService(store: store, clock: FixedClock(Instant(iso: "2026-06-02T10:00:00Z")!))
            let linked = try await Self.linked(store)
            let notPolice = linked.filter { !$0.value.contains { $0.hasPrefix("staffs-police/") } }.keys.sorted()[0]
            let police = linked.filter { $0.value.contains { $0.hasPrefix("staffs-police/") } && $0.value.contains { $0.hasPrefix("staffs-csc/") } }
                .keys.sorted()[0]
            let refusal = NotFound(
                "No young person your agency holds has that id. Check it, or if they came to your agency recently, ask an analyst "
                    + "whether linkage has run since.")
            await #expect(throws: refusal) { try await journeys.open(.partnershipID(notPolice), purpose: .referral, by: Self.police) }
            await #expect(throws: refusal) { try await journeys.open(.partnershipID("DP-9999999"), purpose: .referral, by: Self.police) }
            // Another agency's own id does not find anyone either: ids are looked up in the caller's agency only.
            let cscID = String(linked[police]!.first { $0.hasPrefix("staffs-csc/") }!.split(separator: "/", maxSplits: 1)[1])
            await #expect(throws: refusal) { try await journeys.open(.agencyPersonID(cscID), purpose: .referral, by: Self.police) }
            let refused = try await store.auditEvents(action: "journey.refused", target: notPolice)
            #expect(refused.count == 1 && refused[0].accountID == "lee")

            _ = try await journeys.open(.partnershipID(police), purpose: .maceMeeting, by: Self.csc)
            let seen = try await journeys.open(.partnershipID(police), purpose: .strategyDiscussion, by: Self.police)
            #expect(seen.viewers?.map(\.purpose) == [ViewPurpose.strategyDiscussion.label, ViewPurpose.maceMeeting.label])
            // This view is named from the caller's account as their session read it; earlier ones from the accounts the
            // store holds now, and these test accounts are not in it.
            #expect(seen.viewers?.map(\.name) == ["Test lee", "Command line"], "accounts not in the store are named as the command line")

            // The latest hundred views, newest first: this one, then the 99 before it.
            for i in 0..<99 { _ = try await journeys.open(.partnershipID(police), purpose: i == 98 ? .caseReview : .referral, by: Self.csc) }
            let latest = try await journeys.open(.partnershipID(police), purpose: .maceMeeting, by: Self.police)
            #expect(latest.viewers?.count == 100)
            #expect(latest.viewers?.prefix(2).map(\.purpose) == [ViewPurpose.maceMeeting.label, ViewPurpose.caseReview.label])
            #expect(latest.viewers?.dropFirst(2).allSatisfy { $0.purpose == ViewPurpose.referral.label } == true, "the two oldest views fell off")
        }
    }

    @Test("A MACE practitioner may open a young person discussed at MACE whom their agency does not hold", arguments: StoreKind.available)
    func maceRule(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await Self.partnership(store)
            let journeys = JourneyService(store: store, clock: FixedClock(Instant(iso: "2026-06-02T10:00:00Z")!))
            let linked = try await Self.linked(store).filter { !$0.value.contains { $0.hasPrefix("staffs-education/") } }
            var discussed: String?
            var not: String?
            for dp in linked.keys.sorted() {
                let rows = try await Self.rows(store, of: linked[dp]!)
                if rows.contains(where: { $0.dataset == .maceDiscussions }) { discussed = discussed ?? dp } else { not = not ?? dp }
                if discussed != nil && not != nil { break }
            }
            let seen = try await journeys.open(.partnershipID(discussed!), purpose: .maceMeeting, by: Self.school)
            #expect(seen.ownIDs.isEmpty && seen.entries.contains { $0.dataset == .maceDiscussions })
            await #expect(throws: NotFound.self) { try await journeys.open(.partnershipID(not!), purpose: .maceMeeting, by: Self.school) }
            // The MACE rule is a practitioner's: an agency lead of an agency that does not hold them is refused.
            let lead = Self.caller("eve", .agencyLead, "staffs-education")
            await #expect(throws: NotFound.self) { try await journeys.open(.partnershipID(discussed!), purpose: .maceMeeting, by: lead) }
        }
    }
}
