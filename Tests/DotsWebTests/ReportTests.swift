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

/// Reports for the Safeguarding Partnership, built from a framework run: every figure the published cell it cites,
/// the same bytes from the same inputs, and nothing in the public edition that its rules hide.
@Suite("Reports: built from the run, reproducible, and safe to publish")
struct ReportTests {
    static let builtAt = Instant(iso: "2026-04-30T09:00:00Z")!
    static let analyst = Caller(accountID: "acc-analyst", name: "Analyst", role: .analyst, agencyID: nil, channel: .cli)

    @Test(
        "Each shipped template builds on the demo; every figure equals the published cell it cites; approved commentary is in it",
        arguments: StoreKind.available)
    func templates(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await AccessTests.fixture(store)
            let spec = try FrameworkService.load()
            let service = ReportService(store: store, spec: spec, clock: WebFixture.clock)
            let published = try #require(try await FrameworkReport.load(store, spec: spec, publish: true))
            let byKey = Dictionary(published.cells.map { (ReportDocument.key($0.cell), $0) }) { a, _ in a }
            for name in ["dashboard", "annual", "profile"] {
                let doc = try await service.build(
                    template: try service.template(name), partnership: "joint-ce", period: "2025-26", edition: .board, builtAt: Self.builtAt, by: Self.analyst)
                #expect(doc.emptyRequired.isEmpty, "\(name): \(doc.emptyRequired)")
                #expect(doc.cited.count > 20, "\(name) cites figures")
                for (key, cell) in doc.cited {
                    let run = try #require(byKey[key], "\(name): \(key) is not a cell of the run")
                    #expect(run.value == cell.value && run.numerator == cell.numerator, "\(name): \(key)")
                    #expect(doc.html.contains("data-cell=\"\(key)\""))
                }
                #expect(doc.html.contains("Report hash (SHA-256 of this document above this line)"))
                #expect(doc.html.contains("Where every figure comes from"))
            }
            // The demo's approved commentary on the cohort question is in the dashboard; the one awaiting approval is not.
            let dashboard = try await service.build(
                template: try service.template("dashboard"), partnership: "joint-ce", period: "2025-26", edition: .board, builtAt: Self.builtAt,
                by: Self.analyst)
            #expect(dashboard.html.contains("about level with a year ago"))
            // Trends are drawn (SVG, labelled with the trend written out beside it).
            #expect(dashboard.html.contains("<svg class=\"bars\"") && dashboard.html.contains("aria-label=\"Trend: "))
            #expect(!dashboard.html.contains("A draft for the next sub-group"))
            // With no feedback held, the annual report says so plainly rather than leave the section silent.
            let annual = try await service.build(
                template: try service.template("annual"), partnership: "joint-ce", period: "2025-26", edition: .board, builtAt: Self.builtAt, by: Self.analyst)
            #expect(annual.html.contains("holds no feedback from children, young people and families for this partnership yet"))
        }
    }

    @Test("The same inputs give the same bytes, HTML and PDF; the public edition shows nothing its rules hide", arguments: StoreKind.available)
    func reproducibleAndPublic(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await AccessTests.fixture(store)
            let spec = try FrameworkService.load()
            let service = ReportService(store: store, spec: spec, clock: WebFixture.clock)
            func build(_ edition: ReportService.Edition) async throws -> ReportDocument {
                try await service.build(
                    template: try service.template("dashboard"), partnership: "stoke-scp", period: "2025-26", edition: edition, builtAt: Self.builtAt,
                    by: Self.analyst)
            }
            let a = try await build(.board), b = try await build(.board)
            #expect(a.html == b.html)
            let engine = try #require(ChromiumPDF.find(), "the test command installs Chromium")
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-report-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            var pdfs: [Data] = []
            for i in 0..<2 {
                let html = dir.appendingPathComponent("r\(i).html"), pdf = dir.appendingPathComponent("r\(i).pdf")
                try Data(a.html.utf8).write(to: html)
                try engine.print(html: html, to: pdf, builtAt: Self.builtAt)
                pdfs.append(try Data(contentsOf: pdf))
            }
            #expect(pdfs[0].starts(with: Data("%PDF-".utf8)) && pdfs[0].count > 10_000)
            #expect(pdfs[0] == pdfs[1], "two PDFs of the same report differ")
            #expect(String(decoding: pdfs[0], as: UTF8.self).contains("(D:20260430090000"), "stamped with the build time")
            #expect(String(decoding: pdfs[0], as: UTF8.self).contains("/StructTreeRoot"), "a tagged PDF (Chromium writes the structure tree)")

            // Public edition: every figure as the public rules publish it, and no count from 1 to 10 anywhere.
            let pub = try await build(.public)
            let publicCells = try #require(try await FrameworkReport.load(store, spec: spec, publish: true, policy: spec.disclosure.publicEdition))
            let byKey = Dictionary(publicCells.cells.map { (ReportDocument.key($0.cell), $0) }) { x, _ in x }
            for (key, cell) in pub.cited {
                #expect(byKey[key]?.value == cell.value, "\(key)")
                for n in [cell.numerator, cell.denominator] { #expect(Int(n).map { !(1...10).contains($0) } ?? true, "\(key) shows \(n)") }
            }
            #expect(pub.html.contains("counts from 1 to 10 hidden"))
            // The board edition of the same report does show counts from 6 to 10, so the check above can fail.
            #expect(a.cited.values.contains { Int($0.numerator).map { (6...10).contains($0) } ?? false })
        }
    }

    @Test("Clear refusals: an unknown period names ones that exist; an unknown partnership; a role that may not; a template without evidence")
    func refusals() async throws {
        try await withStore(.sqlite) { store in
            try await AccessTests.fixture(store)
            let spec = try FrameworkService.load()
            let service = ReportService(store: store, spec: spec, clock: WebFixture.clock)
            let t = try service.template("dashboard")
            do {
                _ = try await service.build(template: t, partnership: "joint-ce", period: "2031-32", edition: .board, by: Self.analyst)
                Issue.record("built for a period with no figures")
            } catch let e as InvalidInput {
                #expect(e.problems.first?.message.contains("The figures have no period 2031-32: use one the framework reports, such as") == true)
            }
            await #expect(throws: NotFound.self) {
                try await service.build(template: t, partnership: "nowhere", period: "2025-26", edition: .board, by: Self.analyst)
            }
            let lead = Caller(accountID: "x", name: "Lead", role: .strategicLead, agencyID: nil, channel: .page)
            await #expect(throws: AccessDenied.self) {
                try await service.build(template: t, partnership: "joint-ce", period: "2025-26", edition: .board, by: lead)
            }
            let noEvidence = DefaultReportTemplates.dashboard.replacingOccurrences(
                of: "  - {kind: evidence, title: Where every figure comes from, required: true}", with: "")
            #expect(throws: ReportTemplate.Problem.self) { try service.template(noEvidence) }
            // Whatever an analyst writes is text in the report, never markup.
            let governance = GovernanceService(store: store, spec: spec, clock: WebFixture.clock)
            let writer = Caller(accountID: "acc-w", name: "W", role: .analyst, agencyID: nil, channel: .page)
            let approver = Caller(accountID: "acc-a", name: "A", role: .analyst, agencyID: nil, channel: .page)
            let note = try await governance.writeCommentary(
                .init(subject: "question", subjectID: "cohort", partnership: "staffs-scp", period: "2025-26", says: "<script>alert(1)</script> & more"),
                by: writer)
            _ = try await governance.approveCommentary(id: note.id, by: approver)
            let escaped = try await service.build(template: t, partnership: "staffs-scp", period: "2025-26", edition: .board, by: Self.analyst).html
            #expect(escaped.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more") && !escaped.contains("<script>"))
            let badTheme = DefaultReportTemplates.profile.replacingOccurrences(of: "patterns-of-help", with: "patterns-of-hope")
            do {
                _ = try service.template(badTheme)
                Issue.record("a template naming an unknown theme was read")
            } catch let p as ReportTemplate.Problem {
                #expect(p.description.contains("names theme patterns-of-hope, which the framework does not have"))
            }
        }
    }
}

@Suite("Reports in the web app: preview, checks before publishing, publish, download")
struct ReportWebTests {
    @Test(
        "An analyst previews; publishing waits for approved commentary; then both editions are published, never changed; a strategic lead downloads the PDF",
        arguments: StoreKind.available)
    func publishAndDownload(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await AccessTests.fixture(store)
            try await WebFixture.withApp(store) { app in
                var analyst = WebTestClient(app)
                _ = try await analyst.signIn("analyst@example.org", WebFixture.password)
                let preview = try await analyst.send(.GET, "/reports/preview?template=dashboard&partnership=joint-ce&period=2025-26&edition=public")
                #expect(preview.status == .ok && preview.body.string.contains("Child exploitation sub-group dashboard"))
                #expect(preview.headers.first(name: "Content-Security-Policy")?.hasPrefix("default-src 'none'") == true, "the document may fetch nothing")
                #expect(preview.body.string.contains("counts from 1 to 10 hidden"))
                let list = try await analyst.send(.GET, "/reports")
                let form = ["template": "dashboard", "partnership": "stoke-scp", "publish-period": "2025-26", "csrf": WebTestClient.csrf(in: list) ?? ""]
                // The demo has commentary awaiting approval for Stoke-on-Trent's partnership: publishing is refused, saying so.
                let refused = try await analyst.send(.POST, "/reports", form: form)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("1 commentary awaits approval for this partnership"))
                #expect(try await store.publishedReports().isEmpty)
                let waiting = try #require(try await store.commentary().first { $0.state == .awaitingApproval })
                var admin = WebTestClient(app)
                _ = try await admin.signIn("admin@example.org", WebFixture.password)
                let queue = try await admin.send(.GET, "/framework/commentary")
                _ = try await admin.send(
                    .POST, "/framework/commentary/\(waiting.id)/return", form: ["note": "Not for this quarter.", "csrf": WebTestClient.csrf(in: queue) ?? ""])

                let published = try await analyst.send(.POST, "/reports", form: form)
                #expect(published.status == .seeOther)
                let r = try #require(try await store.publishedReports().first)
                #expect(r.version == 1 && r.pdfEditions == ["board", "public"] && r.hashes.count == 2)
                #expect(try await store.auditEvents().contains { $0.action == "report.publish" && $0.target == r.id })
                // A second publication is a correction: it must say what changed, and the first stays as it was.
                let again = try await analyst.send(.POST, "/reports", form: form)
                #expect(again.status == .unprocessableEntity && again.body.string.contains("Say what changed since version 1"))
                var corrected = form
                corrected["changes"] = "Commentary on the cohort corrected."
                #expect(try await analyst.send(.POST, "/reports", form: corrected).status == .seeOther)
                #expect(try await store.publishedReports().map(\.version).sorted() == [1, 2])
                #expect(try await store.publishedReport(id: r.id) == r)

                // A strategic lead reads the list and downloads the board PDF; a practitioner has only the public edition.
                var lead = WebTestClient(app)
                _ = try await lead.signIn("strategic-lead@example.org", WebFixture.password)
                #expect(try await lead.send(.GET, "/reports").body.string.contains("/reports/\(r.id)"))
                #expect(!(try await lead.send(.GET, "/reports")).body.string.contains("Build a report"))
                let pdf = try await lead.send(.GET, "/reports/\(r.id)/board.pdf")
                #expect(pdf.status == .ok && pdf.headers.contentType?.description.hasPrefix("application/pdf") == true)
                #expect(pdf.body.readableBytesView.starts(with: Array("%PDF-".utf8)))
                #expect(try await lead.send(.POST, "/reports", form: form).status == .forbidden)
                var practitioner = WebTestClient(app)
                _ = try await practitioner.signIn("practitioner@example.org", WebFixture.password)
                #expect(try await practitioner.send(.GET, "/reports/\(r.id)/board.pdf").status == .forbidden)
                #expect(try await practitioner.send(.GET, "/reports/\(r.id)/public.html").status == .ok)
                #expect(try await practitioner.send(.GET, "/reports/preview?template=dashboard&partnership=joint-ce&period=2025-26").status == .forbidden)
            }
        }
    }
}
