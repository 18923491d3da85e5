import DotsContexts
import DotsCore
import DotsFramework

/// How a journey names its young person.
public enum JourneyKey: Sendable, Equatable {
    /// One agency's record, placed in a young person by the latest linkage run.
    case agencyRecord(agency: String, person: String)
    /// The partnership person id linkage gave them.
    case partnership(String)
}

/// Everything a young person's journey page reads about them before the view is recorded.
public struct JourneyRead: Sendable {
    public let partnershipID: String
    /// Every current record placed in them, as (agency, person id), by agency then id.
    public let records: [(agency: String, person: String)]
    /// Every row about those records in every dataset about people, people included, with the fields `journeyReads`.
    public let rows: [RecordRow]
    /// The contexts they are linked to, with the link, by link id.
    public let contexts: [(context: SafeguardingContext, link: ContextLink)]
    /// The data leads with an enabled account at each agency holding a record: agency, name, email, by name.
    public let contacts: [(agency: String, name: String, email: String)]
    /// When the latest linkage run finished.
    public let linkedAt: Instant?
    /// The latest views of their journey, newest first, when asked for (`journeyRead(_:views:)`); else empty.
    public let views: [JourneyViewRecord]
}

/// A view of a young person's journey, from the audit chain, with who made it.
public struct JourneyViewRecord: Sendable, Equatable {
    public let event: AuditEvent
    /// The account's name and role as held now; nil for the command line or an account no longer held.
    public let name: String?
    public let role: Role?

    public init(event: AuditEvent, name: String?, role: Role?) {
        self.event = event
        self.name = name
        self.role = role
    }
}

extension HubStore {
    /// One young person's records, rows, contexts, the agencies' contacts and the latest linkage time, in one query
    /// (a `UNION ALL`, each part's kind in `k` and values in columns `c0`… as text, the rest NULL): a journey is opened at every MACE
    /// meeting and referral, and under load each further round trip to the database's thread cost more than building
    /// the page. Nil when the key names no young person. The young person's records are a common table (`r`) that
    /// every part joins, so the lookup runs once. With `views` above 0 it also reads that many of the latest views of
    /// their journey (newest first, each with the viewer's name and role as held now), so a page listing its viewers
    /// needs no second query.
    public func journeyRead(_ key: JourneyKey, views: Int = 0) async throws -> JourneyRead? {
        let datasets = Dataset.allCases.filter(\.isAboutPeople)
        let read = datasets.map { $0.schema.fields.filter(Self.journeyReads) }
        let width = max(2, read.map(\.count).max() ?? 0)
        // Only the first part names its columns (both engines take a union's names from it): a shorter query, and SQLite
        // parses every view's afresh.
        var named = true
        func padded(_ values: [String]) -> String {
            defer { named = false }
            return (0..<width).map { i in (i < values.count ? values[i] : "NULL") + (named ? " AS c\(i)" : "") }.joined(separator: ",")
        }
        var binds: [String] = []
        func bind(_ value: String) -> String {
            binds.append(value)
            return placeholder(binds.count)
        }
        let who: String
        switch key {
        case .agencyRecord(let agency, let person):
            who = "(SELECT partnership_person_id FROM person_links WHERE agency_id = \(bind(agency)) AND person_id = \(bind(person)))"
        case .partnership(let id):
            who = bind(id)
        }
        var parts = [
            // -4: when the latest linkage run finished.
            "SELECT '-4' AS k, '' AS s, '' AS a, \(padded(["(SELECT \(engine.timestampText("finished_at")) FROM linkage_runs ORDER BY finished_at DESC LIMIT 1)"]))",
            // -3: the young person's records.
            "SELECT '-3', r.partnership_person_id, r.agency_id, \(padded(["r.person_id"])) FROM r",
            // -2: their contexts.
            """
            SELECT '-2', '', c.agency_id, \(padded(["l.link", "c.context"])) FROM context_links l JOIN contexts c ON c.id = l.context_id \
            WHERE l.person_id IN (SELECT partnership_person_id FROM r)
            """,
            // -1: the data leads of the agencies holding them.
            """
            SELECT '-1', '', x.agency_id, \(padded(["x.name", "x.email"])) FROM accounts x \
            WHERE x.role = \(bind(Role.agencyLead.rawValue)) AND x.disabled = 0 AND x.agency_id IN (SELECT agency_id FROM r)
            """,
        ]
        if views > 0 {
            // -5: the latest views, with the viewer's name and role as held now, and the chain's order to sort them by.
            // On SQLite the chain is a file of its own, attached to the connections `pageRows` reads on (`AuditChainFile`).
            let chain = readers == nil ? "audit_events" : "chain.audit_events"
            parts.append(
                """
                SELECT '-5', v.t, v.account_id, \(padded(["v.detail", "v.name", "v.role", "CAST(v.seq AS TEXT)"])) FROM (SELECT \
                \(engine.timestampText("e.at")) AS t, e.account_id, e.detail, x.name, x.role, e.seq FROM \(chain) e \
                LEFT JOIN accounts x ON x.id = e.account_id WHERE e.target = (SELECT partnership_person_id FROM r LIMIT 1) \
                AND e.action = \(bind("journey.view")) ORDER BY e.seq DESC LIMIT \(views)) v
                """)
        }
        for (k, dataset) in datasets.enumerated() {
            parts.append(
                """
                SELECT '\(k)', e.submission_id, e.agency_id, \(padded(read[k].map { textExpression($0, table: "e") })) \
                FROM r JOIN "\(dataset.rawValue)" e ON e.agency_id = r.agency_id AND e.person_id = r.person_id
                """)
        }
        let query = """
            WITH r AS (SELECT partnership_person_id, agency_id, person_id FROM person_links WHERE partnership_person_id = \(who)) \
            \(parts.joined(separator: " UNION ALL "))
            """
        var partnershipID: String?
        var records: [(agency: String, person: String)] = []
        var rows: [RecordRow] = []
        var contexts: [(context: SafeguardingContext, link: ContextLink)] = []
        var contacts: [(agency: String, name: String, email: String)] = []
        var linkedAt: Instant?
        var viewed: [(seq: Int, event: AuditEvent, name: String?, role: String?)] = []
        for row in try await pageRows(query, binds) {
            guard let k = row[0].flatMap({ Int($0) }) else { continue }
            let agency = row[2] ?? ""
            let c = row.dropFirst(3)
            switch k {
            case -4: linkedAt = c.first.flatMap { $0 }.flatMap(Instant.init(iso:))
            case -3:
                partnershipID = row[1]
                records.append((agency, c.first.flatMap { $0 } ?? ""))
            case -2:
                guard let link = c[c.startIndex], let context = c[c.startIndex + 1] else { continue }
                contexts.append((try StoreJSON.decode(SafeguardingContext.self, context), try StoreJSON.decode(ContextLink.self, link)))
            case -1: contacts.append((agency, c[c.startIndex] ?? "", c[c.startIndex + 1] ?? ""))
            case -5:
                guard let at = row[1].flatMap(Instant.init(iso:)), let seq = c[c.startIndex + 3].flatMap({ Int($0) }) else { continue }
                viewed.append(
                    (
                        seq, AuditEvent(at: at, accountID: row[2], action: "journey.view", target: "", detail: c[c.startIndex]), c[c.startIndex + 1],
                        c[c.startIndex + 2]
                    ))
            default:
                guard datasets.indices.contains(k) else { continue }
                let dataset = datasets[k]
                var values: [String: String] = [:]
                for (i, field) in read[k].enumerated() {
                    if let v = c[c.startIndex + i], !v.isEmpty { values[field.name] = v }
                }
                rows.append(RecordRow(dataset: dataset, agencyID: agency, submissionID: row[1] ?? "", values: values))
            }
        }
        guard let partnershipID else { return nil }
        let order = Dictionary(uniqueKeysWithValues: datasets.enumerated().map { ($1, $0) })
        return JourneyRead(
            partnershipID: partnershipID, records: records.sorted { ($0.agency, $0.person) < ($1.agency, $1.person) },
            rows: rows.enumerated().sorted { (order[$0.1.dataset]!, $0.1.agencyID, $0.0) < (order[$1.1.dataset]!, $1.1.agencyID, $1.0) }.map(\.1),
            contexts: contexts.sorted { $0.link.id < $1.link.id }, contacts: contacts.sorted { ($0.name, $0.email) < ($1.name, $1.email) },
            linkedAt: linkedAt,
            views: viewed.sorted { $0.seq > $1.seq }.map { v in
                var event = v.event
                event.target = partnershipID
                return JourneyViewRecord(event: event, name: v.name, role: v.role.flatMap(Role.init(rawValue:)))
            })
    }

    /// The fields a journey reads: all but pseudonyms and encodings, which are linkage's, never shown, and half the
    /// width of the people rows.
    public static func journeyReads(_ field: FieldSpec) -> Bool {
        switch field.type {
        case .pseudonym, .bloomFilter, .rawIdentifier: false
        default: true
        }
    }
}
