import Crypto
import DotsCore
import DotsFramework
import FluentKit
import Foundation
import SQLKit
import SQLiteNIO

/// A linkage run as recorded.
public struct LinkageRunRecord: Sendable, Codable {
    public var id: String
    public var startedAt: Instant
    public var finishedAt: Instant
    public var settingsJSON: String
    public var modelJSON: String
    public var keyID: String?
    public var records: Int
    public var candidatePairs: Int
    public var links: Int
    public var reviews: Int
    public var people: Int
    /// The `people` submissions the run linked (their ids).
    public var submissions: [String]
    public var evaluationJSON: String?
    public var runBy: String
    /// The highest partnership person id number ever given, as of this run (nil for runs before it was recorded).
    public var highestPersonNumber: Int?

    public init(
        id: String, startedAt: Instant, finishedAt: Instant, settingsJSON: String, modelJSON: String, keyID: String?, records: Int,
        candidatePairs: Int, links: Int, reviews: Int, people: Int, submissions: [String], evaluationJSON: String?, runBy: String,
        highestPersonNumber: Int? = nil
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.settingsJSON = settingsJSON
        self.modelJSON = modelJSON
        self.keyID = keyID
        self.records = records
        self.candidatePairs = candidatePairs
        self.links = links
        self.reviews = reviews
        self.people = people
        self.submissions = submissions
        self.evaluationJSON = evaluationJSON
        self.runBy = runBy
        self.highestPersonNumber = highestPersonNumber
    }
}

/// How a run changes the stored partnership person ids.
public struct PersonIDUpdate: Sendable {
    /// Rows to write: the new and changed ids, or every record's when `replaceAll`.
    public var rows: [(agency: String, person: String, id: String)]
    /// Rows to delete first (records gone, ids changed); not needed when `replaceAll`.
    public var deletes: [(agency: String, person: String)]
    public var replaceAll: Bool
    /// The agencies holding people now: rows of any other agency are deleted. Nil when the caller knows there
    /// are none (the check reads every row).
    public var agencies: [String]?
    /// Each current people submission's ids, one per line in the order of its record set.
    public var bySubmission: [(submission: String, records: Int, ids: String)]

    public init(
        rows: [(agency: String, person: String, id: String)], deletes: [(agency: String, person: String)], replaceAll: Bool,
        agencies: [String]?, bySubmission: [(submission: String, records: Int, ids: String)]
    ) {
        self.rows = rows
        self.deletes = deletes
        self.replaceAll = replaceAll
        self.agencies = agencies
        self.bySubmission = bySubmission
    }
}

/// A pair kept by a run for a person to look at: one in the review band, or one a reviewer decided.
public struct LinkPairRecord: Sendable, Equatable {
    public var a: String
    public var b: String
    public var levels: [UInt8]
    public var weight: Double
    public var probability: Double
    public var decision: LinkDecision

    public init(a: String, b: String, levels: [UInt8], weight: Double, probability: Double, decision: LinkDecision) {
        self.a = a
        self.b = b
        self.levels = levels
        self.weight = weight
        self.probability = probability
        self.decision = decision
    }
}

/// One linkage run as its history lists it.
public struct LinkageRunSummary: Sendable, Equatable {
    public var id: String
    public var finishedAt: Instant
    public var records: Int
    public var candidatePairs: Int
    public var links: Int
    public var reviews: Int
    public var people: Int
    public var runBy: String
    public var evaluationJSON: String?

    public init(
        id: String, finishedAt: Instant, records: Int, candidatePairs: Int, links: Int, reviews: Int, people: Int, runBy: String, evaluationJSON: String?
    ) {
        self.id = id
        self.finishedAt = finishedAt
        self.records = records
        self.candidatePairs = candidatePairs
        self.links = links
        self.reviews = reviews
        self.people = people
        self.runBy = runBy
        self.evaluationJSON = evaluationJSON
    }
}

/// A clerical review decision as stored.
public struct ReviewRecord: Sendable, Equatable {
    public var a: String
    public var b: String
    public var verdict: LinkVerdict
    public var reviewer: String
    public var decidedAt: Instant
    public var note: String?
}

extension HubStore {
    /// Every row of `table`'s `columns` (nil for blank), optionally only where one column equals a value, in
    /// `orderBy` order, handed to `each` one at a time (`eachTextRow`). Table and column names are the caller's
    /// constants, and the columns text.
    public func rows(
        of table: String, columns: [String], where filter: (column: String, value: String)? = nil, orderBy: [String] = [],
        _ each: @escaping @Sendable ([String?]) -> Void
    ) async throws {
        var query = "SELECT \(columns.joined(separator: ", ")) FROM \(table)"
        if let filter { query += " WHERE \(filter.column) = \(placeholder(1))" }
        if !orderBy.isEmpty { query += " ORDER BY \(orderBy.joined(separator: ", "))" }
        try await eachTextRow(query, filter.map { [$0.value] } ?? [], each)
    }

    /// Logs the run, replaces the pairs kept for review, and brings every person record's partnership person id up
    /// to date, in one transaction.
    public func saveLinkageRun(_ run: LinkageRunRecord, pairs: [LinkPairRecord], personIDs update: PersonIDUpdate) async throws {
        let engine = engine
        try await database.transaction { tx in
            let db = tx.sql
            try await db.insert(into: "linkage_runs")
                .columns(
                    "id", "started_at", "finished_at", "settings", "model", "key_id", "records", "candidate_pairs", "links", "reviews",
                    "people", "submissions", "evaluation", "run_by", "highest_person_number"
                )
                .values(
                    SQLBind(run.id), engine.timestamp(run.startedAt), engine.timestamp(run.finishedAt), SQLBind(run.settingsJSON),
                    SQLBind(run.modelJSON), SQLBind(run.keyID), SQLBind(run.records), SQLBind(run.candidatePairs), SQLBind(run.links),
                    SQLBind(run.reviews), SQLBind(run.people), SQLBind(run.submissions.joined(separator: ";")), SQLBind(run.evaluationJSON),
                    SQLBind(run.runBy), SQLBind(run.highestPersonNumber)
                )
                .run()
            try await db.delete(from: "link_pairs").run()
            var pairRows: any RowBatchSource & Sendable = ArrayRows(
                pairs.map { p in
                    [
                        .text(p.a), .text(p.b), .text(p.levels.map(String.init).joined(separator: ",")), .real(p.weight), .real(p.probability),
                        .text(p.decision.rawValue),
                    ]
                })
            _ = try await Self.bulkInsert(
                &pairRows, table: "link_pairs", columns: ["run_id", "a_key", "b_key", "levels", "weight", "probability", "decision"],
                prefix: [.text(run.id)], on: tx, engine: engine)
            // Person ids: rows of agencies holding no people now go; then either every row is replaced, or the rows
            // of records gone or changed are deleted and the new and changed ones written.
            if let agencies = update.agencies {
                if agencies.isEmpty {
                    try await db.delete(from: "person_links").run()
                } else {
                    try await db.delete(from: "person_links").where("agency_id", .notIn, agencies).run()
                }
            }
            if update.replaceAll {
                try await db.delete(from: "person_links").run()
            } else {
                for (agency, person) in update.deletes {
                    try await db.delete(from: "person_links").where("agency_id", .equal, agency).where("person_id", .equal, person).run()
                }
            }
            var rows: any RowBatchSource & Sendable = ArrayRows(update.rows.map { [.text($0.agency), .text($0.person), .text($0.id)] })
            _ = try await Self.bulkInsert(
                &rows, table: "person_links", columns: ["run_id", "agency_id", "person_id", "partnership_person_id"],
                prefix: [.text(run.id)], on: tx, engine: engine)
            try await db.delete(from: "linked_person_ids").run()
            for s in update.bySubmission {
                try await db.insert(into: "linked_person_ids").columns("submission_id", "run_id", "records", "ids")
                    .values(SQLBind(s.submission), SQLBind(run.id), SQLBind(s.records), SQLBind(s.ids)).run()
            }
        }
    }

    /// The partnership person ids the latest run gave each of these submissions' records, one per line in the
    /// order of the submission's record set, with how many there are; submissions not linked since they arrived
    /// are absent.
    public func linkedPersonIDs(submissions: [String]) async throws -> [String: (records: Int, ids: String)] {
        guard !submissions.isEmpty else { return [:] }
        var out: [String: (records: Int, ids: String)] = [:]
        for row in try await sql.select().columns("submission_id", "records", "ids").from("linked_person_ids")
            .where("submission_id", .in, submissions).all()
        {
            out[try row.decode(column: "submission_id", as: String.self)] = (
                try row.decode(column: "records", as: Int.self), try row.decode(column: "ids", as: String.self)
            )
        }
        return out
    }

    /// One agency's records' partnership person ids, by person id.
    public func personLinks(agency: String) async throws -> [String: String] {
        final class Collected: @unchecked Sendable {
            // Filled on the store's thread, read after the query completes.
            var map: [String: String] = [:]
        }
        let out = Collected()
        try await rows(of: "person_links", columns: ["person_id", "partnership_person_id"], where: ("agency_id", agency)) { v in
            out.map[v[0] ?? ""] = v[1] ?? ""
        }
        return out.map
    }

    /// The highest person id number any run recorded as given (nil before any run, or when every run predates
    /// the record).
    public func highestPersonNumber() async throws -> Int? {
        try await sql.select().column(SQLFunction("MAX", args: SQLColumn("highest_person_number")), as: "n").from("linkage_runs")
            .first()?.decode(column: "n", as: Int?.self)
    }

    /// This store's key for naming linkage pairs without their record keys (`LinkQualityService.ref`): 32 random bytes,
    /// made on first use and kept in `store_meta`. Keyed, because agencies' person ids are short and often sequential:
    /// a plain hash of two of them could be reversed by trying ids.
    public func pairReferenceKey() async throws -> [UInt8] {
        func read() async throws -> [UInt8]? {
            try await sql.select().column("value").from("store_meta").where("key", .equal, "pair_reference_key").first()
                .flatMap { Data(base64Encoded: try $0.decode(column: "value", as: String.self)) }.map { [UInt8]($0) }
        }
        if let key = try await read() { return key }
        let made = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
        // Two processes making it at once: the key column is unique, so one insert fails and both read the winner's.
        try? await sql.insert(into: "store_meta").columns("key", "value").values(SQLBind("pair_reference_key"), SQLBind(made)).run()
        guard let key = try await read() else { throw StoreError.conflict("the store's pair reference key could not be kept") }
        return key
    }

    /// Each person record's current partnership person id, keyed `agency/person_id`.
    public func personLinks() async throws -> [String: String] {
        final class Collected: @unchecked Sendable {
            // Filled on the store's thread, read after the query completes.
            var map: [String: String] = [:]
        }
        let out = Collected()
        try await rows(of: "person_links", columns: ["agency_id", "person_id", "partnership_person_id"], orderBy: ["agency_id", "person_id"]) { v in
            out.map["\(v[0] ?? "")/\(v[1] ?? "")"] = v[2] ?? ""
        }
        return out.map
    }

    public func latestLinkageRun() async throws -> LinkageRunRecord? {
        let row = try await sql.select()
            .columns(
                "id", "settings", "model", "key_id", "records", "candidate_pairs", "links", "reviews", "people", "submissions", "evaluation", "run_by",
                "highest_person_number"
            )
            .column(SQLRaw(engine.timestampText("started_at")), as: "sa").column(SQLRaw(engine.timestampText("finished_at")), as: "fa")
            .from("linkage_runs").orderBy("finished_at", .descending).limit(1).first()
        guard let row else { return nil }
        return LinkageRunRecord(
            id: try row.decode(column: "id", as: String.self), startedAt: Instant(iso: try row.decode(column: "sa", as: String.self))!,
            finishedAt: Instant(iso: try row.decode(column: "fa", as: String.self))!, settingsJSON: try row.decode(column: "settings", as: String.self),
            modelJSON: try row.decode(column: "model", as: String.self), keyID: try row.decode(column: "key_id", as: String?.self),
            records: try row.decode(column: "records", as: Int.self), candidatePairs: try row.decode(column: "candidate_pairs", as: Int.self),
            links: try row.decode(column: "links", as: Int.self), reviews: try row.decode(column: "reviews", as: Int.self),
            people: try row.decode(column: "people", as: Int.self),
            submissions: try row.decode(column: "submissions", as: String.self).split(separator: ";").map(String.init),
            evaluationJSON: try row.decode(column: "evaluation", as: String?.self), runBy: try row.decode(column: "run_by", as: String.self),
            highestPersonNumber: try row.decode(column: "highest_person_number", as: Int?.self))
    }

    /// The runs, newest first: what each linked and found, with who ran it, its evaluation if any, and never its
    /// model or settings (large, and read only to explain a pair).
    public func linkageRunHistory(limit: Int = 20) async throws -> [LinkageRunSummary] {
        try await linkageRunSummaries(id: nil, limit: limit)
    }

    /// One run's summary, nil when there is no such run.
    public func linkageRunSummary(id: String) async throws -> LinkageRunSummary? {
        try await linkageRunSummaries(id: id, limit: 1).first
    }

    func linkageRunSummaries(id: String?, limit: Int) async throws -> [LinkageRunSummary] {
        var q = sql.select().columns("id", "records", "candidate_pairs", "links", "reviews", "people", "run_by", "evaluation")
            .column(SQLRaw(engine.timestampText("finished_at")), as: "fa").from("linkage_runs")
        if let id { q = q.where("id", .equal, id) }
        return try await q.orderBy("finished_at", .descending).limit(limit).all()
            .map { row in
                LinkageRunSummary(
                    id: try row.decode(column: "id", as: String.self), finishedAt: Instant(iso: try row.decode(column: "fa", as: String.self))!,
                    records: try row.decode(column: "records", as: Int.self), candidatePairs: try row.decode(column: "candidate_pairs", as: Int.self),
                    links: try row.decode(column: "links", as: Int.self), reviews: try row.decode(column: "reviews", as: Int.self),
                    people: try row.decode(column: "people", as: Int.self), runBy: try row.decode(column: "run_by", as: String.self),
                    evaluationJSON: try row.decode(column: "evaluation", as: String?.self))
            }
    }

    /// Pairs of the latest run, optionally only those with one decision, strongest first.
    public func linkPairs(decision: LinkDecision? = nil, involving key: String? = nil, limit: Int = 100) async throws -> [LinkPairRecord] {
        var q = sql.select().columns("a_key", "b_key", "levels", "weight", "probability", "decision").from("link_pairs")
        if let decision { q = q.where("decision", .equal, decision.rawValue) }
        if let key { q = q.where { $0.where("a_key", .equal, key).orWhere("b_key", .equal, key) } }
        return try await q.orderBy("probability", .descending).orderBy("a_key").orderBy("b_key").limit(limit).all().map { row in
            LinkPairRecord(
                a: try row.decode(column: "a_key", as: String.self), b: try row.decode(column: "b_key", as: String.self),
                levels: try row.decode(column: "levels", as: String.self).split(separator: ",").compactMap { UInt8($0) },
                weight: try row.decode(column: "weight", as: Double.self), probability: try row.decode(column: "probability", as: Double.self),
                decision: try Self.stored(LinkDecision.self, try row.decode(column: "decision", as: String.self)))
        }
    }

    /// Records (or replaces) a reviewer's decision on a pair; `a` and `b` in either order.
    public func recordReview(a: String, b: String, verdict: LinkVerdict, reviewer: String, at: Instant, note: String?) async throws {
        let (x, y) = a < b ? (a, b) : (b, a)
        let engine = engine
        try await database.transaction { tx in
            let db = tx.sql
            try await db.delete(from: "link_reviews").where("a_key", .equal, x).where("b_key", .equal, y).run()
            try await db.insert(into: "link_reviews").columns("a_key", "b_key", "verdict", "reviewer", "decided_at", "note")
                .values(SQLBind(x), SQLBind(y), SQLBind(verdict.rawValue), SQLBind(reviewer), engine.timestamp(at), SQLBind(note)).run()
        }
    }

    public func reviews() async throws -> [ReviewRecord] {
        try await sql.select().columns("a_key", "b_key", "verdict", "reviewer", "note")
            .column(SQLRaw(engine.timestampText("decided_at")), as: "da").from("link_reviews").orderBy("a_key").orderBy("b_key").all().map { row in
                ReviewRecord(
                    a: try row.decode(column: "a_key", as: String.self), b: try row.decode(column: "b_key", as: String.self),
                    verdict: try Self.stored(LinkVerdict.self, try row.decode(column: "verdict", as: String.self)),
                    reviewer: try row.decode(column: "reviewer", as: String.self),
                    decidedAt: Instant(iso: try row.decode(column: "da", as: String.self))!, note: try row.decode(column: "note", as: String?.self))
            }
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
