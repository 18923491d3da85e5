import Foundation
import DotsCore

/// Compiles an indicator's declaration into SQL for the store. Pure: text in, text out; the store runs it.
///
/// The steps, in order: `source` (the dataset's rows meeting the filters, with the young person, the UK date,
/// and every breakdown's group), `periods` (the reporting periods as month ranges), then measure-specific steps
/// that reduce rows to counting units, `tagged` (each unit once per scope and breakdown) and the final count.
public struct IndicatorCompiler: Sendable {
    public let dialect: StoreDialect
    /// True when a linkage run exists: young people are then the partnership's linked ids, else per agency.
    public let linked: Bool
    /// The years whose summer-time ranges SQLite needs to place times on UK dates.
    public let years: ClosedRange<Int>

    public init(dialect: StoreDialect, linked: Bool, years: ClosedRange<Int>) {
        self.dialect = dialect
        self.linked = linked
        self.years = years
    }

    public func compile(_ indicator: IndicatorSpec, periods: [ReportingPeriod]) -> CompiledIndicator {
        let grain: CompiledIndicator.Grain
        switch indicator.measure {
        case .events, .rate(of: .events), .percentage(_, of: .events), .within: grain = .month
        default: grain = .period
        }
        var notes: [String] = []
        var breakdowns: [BreakdownColumn] = []
        for b in indicator.breakdowns where b != .la {
            if let column = BreakdownColumn.of(b, dataset: indicator.dataset, dialect: dialect, ageExpression: "0") {
                if b == .exploitationType && BreakdownColumn.exploitationTypes(dataset: indicator.dataset, dialect: dialect) == nil {
                    notes.append("\(indicator.dataset.rawValue) does not record an exploitation type, so there is no breakdown by it")
                    continue
                }
                breakdowns.append(column)
            } else if b != .partnership {
                notes.append("\(indicator.dataset.rawValue) does not record \(b.rawValue), so there is no breakdown by it")
            }
        }
        var steps: [CompiledIndicator.Step] = []
        steps.append(source(indicator, breakdowns: breakdowns))
        if indicator.breakdowns.contains(.exploitationType), breakdowns.contains(where: { $0.breakdown == .exploitationType }) {
            steps.append(.init(name: "xcodes(code)", purpose: "the exploitation types, to count each screening under every type it names",
                               sql: "VALUES " + ExploitationType.allCases.map { "(\(dialect.text($0.rawValue)))" }.joined(separator: ", ")))
        }
        let monthRange = (periods.map(\.firstMonth.index).min() ?? 0, periods.map(\.lastMonth.index).max() ?? 0)
        if grain == .period {
            steps.append(.init(name: "periods(period, first_m, last_m, last_day)", purpose: "the reporting periods, as ranges of months",
                               sql: "VALUES " + periods.map {
                                   "(\(dialect.text($0.label)), \($0.firstMonth.index), \($0.lastMonth.index), \(dialect.date($0.end)))"
                               }.joined(separator: ",\n")))
        }
        steps += unitSteps(indicator, grain: grain, months: monthRange)
        steps.append(tagged(breakdowns))
        steps += cells(indicator)
        return CompiledIndicator(indicatorID: indicator.id, grain: grain, steps: steps, notes: notes)
    }

    // MARK: source

    func who(_ alias: String) -> String {
        let own = "\(alias).agency_id || ':' || \(alias).person_id"
        return linked ? "COALESCE(l.partnership_person_id, \(own))" : own
    }

    func joins(_ dataset: Dataset) -> String {
        "FROM \(dataset.rawValue) e\nLEFT JOIN people p ON p.agency_id = e.agency_id AND p.person_id = e.person_id"
            + (linked ? "\nLEFT JOIN person_links l ON l.agency_id = e.agency_id AND l.person_id = e.person_id" : "")
    }

    func isDateTime(_ dataset: Dataset, _ field: String) -> Bool { dataset.schema.field(field)?.type == .dateTime }

    func ukDay(_ dataset: Dataset, _ field: String) -> String {
        dialect.ukDay("e.\(field)", isDateTime: isDateTime(dataset, field), years: years)
    }

    func age(_ dataset: Dataset, dayField: String) -> String {
        "((\(dialect.monthIndex(ukDay(dataset, dayField))) - \(dialect.yearMonthIndex("p.birth_year_month"))) / 12)"
    }

    /// The SQL condition for one filter on row `e`.
    func condition(_ filter: FilterSpec, _ dataset: Dataset) -> String {
        switch filter {
        case .age(let lo, let hi):
            let a = age(dataset, dayField: dataset.schema.eventDate ?? "")
            return "\(a) BETWEEN \(lo) AND \(hi)"
        case .agencyKind(let kinds):
            return "e.agency_id IN (SELECT id FROM agencies WHERE kind IN (\(kinds.map(dialect.text).joined(separator: ", "))))"
        case .values(let field, let values):
            switch dataset.schema.field(field)?.type {
            case .boolean?:
                let yes = values.contains("Y"), no = values.contains("N")
                if yes && no { return "e.\(field) IS NOT NULL" }
                return yes ? dialect.isTrue("e.\(field)") : dialect.isFalse("e.\(field)")
            case .codes?:
                return "(" + values.map { "(';' || e.\(field) || ';') LIKE \(dialect.text("%;\($0);%"))" }.joined(separator: " OR ") + ")"
            default:
                return "e.\(field) IN (\(values.map(dialect.text).joined(separator: ", ")))"
            }
        }
    }

    func conditions(_ filters: [FilterSpec], _ dataset: Dataset) -> String {
        filters.isEmpty ? "1 = 1" : filters.map { condition($0, dataset) }.joined(separator: "\n  AND ")
    }

    func source(_ ind: IndicatorSpec, breakdowns: [BreakdownColumn]) -> CompiledIndicator.Step {
        let ds = ind.dataset
        // Snapshots place a record by its start; everything else by the dataset's period date.
        var dayField = ds.schema.eventDate ?? ""
        if case .snapshot(let start, _) = ind.measure { dayField = start }
        let ageExpr = age(ds, dayField: dayField)
        var columns = ["\(who("e")) AS who", "e.agency_id AS agency", "\(ukDay(ds, dayField)) AS day",
                       "\(dialect.monthIndex(ukDay(ds, dayField))) AS m",
                       "\(BreakdownColumn.of(.la, dataset: ds, dialect: dialect, ageExpression: ageExpr)!.expression) AS b_la"]
        for b in breakdowns where b.breakdown != .exploitationType {
            let expr = BreakdownColumn.of(b.breakdown, dataset: ds, dialect: dialect, ageExpression: ageExpr)!.expression
            columns.append("\(expr) AS b_\(b.breakdown.rawValue.replacingOccurrences(of: "-", with: "_"))")
        }
        if breakdowns.contains(where: { $0.breakdown == .exploitationType }) {
            columns.append("\(exploitationText(ds)) AS xtypes")
        }
        switch ind.measure {
        case .percentage(let numerator, _):
            columns.append("CASE WHEN \(conditions(numerator, ds).replacingOccurrences(of: "\n  AND ", with: " AND ")) THEN 1 ELSE 0 END AS hit")
        case .within(let from, let to, _), .duration(let from, let to, _, _):
            columns.append("e.\(from) AS t_from")
            columns.append("e.\(to) AS t_to")
        case .snapshot(_, let end):
            columns.append("\(ukDay(ds, end)) AS end_day")
        case .repeats:
            columns.append("\(dialect.dayNumber(ukDay(ds, dayField))) AS dn")
        default:
            break
        }
        let sql = "SELECT " + columns.joined(separator: ",\n       ") + "\n" + joins(ds) + "\nWHERE e.\(dayField) IS NOT NULL\n  AND " + conditions(ind.filters, ds)
        return .init(name: "source", purpose: "the \(ds.rawValue) rows meeting the indicator's filters, each with its young person (\(linked ? "linked across agencies" : "per agency: linkage has not run")), UK date, area and groups", sql: sql)
    }

    /// `;CSE;CCE;`: the exploitation types a row names, for the exploitation-type breakdown.
    func exploitationText(_ ds: Dataset) -> String {
        switch ds {
        case .ceScreenings: return "(';' || COALESCE(e.exploitation_types, '') || ';')"
        case .policeIncidents:
            return "(';' || CASE WHEN \(dialect.isTrue("e.cse_flag")) THEN 'CSE;' ELSE '' END || CASE WHEN \(dialect.isTrue("e.cce_flag")) THEN 'CCE;' ELSE '' END || CASE WHEN \(dialect.isTrue("e.county_lines_flag")) THEN 'CL;' ELSE '' END)"
        case .nrmReferrals:
            return "(';' || CASE e.exploitation_type WHEN 'sexual' THEN 'CSE;' WHEN 'criminal' THEN 'CCE;' WHEN 'unknown' THEN '' ELSE 'TRAF;' END || CASE WHEN \(dialect.isTrue("e.county_lines")) THEN 'CL;' ELSE '' END)"
        default: return "';'"
        }
    }

    // MARK: units

    func unitSteps(_ ind: IndicatorSpec, grain: CompiledIndicator.Grain, months: (Int, Int)) -> [CompiledIndicator.Step] {
        let monthWindow = "WHERE s.m BETWEEN \(months.0) AND \(months.1)"
        switch ind.measure {
        case .events, .rate(of: .events):
            return [.init(name: "units", purpose: "each row is one event, counted in its calendar month",
                          sql: "SELECT s.*, CAST(s.m AS TEXT) AS period, 1 AS is_num, 1 AS is_den, \(nullReal) AS dur FROM source s \(monthWindow)")]
        case .percentage(_, of: .events):
            return [.init(name: "units", purpose: "each row is one event; the numerator counts those also meeting the numerator's filters",
                          sql: "SELECT s.*, CAST(s.m AS TEXT) AS period, s.hit AS is_num, 1 AS is_den, \(nullReal) AS dur FROM source s \(monthWindow)")]
        case .within(let fromField, _, let hours):
            let from = dialect.elapsed(from: "s.t_from", to: "s.t_to", isDateTime: isDateTime(ind.dataset, fromField), unit: .hours)
            return [.init(name: "units", purpose: "each row with a start time counts in the denominator; it counts in the numerator when the second time is at most \(hours) hours after it (real elapsed time, so clock changes count as they happened)",
                          sql: """
                          SELECT s.*, CAST(s.m AS TEXT) AS period,
                                 CASE WHEN s.t_from IS NOT NULL AND s.t_to IS NOT NULL AND \(from) >= 0 AND \(from) <= \(hours) THEN 1 ELSE 0 END AS is_num,
                                 CASE WHEN s.t_from IS NOT NULL THEN 1 ELSE 0 END AS is_den, \(nullReal) AS dur
                          FROM source s \(monthWindow)
                          """)]
        case .duration(let from, _, let unit, _):
            let d = dialect.elapsed(from: "s.t_from", to: "s.t_to", isDateTime: isDateTime(ind.dataset, from), unit: unit)
            return [placed("source"),
                    .init(name: "units", purpose: "each row with both times, and the time between them in \(unit.rawValue)",
                          sql: "SELECT s.*, 1 AS is_num, 1 AS is_den, \(d) AS dur FROM placed s WHERE s.t_from IS NOT NULL AND s.t_to IS NOT NULL AND \(d) >= 0")]
        case .people, .rate(of: .people):
            return [placed("source")] + firstPerPerson(hit: "1")
        case .percentage(_, of: .people):
            return [placed("source")] + firstPerPerson(hit: "MAX(s.hit) OVER (PARTITION BY s.period, s.who)")
        case .repeats(let count, let days):
            return [.init(name: "runs", purpose: "for every event, how many of the young person's events fall in the \(days) days up to and including it",
                          sql: "SELECT s.*, COUNT(*) OVER (PARTITION BY s.who ORDER BY s.dn RANGE BETWEEN \(days - 1) PRECEDING AND CURRENT ROW) AS in_window FROM source s"),
                    placed("runs")] + firstPerPerson(hit: "MAX(CASE WHEN s.in_window >= \(count) THEN 1 ELSE 0 END) OVER (PARTITION BY s.period, s.who)")
        case .snapshot:
            return [.init(name: "placed", purpose: "each record open at a period's end: started on or before its last day and not ended by then",
                          sql: "SELECT pr.period, s.* FROM source s JOIN periods pr ON s.day <= pr.last_day AND (s.end_day IS NULL OR s.end_day > pr.last_day)")]
                + firstPerPerson(hit: "1")
        case .overlap(let agencies, let with, let withFilters):
            var steps = [placed("source")]
            if let with {
                steps.append(.init(name: "others", purpose: "the young people in \(with.rawValue) meeting its filters, by period",
                                   sql: """
                                   SELECT DISTINCT pr.period, o.who FROM (
                                     SELECT \(who("e")) AS who, \(dialect.monthIndex(ukDay(with, with.schema.eventDate ?? ""))) AS m
                                     \(joins(with).replacingOccurrences(of: "\n", with: "\n  "))
                                     WHERE \(conditions(withFilters, with))
                                   ) o JOIN periods pr ON o.m BETWEEN pr.first_m AND pr.last_m
                                   """))
                steps += firstPerPerson(hit: "1", units: false)
                steps.append(.init(name: "units", purpose: "each young person counts in the numerator when also among `others` in the same period",
                                   sql: "SELECT f.*, CASE WHEN o.who IS NULL THEN 0 ELSE 1 END AS is_num, 1 AS is_den, \(nullReal) AS dur FROM firsts f LEFT JOIN others o ON o.period = f.period AND o.who = f.who"))
            } else {
                steps.append(.init(name: "known", purpose: "for each linked young person, how many agencies hold a record of them",
                                   sql: "SELECT partnership_person_id AS who, COUNT(DISTINCT agency_id) AS agencies FROM person_links GROUP BY partnership_person_id"))
                steps += firstPerPerson(hit: "1", units: false)
                steps.append(.init(name: "units", purpose: "each young person counts in the numerator when known to at least \(agencies ?? 2) agencies",
                                   sql: "SELECT f.*, CASE WHEN k.agencies >= \(agencies ?? 2) THEN 1 ELSE 0 END AS is_num, 1 AS is_den, \(nullReal) AS dur FROM firsts f LEFT JOIN known k ON k.who = f.who"))
            }
            return steps
        }
    }

    var nullReal: String { dialect == .postgres ? "CAST(NULL AS DOUBLE PRECISION)" : "NULL" }

    func placed(_ from: String) -> CompiledIndicator.Step {
        .init(name: "placed", purpose: "each row in every reporting period its month falls in",
              sql: "SELECT pr.period, s.* FROM \(from) s JOIN periods pr ON s.m BETWEEN pr.first_m AND pr.last_m")
    }

    /// One unit per young person per period: their first row there (the one whose area and age count), with
    /// whether any of their rows meets the numerator.
    func firstPerPerson(hit: String, units: Bool = true) -> [CompiledIndicator.Step] {
        var steps: [CompiledIndicator.Step] = [
            .init(name: "ranked", purpose: "the young person's rows in each period, earliest first, and whether any meets the numerator",
                  sql: "SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.period, s.who ORDER BY s.day, s.agency) AS rn, \(hit) AS any_hit FROM placed s"),
            .init(name: "firsts", purpose: "one row per young person per period: the earliest, whose area and age count",
                  sql: "SELECT r.* FROM ranked r WHERE r.rn = 1"),
        ]
        if units {
            steps.append(.init(name: "units", purpose: "each young person counts once in the period",
                               sql: "SELECT f.*, f.any_hit AS is_num, 1 AS is_den, \(nullReal) AS dur FROM firsts f"))
        }
        return steps
    }

    // MARK: tagging and counting

    func tagged(_ breakdowns: [BreakdownColumn]) -> CompiledIndicator.Step {
        var parts: [String] = []
        func add(_ breakdown: String, _ group: String, from: String = "units u") {
            for scope in ["'all'", "u.b_la"] {
                parts.append("SELECT u.period, \(scope) AS scope, '\(breakdown)' AS breakdown, \(group) AS grp, u.is_num, u.is_den, u.dur FROM \(from)")
            }
        }
        add("total", "'all'")
        for b in breakdowns {
            if b.breakdown == .exploitationType {
                add(b.breakdown.rawValue, "x.code", from: "units u JOIN xcodes x ON u.xtypes LIKE ('%;' || x.code || ';%')")
            } else {
                add(b.breakdown.rawValue, "u.b_\(b.breakdown.rawValue.replacingOccurrences(of: "-", with: "_"))")
            }
        }
        return .init(name: "tagged", purpose: "every unit once in total and once in its group of each breakdown, for the whole partnership area and for its local authority",
                     sql: parts.joined(separator: "\nUNION ALL "))
    }

    func cells(_ ind: IndicatorSpec) -> [CompiledIndicator.Step] {
        let keys = "t.period, t.scope, t.breakdown, t.grp"
        guard case .duration(_, _, _, let percentiles) = ind.measure else {
            return [.init(name: "cells", purpose: "numerator and denominator for every period, scope and group",
                          sql: "SELECT \(keys), 'value' AS stat, SUM(t.is_num) AS num, SUM(t.is_den) AS den, \(nullReal) AS val FROM tagged t GROUP BY \(keys)")]
        }
        // Median: the middle value, or the mean of the two middle values; other percentiles by nearest rank.
        let stats = percentiles.map { p -> String in
            let pick = p == 50 ? "t.rn IN ((t.cnt + 1) / 2, (t.cnt + 2) / 2)" : "t.rn = (t.cnt * \(p) + 99) / 100"
            return "SELECT \(keys), 'p\(p)' AS stat, MAX(t.cnt) AS num, \(nullInt) AS den, AVG(t.dur) AS val FROM ordered t WHERE \(pick) GROUP BY \(keys)"
        }
        let ordered = "SELECT t.*, ROW_NUMBER() OVER (PARTITION BY \(keys) ORDER BY t.dur) AS rn, COUNT(*) OVER (PARTITION BY \(keys)) AS cnt FROM tagged t"
        return [.init(name: "ordered", purpose: "the times in each period, scope and group, in order", sql: ordered),
                .init(name: "cells", purpose: "the percentiles of the times for every period, scope and group (median: the middle value or the mean of the two middle ones; others by nearest rank)",
                      sql: stats.joined(separator: "\nUNION ALL "))]
    }

    var nullInt: String { dialect == .postgres ? "CAST(NULL AS BIGINT)" : "NULL" }
}
