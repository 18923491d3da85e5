import DotsCore
import DotsFramework
import FluentKit
import SQLKit

extension HubStore {
    /// The SQL dialect the framework compiler writes for this store.
    public var dialect: SQLEngine { engine }

    /// What the store holds, for the gap finder: per dataset, who submitted it, the dates covered, and how many rows
    /// have each field (and each field of the young person's record at that agency).
    public func frameworkProfile() async throws -> DataProfile {
        var datasets: [Dataset: DataProfile.DatasetProfile] = [:]
        let current = try await currentSubmissions()
        // Area-level datasets name no person: the framework's person-level counts never read them.
        for dataset in Dataset.allCases where dataset != .people && dataset.isCounted {
            let subs = current.filter { $0.dataset == dataset }
            // Feedback given or recorded in Dots itself, and what Dots keeps from its context records, count without
            // a submission.
            let own =
                dataset == .voiceFeedback
                ? try await ownVoiceDates() : Dataset.aboutContexts.contains(dataset) ? try await ownContextDates(dataset) : nil
            guard !subs.isEmpty || own != nil else { continue }
            let personFields = ["home_area", "home_lsoa", "sex", "ethnicity", "birth_year_month", "looked_after"]
            let fields = dataset.schema.fields.map(\.name)
            var q = sql.select().column(SQLColumn("agency_id", table: "e"), as: "agency").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            for f in fields { q = q.column(SQLFunction("COUNT", args: SQLColumn(f, table: "e")), as: "f_\(f)") }
            for f in personFields { q = q.column(SQLFunction("COUNT", args: SQLColumn(f, table: "p")), as: "p_\(f)") }
            let rows = try await q.from(SQLAlias(SQLIdentifier(dataset.rawValue), as: SQLIdentifier("e")))
                .join(
                    SQLAlias(SQLIdentifier("people"), as: SQLIdentifier("p")), method: SQLJoinMethod.left,
                    // Rows about contexts name no agency's person record.
                    on: SQLRaw(dataset.isAboutPeople ? "p.agency_id = e.agency_id AND p.person_id = e.person_id" : "1 = 0")
                )
                .groupBy(SQLColumn("agency_id", table: "e"))
                .all()
            var byAgency: [String: DataProfile.DatasetProfile.AgencyProfile] = [:]
            for row in rows {
                var filled: [String: Int] = [:]
                for f in fields { filled[f] = try row.decode(column: "f_\(f)", as: Int.self) }
                for f in personFields { filled["person.\(f)"] = try row.decode(column: "p_\(f)", as: Int.self) }
                let agency = try row.decode(column: "agency", as: String.self)
                byAgency[agency] = .init(
                    rows: try row.decode(column: "n", as: Int.self), filled: filled,
                    warnings: subs.filter { $0.agency == agency }.reduce(0) { $0 + $1.warningCount })
            }
            var filled: [String: Int] = [:]
            for a in byAgency.values { filled.merge(a.filled, uniquingKeysWith: +) }
            let starts = subs.map(\.period.start) + [own?.first].compactMap { $0 }, ends = subs.map(\.period.end) + [own?.last].compactMap { $0 }
            datasets[dataset] = .init(
                agencies: Array(Set(subs.map(\.agency)).union(byAgency.keys)).sorted(), first: starts.min()!, last: ends.max()!,
                rows: byAgency.values.reduce(0) { $0 + $1.rows }, filled: filled,
                warnings: subs.reduce(0) { $0 + $1.warningCount }, submissionIDs: subs.map(\.id).sorted(), byAgency: byAgency)
        }
        return DataProfile(datasets: datasets, linkageRunID: try await latestLinkageRun()?.id)
    }

    /// The first and last dates of feedback given or recorded in Dots, if there is any.
    func ownVoiceDates() async throws -> (first: CalendarDate, last: CalendarDate)? {
        let row = try await sql.select().column(SQLRaw("MIN(record_date)"), as: "lo").column(SQLRaw("MAX(record_date)"), as: "hi").from("voice_records")
            .first()
        guard let lo = try row?.decode(column: "lo", as: String?.self).flatMap(CalendarDate.init(iso:)),
            let hi = try row?.decode(column: "hi", as: String?.self).flatMap(CalendarDate.init(iso:))
        else { return nil }
        return (lo, hi)
    }

    /// The first and last dates of the rows Dots keeps about contexts in one dataset, if it keeps any.
    func ownContextDates(_ dataset: Dataset) async throws -> (first: CalendarDate, last: CalendarDate)? {
        let dates = dataset.schema.fields.filter { $0.type == .date }
        var q = sql.select()
        for (i, f) in dates.enumerated() {
            q = q.column(SQLRaw("MIN(\(engine.dateText("\"\(f.name)\"")))"), as: "lo\(i)").column(
                SQLRaw("MAX(\(engine.dateText("\"\(f.name)\"")))"), as: "hi\(i)")
        }
        guard let row = try await q.from(dataset.rawValue).where("submission_id", .equal, Dataset.contextsSubmissionID).first() else { return nil }
        var all: [CalendarDate] = []
        for i in dates.indices {
            for c in ["lo\(i)", "hi\(i)"] { if let d = try row.decode(column: c, as: String?.self).flatMap(CalendarDate.init(iso:)) { all.append(d) } }
        }
        guard let lo = all.min(), let hi = all.max() else { return nil }
        return (lo, hi)
    }

    /// Runs one compiled indicator. On PostgreSQL the query runs in a read-only transaction that lets its sorts
    /// and hashes use more memory than the server's 4 MB default (so they stay out of temporary files) and turns off
    /// JIT compilation, which costs more than it saves on queries that each run once.
    public func frameworkCells(_ compiled: CompiledIndicator) async throws -> [RawCell] {
        @Sendable func decode(_ row: any SQLRow) throws -> RawCell {
            RawCell(
                period: try row.decode(column: "period", as: String.self), scope: try row.decode(column: "scope", as: String.self),
                breakdown: try row.decode(column: "breakdown", as: String.self), group: try row.decode(column: "grp", as: String.self),
                stat: try row.decode(column: "stat", as: String.self), num: try row.decode(column: "num", as: Int?.self) ?? 0,
                den: try row.decode(column: "den", as: Int?.self), val: try row.decode(column: "val", as: Double?.self))
        }
        guard engine == .postgres else { return try await sql.raw(SQLQueryString(compiled.sql)).all().map(decode) }
        return try await database.transaction { tx in
            try await tx.sql.raw("SET TRANSACTION READ ONLY").run()
            try await tx.sql.raw("SET LOCAL work_mem = '128MB'").run()
            try await tx.sql.raw("SET LOCAL jit = off").run()
            return try await tx.sql.raw(SQLQueryString(compiled.sql)).all().map(decode)
        }
    }

    /// Logs a run and replaces the figures and gaps of the last one, in one transaction.
    public func saveFrameworkRun(_ run: FrameworkRunRecord, cells: [IndicatorCell], gaps: [StoredGap]) async throws {
        let engine = engine
        try await database.transaction { tx in
            let db = tx.sql
            try await db.insert(into: "framework_runs")
                .columns(
                    "id", "computed_at", "framework_name", "framework_version", "framework_checksum", "linkage_run_id", "submissions",
                    "indicators", "cells", "seconds", "run_by"
                )
                .values(
                    SQLBind(run.id), engine.timestamp(run.computedAt), SQLBind(run.frameworkName), SQLBind(run.frameworkVersion),
                    SQLBind(run.frameworkChecksum), SQLBind(run.linkageRunID), SQLBind(run.submissions.joined(separator: ";")),
                    SQLBind(run.indicators), SQLBind(run.cells), SQLBind(run.seconds), SQLBind(run.runBy)
                )
                .run()
            try await db.delete(from: "framework_results").run()
            try await db.delete(from: "framework_gaps").run()
            var rows: any RowBatchSource & Sendable = ArrayRows(
                cells.map { c in
                    [
                        .text(c.indicatorID), .text(c.periodKind), .text(c.period), .date(c.periodStart), .date(c.periodEnd), .text(c.scope),
                        .text(c.breakdown), .text(c.group), .text(c.stat), c.numerator.map(CellValue.integer) ?? .null,
                        c.denominator.map(CellValue.integer) ?? .null, c.value.map(CellValue.real) ?? .null, .text(c.status.rawValue),
                        c.note.map(CellValue.text) ?? .null,
                    ]
                })
            _ = try await Self.bulkInsert(
                &rows, table: "framework_results",
                columns: [
                    "run_id", "indicator_id", "period_kind", "period", "period_start", "period_end", "scope", "breakdown",
                    "grp", "stat", "num", "den", "val", "status", "note",
                ],
                prefix: [.text(run.id)], on: tx, engine: engine)
            for g in gaps {
                try await db.insert(into: "framework_gaps").columns("run_id", "question_id", "indicator_id", "kind", "blocking", "detail")
                    .values(
                        SQLBind(run.id), SQLBind(g.questionID), SQLBind(g.gap.indicatorID), SQLBind(g.gap.kind.rawValue),
                        SQLBind(g.gap.blocking ? 1 : 0), SQLBind(g.gap.detail)
                    )
                    .run()
            }
        }
    }

    public func latestFrameworkRun() async throws -> FrameworkRunRecord? {
        guard
            let row = try await sql.select()
                .columns(
                    "id", "framework_name", "framework_version", "framework_checksum", "linkage_run_id", "submissions", "indicators", "cells", "seconds",
                    "run_by"
                )
                .column(SQLRaw(engine.timestampText("computed_at")), as: "ca")
                .from("framework_runs").orderBy("computed_at", .descending).limit(1).first()
        else { return nil }
        return FrameworkRunRecord(
            id: try row.decode(column: "id", as: String.self), computedAt: Instant(iso: try row.decode(column: "ca", as: String.self))!,
            frameworkName: try row.decode(column: "framework_name", as: String.self),
            frameworkVersion: try row.decode(column: "framework_version", as: String.self),
            frameworkChecksum: try row.decode(column: "framework_checksum", as: String.self),
            linkageRunID: try row.decode(column: "linkage_run_id", as: String?.self),
            submissions: try row.decode(column: "submissions", as: String.self).split(separator: ";").map(String.init),
            indicators: try row.decode(column: "indicators", as: Int.self), cells: try row.decode(column: "cells", as: Int.self),
            seconds: try row.decode(column: "seconds", as: Double.self), runBy: try row.decode(column: "run_by", as: String.self))
    }

    /// The latest run's figures, optionally for one indicator.
    public func frameworkResults(indicator: String? = nil) async throws -> [IndicatorCell] {
        var q = sql.select().columns("indicator_id", "period_kind", "period", "scope", "breakdown", "grp", "stat", "num", "den", "val", "status", "note")
            .column(SQLRaw(engine.dateText("period_start")), as: "ps").column(SQLRaw(engine.dateText("period_end")), as: "pe")
            .from("framework_results")
        if let indicator { q = q.where("indicator_id", .equal, indicator) }
        return try await q.orderBy("indicator_id").orderBy("period_start").orderBy("period_kind").orderBy("scope").orderBy("breakdown").orderBy("grp").orderBy(
            "stat"
        )
        .all().map { row in
            let kind = PeriodKind(rawValue: try row.decode(column: "period_kind", as: String.self)) ?? .month
            let start = CalendarDate(iso: try row.decode(column: "ps", as: String.self))!,
                end = CalendarDate(iso: try row.decode(column: "pe", as: String.self))!
            return IndicatorCell(
                indicatorID: try row.decode(column: "indicator_id", as: String.self),
                period: ReportingPeriod(kind: kind, firstMonth: start.yearMonth, lastMonth: end.yearMonth),
                scope: try row.decode(column: "scope", as: String.self), breakdown: try row.decode(column: "breakdown", as: String.self),
                group: try row.decode(column: "grp", as: String.self), stat: try row.decode(column: "stat", as: String.self),
                numerator: try row.decode(column: "num", as: Int?.self), denominator: try row.decode(column: "den", as: Int?.self),
                value: try row.decode(column: "val", as: Double?.self),
                status: IndicatorCell.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .ok,
                note: try row.decode(column: "note", as: String?.self))
        }
    }

    public func frameworkGaps() async throws -> [StoredGap] {
        try await sql.select().columns("question_id", "indicator_id", "kind", "blocking", "detail").from("framework_gaps").all().map { row in
            StoredGap(
                questionID: try row.decode(column: "question_id", as: String.self),
                gap: DataGap(
                    kind: DataGap.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .fieldEmpty,
                    indicatorID: try row.decode(column: "indicator_id", as: String?.self),
                    blocking: try row.decode(column: "blocking", as: Int.self) == 1, detail: try row.decode(column: "detail", as: String.self)))
        }
    }
}
