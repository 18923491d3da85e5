import DotsCore
import DotsFramework
import DotsStore
import Foundation

/// The readable views of computed figures: a table per question (`show`), and CSV or JSON (`export`).
public struct FrameworkReport: Sendable {
    public let spec: FrameworkSpec
    public let cells: [PublishedCell]
    public let gaps: [StoredGap]
    public let run: FrameworkRunRecord
    /// The disclosure control the figures went through; nil for exact figures.
    public var policy: DisclosurePolicy?
    /// That control in words with whose rules they are: recorded with every published figure (pages, API, CSV,
    /// JSON). Nil for exact figures.
    public var disclosureControl: String?
    /// Each indicator's cells, so pages showing one indicator do not scan every figure of the run.
    public let cellsByIndicator: [String: [PublishedCell]]

    public init(spec: FrameworkSpec, cells: [PublishedCell], gaps: [StoredGap], run: FrameworkRunRecord) {
        self.spec = spec
        self.cells = cells
        self.gaps = gaps
        self.run = run
        cellsByIndicator = Dictionary(grouping: cells, by: \.cell.indicatorID)
    }

    /// The kinds of period to headline, longest first.
    public static let headlineKinds: [PeriodKind] = [.financialYear, .rolling12, .quarter, .month]

    /// The latest run's figures for a reader: exact (`publish` false: analysts, who still see `:` and `z`) or with
    /// disclosure control applied. Nil when the framework has not been computed on this store.
    /// - Parameters:
    ///   - policy: the rules to publish under; nil for the framework's (`spec.disclosure`).
    ///   - source: whose rules `policy` is, in words (for example "set on the command line").
    public static func load(
        _ store: HubStore, spec: FrameworkSpec, publish: Bool, policy chosen: DisclosurePolicy? = nil, source: String? = nil
    ) async throws -> FrameworkReport? {
        let policy = chosen ?? spec.disclosure.applied
        guard let run = try await store.latestFrameworkRun() else { return nil }
        let cells = try await store.frameworkResults()
        let service = FrameworkService(store: store, runBy: "report")
        let published = service.published(spec, cells: cells, policy: publish ? policy : DisclosurePolicy(threshold: 0, minimumBase: 0))
        var report = FrameworkReport(spec: spec, cells: published, gaps: try await store.frameworkGaps(), run: run)
        report.policy = publish ? policy : nil
        report.disclosureControl = publish ? "\(policy.summary) (\(chosen == nil ? spec.disclosure.source : source ?? "set for this export"))" : nil
        return report
    }

    /// One indicator's total cells in a scope for one kind of period, oldest first: a trend.
    /// - Parameter within: when given (a partnership's life), only periods wholly inside it: a partnership that
    ///   split or began part-way through a period has no figure for it.
    public func series(_ ind: IndicatorSpec, scope: String, kind: PeriodKind, within: DateRange? = nil) -> [PublishedCell] {
        (cellsByIndicator[ind.id] ?? []).filter {
            $0.cell.scope == scope && $0.cell.breakdown == "total" && $0.cell.periodKind == kind.rawValue
                && ($0.cell.stat == "value" || $0.cell.stat == "p50") && Self.inside(within, $0.cell)
        }
        .sorted { $0.cell.periodEnd < $1.cell.periodEnd }
    }

    /// True when a cell's whole period falls inside `range`.
    public static func inside(_ range: DateRange?, _ cell: IndicatorCell) -> Bool {
        guard let range else { return true }
        return range.contains(cell.periodStart) && range.contains(cell.periodEnd)
    }

    /// The headline for one kind of period: its latest available figure and the same period a year earlier.
    public func headline(_ ind: IndicatorSpec, scope: String, kind: PeriodKind, within: DateRange? = nil) -> (
        latest: PublishedCell, yearEarlier: PublishedCell?
    )? {
        let ofKind = series(ind, scope: scope, kind: kind, within: within).filter { $0.cell.status != .notAvailable }
        guard let latest = ofKind.last else { return nil }
        return (latest, ofKind.first { $0.cell.periodEnd == latest.cell.periodEnd.adding(months: -12) })
    }

    /// The result scope a partnership reads: the whole area, or the one local authority its areas make up.
    public static func scope(partnership id: String?, model: PartnershipModel = ReferencePartnership.model, on date: CalendarDate) -> String? {
        guard let id else { return "all" }
        guard let p = model.partnerships.first(where: { $0.id == id }) else { return nil }
        let areas = Set(p.areaCodes(on: date).isEmpty ? p.areas.map(\.id) : p.areaCodes(on: date))
        if areas == Set(ReferenceGeography.localAreas.map(\.code)) { return "all" }
        let las = Set(areas.compactMap { ReferenceGeography.localAuthority(of: $0)?.code })
        return las.count == 1 ? las.first : nil
    }

    /// Red, amber or green against the indicator's target; nil without a target or a value.
    public static func rag(_ value: Double?, _ ind: IndicatorSpec) -> String? {
        guard let value, let t = ind.target else { return nil }
        switch ind.polarity {
        case .higherIsBetter: return value >= t.value ? "green" : value >= t.value - t.tolerance ? "amber" : "red"
        case .higherIsWorse: return value <= t.value ? "green" : value <= t.value + t.tolerance ? "amber" : "red"
        case .neither: return nil
        }
    }

    /// Red, amber or green for a figure as published: from its value when shown; when it is withheld only
    /// because its base is small (its counts are published, so the rate can be worked out anyway), from the
    /// exact value; never when a count behind it is hidden, as the status would narrow the hidden count.
    public static func rag(_ p: PublishedCell, _ ind: IndicatorSpec) -> String? {
        if let v = Double(p.value) { return rag(v, ind) }
        guard p.suppression == "base", Int(p.numerator) != nil, Int(p.denominator) != nil else { return nil }
        return rag(p.cell.value, ind)
    }

    /// Why a figure is not shown, in words a board member reads, or nil when it is shown.
    public static func withheldReason(_ p: PublishedCell) -> String? {
        guard p.value == Symbol.confidential.rawValue else { return nil }
        switch p.suppression {
        case "base": return "too few for a reliable figure in \(p.cell.period)"
        default: return "too few to show for \(p.cell.period) without identifying children"
        }
    }

    /// The nearest figure that can be shown when the one asked for is withheld: the latest published figure of
    /// the indicator's other kinds of period (rolling year, then financial year, then quarter) in the same area.
    public func nearestPublished(_ ind: IndicatorSpec, scope: String, besides kind: PeriodKind, within: DateRange? = nil) -> PublishedCell? {
        for other in [PeriodKind.rolling12, .financialYear, .quarter] where other != kind && ind.periods.contains(other) {
            if let found = series(ind, scope: scope, kind: other, within: within).last(where: { Double($0.value) != nil }) { return found }
        }
        return nil
    }

    /// The headline cell for an indicator in a scope: the latest period of its longest kind that has a value.
    public func headline(_ ind: IndicatorSpec, scope: String) -> (latest: PublishedCell, yearEarlier: PublishedCell?)? {
        for kind in Self.headlineKinds where ind.periods.contains(kind) {
            if let found = headline(ind, scope: scope, kind: kind) { return found }
        }
        return nil
    }

    public func text(scope: String, scopeName: String) -> String {
        var out = [
            "\(spec.name) (version \(spec.version)): \(scopeName)",
            "Computed \(run.computedAt) from \(run.submissions.count) submissions" + (run.linkageRunID.map { ", linkage run \($0)" } ?? ", without linkage")
                + ".",
        ]
        for theme in spec.themes {
            out += ["", theme.title.uppercased()]
            for q in theme.questions {
                out += ["", q.question]
                if !q.sources.isEmpty { out.append("  Also informed by: \(q.sources.joined(separator: "; "))") }
                for ind in q.indicators {
                    if let (latest, earlier) = headline(ind, scope: scope) {
                        let unit = unitText(ind)
                        var line = "  \(ind.title): \(latest.value)\(unit) (\(latest.cell.period))"
                        if let earlier { line += "; a year earlier \(earlier.value)\(unit)" }
                        if let rag = Self.rag(latest, ind) { line += "; \(rag.uppercased()) against \(ind.target!.value.formatted())" }
                        out.append(line)
                    } else {
                        out.append("  \(ind.title): no figure")
                    }
                }
                let qGaps = gaps.filter { $0.questionID == q.id }
                if !qGaps.isEmpty {
                    out.append("  What we don't know:")
                    for g in qGaps {
                        let title = g.gap.indicatorID.flatMap { id in q.indicators.first { $0.id == id }?.title }
                        out.append("  - " + (title.map { "\($0): " } ?? "") + g.gap.detail + (g.gap.blocking ? " (cannot be answered)" : ""))
                    }
                }
            }
        }
        out += ["", "c: hidden to protect small numbers; z: not applicable; :: not available."]
        return out.joined(separator: "\n")
    }

    public func unitText(_ ind: IndicatorSpec) -> String {
        switch ind.measure {
        case .rate: " per 10,000"
        case .percentage, .within, .overlap: "%"
        case .duration(_, _, let unit, _): " \(unit.rawValue) (median)"
        default: ""
        }
    }

    public static let csvHeader = [
        "indicator", "period_kind", "period", "period_start", "period_end", "scope", "breakdown", "group", "stat",
        "numerator", "denominator", "value", "status", "note", "suppression", "disclosure_control",
    ]

    public func csv() -> String { csv(cells) }

    /// Some of the run's figures as CSV, each row with its suppression reason and the rules applied.
    public func csv(_ cells: [PublishedCell]) -> String {
        var lines = [Self.csvHeader.joined(separator: ",")]
        for p in cells {
            let c = p.cell
            lines.append(
                [
                    c.indicatorID, c.periodKind, c.period, c.periodStart.description, c.periodEnd.description, c.scope, c.breakdown, c.group, c.stat,
                    p.numerator, p.denominator, p.value, c.status.rawValue, c.note ?? "", p.suppression ?? "", disclosureControl ?? "",
                ].map(CSVText.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> String {
        struct Doc: Encodable {
            let framework: String, version: String, run: FrameworkRunRecord
            /// The disclosure control applied, in words; nil for exact figures.
            let disclosureControl: String?
            let figures: [Figure], gaps: [StoredGap]
        }
        struct Figure: Encodable {
            let indicator, periodKind, period, scope, breakdown, group, stat, numerator, denominator, value, status: String
            let note: String?
            /// Why the figure is hidden or rounded (primary, secondary, withheld, base, rounded), when it is.
            let suppression: String?
        }
        let figures = cells.map { p in
            Figure(
                indicator: p.cell.indicatorID, periodKind: p.cell.periodKind, period: p.cell.period, scope: p.cell.scope, breakdown: p.cell.breakdown,
                group: p.cell.group, stat: p.cell.stat, numerator: p.numerator, denominator: p.denominator, value: p.value,
                status: p.cell.status.rawValue, note: p.cell.note, suppression: p.suppression)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(
            decoding: try encoder.encode(
                Doc(framework: spec.name, version: spec.version, run: run, disclosureControl: disclosureControl, figures: figures, gaps: gaps)), as: UTF8.self)
    }
}
