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

    public init(store: HubStore, spec: FrameworkSpec, clock: any TimeSource = SystemClock(), results: FrameworkResults? = nil) {
        self.store = store
        self.spec = spec
        self.clock = clock
        self.results = results
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
        let policy = edition == .public ? spec.disclosure.publicEdition : nil
        guard
            let report = try await FrameworkReport.load(
                store, spec: spec, publish: true, policy: policy, source: edition == .public ? "the public edition's rules" : nil)
        else { throw NotFound(FrameworkService.FrameworkError.notComputed.description) }
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
        return ReportDocument(
            .init(
                template: template, report: report, partnership: partnership, period: period, periodEnd: end, edition: edition.rawValue,
                builtAt: builtAt ?? clock.now(), commentary: try await store.commentary().filter { $0.state == .approved }, actions: try await store.actions(),
                maturity: maturity, submissions: try await store.submissions().filter { ids.contains($0.id) },
                heldNotSubmitted: held))
    }
}
