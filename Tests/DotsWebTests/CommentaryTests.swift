import DotsApp
import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import DotsTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

/// Analysts' commentary: written by one person, approved by a second before anyone else reads it, every version
/// kept and audited.
@Suite("Commentary: written, approved by a second person, then shown")
struct CommentaryTests {
    static func form(_ page: TestingHTTPResponse, _ fields: [String: String]) -> [String: String] {
        fields.merging(["csrf": WebTestClient.csrf(in: page) ?? ""]) { a, _ in a }
    }

    @Test(
        "An analyst writes, cannot approve their own; another approves; then a strategic lead reads it; versions kept; all audited",
        arguments: StoreKind.available)
    func writeApproveShow(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            _ = try await FrameworkService(store: store, clock: WebFixture.clock, runBy: "test").compute(try FrameworkService.load())
            let indicatorPage = "/framework/indicators/missing-children?partnership=joint-ce"
            var analyst = WebTestClient(app)
            _ = try await analyst.signIn("analyst@example.org", WebFixture.password)
            let blank = try await analyst.send(.GET, "/framework/commentary/new?subject=indicator&id=missing-children&partnership=joint-ce&period=2025-26%20Q4")
            #expect(blank.status == .ok && blank.body.string.contains("value=\"2025-26 Q4\""))
            let fields = ["subject": "indicator", "subjectID": "missing-children", "partnership": "joint-ce", "period": "2025-26 Q4"]
            // Nothing said: the form comes back with the problem by its field.
            let empty = try await analyst.send(.POST, "/framework/commentary", form: Self.form(blank, fields))
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Enter what the figures say"))
            let says = "Fewer children went missing than a year ago <b>in Stoke</b>."
            let sent = try await analyst.send(
                .POST, "/framework/commentary",
                form: Self.form(blank, fields.merging(["says": says, "doing": "Return interviews within 72 hours."]) { a, _ in a }))
            #expect(sent.status == .seeOther)
            let first = try #require(try await store.commentary().first)
            #expect(first.state == .awaitingApproval && first.writtenBy == "Test Partnership analyst")

            // Not yet approved: no one else reads it; a strategic lead may neither write nor approve.
            var lead = WebTestClient(app)
            _ = try await lead.signIn("strategic-lead@example.org", WebFixture.password)
            #expect(!(try await lead.send(.GET, indicatorPage)).body.string.contains("Fewer children went missing"))
            let leadPage = try await lead.send(.GET, indicatorPage)
            #expect(
                try await lead.send(.POST, "/framework/commentary", form: Self.form(leadPage, fields.merging(["says": "x"]) { a, _ in a })).status == .forbidden
            )
            #expect(try await lead.send(.POST, "/framework/commentary/\(first.id)/approve", form: Self.form(leadPage, [:])).status == .forbidden)

            // The author cannot approve their own words, whatever they send.
            let queue = try await analyst.send(.GET, "/framework/commentary")
            #expect(queue.body.string.contains("You wrote this: another analyst approves it."))
            #expect(try await analyst.send(.POST, "/framework/commentary/\(first.id)/approve", form: Self.form(queue, [:])).status == .forbidden)
            #expect(try await store.commentary(id: first.id)?.state == .awaitingApproval)

            // A second person approves it; now every reader sees it, escaped, with who wrote and approved it.
            var admin = WebTestClient(app)
            _ = try await admin.signIn("admin@example.org", WebFixture.password)
            let adminQueue = try await admin.send(.GET, "/framework/commentary")
            #expect(adminQueue.body.string.contains("Approve"))
            #expect(try await admin.send(.POST, "/framework/commentary/\(first.id)/approve", form: Self.form(adminQueue, [:])).status == .seeOther)
            let shown = try await lead.send(.GET, indicatorPage).body.string
            #expect(shown.contains("Fewer children went missing than a year ago &lt;b&gt;in Stoke&lt;/b&gt;."))
            #expect(shown.contains("For 2025-26 Q4. Written by Test Partnership analyst, approved by Test Partnership admin"))
            #expect(!shown.contains("Write commentary"), "a strategic lead is not offered the form")

            // A new version replaces it once approved; the earlier one is kept, marked superseded.
            let again = try await analyst.send(.GET, "/framework/commentary/new?subject=indicator&id=missing-children&partnership=joint-ce")
            _ = try await analyst.send(.POST, "/framework/commentary", form: Self.form(again, fields.merging(["says": "Second reading."]) { a, _ in a }))
            let second = try #require(try await store.commentary().first { $0.says == "Second reading." })
            #expect(try await lead.send(.GET, indicatorPage).body.string.contains("Fewer children went missing"), "still the approved one until approval")
            _ = try await admin.send(.POST, "/framework/commentary/\(second.id)/approve", form: Self.form(adminQueue, [:]))
            #expect(try await store.commentary(id: first.id)?.state == .superseded)
            #expect(try await lead.send(.GET, indicatorPage).body.string.contains("Second reading."))
            #expect(try await analyst.send(.GET, indicatorPage).body.string.contains("Every version (2)"))
            // The API carries the approved version only.
            let api = try await lead.send(.GET, "/api/v1/framework/indicators/missing-children?partnership=joint-ce").body.string
            #expect(api.contains("\"says\":\"Second reading.\"") && !api.contains("Fewer children went missing"))

            // Sent back with a reason; a reason is needed.
            _ = try await analyst.send(.POST, "/framework/commentary", form: Self.form(again, fields.merging(["says": "Third."]) { a, _ in a }))
            let third = try #require(try await store.commentary().first { $0.says == "Third." })
            #expect(
                try await admin.send(.POST, "/framework/commentary/\(third.id)/return", form: Self.form(adminQueue, ["note": ""])).status
                    == .unprocessableEntity)
            #expect(
                try await admin.send(.POST, "/framework/commentary/\(third.id)/return", form: Self.form(adminQueue, ["note": "Say which quarter."])).status
                    == .seeOther)
            let returned = try await store.commentary(id: third.id)
            #expect(returned?.state == .returned && returned?.reviewNote == "Say which quarter.")

            // On a question: shown under it on the overview once approved.
            let q = try await analyst.send(.GET, "/framework/commentary/new?subject=question&id=cohort&partnership=joint-ce&period=2025-26")
            _ = try await analyst.send(
                .POST, "/framework/commentary",
                form: Self.form(
                    q, ["subject": "question", "subjectID": "cohort", "partnership": "joint-ce", "period": "2025-26", "says": "The cohort is stable."]))
            let onQuestion = try #require(try await store.commentary().first { $0.subject == .question })
            _ = try await admin.send(.POST, "/framework/commentary/\(onQuestion.id)/approve", form: Self.form(adminQueue, [:]))
            #expect(try await lead.send(.GET, "/framework?partnership=joint-ce").body.string.contains("The cohort is stable."))

            let audit = try await store.auditEvents().map(\.action)
            #expect(audit.filter { $0 == "commentary.write" }.count == 4)
            #expect(audit.filter { $0 == "commentary.approve" }.count == 3)
            #expect(audit.filter { $0 == "commentary.return" }.count == 1)
        }
    }

    @Test("The rule is in the use case: the command line (no account) cannot approve, nor can an unknown subject be written on")
    func useCaseRules() async throws {
        try await withStore(.sqlite) { store in
            let service = GovernanceService(store: store, spec: try FrameworkService.load(), clock: WebFixture.clock)
            let analyst = Caller(accountID: "acc-1", name: "A", role: .analyst, agencyID: nil, channel: .page)
            let input = GovernanceService.CommentaryInput(
                subject: "indicator", subjectID: "missing-children", partnership: "stoke-scp", period: "2025-26", says: "x")
            let c = try await service.writeCommentary(input, by: analyst)
            let cli = Caller(accountID: nil, name: "operator", role: .admin, agencyID: nil, channel: .cli)
            await #expect(throws: AccessDenied.self) { try await service.approveCommentary(id: c.id, by: cli) }
            await #expect(throws: AccessDenied.self) { try await service.approveCommentary(id: c.id, by: analyst) }
            var wrong = input
            wrong.subjectID = "no-such-indicator"
            await #expect(throws: NotFound.self) { try await service.writeCommentary(wrong, by: analyst) }
            wrong = input
            wrong.partnership = "nowhere"
            await #expect(throws: NotFound.self) { try await service.writeCommentary(wrong, by: analyst) }
        }
    }
}
