import DotsApp
import DotsCore
import DotsFramework
import DotsStore
import DotsTestSupport
import DotsWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Submissions and data quality in the web app and API")
struct SubmissionWebTests {
    /// A hub-format CSV of `dataset` from its schema's examples, one row per override set.
    static func csv(_ dataset: Dataset, _ rows: [[String: String]]) -> String {
        let schema = dataset.schema
        return schema.fieldNames.joined(separator: ",") + "\n"
            + rows.map { o in CSVText.line(schema.fields.map { o[$0.name] ?? $0.example }) }.joined()
    }

    static let people = csv(.people, [["person_id": "P1"], ["person_id": "P2", "sex": "M"]])
    static let badPeople = csv(.people, [["person_id": "P1"], ["person_id": "P2", "sex": "X"], ["person_id": "P2"]])
    static let incidents = csv(
        .policeIncidents,
        [
            ["incident_id": "I1", "person_id": "P1", "incident_datetime": "2026-10-01 10:00"],
            ["incident_id": "I2", "person_id": "P2", "incident_datetime": "2026-11-01 10:00", "location_area": ""],
        ])

    static func signedIn(_ app: Application, _ role: Role) async throws -> WebTestClient {
        var client = WebTestClient(app)
        _ = try await client.signIn("\(role.rawValue)@example.org", WebFixture.password)
        return client
    }

    static func csrf(_ client: inout WebTestClient) async throws -> String {
        try #require(WebTestClient.csrf(in: try await client.send(.GET, "/submissions/new")))
    }

    @Test(
        "An upload with errors lists row, column, value and fix, loads nothing, and its full report downloads; then a good one goes in",
        arguments: StoreKind.available)
    func uploadWithErrorsThenGood(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var lead = try await Self.signedIn(app, .agencyLead)
            let token = try await Self.csrf(&lead)
            let bad = try await lead.upload("/submissions", files: [("people.csv", Self.badPeople)], fields: ["csrf": token])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("There is a problem: 2 errors to fix. Nothing was loaded."))
            #expect(html.contains("people.csv row 3, column sex"))
            #expect(html.contains("<td>X</td>"), "the value found is shown")
            #expect(html.contains("href=\"#issue-1\""))
            #expect(try await store.rowCount(.people) == 0)

            let reportID = try #require(try await store.intakeReports().first?.id)
            let csv = try await lead.send(.GET, "/submissions/reports/\(reportID).csv")
            #expect(csv.status == .ok)
            let lines = csv.body.string.split(separator: "\n")
            #expect(lines.count == 3, "a header and both errors")
            #expect(lines[1].hasPrefix("error,code-error,people.csv,3,sex,X,"))
            let json = try await lead.send(.GET, "/submissions/reports/\(reportID).json")
            #expect(json.body.string.contains("\"duplicate-key\""))

            let good = try await lead.upload(
                "/submissions", files: [("people.csv", Self.people), ("police_incidents.csv", Self.incidents)], fields: ["csrf": token])
            #expect(good.status == .seeOther)
            let target = try #require(good.headers.first(name: .location))
            let shown = try await lead.send(.GET, target)
            #expect(shown.body.string.contains("Submission accepted."))
            #expect(try await store.rowCount(.people, agency: "staffs-police") == 2)
            #expect(try await store.rowCount(.policeIncidents, agency: "staffs-police") == 2)

            let history = try await lead.send(.GET, "/submissions")
            #expect(history.body.string.components(separatedBy: "dots-tag--red\">Rejected").count == 2)
            #expect(history.body.string.components(separatedBy: "dots-tag--green\">Accepted").count == 2)

            // Quality: half the incidents lack a location; the page says so and names the field first.
            let quality = try await lead.send(.GET, "/quality/staffs-police/police_incidents")
            #expect(quality.status == .ok)
            #expect(quality.body.string.contains("Location area (<code>location_area</code>)</td><td>blank values"))
            let api = try await lead.send(.GET, "/api/v1/quality/staffs-police/people")
            #expect(api.body.string.contains("\"status\":\"rejected\""), "rejected submissions are measured too")
            #expect(api.body.string.contains("\"uniqueness\":1"))
            #expect(api.body.string.contains("\"uniqueness\":0.66"))
            let audit = try await store.auditEvents().filter { $0.action == "submission.upload" }
            #expect(audit.count == 2)
        }
    }

    @Test("The upload history pages 25 at a time, newest first, in the database", arguments: StoreKind.available)
    func historyPages(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            for i in 0..<26 {
                let at = Instant(seconds: WebFixture.clock.now().seconds - Int64(1000 - i))
                try await store.recordIntakeReport(
                    IntakeReportRecord(
                        id: "r\(i)", agency: "staffs-police", label: "upload-\(i).csv", receivedAt: at,
                        submittedBy: "x", accepted: false, rows: 0, errorCount: 1, warningCount: 0),
                    report: IntakeReport())
            }
            #expect(try await store.intakeReportCount(agency: "staffs-police") == 26)
            #expect(try await store.intakeReportCount(agency: "stoke-csc") == 0)
            var lead = try await Self.signedIn(app, .agencyLead)
            let first = try await lead.send(.GET, "/submissions").body.string
            #expect(first.components(separatedBy: "/submissions/reports/r").count - 1 == 25)
            #expect(first.contains(">upload-25.csv<") && !first.contains(">upload-0.csv<"))
            #expect(first.contains("href=\"/submissions?page=2\" rel=\"next\""))
            let second = try await lead.send(.GET, "/submissions?page=2").body.string
            #expect(second.components(separatedBy: "/submissions/reports/r").count - 1 == 1)
            #expect(second.contains(">upload-0.csv<"))
            let beyond = try await lead.send(.GET, "/submissions?page=9").body.string
            #expect(beyond.contains(">upload-0.csv<"), "a page past the end shows the last")
        }
    }

    @Test("Form problems: no files, no agency for an admin, a period that cannot be read", arguments: StoreKind.available)
    func formErrors(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var admin = try await Self.signedIn(app, .admin)
            let token = try await Self.csrf(&admin)
            let noAgency = try await admin.upload("/submissions", files: [("people.csv", Self.people)], fields: ["csrf": token])
            #expect(noAgency.status == .unprocessableEntity)
            #expect(noAgency.body.string.contains("<a href=\"#agency\">Choose the agency the submission is from</a>"))
            let noFiles = try await admin.upload("/submissions", files: [("", "")], fields: ["csrf": token, "agency": "stoke-csc"])
            #expect(noFiles.body.string.contains("<a href=\"#files\">Choose the files to upload</a>"))
            let badPeriod = try await admin.upload(
                "/submissions", files: [("people.csv", Self.people)], fields: ["csrf": token, "agency": "stoke-csc", "period": "last year"])
            #expect(badPeriod.body.string.contains("<a href=\"#period\">Enter a period like"))
            let noCSRF = try await admin.upload("/submissions", files: [("people.csv", Self.people)], fields: ["agency": "stoke-csc"])
            #expect(noCSRF.status == .forbidden)
            #expect(try await store.intakeReports().isEmpty)
        }
    }

    @Test("An agency data lead never sees another agency's submissions, reports or quality", arguments: StoreKind.available)
    func agencyScope(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var admin = try await Self.signedIn(app, .admin)
            let token = try await Self.csrf(&admin)
            #expect(
                try await admin.upload("/submissions", files: [("people.csv", Self.people)], fields: ["csrf": token, "agency": "stoke-csc"]).status == .seeOther
            )
            let stokeReport = try #require(try await store.intakeReports().first?.id)
            var lead = try await Self.signedIn(app, .agencyLead)
            let leadToken = try await Self.csrf(&lead)
            // The form's agency is ignored: a lead submits for their own agency only.
            #expect(
                try await lead.upload("/submissions", files: [("people.csv", Self.people)], fields: ["csrf": leadToken, "agency": "stoke-csc"]).status
                    == .seeOther)
            #expect(try await store.currentSubmissions(agency: "staffs-police").count == 1)
            #expect(try await store.currentSubmissions(agency: "stoke-csc").count == 1)

            for path in [
                "/submissions/reports/\(stokeReport)", "/submissions/reports/\(stokeReport).csv", "/api/v1/submissions/reports/\(stokeReport)",
                "/quality/stoke-csc/people", "/api/v1/quality/stoke-csc/people",
            ] {
                #expect(try await lead.send(.GET, path).status == .notFound, "\(path)")
            }
            for path in ["/submissions", "/quality", "/api/v1/submissions", "/api/v1/quality"] {
                let body = try await lead.send(.GET, path).body.string
                #expect(!body.contains("stoke-csc") && !body.contains("Stoke-on-Trent City Council Children"), "\(path) shows another agency")
            }
            let all = try await admin.send(.GET, "/api/v1/submissions").body.string
            #expect(all.contains("stoke-csc") && all.contains("staffs-police"))
            var strategic = try await Self.signedIn(app, .strategicLead)
            #expect(try await strategic.send(.GET, "/submissions/reports/\(stokeReport)").status == .forbidden)
        }
    }

    @Test("Agencies' automated submissions: an API token uploads; 201 when accepted, 422 with the report when not", arguments: StoreKind.available)
    func apiUpload(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let lead = try #require(try await store.account(email: "agency-lead@example.org"))
            let token = try await WebFixture.token(store, email: lead.email)
            var client = WebTestClient(app)
            let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            let bad = try await client.upload("/api/v1/submissions", files: [("people.csv", Self.badPeople)], headers: auth)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("\"accepted\":false"))
            #expect(bad.body.string.contains("\"row\":3"))
            let good = try await client.upload("/api/v1/submissions", files: [("people.csv", Self.people)], headers: auth)
            #expect(good.status == .created)
            #expect(good.headers.first(name: .location)?.hasPrefix("/api/v1/submissions/reports/") == true)
            #expect(try await store.rowCount(.people, agency: "staffs-police") == 2)
            let strategic = try #require(try await store.account(email: "strategic-lead@example.org"))
            let readOnly = try await WebFixture.token(store, email: strategic.email, label: "x")
            #expect(
                try await client.upload("/api/v1/submissions", files: [("people.csv", Self.people)], headers: ["Authorization": "Bearer \(readOnly)"]).status
                    == .forbidden)
        }
    }

    @Test("The OpenAPI document describes every API route, with its method")
    func openAPICoversRoutes() async throws {
        try await WebFixture.withAccounts(.sqlite) { _, app in
            var client = WebTestClient(app)
            let doc = try await client.send(.GET, "/api/openapi.json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(doc.body.string.utf8)) as? [String: Any])
            let paths = try #require(json["paths"] as? [String: [String: Any]])
            let api = app.routes.all.filter { $0.path.first?.description == "api" && $0.path.count > 2 }
            #expect(api.count >= 7)
            for route in api {
                let path = "/" + route.path.map { c in c.description.hasPrefix(":") ? "{\(c.description.dropFirst())}" : c.description }.joined(separator: "/")
                #expect(paths[path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not in the OpenAPI document")
            }
        }
    }
}
