import DotsApp
import DotsCore
import DotsFramework
import DotsIntake
import DotsStore
import DotsTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

/// One way in: a page, an API call and a command doing the same thing write the same audit record (only the
/// account differs: the command line has none). One test per family of use cases.
@Suite("The same use case writes the same audit record from a page, the API and the command line")
struct AuditParityTests {
    static let cli = Caller.commandLine(user: "test")

    /// The audit records written while `body` ran, sorted by action then target (the test clock is fixed, so
    /// their times do not order them).
    static func written(_ store: HubStore, _ body: () async throws -> Void) async throws -> [AuditEvent] {
        var before: [String: Int] = [:]
        for e in try await store.auditEvents(limit: 100_000) { before[key(e), default: 0] += 1 }
        try await body()
        var out: [AuditEvent] = []
        for e in try await store.auditEvents(limit: 100_000) {
            if let n = before[key(e)], n > 0 { before[key(e)] = n - 1 } else { out.append(e) }
        }
        return out.sorted { ($0.action, $0.target) < ($1.action, $1.target) }
    }

    static func key(_ e: AuditEvent) -> String { [e.action, e.target, e.detail ?? "", e.accountID ?? ""].joined(separator: "|") }

    static func json(_ client: inout WebTestClient, _ method: HTTPMethod, _ path: String, _ body: String, csrf: String) async throws -> TestingHTTPResponse {
        try await client.send(method, path, body: ByteBuffer(string: body), headers: ["Content-Type": "application/json", "X-CSRF-Token": csrf])
    }

    static func signedIn(_ app: Application, _ email: String) async throws -> (WebTestClient, String) {
        var client = WebTestClient(app)
        _ = try await client.signIn(email, WebFixture.password)
        return (client, try #require(WebTestClient.csrf(in: try await client.send(.GET, "/account"))))
    }

    @Test("The method: data map, actions, meetings and maturity rounds", arguments: StoreKind.available)
    func governance(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let service = GovernanceService(store: store, spec: try FrameworkService.load(), clock: WebFixture.clock)
            let lead = try #require(try await store.account(email: "agency-lead@example.org"))
            let analyst = try #require(try await store.account(email: "analyst@example.org"))
            var (leadClient, leadCSRF) = try await Self.signedIn(app, "agency-lead@example.org")
            var (analystClient, analystCSRF) = try await Self.signedIn(app, "analyst@example.org")
            let entry = [
                "name": "Missing person reports", "recordingMethod": "structured", "refresh": "daily", "lawfulBasis": "public-task", "owner": "Coordinator",
                "system": "COMPACT", "recorded": "Episodes", "coverage": "All", "access": "Unit",
            ]

            let page = try await Self.written(store) { () async throws in
                #expect(try await leadClient.send(.POST, "/datamap", form: entry.merging(["csrf": leadCSRF]) { a, _ in a }).status == .seeOther)
                #expect(
                    try await analystClient.send(
                        .POST, "/meetings", form: ["csrf": analystCSRF, "title": "Data leads", "heldOn": "2026-11-01", "attendee-staffs-police": "Analyst"]
                    ).status
                        == .seeOther)
                #expect(
                    try await analystClient.send(.POST, "/actions", form: ["csrf": analystCSRF, "title": "Fix", "ownerName": "Sam", "due": "2027-01-01"]).status
                        == .seeOther)
                #expect(
                    try await analystClient.send(.POST, "/maturity/rounds", form: ["csrf": analystCSRF, "title": "Round 1", "opened": "2026-10-01"]).status
                        == .seeOther)
            }
            let body = try String(data: JSONEncoder().encode(entry), encoding: .utf8)!
            let api = try await Self.written(store) { () async throws in
                #expect(try await Self.json(&leadClient, .POST, "/api/v1/datamap", body, csrf: leadCSRF).status == .created)
                #expect(
                    try await Self.json(
                        &analystClient, .POST, "/api/v1/meetings",
                        #"{"title": "Data leads", "heldOn": "2026-11-01", "attendees": {"staffs-police": "Analyst"}}"#, csrf: analystCSRF
                    )
                    .status == .created)
                #expect(
                    try await Self.json(
                        &analystClient, .POST, "/api/v1/actions", #"{"title": "Fix", "ownerName": "Sam", "due": "2027-01-01"}"#, csrf: analystCSRF
                    ).status == .created)
            }
            let cli = try await Self.written(store) { () async throws in
                _ = try await service.createDataMapEntry(
                    .init(
                        agencyID: "staffs-police", name: "Missing person reports", system: "COMPACT", recorded: "Episodes", recordingMethod: "structured",
                        coverage: "All", refresh: "daily", access: "Unit", lawfulBasis: "public-task", owner: "Coordinator"), by: Self.cli)
                _ = try await service.recordMeeting(.init(title: "Data leads", heldOn: "2026-11-01", attendees: ["staffs-police": "Analyst"]), by: Self.cli)
                _ = try await service.createAction(.init(title: "Fix", ownerName: "Sam", due: "2027-01-01"), by: Self.cli)
                _ = try await service.openRound(title: "Round 2", opened: "2026-11-01", closes: "", by: Self.cli)
            }
            #expect(page.map(\.action) == ["action.create", "datamap.create", "maturity.round.open", "meeting.record"])
            #expect(api.map(\.action) == ["action.create", "datamap.create", "meeting.record"], "the API has no route to open a round")
            #expect(cli.map(\.action) == page.map(\.action))
            #expect(page.map(\.accountID) == [analyst.id, lead.id, analyst.id, analyst.id])
            #expect(api.map(\.accountID) == [analyst.id, lead.id, analyst.id])
            #expect(cli.allSatisfy { $0.accountID == nil }, "the command line acts with no account")
            #expect(Set(page.map(\.detail)) == Set(cli.map(\.detail)))
        }
    }

    @Test(
        "Submissions: a web upload, an API upload and `dots ingest` each write submission.upload with the agency and outcome",
        arguments: StoreKind.available)
    func submissions(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let csv = "not,a,dataset\n1,2,3\n"
            var (lead, csrf) = try await Self.signedIn(app, "agency-lead@example.org")
            let token = try await WebFixture.token(store, email: "agency-lead@example.org")
            let page = try await Self.written(store) { () async throws in
                #expect(try await lead.upload("/submissions", files: [(name: "x.csv", content: csv)], fields: ["csrf": csrf]).status == .unprocessableEntity)
            }
            let api = try await Self.written(store) { () async throws in
                var client = WebTestClient(app)
                let res = try await client.upload("/api/v1/submissions", files: [(name: "x.csv", content: csv)], headers: ["Authorization": "Bearer \(token)"])
                #expect(res.status == .unprocessableEntity)
            }
            let cli = try await Self.written(store) { () async throws in
                let source = try SubmissionSource.uploaded([(name: "x.csv", bytes: Array(csv.utf8))], agency: "staffs-police", period: nil, label: "x.csv")
                _ = try await SubmissionService(store: store, clock: WebFixture.clock).submit(source, by: Self.cli)
            }
            for events in [page, api, cli] {
                #expect(events.map(\.action) == ["submission.upload"])
                #expect(events.first?.detail == "staffs-police rejected")
            }
            #expect(page.first?.accountID != nil && page.first?.accountID == api.first?.accountID && cli.first?.accountID == nil)
        }
    }

    @Test("Accounts and tokens: the Accounts page and `dots user` / `dots token` write the same records", arguments: StoreKind.available)
    func accounts(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var (admin, csrf) = try await Self.signedIn(app, "admin@example.org")
            let page = try await Self.written(store) { () async throws in
                let res = try await admin.send(.POST, "/admin/accounts", form: ["csrf": csrf, "name": "Pat", "email": "pat@example.org", "role": "analyst"])
                #expect(res.status == .ok)
                let pat = try #require(try await store.account(email: "pat@example.org"))
                #expect(try await admin.send(.POST, "/admin/accounts/\(pat.id)/password", form: ["csrf": csrf]).status == .ok)
            }
            let accounts = try WebFixture.accountService(store)
            let cli = try await Self.written(store) { () async throws in
                let sam = try await accounts.add(email: "sam@example.org", name: "Sam", role: "analyst", agencyID: nil, by: Self.cli).account
                _ = try await accounts.resetPassword(accountID: sam.id, by: Self.cli)
            }
            #expect(page.map(\.action) == ["account.create", "account.password-reset"])
            #expect(page.map(\.target) != cli.map(\.target), "two different accounts")
            #expect(cli.map(\.action) == page.map(\.action))
            #expect(page.map(\.detail) == cli.map(\.detail))
        }
    }

    @Test("Clerical review: a decision from /linkage and from `dots review` write the same linkage.review record", arguments: StoreKind.available)
    func linkageReview(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let run = LinkageRunRecord(
                id: "run-1", startedAt: WebFixture.clock.instant, finishedAt: WebFixture.clock.instant, settingsJSON: "{}", modelJSON: "{}", keyID: nil,
                records: 4, candidatePairs: 2, links: 0, reviews: 2, people: 4, submissions: [], evaluationJSON: nil, runBy: "test")
            let pairs = [("staffs-police/P1", "uhnm-ed/H1"), ("staffs-police/P2", "uhnm-ed/H2")].map {
                LinkPairRecord(a: $0.0, b: $0.1, levels: [0, 0, 0, 1, 1, 1, 0, 1], weight: 2, probability: 0.8, decision: .review)
            }
            try await store.saveLinkageRun(
                run, pairs: pairs, personIDs: PersonIDUpdate(rows: [], deletes: [], replaceAll: true, agencies: nil, bySubmission: []))
            let analyst = try #require(try await store.account(email: "analyst@example.org"))
            let service = LinkQualityService(store: store, clock: WebFixture.clock)
            let refs = (try await service.ref(pairs[0].a, pairs[0].b), try await service.ref(pairs[1].a, pairs[1].b))
            var (client, csrf) = try await Self.signedIn(app, "analyst@example.org")
            let web = try await Self.written(store) {
                let res = try await client.send(
                    .POST, "/linkage/review", form: ["csrf": csrf, "pair": refs.0, "verdict": "confirmed"])
                #expect(res.status == .seeOther)
            }
            let cli = try await Self.written(store) {
                try await service.decide(
                    records: pairs[1].a, pairs[1].b, verdict: .confirmed, note: nil, by: Self.cli)
            }
            #expect(web.map(\.action) == ["linkage.review"] && cli.map(\.action) == ["linkage.review"])
            #expect(web.first?.accountID == analyst.id && cli.first?.accountID == nil)
            #expect(web.first?.detail == cli.first?.detail)
            #expect(web.first?.target == "link-pair:\(refs.0)" && cli.first?.target == "link-pair:\(refs.1)")
        }
    }
}
