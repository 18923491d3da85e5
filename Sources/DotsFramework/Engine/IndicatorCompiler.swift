import DotsCore
import Foundation

/// Compiles an indicator's declaration into SQL for the store. Pure: text in, text out; the store runs it.
///
/// The steps, in order: `source` (the dataset's rows meeting the filters, with the young person, the UK date,
/// and every breakdown's group), `periods` (the reporting periods as month ranges), then measure-specific steps
/// that reduce rows to counting units, `tagged` (each unit once per scope and breakdown) and the final count.
public struct IndicatorCompiler: Sendable {
    public let dialect: SQLEngine
    /// True when a linkage run exists: young people are then the partnership's linked ids, else per agency.
    public let linked: Bool
    /// The years whose summer-time ranges SQLite needs to place times on UK dates.
    public let years: ClosedRange<Int>
    /// The imported LSOAs: the LSOA breakdown's groups.
    public let smallAreas: SmallAreas

    public init(dialect: SQLEngine, linked: Bool, years: ClosedRange<Int>, smallAreas: SmallAreas = .none) {
        self.dialect = dialect
        self.linked = linked
        self.years = years
        self.smallAreas = smallAreas
    }

    public func compile(_ indicator: IndicatorSpec, periods: [ReportingPeriod]) -> CompiledIndicator {
        let grain: CompiledIndicator.Grain = indicator.measure.countsByMonth ? .month : .period
        var notes: [String] = []
        var breakdowns: [BreakdownColumn] = []
        for b in indicator.breakdowns where b != .la {
            if b == .lsoa, let why = Self.noLSOAs(indicator, smallAreas) {
                notes.append(why)
                continue
            }
            if let column = BreakdownColumn.of(b, dataset: indicator.dataset, dialect: dialect, ageExpression: "0", smallAreas: smallAreas) {
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
        steps += source(indicator, breakdowns: breakdowns)
        if indicator.breakdowns.contains(.exploitationType), breakdowns.contains(where: { $0.breakdown == .exploitationType }) {
            steps.append(
                .init(
                    name: "xcodes(code)", purpose: "the exploitation types, to count each screening under every type it names",
                    sql: "VALUES " + ExploitationType.allCases.map { "(\(dialect.text($0.rawValue)))" }.joined(separator: ", ")))
        }
        let monthRange = (periods.map(\.firstMonth.index).min() ?? 0, periods.map(\.lastMonth.index).max() ?? 0)
        if grain == .period {
            steps.append(
                .init(
                    name: "periods(period, first_m, last_m, last_day)", purpose: "the reporting periods, as ranges of months",
                    sql: "VALUES "
                        + periods.map {
                            "(\(dialect.text($0.label)), \($0.firstMonth.index), \($0.lastMonth.index), \(dialect.date($0.end)))"
                        }.joined(separator: ",\n")))
        }
        steps += unitSteps(indicator, grain: grain, months: monthRange, breakdowns: breakdowns)
        if case .duration = indicator.measure {
            steps.append(tagged(breakdowns, from: "units", weight: ", u.n"))
        } else {
            steps.append(combos(breakdowns))
            steps.append(tagged(breakdowns, from: "combos"))
        }
        steps += cells(indicator)
        var compiled = CompiledIndicator(indicatorID: indicator.id, grain: grain, steps: steps, notes: notes)
        if case .duration = indicator.measure {} else { compiled.wholeAreaBySum = true }
        for b in breakdowns { compiled.groups[b.breakdown.rawValue] = b.groups }
        return compiled
    }

    /// Why an indicator has no LSOA breakdown, or nil when it has one.
    static func noLSOAs(_ indicator: IndicatorSpec, _ smallAreas: SmallAreas) -> String? {
        if smallAreas.isEmpty {
            return "no LSOA boundaries are imported (dots geography import), so there is no breakdown by LSOA"
        }
        if case .rate = indicator.measure {
            return "there are no population estimates by LSOA in Dots, so there is no rate by LSOA"
        }
        return nil
    }

    // MARK: source

    /// What one counted unit is: the young person (linked across agencies where linkage has run), or for a dataset
    /// about contexts its own unit (the partnership's person id, or the record).
    func who(_ alias: String, _ dataset: Dataset) -> String {
        switch dataset.contextUnit {
        case "partnership_person_id"?: return "\(alias).partnership_person_id"
        case let unit?: return "\(alias).agency_id || ':' || \(alias).\(unit)"
        case nil:
            let own = "\(alias).agency_id || ':' || \(alias).person_id"
            return linked ? "COALESCE(l.partnership_person_id, \(own))" : own
        }
    }

    func joins(_ dataset: Dataset) -> String {
        // Rows about contexts name no agency's person record: the person columns read as unknown. An empty table,
        // not `people` itself: SQLite tried `ON 1 = 0` against every person for every row (8 s for 36 rows at a
        // million events; BENCHMARKS.md), and folds a `WHERE 1 = 0` subquery back into the same; `LIMIT 0` it keeps.
        guard dataset.isAboutPeople else { return "FROM \(dataset.rawValue) e\nLEFT JOIN (SELECT * FROM people LIMIT 0) p ON 1 = 0" }
        return "FROM \(dataset.rawValue) e\nLEFT JOIN people p ON p.agency_id = e.agency_id AND p.person_id = e.person_id"
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

    /// Two steps: `rows` reads the dataset once, working out each row's UK date (costly for date-times on
    /// SQLite) and everything that does not depend on it; `source` then derives the month, age and age band from
    /// that date. `rows` is materialised so the date is computed once per row, not once per use.
    func source(_ ind: IndicatorSpec, breakdowns: [BreakdownColumn]) -> [CompiledIndicator.Step] {
        let ds = ind.dataset
        // Snapshots place a record by its start; everything else by the dataset's period date.
        var dayField = ds.schema.eventDate ?? ""
        if case .snapshot(let start, _) = ind.measure { dayField = start }
        let month = dialect.monthIndex("s.day")
        let ageExpr = "((\(month) - s.bm) / 12)"
        var columns = [
            "\(who("e", ds)) AS who", "e.agency_id AS agency", "\(ukDay(ds, dayField)) AS day",
            "\(dialect.yearMonthIndex("p.birth_year_month")) AS bm",
            "\(BreakdownColumn.of(.la, dataset: ds, dialect: dialect, ageExpression: "0")!.expression) AS b_la",
        ]
        var derived = ["\(month) AS m"]
        for b in breakdowns where b.breakdown != .exploitationType {
            let expr = BreakdownColumn.of(b.breakdown, dataset: ds, dialect: dialect, ageExpression: ageExpr, smallAreas: smallAreas)!.expression
            let name = "b_\(b.breakdown.rawValue.replacingOccurrences(of: "-", with: "_"))"
            if b.breakdown == .ageBand { derived.append("\(expr) AS \(name)") } else { columns.append("\(expr) AS \(name)") }
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
            derived.append("\(dialect.dayNumber("s.day")) AS dn")
        default:
            break
        }
        var rowFilters: [FilterSpec] = [], ageFilters: [String] = []
        for f in ind.filters {
            if case .age(let lo, let hi) = f { ageFilters.append("\(ageExpr) BETWEEN \(lo) AND \(hi)") } else { rowFilters.append(f) }
        }
        let rows =
            "SELECT " + columns.joined(separator: ",\n       ") + "\n" + joins(ds) + "\nWHERE e.\(dayField) IS NOT NULL\n  AND " + conditions(rowFilters, ds)
        let source =
            "SELECT s.*,\n       " + derived.joined(separator: ",\n       ") + "\nFROM rows s"
            + (ageFilters.isEmpty ? "" : "\nWHERE " + ageFilters.joined(separator: "\n  AND "))
        return [
            .init(
                name: "rows",
                purpose:
                    "the \(ds.rawValue) rows meeting the indicator's filters, each with its young person (\(linked ? "linked across agencies" : "per agency: linkage has not run")), UK date, area and groups",
                sql: rows, materialized: true),
            .init(
                name: "source", purpose: "each row's month and age at its date\(ageFilters.isEmpty ? "" : ", keeping the ages the indicator covers")",
                sql: source),
        ]
    }

    /// `;CSE;CCE;`: the exploitation types a row names, for the exploitation-type breakdown.
    func exploitationText(_ ds: Dataset) -> String {
        switch ds {
        case .ceScreenings: return "(';' || COALESCE(e.exploitation_types, '') || ';')"
        case .policeIncidents:
            return
                "(';' || CASE WHEN \(dialect.isTrue("e.cse_flag")) THEN 'CSE;' ELSE '' END || CASE WHEN \(dialect.isTrue("e.cce_flag")) THEN 'CCE;' ELSE '' END || CASE WHEN \(dialect.isTrue("e.county_lines_flag")) THEN 'CL;' ELSE '' END)"
        case .nrmReferrals:
            return
                "(';' || CASE e.exploitation_type WHEN 'sexual' THEN 'CSE;' WHEN 'criminal' THEN 'CCE;' WHEN 'unknown' THEN '' ELSE 'TRAF;' END || CASE WHEN \(dialect.isTrue("e.county_lines")) THEN 'CL;' ELSE '' END)"
        default: return "';'"
        }
    }

    // MARK: units

    func unitSteps(_ ind: IndicatorSpec, grain: CompiledIndicator.Grain, months: (Int, Int), breakdowns: [BreakdownColumn]) -> [CompiledIndicator.Step] {
        let monthWindow = "WHERE s.m BETWEEN \(months.0) AND \(months.1)"
        switch ind.measure {
        case .events, .rate(of: .events):
            return [
                .init(
                    name: "units", purpose: "each row is one event, counted in its calendar month",
                    sql: "SELECT s.*, CAST(s.m AS TEXT) AS period, 1 AS is_num, 1 AS is_den, \(nullReal) AS dur FROM source s \(monthWindow)")
            ]
        case .percentage(_, of: .events):
            return [
                .init(
                    name: "units", purpose: "each row is one event; the numerator counts those also meeting the numerator's filters",
                    sql: "SELECT s.*, CAST(s.m AS TEXT) AS period, s.hit AS is_num, 1 AS is_den, \(nullReal) AS dur FROM source s \(monthWindow)")
            ]
        case .within(let fromField, _, let hours):
            let from = dialect.elapsed(from: "s.t_from", to: "s.t_to", isDateTime: isDateTime(ind.dataset, fromField), unit: .hours)
            return [
                .init(
                    name: "units",
                    purpose:
                        "each row with a start time counts in the denominator; it counts in the numerator when the second time is at most \(hours) hours after it (real elapsed time, so clock changes count as they happened)",
                    sql: """
                        SELECT s.*, CAST(s.m AS TEXT) AS period,
                               CASE WHEN s.t_from IS NOT NULL AND s.t_to IS NOT NULL AND \(from) >= 0 AND \(from) <= \(hours) THEN 1 ELSE 0 END AS is_num,
                               CASE WHEN s.t_from IS NOT NULL THEN 1 ELSE 0 END AS is_den, \(nullReal) AS dur
                        FROM source s \(monthWindow)
                        """)
            ]
        case .duration(let from, _, let unit, _):
            let d = dialect.elapsed(from: "s.t_from", to: "s.t_to", isDateTime: isDateTime(ind.dataset, from), unit: unit)
            // Times repeat (minutes, days), so rows collapse to how many share each month, group and time before
            // they are copied into periods; percentiles then read running totals instead of ranking every row.
            let keys = (["m"] + groupColumns(breakdowns)).map { "s.\($0)" }.joined(separator: ", ")
            return [
                .init(
                    name: "timed", purpose: "each row with both times, and the time between them in \(unit.rawValue)",
                    sql: "SELECT s.*, \(d) AS dur FROM source s WHERE s.t_from IS NOT NULL AND s.t_to IS NOT NULL AND \(d) >= 0"),
                .init(
                    name: "durations", purpose: "how many rows share each month, area, group and time",
                    sql: "SELECT \(keys), s.dur, COUNT(*) AS n FROM timed s GROUP BY \(keys), s.dur"),
                .init(
                    name: "units", purpose: "those counts in every reporting period their month falls in",
                    sql: "SELECT pr.period, s.*, 1 AS is_num, 1 AS is_den FROM durations s JOIN periods pr ON s.m BETWEEN pr.first_m AND pr.last_m"),
            ]
        case .people, .rate(of: .people):
            return firstPerPerson(from: "source", hit: "1")
        case .percentage(_, of: .people):
            return firstPerPerson(from: "source", hit: "s.hit")
        case .repeats(let count, let days):
            return [
                .init(
                    name: "runs", purpose: "for every event, how many of the young person's events fall in the \(days) days up to and including it",
                    sql:
                        "SELECT s.*, COUNT(*) OVER (PARTITION BY s.who ORDER BY s.dn RANGE BETWEEN \(days - 1) PRECEDING AND CURRENT ROW) AS in_window FROM source s"
                )
            ]
                + firstPerPerson(from: "runs", hit: "CASE WHEN s.in_window >= \(count) THEN 1 ELSE 0 END")
        case .snapshot:
            return [
                .init(
                    name: "placed", purpose: "each record open at a period's end: started on or before its last day and not ended by then",
                    sql: "SELECT pr.period, s.* FROM source s JOIN periods pr ON s.day <= pr.last_day AND (s.end_day IS NULL OR s.end_day > pr.last_day)"),
                .init(
                    name: "ranked", purpose: "the young person's open records at each period end, earliest first",
                    sql: "SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.period, s.who ORDER BY s.day, s.agency) AS rn, 1 AS any_hit FROM placed s"),
                .init(
                    name: "firsts", purpose: "one row per young person per period: the earliest open record, whose area and age count",
                    sql: "SELECT r.* FROM ranked r WHERE r.rn = 1"),
                .init(
                    name: "units", purpose: "each young person counts once in the period",
                    sql: "SELECT f.*, 1 AS is_num, 1 AS is_den, \(nullReal) AS dur FROM firsts f"),
            ]
        case .overlap(let agencies, let with, let withFilters):
            var steps = firstPerPerson(from: "source", hit: "1", units: false)
            if let with {
                steps.append(
                    .init(
                        name: "others", purpose: "the young people in \(with.rawValue) meeting its filters, by period",
                        sql: """
                            SELECT DISTINCT pr.period, o.who FROM (
                              SELECT \(who("e", with)) AS who, \(dialect.monthIndex(ukDay(with, with.schema.eventDate ?? ""))) AS m
                              \(joins(with).replacingOccurrences(of: "\n", with: "\n  "))
                              WHERE \(conditions(withFilters, with))
                            ) o JOIN periods pr ON o.m BETWEEN pr.first_m AND pr.last_m
                            """))
                steps.append(
                    .init(
                        name: "units", purpose: "each young person counts in the numerator when also among `others` in the same period",
                        sql:
                            "SELECT f.*, CASE WHEN o.who IS NULL THEN 0 ELSE 1 END AS is_num, 1 AS is_den, \(nullReal) AS dur FROM firsts f LEFT JOIN others o ON o.period = f.period AND o.who = f.who"
                    ))
            } else {
                steps.append(
                    .init(
                        name: "known", purpose: "for each linked young person, how many agencies hold a record of them",
                        sql: "SELECT partnership_person_id AS who, COUNT(DISTINCT agency_id) AS agencies FROM person_links GROUP BY partnership_person_id"))
                steps.append(
                    .init(
                        name: "units", purpose: "each young person counts in the numerator when known to at least \(agencies ?? 2) agencies",
                        sql:
                            "SELECT f.*, CASE WHEN k.agencies >= \(agencies ?? 2) THEN 1 ELSE 0 END AS is_num, 1 AS is_den, \(nullReal) AS dur FROM firsts f LEFT JOIN known k ON k.who = f.who"
                    ))
            }
            return steps
        }
    }

    var nullReal: String { dialect == .postgres ? "CAST(NULL AS DOUBLE PRECISION)" : "NULL" }

    /// One unit per young person per period: their first row there (the one whose area and age count), with
    /// whether any of their rows there meets the numerator (`hit`, an expression on `s`).
    ///
    /// Rather than copying every row into every period it falls in and ranking within each (a row lands in up to
    /// 14 overlapping periods), rows are first reduced to each young person's months, each month knowing the
    /// month before it and the next month with a hit. A month is a person's first in a period exactly when it
    /// lies in the period and the previous one does not, so the join to periods yields one row per person and
    /// period with no ranking after it.
    func firstPerPerson(from: String, hit: String, units: Bool = true) -> [CompiledIndicator.Step] {
        var steps: [CompiledIndicator.Step] = [
            .init(
                name: "months", purpose: "the young person's rows in each month, earliest first, and whether any meets the numerator",
                sql:
                    "SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.who, s.m ORDER BY s.day, s.agency) AS mrn, MAX(\(hit)) OVER (PARTITION BY s.who, s.m) AS m_hit FROM \(from) s"
            ),
            .init(
                name: "chain",
                purpose: "one row per young person per month with rows (the earliest), the month before it with rows, and the next month with a hit",
                sql: """
                    SELECT s.*, LAG(s.m) OVER (PARTITION BY s.who ORDER BY s.m) AS prev_m,
                           MIN(CASE WHEN s.m_hit = 1 THEN s.m END) OVER (PARTITION BY s.who ORDER BY s.m ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_hit
                    FROM months s WHERE s.mrn = 1
                    """),
            .init(
                name: "firsts",
                purpose: "one row per young person per period: their first month in it (whose area and age count), and whether any month in it has a hit",
                sql: """
                    SELECT pr.period, s.*, CASE WHEN s.next_hit <= pr.last_m THEN 1 ELSE 0 END AS any_hit
                    FROM chain s JOIN periods pr ON s.m BETWEEN pr.first_m AND pr.last_m AND (s.prev_m IS NULL OR s.prev_m < pr.first_m)
                    """),
        ]
        if units {
            steps.append(
                .init(
                    name: "units", purpose: "each young person counts once in the period",
                    sql: "SELECT f.*, f.any_hit AS is_num, 1 AS is_den, \(nullReal) AS dur FROM firsts f"))
        }
        return steps
    }

    // MARK: tagging and counting

    /// Counting units collapse to one row per period and combination of groups before tagging, so the
    /// copies `tagged` makes (two scopes for each breakdown) are of a few thousand combinations, not of every
    /// unit. Durations keep every unit: their percentiles need each value.
    func combos(_ breakdowns: [BreakdownColumn]) -> CompiledIndicator.Step {
        let keys = (["period"] + groupColumns(breakdowns)).map { "u.\($0)" }
        return .init(
            name: "combos", purpose: "the units summed for each period and combination of area and groups",
            sql:
                "SELECT \(keys.joined(separator: ", ")), SUM(u.is_num) AS is_num, SUM(u.is_den) AS is_den, \(nullReal) AS dur FROM units u GROUP BY \(keys.joined(separator: ", "))"
        )
    }

    /// The columns that place a unit: its local authority and its group in each breakdown.
    func groupColumns(_ breakdowns: [BreakdownColumn]) -> [String] {
        ["b_la"] + breakdowns.map { $0.breakdown == .exploitationType ? "xtypes" : "b_\($0.breakdown.rawValue.replacingOccurrences(of: "-", with: "_"))" }
    }

    /// `weight` set (durations): each row also goes into the whole area (`all`); for counts the whole area is
    /// the sum of the local authorities, added after the query (`CompiledIndicator.wholeAreaBySum`).
    func tagged(_ breakdowns: [BreakdownColumn], from table: String, weight: String = "") -> CompiledIndicator.Step {
        var parts: [String] = []
        let scopes = weight.isEmpty ? ["u.b_la"] : ["'all'", "u.b_la"]
        func add(_ breakdown: String, _ group: String, from: String = "\(table) u") {
            for scope in scopes {
                parts.append(
                    "SELECT u.period, \(scope) AS scope, '\(breakdown)' AS breakdown, \(group) AS grp, u.is_num, u.is_den, u.dur\(weight) FROM \(from)")
            }
        }
        add("total", "'all'")
        for b in breakdowns {
            if b.breakdown == .exploitationType {
                add(b.breakdown.rawValue, "x.code", from: "\(table) u JOIN xcodes x ON u.xtypes LIKE ('%;' || x.code || ';%')")
            } else {
                add(b.breakdown.rawValue, "u.b_\(b.breakdown.rawValue.replacingOccurrences(of: "-", with: "_"))")
            }
        }
        return .init(
            name: "tagged",
            purpose: weight.isEmpty
                ? "every unit once in total and once in its group of each breakdown, for its local authority (the whole area is their sum, added after the query)"
                : "every unit once in total and once in its group of each breakdown, for the whole partnership area and for its local authority",
            sql: parts.joined(separator: "\nUNION ALL "))
    }

    func cells(_ ind: IndicatorSpec) -> [CompiledIndicator.Step] {
        let keys = "t.period, t.scope, t.breakdown, t.grp"
        guard case .duration(_, _, _, let percentiles) = ind.measure else {
            return [
                .init(
                    name: "cells", purpose: "numerator and denominator for every period, scope and group",
                    sql:
                        "SELECT \(keys), 'value' AS stat, CAST(SUM(t.is_num) AS BIGINT) AS num, CAST(SUM(t.is_den) AS BIGINT) AS den, \(nullReal) AS val FROM tagged t GROUP BY \(keys)"
                )
            ]
        }
        // Median: the middle value, or the mean of the two middle values; other percentiles by nearest rank. The
        // value at rank k is the smallest time whose running total reaches k.
        func at(_ rank: String) -> String { "MIN(CASE WHEN t.cum >= \(rank) THEN t.dur END)" }
        let stats = percentiles.map { p -> String in
            let value = p == 50 ? "(\(at("(t.cnt + 1) / 2")) + \(at("(t.cnt + 2) / 2"))) / 2.0" : at("(t.cnt * \(p) + 99) / 100")
            return "SELECT \(keys), 'p\(p)' AS stat, MAX(t.cnt) AS num, \(nullInt) AS den, \(value) AS val FROM ordered t GROUP BY \(keys)"
        }
        let partition = "PARTITION BY \(keys)"
        return [
            .init(
                name: "dist", purpose: "how many units share each time, in each period, scope and group",
                sql: "SELECT \(keys), t.dur, CAST(SUM(t.n) AS BIGINT) AS n FROM tagged t GROUP BY \(keys), t.dur"),
            .init(
                name: "ordered", purpose: "the times in each period, scope and group, in order, with running totals",
                sql:
                    "SELECT t.*, CAST(SUM(t.n) OVER (\(partition) ORDER BY t.dur ROWS UNBOUNDED PRECEDING) AS BIGINT) AS cum, CAST(SUM(t.n) OVER (\(partition)) AS BIGINT) AS cnt FROM dist t"
            ),
            .init(
                name: "cells",
                purpose:
                    "the percentiles of the times for every period, scope and group (median: the middle value or the mean of the two middle ones; others by nearest rank)",
                sql: stats.joined(separator: "\nUNION ALL ")),
        ]
    }

    var nullInt: String { dialect == .postgres ? "CAST(NULL AS BIGINT)" : "NULL" }
}
