import Crypto
import DotsCore
import DotsLink
import DotsStore
import Foundation

/// How good the latest linkage was, for the analysts who answer for it, and the clerical review queue. The one place
/// its rules live: analysts and admins only; pairs are shown by their agreement pattern and weights, never by a value
/// or an agency's own id (a pair is named by a keyed reference made from its two record keys); each decision is audited and
/// persists as `dots review` makes it, overriding the model at every later run.
public struct LinkQualityService: Sendable {
    let store: HubStore
    let clock: any TimeSource
    let audit: AuditLog

    public init(store: HubStore, clock: any TimeSource = SystemClock()) {
        self.store = store
        self.clock = clock
        audit = AuditLog(store: store, clock: clock)
    }

    /// One agency's records in the latest run.
    public struct AgencyLinkage: Sendable, Equatable {
        public let agency: String
        public let records: Int
        /// Young people the agency's records were placed in.
        public let youngPeople: Int
        /// Of those, known to at least one other agency too.
        public let withAnotherAgency: Int
        /// Of those, known to this agency alone ("children missing from data" elsewhere, or no one else involved).
        public var onlyThisAgency: Int { youngPeople - withAnotherAgency }
        /// The share of the agency's young people that linkage joined to another agency's records.
        public var matchRate: Double { youngPeople == 0 ? 0 : Double(withAnotherAgency) / Double(youngPeople) }

        public init(agency: String, records: Int, youngPeople: Int, withAnotherAgency: Int) {
            self.agency = agency
            self.records = records
            self.youngPeople = youngPeople
            self.withAnotherAgency = withAnotherAgency
        }
    }

    /// Young people known to both of two agencies.
    public struct AgencyPair: Sendable, Equatable {
        public let a: String, b: String
        public let youngPeople: Int

        public init(a: String, b: String, youngPeople: Int) {
            self.a = a
            self.b = b
            self.youngPeople = youngPeople
        }
    }

    /// One comparison of a pair: the level it reached and the evidence (bits) the run's model gives that level.
    public struct Agreement: Sendable, Equatable {
        public let comparison: String
        public let level: String
        public let weight: Double
    }

    /// A pair for a person to look at, or one already looked at.
    public struct ReviewPair: Sendable, Equatable {
        /// Names the pair in forms and the audit log without either record's key.
        public let ref: String
        public let agencyA: String, agencyB: String
        public let agreements: [Agreement]
        public let weight: Double, probability: Double
        /// Nil while undecided.
        public let verdict: LinkVerdict?
        public let reviewer: String?
        public let decidedAt: Instant?
        public let note: String?
    }

    /// One run, as its history lists it.
    public struct Run: Sendable, Equatable {
        public let id: String
        public let finishedAt: Instant
        public let records: Int, candidatePairs: Int, links: Int, reviews: Int, people: Int
        public let runBy: String
    }

    /// A run checked against a truth file (the synthetic partnership's): pairwise precision, recall and F1, and the
    /// share of true pairs blocking let through, and how the pairs the model scored came out by band of match probability.
    public struct Checked: Sendable, Equatable {
        public let precision: Double, recall: Double, f1: Double, blockRecall: Double
        public let calibration: [Band]

        /// Pairs scored from `from` up to `to`: how many, their mean match probability, how many truly one young person.
        public struct Band: Sendable, Equatable {
            public let from: Double, to: Double, pairs: Int, meanProbability: Double, truePairs: Int
        }
    }

    /// Records of one group: how many, how many linkage left on their own (their young person has no other record),
    /// and how many wait in an undecided review pair.
    public struct BiasRow: Sendable, Equatable {
        public let group: String
        public let records: Int, unlinked: Int, inReview: Int

        public init(group: String, records: Int, unlinked: Int, inReview: Int) {
            self.group = group
            self.records = records
            self.unlinked = unlinked
            self.inReview = inReview
        }
    }

    /// Linkage bias: who is left unlinked or in review, by agency, age band (at the run), sex and ethnicity group.
    /// A group left unlinked more than others may be "children missing from data" because of how their records are
    /// kept (names transliterated differently, dates of birth estimated) rather than because no one else knows them.
    public struct Bias: Sendable, Equatable {
        public let byAgency: [BiasRow], byAge: [BiasRow], bySex: [BiasRow], byEthnicity: [BiasRow]
    }

    public struct Overview: Sendable {
        public let latest: Run
        /// Newest first, the latest included.
        public let history: [Run]
        public let evaluation: Checked?
        public let agencies: [AgencyLinkage]
        /// Pairs of agencies that share any young person, most shared first.
        public let sharedBetween: [AgencyPair]
        public let youngPeople: Int
        public let knownToOneAgency: Int
        public let priorWeight: Double
        public let matchThreshold: Double, reviewThreshold: Double
        /// Pairs between the thresholds that nobody has decided yet, strongest first.
        public let queue: [ReviewPair]
        /// Pairs decided, newest first.
        public let decided: [ReviewPair]
        public let bias: Bias
    }

    /// What depends only on the run and the records it linked, worked out once per run (reading every person record
    /// twice at 200,000 young people took seconds): the counts by agency, and each record's groups for the bias tables.
    struct RunStats: Sendable {
        let agencies: [AgencyLinkage]
        let shared: [AgencyPair]
        let youngPeople: Int, knownToOneAgency: Int
        /// Per current person record: its key, its group in each bias table (agency, age band, sex, ethnicity) and
        /// whether the run left it on its own.
        let records: [(key: String, groups: [String], unlinked: Bool)]
    }

    /// The latest run's stats, kept while the run and the people submissions are the same.
    actor StatsCache {
        var entry: (key: String, stats: RunStats)?
        func get(_ key: String) -> RunStats? { entry?.key == key ? entry?.stats : nil }
        func put(_ key: String, _ stats: RunStats) { entry = (key, stats) }
    }
    let cache = StatsCache()

    /// Nil before linkage has run.
    public func overview(by caller: Caller) async throws -> Overview? {
        try caller.require(.reviewLinkage)
        guard let run = try await store.latestLinkageRun() else { return nil }
        let history = try await store.linkageRunHistory().map(Self.run(_:))
        let key = run.id + "|" + (try await store.currentSubmissions(dataset: .people)).map(\.id).sorted().joined(separator: ",")
        let stats: RunStats
        if let kept = await cache.get(key) {
            stats = kept
        } else {
            stats = try await runStats(on: UKTime.localDate(of: run.finishedAt))
            await cache.put(key, stats)
        }

        let settings = try JSONDecoder().decode(LinkageSettings.self, from: Data(run.settingsJSON.utf8))
        let model = try JSONDecoder().decode(FellegiSunterModel.self, from: Data(run.modelJSON.utf8))
        let comparisons = Comparator(settings: settings).comparisons
        let refKey = try await store.pairReferenceKey()
        let reviews = Dictionary(try await store.reviews().map { (Self.ref($0.a, $0.b, key: refKey), $0) }, uniquingKeysWith: { a, _ in a })
        var queue: [ReviewPair] = [], decided: [ReviewPair] = []
        var inReview: Set<String> = []
        for p in try await store.linkPairs(limit: 100_000) {
            let ref = Self.ref(p.a, p.b, key: refKey)
            let review = reviews[ref]
            let agreements = p.levels.enumerated().compactMap { i, level -> Agreement? in
                guard i < comparisons.count else { return nil }
                return Agreement(comparison: comparisons[i].name.rawValue, level: comparisons[i].label(Int(level)), weight: model.weight(i, Int(level)))
            }
            let pair = ReviewPair(
                ref: ref, agencyA: Self.agency(of: p.a), agencyB: Self.agency(of: p.b), agreements: agreements, weight: p.weight,
                probability: p.probability, verdict: review?.verdict, reviewer: review?.reviewer, decidedAt: review?.decidedAt, note: review?.note)
            if review == nil, p.decision == .review {
                queue.append(pair)
                inReview.formUnion([p.a, p.b])
            } else if review != nil {
                decided.append(pair)
            }
        }
        decided.sort { ($0.decidedAt?.seconds ?? 0, $1.ref) > ($1.decidedAt?.seconds ?? 0, $0.ref) }
        return Overview(
            latest: history.first ?? Self.run(Self.summary(of: run)), history: history,
            evaluation: try run.evaluationJSON.map { try JSONDecoder().decode(Evaluation.self, from: Data($0.utf8)) }.map {
                Checked(
                    precision: $0.pairPrecision, recall: $0.pairRecall, f1: $0.pairF1, blockRecall: $0.blockRecall,
                    calibration: ($0.calibration ?? []).map {
                        .init(from: $0.from, to: $0.to, pairs: $0.pairs, meanProbability: $0.meanProbability, truePairs: $0.truePairs)
                    })
            },
            agencies: stats.agencies, sharedBetween: stats.shared, youngPeople: stats.youngPeople, knownToOneAgency: stats.knownToOneAgency,
            priorWeight: model.priorWeight, matchThreshold: settings.matchThreshold, reviewThreshold: settings.reviewThreshold,
            queue: queue, decided: decided, bias: Self.bias(stats.records, inReview: inReview))
    }

    func runStats(on day: CalendarDate) async throws -> RunStats {
        let links = try await store.personLinks()
        // Per agency and per pair of agencies, from which agencies hold records in each young person.
        var recordsBy: [String: Int] = [:], recordsIn: [String: Int] = [:]
        var agenciesOf: [String: Set<String>] = [:]
        for (key, person) in links {
            let agency = Self.agency(of: key)
            recordsBy[agency, default: 0] += 1
            recordsIn[person, default: 0] += 1
            agenciesOf[person, default: []].insert(agency)
        }
        var youngBy: [String: Int] = [:], sharedBy: [String: Int] = [:], pairs: [String: Int] = [:]
        for agencies in agenciesOf.values {
            let sorted = agencies.sorted()
            for a in sorted {
                youngBy[a, default: 0] += 1
                if sorted.count > 1 { sharedBy[a, default: 0] += 1 }
            }
            for (i, a) in sorted.enumerated() { for b in sorted[(i + 1)...] { pairs["\(a)\t\(b)", default: 0] += 1 } }
        }
        let agencies = recordsBy.keys.sorted().map {
            AgencyLinkage(agency: $0, records: recordsBy[$0] ?? 0, youngPeople: youngBy[$0] ?? 0, withAnotherAgency: sharedBy[$0] ?? 0)
        }
        let shared = pairs.map { k, n in
            let p = k.split(separator: "\t").map(String.init)
            return AgencyPair(a: p[0], b: p[1], youngPeople: n)
        }.sorted { ($0.youngPeople, $1.a, $1.b) > ($1.youngPeople, $0.a, $0.b) }

        final class Collected: @unchecked Sendable {
            // Filled on the store's thread, read after the query completes.
            var rows: [(key: String, groups: [String], unlinked: Bool)] = []
        }
        let people = Collected()
        let recordsOf = recordsIn
        try await store.rows(of: "people", columns: ["agency_id", "person_id", "birth_year_month", "sex", "ethnicity"]) { v in
            let key = "\(v[0] ?? "")/\(v[1] ?? "")"
            guard let person = links[key] else { return }  // not in the latest run: arrived since
            let groups = [
                ReferencePartnership.model.agencyName(v[0] ?? ""), Self.ageBand(v[2], on: day), v[3].flatMap(Sex.init(rawValue:))?.label ?? "Not recorded",
                v[4].flatMap(Ethnicity.init(rawValue:))?.group ?? (v[4]?.isEmpty == false ? "Not a DfE code" : "Not recorded"),
            ]
            people.rows.append((key, groups, (recordsOf[person] ?? 0) <= 1))
        }
        return RunStats(
            agencies: agencies, shared: shared, youngPeople: agenciesOf.count, knownToOneAgency: agenciesOf.values.filter { $0.count == 1 }.count,
            records: people.rows)
    }

    /// The bias tables: each record counted in its group of each table, as unlinked and as in review.
    static func bias(_ records: [(key: String, groups: [String], unlinked: Bool)], inReview: Set<String>) -> Bias {
        var tallies: [[String: (records: Int, unlinked: Int, inReview: Int)]] = Array(repeating: [:], count: 4)
        for r in records {
            let review = inReview.contains(r.key) ? 1 : 0
            for (i, g) in r.groups.enumerated() {
                let t = tallies[i][g] ?? (0, 0, 0)
                tallies[i][g] = (t.records + 1, t.unlinked + (r.unlinked ? 1 : 0), t.inReview + review)
            }
        }
        func rows(_ i: Int, order: [String]) -> [BiasRow] {
            tallies[i].sorted { a, b in
                let (x, y) = (order.firstIndex(of: a.key) ?? order.count, order.firstIndex(of: b.key) ?? order.count)
                return x != y ? x < y : a.key < b.key
            }.map { BiasRow(group: $0.key, records: $0.value.records, unlinked: $0.value.unlinked, inReview: $0.value.inReview) }
        }
        return Bias(
            byAgency: rows(0, order: []), byAge: rows(1, order: Self.ageBands), bySex: rows(2, order: Sex.allCases.map(\.label)),
            byEthnicity: rows(3, order: ["White", "Mixed or multiple ethnic groups", "Asian or Asian British", "Black, Black British, Caribbean or African"]))
    }

    static let ageBands = ["Under 10", "10–13", "14–15", "16–17", "18 and over", "Not recorded"]

    /// The age band on `day` of someone born in `birth` (`YYYY-MM`), taking the birthday as the first of the month (the
    /// hub holds no day of birth): at most a month older than they are.
    public static func ageBand(_ birth: String?, on day: CalendarDate) -> String {
        guard let birth, birth.count == 7, let y = Int(birth.prefix(4)), let m = Int(birth.suffix(2)), (1...12).contains(m) else { return "Not recorded" }
        let (year, month, _) = day.components
        let age = year - y - (month < m ? 1 : 0)
        switch age {
        case ..<10: return "Under 10"
        case 10...13: return "10–13"
        case 14...15: return "14–15"
        case 16...17: return "16–17"
        default: return "18 and over"
        }
    }

    /// Confirms or rejects a pair of the latest run's review queue (or changes an earlier decision on it). Throws
    /// `InvalidInput` without a verdict, and `NotFound` for a reference that names no pair the run kept.
    public func decide(ref: String, verdict: LinkVerdict?, note: String?, by caller: Caller) async throws {
        try caller.require(.reviewLinkage)
        guard let verdict else { throw InvalidInput([InputProblem("verdict", "Choose confirm or reject")]) }
        let key = try await store.pairReferenceKey()
        guard let pair = try await store.linkPairs(limit: 100_000).first(where: { Self.ref($0.a, $0.b, key: key) == ref }) else {
            throw NotFound("That pair is not in the latest linkage run's review queue: it may have gone with a newer run. Reload the page.")
        }
        try await record(pair.a, pair.b, ref: ref, verdict: verdict, note: note, by: caller)
    }

    /// The same decision naming the two records (`dots review confirm A B`): the hub's operator may decide any two
    /// records, compared by the run or not (a confirmed pair is linked even if blocking never brought it together).
    public func decide(records a: String, _ b: String, verdict: LinkVerdict, note: String?, by caller: Caller) async throws {
        try caller.require(.reviewLinkage)
        guard a.contains("/"), b.contains("/"), a != b else {
            throw InvalidInput([InputProblem("records", "Name two different records as agency/person_id")])
        }
        try await record(a, b, ref: try await ref(a, b), verdict: verdict, note: note, by: caller)
    }

    /// Saves a decision as `dots review` always has, and audits it by the pair's reference.
    func record(_ a: String, _ b: String, ref: String, verdict: LinkVerdict, note: String?, by caller: Caller) async throws {
        let note = note?.trimmingSpaces.isEmpty == false ? note?.trimmingSpaces : nil
        try await store.recordReview(a: a, b: b, verdict: verdict, reviewer: caller.name, at: clock.now(), note: note)
        try await audit.record(caller, "linkage.review", "link-pair:\(ref)", "verdict=\(verdict.rawValue)")
    }

    /// A pair's reference in forms, pages and the audit log: the first 16 hex digits of HMAC-SHA-256 over its two record
    /// keys, in order, under this store's key (`HubStore.pairReferenceKey`). Stable across runs (a decision is about the
    /// two records, not a run); without the key it cannot be worked back to either agency's id.
    public func ref(_ a: String, _ b: String) async throws -> String { Self.ref(a, b, key: try await store.pairReferenceKey()) }

    static func ref(_ a: String, _ b: String, key: [UInt8]) -> String {
        let (x, y) = a < b ? (a, b) : (b, a)
        return HMAC<SHA256>.authenticationCode(for: Data("\(x)\n\(y)".utf8), using: SymmetricKey(data: key)).prefix(8)
            .hexString
    }

    static func agency(of key: String) -> String { String(key.prefix { $0 != "/" }) }

    static func run(_ r: LinkageRunSummary) -> Run {
        Run(
            id: r.id, finishedAt: r.finishedAt, records: r.records, candidatePairs: r.candidatePairs, links: r.links, reviews: r.reviews, people: r.people,
            runBy: r.runBy)
    }

    static func summary(of run: LinkageRunRecord) -> LinkageRunSummary {
        LinkageRunSummary(
            id: run.id, finishedAt: run.finishedAt, records: run.records, candidatePairs: run.candidatePairs, links: run.links, reviews: run.reviews,
            people: run.people, runBy: run.runBy, evaluationJSON: run.evaluationJSON)
    }
}
