import DotsCore
import DotsFramework
import FluentKit
import NIOCore
import NIOPosix
import SQLKit

extension HubStore {
    /// Every row of the datasets given, from every agency, as `RecordRow`s. With `fields`, only those of each row and
    /// its person, date and end are read (a partnership's every record, whole, would not fit in memory at scale).
    public func allRecordRows(_ datasets: [Dataset], fields: Set<String>? = nil) async throws -> [RecordRow] {
        let collected = RowCollector()
        for dataset in datasets where dataset.isAboutPeople {
            try await eachRecordRow(of: dataset, fields: fields) { row, _ in collected.rows.append(row) }
        }
        return collected.rows
    }

    /// Every row of the datasets given, grouped by the young person the latest linkage run placed its record with,
    /// each group's rows in the order of `datasets`; rows of records no run has placed are left out. What cohort
    /// measures read at once (`fields` as for `allRecordRows`). The datasets are read side by side, one a connection
    /// (the store has one per event loop), and each row's young person is found as it is read, on the thread that
    /// reads it: at 200,000 young people this read, one dataset after another and grouped afterwards, was most of the
    /// cohort journeys' time.
    public func recordRowsByYoungPerson(_ datasets: [Dataset], fields: Set<String>? = nil) async throws -> [[RecordRow]] {
        let links = LinkNumbers()
        try await eachTextRow("SELECT agency_id, person_id, partnership_person_id FROM person_links") { v in links.add(v[0] ?? "", v[1] ?? "", v[2] ?? "") }
        let numbers = links.byAgency
        let wanted = datasets.filter(\.isAboutPeople)
        let queue = DatasetQueue(wanted)
        let lanes = Array(MultiThreadedEventLoopGroup.singleton.makeIterator())
        let read = try await withThrowingTaskGroup(of: [Dataset: [(Int32, RecordRow)]].self) { group in
            for loop in lanes.prefix(wanted.count) {
                group.addTask {
                    var out: [Dataset: [(Int32, RecordRow)]] = [:]
                    while let dataset = await queue.next() {
                        let tagged = TaggedRows()
                        try await self.eachRecordRow(of: dataset, fields: fields, on: loop) { row, person in
                            if let n = numbers[row.agencyID]?[person] { tagged.rows.append((n, row)) }
                        }
                        out[dataset] = tagged.rows
                    }
                    return out
                }
            }
            return try await group.reduce(into: [:]) { $0.merge($1) { a, _ in a } }
        }
        var groups = [[RecordRow]](repeating: [], count: links.count)
        for dataset in wanted {
            for (n, row) in read[dataset] ?? [] { groups[Int(n)].append(row) }
        }
        return groups.filter { !$0.isEmpty }
    }

    /// Streams one dataset's every row, with its record's person id, to `each` (`eachTextRow`).
    func eachRecordRow(
        of dataset: Dataset, fields wanted: Set<String>?, on loop: (any EventLoop)? = nil, _ each: @escaping @Sendable (RecordRow, String) -> Void
    ) async throws {
        let schema = dataset.schema
        guard let personColumn = dataset == .people ? "person_id" : schema.personKey else { return }
        let always = Set([personColumn, schema.eventDate, schema.eventEnd].compactMap { $0 })
        let fields = schema.fields.filter { wanted == nil || wanted!.contains($0.name) || always.contains($0.name) }
        let columns = ["submission_id", "agency_id"] + fields.map { textExpression($0) }
        let names = fields.map(\.name)
        try await eachTextRow("SELECT \(columns.joined(separator: ", ")) FROM \"\(dataset.rawValue)\"", [], on: loop) { v in
            var values: [String: String] = [:]
            for (i, name) in names.enumerated() {
                if let value = v[i + 2], !value.isEmpty { values[name] = value }
            }
            each(RecordRow(dataset: dataset, agencyID: v[1] ?? "", submissionID: v[0] ?? "", values: values), values[personColumn] ?? "")
        }
    }

    /// A column (of `table`, when given) read as the text `RecordRow` holds, the same on both engines.
    func textExpression(_ field: FieldSpec, table: String? = nil) -> String {
        let c = (table.map { "\($0)." } ?? "") + "\"\(field.name)\""
        switch field.type {
        case .date: return engine.dateText(c)
        case .dateTime: return engine.timestampText(c)
        case .boolean:
            return engine == .postgres ? "CASE WHEN \(c) THEN 'Y' WHEN NOT \(c) THEN 'N' END" : "CASE \(c) WHEN 1 THEN 'Y' WHEN 0 THEN 'N' END"
        case .integer: return "CAST(\(c) AS TEXT)"
        default: return c
        }
    }

    /// Audit records of one action on one target, newest first: who has viewed a young person's records.
    public func auditEvents(action: String, target: String, limit: Int = 100) async throws -> [AuditEvent] {
        try await auditSQL.select().columns("account_id", "action", "target", "detail").column(SQLRaw(engine.timestampText("at")), as: "at_text")
            .from("audit_events").where("action", .equal, action).where("target", .equal, target).orderBy("seq", .descending).limit(limit).all()
            .map { row in
                AuditEvent(
                    at: Instant(iso: try row.decode(column: "at_text", as: String.self))!, accountID: try row.decode(column: "account_id", as: String?.self),
                    action: try row.decode(column: "action", as: String.self), target: try row.decode(column: "target", as: String.self),
                    detail: try row.decode(column: "detail", as: String?.self))
            }
    }
}

/// Rows gathered by a query's row callback, called one row at a time on one thread.
private final class RowCollector: @unchecked Sendable {
    var rows: [RecordRow] = []
}

/// One reader's rows, each with its young person's number, gathered on the reading thread.
private final class TaggedRows: @unchecked Sendable {
    var rows: [(Int32, RecordRow)] = []
}

/// Young people numbered from 0 as their links are read (on one thread), and each agency's person ids' numbers.
private final class LinkNumbers: @unchecked Sendable {
    var byAgency: [String: [String: Int32]] = [:]
    private var numbers: [String: Int32] = [:]
    var count: Int { numbers.count }

    func add(_ agency: String, _ person: String, _ youngPerson: String) {
        let n: Int32
        if let known = numbers[youngPerson] {
            n = known
        } else {
            n = Int32(numbers.count)
            numbers[youngPerson] = n
        }
        byAgency[agency, default: [:]][person] = n
    }
}

/// The datasets still to read, handed out one at a time to whichever reader is free.
private actor DatasetQueue {
    private var left: [Dataset]
    init(_ datasets: [Dataset]) { left = datasets.reversed() }
    func next() -> Dataset? { left.popLast() }
}
