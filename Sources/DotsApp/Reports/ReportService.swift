import Crypto
import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// Builds the partnership's reports from the latest framework run: the template (shipped or the partnership's
/// own), one partnership, one period, the board or the public edition.
public struct ReportService: Sendable {
    let store: HubStore
    let spec: FrameworkSpec
    let clock: any TimeSource
    let results: FrameworkResults?
    /// Prints the PDFs of a published report; nil where Chromium is not installed (HTML only, and the page says so).
    public let pdf: ChromiumPDF?
    let audit: AuditLog

    public init(
        store: HubStore, spec: FrameworkSpec, clock: any TimeSource = SystemClock(), results: FrameworkResults? = nil, pdf: ChromiumPDF? = ChromiumPDF.find()
    ) {
        self.store = store
        self.spec = spec
        self.clock = clock
        self.results = results
        self.pdf = pdf
        audit = AuditLog(store: store, clock: clock)
    }

    public enum Edition: String, Sendable, CaseIterable {
        case board, `public`
    }

    /// A shipped template by name (`dashboard`, `annual`, `profile`) or a template's YAML.
    public func template(_ nameOrYAML: String) throws -> ReportTemplate {
        try ReportTemplate.parse(DefaultReportTemplates.all[nameOrYAML] ?? nameOrYAML, themes: Set(spec.themes.map(\.id)))
    }

    /// - Parameter builtAt: the time stated in the report (now when nil): the one time inside, so a rebuild with the
    ///   same inputs and time gives the same bytes.
    public func build(
        template: ReportTemplate, partnership id: String, period: String, edition: Edition, builtAt: Instant? = nil, by caller: Caller
    ) async throws -> ReportDocument {
        try caller.require(.buildReports)
        guard let partnership = ReferencePartnership.model.partnership(id: id) else {
            throw NotFound("There is no partnership \(id): use one of \(ReferencePartnership.model.partnerships.map(\.id).sorted().joined(separator: ", ")).")
        }
        // The board edition is what readers of the framework see: in `dots serve` it is already prepared.
        let loaded: FrameworkReport? =
            if edition == .board, let results { try await results.report(exact: false) } else {
                try await FrameworkReport.load(
                    store, spec: spec, publish: true, policy: edition == .public ? spec.disclosure.publicEdition : nil,
                    source: edition == .public ? "the public edition's rules" : nil)
            }
        guard let report = loaded else { throw NotFound(FrameworkService.FrameworkError.notComputed.description) }
        guard let end = report.cells.first(where: { $0.cell.period == period })?.cell.periodEnd else {
            let recent = Set(report.cells.filter { $0.cell.periodKind != PeriodKind.month.rawValue }.map(\.cell.period)).sorted().suffix(6)
            throw InvalidInput([
                InputProblem("period", "The figures have no period \(period): use one the framework reports, such as \(recent.joined(separator: ", "))")
            ])
        }
        let ids = Set(report.run.submissions)
        let rounds = try await store.maturityRounds()
        let governance = GovernanceService(store: store, spec: spec, clock: clock)
        let maturity = try await rounds.first.asyncMap { try await governance.summary(round: $0, rounds: rounds) }
        let held = try await (results ?? FrameworkResults(store: store, spec: spec, clock: clock)).dataGaps()
        // Voice counts follow the edition's rules for small numbers, like its figures.
        let policy = edition == .public ? spec.disclosure.publicEdition : spec.disclosure.applied
        let voice = try await VoiceService(store: store, spec: spec, clock: clock).summary(
            partnership: partnership.id, hideUpTo: policy.threshold,
            year: period.count >= 7 && period.prefix(4).allSatisfy(\.isNumber) ? String(period.prefix(7)) : nil)
        return ReportDocument(
            .init(
                template: template, report: report, partnership: partnership, period: period, periodEnd: end, edition: edition.rawValue,
                builtAt: builtAt ?? clock.now(), commentary: try await store.commentary().filter { $0.state == .approved }, actions: try await store.actions(),
                maturity: maturity, submissions: try await store.submissions().filter { ids.contains($0.id) },
                heldNotSubmitted: held, voice: voice))
    }

    /// Why a report cannot be published yet, in plain words; empty when it can be. The figures must be the latest
    /// (no recomputation waiting or running, no submission newer than the run), every commentary on the report's
    /// partnership must be approved or sent back, and no section the template requires may be empty.
    public func problems(_ doc: ReportDocument) async throws -> [String] {
        var out: [String] = []
        let run = doc.inputs.report.run
        if let job = try await store.frameworkJobs(states: [.queued, .running], limit: 1).first {
            out.append("The figures are being recomputed (\(job.reason)): publish once the new figures are ready.")
        } else {
            let current = try await store.currentSubmissions()
            if current.contains(where: { $0.receivedAt > run.computedAt }) || !Set(run.submissions).isSubset(of: Set(current.map(\.id))) {
                out.append("Newer data has arrived since the figures were computed: ask for a recomputation first.")
            }
        }
        let waiting = try await store.commentary().filter { $0.state == .awaitingApproval && $0.partnership == doc.inputs.partnership.id }
        if !waiting.isEmpty {
            out.append(
                "\(waiting.count) commentar\(waiting.count == 1 ? "y awaits" : "ies await") approval for this partnership: approve or send \(waiting.count == 1 ? "it" : "them") back first."
            )
        }
        for title in doc.emptyRequired { out.append("The section \u{201C}\(title)\u{201D} is required but empty.") }
        return out
    }

    /// Publishes the board and public editions of one build, with their PDFs where Chromium is installed; refused,
    /// with every reason, while `problems` finds any. A later publication of the same template, partnership and
    /// period is a new version and must say what changed.
    public func publish(
        template: ReportTemplate, partnership: String, period: String, changes: String?, by caller: Caller
    ) async throws -> PublishedReport {
        try caller.require(.buildReports)
        let builtAt = clock.now()
        let board = try await build(template: template, partnership: partnership, period: period, edition: .board, builtAt: builtAt, by: caller)
        let open = try await problems(board)
        guard open.isEmpty else { throw InvalidInput(open.map { InputProblem("report", $0) }) }
        let pub = try await build(template: template, partnership: partnership, period: period, edition: .public, builtAt: builtAt, by: caller)
        let key = [template.id, partnership, period].joined(separator: "|")
        let version = (try await store.publishedReports().filter { $0.key == key }.map(\.version).max() ?? 0) + 1
        let note = changes.map(TextRules.trimmed) ?? ""
        if version > 1, note.isEmpty {
            throw InvalidInput([InputProblem("changes", "Say what changed since version \(version - 1): a published report is corrected by a new version")])
        }
        var files: [(edition: String, format: String, content: Data)] = []
        var hashes: [String: String] = [:]
        var pdfEditions: [String] = []
        for (edition, doc) in [("board", board), ("public", pub)] {
            let html = Data(doc.html.utf8)
            files.append((edition, "html", html))
            hashes[edition] = SHA256.hash(data: html).hexString
            if let pdf {
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-publish-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: dir) }
                let h = dir.appendingPathComponent("report.html"), p = dir.appendingPathComponent("report.pdf")
                try html.write(to: h)
                try pdf.print(html: h, to: p, builtAt: builtAt)
                files.append((edition, "pdf", try Data(contentsOf: p)))
                pdfEditions.append(edition)
            }
        }
        let r = PublishedReport(
            id: "report-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10), templateID: template.id,
            templateVersion: template.version, title: template.title, partnership: partnership, period: period, version: version,
            changes: note.isEmpty ? nil : note, runID: board.inputs.report.run.id, builtAt: builtAt, publishedBy: caller.name, hashes: hashes,
            pdfEditions: pdfEditions)
        try await store.addPublishedReport(r, files: files)
        try await audit.record(caller, "report.publish", r.id)
        return r
    }

    /// Published reports: every role reads the public editions; the board editions are for roles that see the
    /// partnership's planning (not MACE practitioners).
    public func published(by caller: Caller) async throws -> [PublishedReport] {
        try caller.require(.viewFramework)
        return try await store.publishedReports()
    }

    public func publishedReport(id: String, by caller: Caller) async throws -> PublishedReport {
        try caller.require(.viewFramework)
        guard let r = try await store.publishedReport(id: id) else { throw NotFound("There is no such report.") }
        return r
    }

    /// One edition's HTML or PDF, exactly as published.
    public func file(id: String, edition: Edition, format: String, by caller: Caller) async throws -> Data {
        try caller.require(edition == .board ? .viewGovernance : .viewFramework)
        guard ["html", "pdf"].contains(format), let data = try await store.publishedReportFile(id: id, edition: edition.rawValue, format: format) else {
            throw NotFound("There is no such report file.")
        }
        return data
    }
}
