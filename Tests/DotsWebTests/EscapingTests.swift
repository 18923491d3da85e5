import DotsApp
import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import DotsTestSupport
import Foundation
import Testing
import VaporTesting

@testable import DotsWeb

/// Stored cross-site scripting: markup and attribute-breaking text in every free-text field a person can write
/// (account names, token labels, round titles, maturity evidence, every data map field, meetings, actions and
/// their notes, upload file names), then every page, export and API answer that shows them. Fails if `HTML`'s
/// interpolation stops escaping text, or a page passes stored text as markup.
@Suite("Escaping: what people type never becomes markup")
struct EscapingTests {
    /// Breaks out of element content, a double- and a single-quoted attribute, and starts a script.
    static let payload = #"<script>alert("x")</script>"'><img src=x onerror=alert(1)>"#
    static let formula = #"=HYPERLINK("http://evil.example","open")"#
    static let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;"

    static func assertSafe(_ body: String, _ what: String, mustShow: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!body.contains("<script>alert"), "\(what): a stored script runs", sourceLocation: sourceLocation)
        #expect(!body.contains("<img src=x"), "\(what): a stored element is live", sourceLocation: sourceLocation)
        #expect(!body.contains("'><img"), "\(what): an attribute is broken out of", sourceLocation: sourceLocation)
        if mustShow { #expect(body.contains(escaped), "\(what) shows the text, escaped", sourceLocation: sourceLocation) }
    }

    @Test("Markup in every free-text field is shown as text on every page, in Markdown exports, CSV and JSON", arguments: StoreKind.available)
    func storedMarkup(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let p = Self.payload
            let admin = WebFixture.operator_
            let accounts = try WebFixture.accountService(store)
            _ = try await accounts.create(email: "xss@example.org", name: p, role: .admin, agencyID: nil, password: WebFixture.password, by: admin)
            _ = try await accounts.issueAPIToken(email: "xss@example.org", label: p, days: nil, by: admin)

            let service = GovernanceService(store: store, spec: try FrameworkService.load(), clock: WebFixture.clock)
            let round = try await service.openRound(title: p, opened: "2026-10-01", closes: "", by: admin)
            let answers = round.questionnaire.questions.map { MaturityAnswer(questionID: $0.id, level: .learning, evidence: p) }
            _ = try await service.saveAssessment(round: round.id, agency: "staffs-police", answers: answers, submit: true, by: admin)
            let entry = try await service.createDataMapEntry(
                .init(
                    agencyID: "staffs-police", name: p, dataset: "police_incidents", system: p, recorded: p, recordingMethod: "structured", coverage: p,
                    refresh: "monthly", access: p, sharingAgreement: p, lawfulBasis: "public-task", qualityIssues: p, owner: p), by: admin)
            let meeting = try await service.recordMeeting(
                .init(title: p, heldOn: "2026-11-01", attendees: ["staffs-police": p], notes: p, decisions: p), by: admin)
            let action = try await service.createAction(
                .init(
                    title: p, detail: p, agencyID: "staffs-police", ownerName: p, due: "2027-01-01", promptKind: "meeting", promptReference: meeting.id,
                    promptText: p, meetingID: meeting.id), by: admin)
            _ = try await service.updateAction(id: action.id, .init(note: p, status: "in-progress"), by: admin)
            _ = try await service.createAction(.init(title: Self.formula, ownerName: Self.formula, due: "2027-01-01"), by: admin)

            // An upload whose file name is the payload (no quotes: a browser would not send them in a file name).
            var lead = WebTestClient(app)
            _ = try await lead.signIn("agency-lead@example.org", WebFixture.password)
            let token = try #require(WebTestClient.csrf(in: try await lead.send(.GET, "/submissions/new")))
            let upload = try await lead.upload(
                "/submissions", files: [(name: "<img src=x onerror=alert(1)>.csv", content: "not,a,dataset\n1,2,3\n")], fields: ["csrf": token])
            #expect(upload.status == .unprocessableEntity)
            #expect(!upload.body.string.contains("<img src=x"), "the rejected upload's page")
            let report = try #require(try await store.intakeReports().first)

            // The payload's own account sees the header with its name in it, on every page.
            var client = WebTestClient(app)
            #expect(try await client.signIn("xss@example.org", WebFixture.password).status == .seeOther)
            let pages = [
                "/framework", "/account", "/admin/accounts", "/maturity", "/maturity?round=\(round.id)", "/maturity/agencies/staffs-police",
                "/maturity/agencies/staffs-police/edit", "/datamap", "/datamap/\(entry.id)", "/datamap/\(entry.id)/edit", "/datamap/coverage",
                "/meetings", "/meetings/\(meeting.id)", "/actions", "/actions?view=all", "/actions/\(action.id)", "/actions/print?view=all",
                "/actions/new?meeting=\(meeting.id)",
            ]
            for path in pages {
                let res = try await client.send(.GET, path)
                #expect(res.status == .ok, "\(path)")
                Self.assertSafe(res.body.string, path)
            }
            for path in ["/submissions", "/submissions/reports/\(report.id)"] {
                let body = try await client.send(.GET, path).body.string
                #expect(!body.contains("<img src=x") && body.contains("&lt;img src=x onerror=alert(1)&gt;.csv"), "\(path) shows the file name as text")
            }
            for path in ["/actions/export.md?view=all", "/datamap/export.md", "/maturity/export.md?round=\(round.id)"] {
                let res = try await client.send(.GET, path)
                #expect(!res.body.string.contains("<script>") && !res.body.string.contains("<img"), "\(path): Markdown carries no raw HTML")
            }
            // CSV: no cell a spreadsheet would run as a formula.
            for path in ["/actions/export.csv?view=all", "/datamap/export.csv", "/submissions/reports/\(report.id).csv"] {
                let csv = try await client.send(.GET, path)
                #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true, "\(path)")
                #expect(!csv.body.string.contains(",=HYPERLINK") && !csv.body.string.contains("\n=HYPERLINK"), "\(path): a formula cell")
            }
            // JSON is served as JSON, never sniffed as a page.
            for path in [
                "/api/v1/actions?view=all", "/api/v1/datamap", "/api/v1/meetings", "/api/v1/maturity/staffs-police", "/submissions/reports/\(report.id).json",
            ] {
                let res = try await client.send(.GET, path)
                #expect(res.headers.first(name: .contentType)?.hasPrefix("application/json") == true, "\(path)")
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
            }
        }
    }

    @Test("HTML: text is escaped, markup passes, literals in ternaries and joined lists stay markup")
    func htmlType() {
        let name = "<b>Ann & \"Bo\"</b>"
        let row: HTML = "<td>\(name)</td>"
        #expect(row.markup == "<td>&lt;b&gt;Ann &amp; &quot;Bo&quot;&lt;/b&gt;</td>")
        let flag = true
        let tag: HTML = "<p>\(flag ? "<strong>on</strong>" : "")</p>"
        #expect(tag.markup == "<p><strong>on</strong></p>", "a literal in a ternary is markup")
        let list: HTML = "<ul>\(["a<", "b"].html { "<li>\($0)</li>" })</ul>"
        #expect(list.markup == "<ul><li>a&lt;</li><li>b</li></ul>")
        let optional: String? = "x\"y"
        let attr: HTML = "<p\(optional.map { " title=\"\($0)\"" } ?? "")>"
        #expect(attr.markup == "<p title=\"x&quot;y\">", "an optional's markup keeps its own interpolation escaped")
    }
}
