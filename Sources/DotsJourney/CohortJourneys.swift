import DotsCore

/// What young people's journeys have in common, counted over every young person linkage found: the order in which
/// they first reached each step of the common path, how long each critical moment waited for a multi-agency
/// response, who is known to one agency only ("children missing from data"), escalation and re-referral. Exact
/// counts: the use case applies disclosure control before anyone sees them.
public struct CohortSummary: Sendable, Equatable {
    /// Young people with at least one step of the common path.
    public var onThePath = 0
    /// By the order in which a young person first reached each step (each step once).
    public var sequences: [[JourneyStage]: Int] = [:]
    /// Days from each critical moment to the next multi-agency response, one entry per moment that had one.
    public var responseDays: [CriticalMoment: [Int]] = [:]
    /// Critical moments with no response recorded after them.
    public var unanswered: [CriticalMoment: Int] = [:]
    /// Young people every one of whose records is this agency's.
    public var knownToOneAgency: [String: Int] = [:]
    public var knownToSeveral = 0
    /// Young people whose exploitation risk at their latest screening is higher than at their first.
    public var escalated = 0
    /// Young people screened more than once (the base of `escalated`).
    public var screenedTwice = 0
    /// Young people referred to children's social care again within 12 months of an earlier episode closing.
    public var reReferred = 0
    /// Young people with a closed children in need episode (the base of `reReferred`).
    public var closedEpisode = 0

    public init() {}

    /// Adds another group of young people's counts to these (a cohort is summarised in parts, one per core).
    public mutating func add(_ o: CohortSummary) {
        onThePath += o.onThePath
        sequences.merge(o.sequences, uniquingKeysWith: +)
        responseDays.merge(o.responseDays, uniquingKeysWith: +)
        unanswered.merge(o.unanswered, uniquingKeysWith: +)
        knownToOneAgency.merge(o.knownToOneAgency, uniquingKeysWith: +)
        knownToSeveral += o.knownToSeveral
        escalated += o.escalated
        screenedTwice += o.screenedTwice
        reReferred += o.reReferred
        closedEpisode += o.closedEpisode
    }
}

public enum CohortJourneys {
    /// The fields a cohort summary reads beyond each dataset's person, date and end: the store loads only these, so a
    /// partnership's every record fits in memory. (`CohortJourneyServiceTests` checks the summary over them equals the
    /// summary over every field.)
    public static let fieldsRead: Set<String> = [
        "rhi_completed_datetime", "missing_type", "found_area", "event_type", "role", "setting", "reasons", "screening_date", "risk_level",
        "referral_date", "closure_date",
    ]

    /// `people`: each young person's rows, every agency's (people records included).
    public static func summarise(_ people: [[RecordRow]], homeAreas: Set<String>) -> CohortSummary {
        var out = CohortSummary()
        let risk = Dictionary(uniqueKeysWithValues: RiskLevel.allCases.enumerated().map { ($1.rawValue, $0) })
        for rows in people {
            let agencies = Set(rows.map(\.agencyID))
            if agencies.count == 1 { out.knownToOneAgency[agencies.first!, default: 0] += 1 } else if agencies.count > 1 { out.knownToSeveral += 1 }
            let entries = JourneyBuilder.build(rows, homeAreas: homeAreas, describe: false)
            var sequence: [JourneyStage] = []
            for e in entries {
                if let s = e.stage, !sequence.contains(s) { sequence.append(s) }
                for m in e.moments {
                    if let r = e.nextResponse { out.responseDays[m, default: []].append(r.days) } else { out.unanswered[m, default: 0] += 1 }
                }
            }
            if !sequence.isEmpty {
                out.onThePath += 1
                out.sequences[sequence, default: 0] += 1
            }
            let screenings = rows.filter { $0.dataset == .ceScreenings }.compactMap { r in
                r["screening_date"].flatMap { d in r["risk_level"].flatMap { risk[$0] }.map { (d, $0) } }
            }.sorted { $0.0 < $1.0 }
            if screenings.count >= 2 {
                out.screenedTwice += 1
                if screenings.last!.1 > screenings.first!.1 { out.escalated += 1 }
            }
            let episodes = rows.filter { $0.dataset == .cinEpisodes }.compactMap { r in
                r["referral_date"].flatMap(CalendarDate.init(iso:)).map { ($0, r["closure_date"].flatMap(CalendarDate.init(iso:))) }
            }
            let closures = episodes.compactMap(\.1)
            if !closures.isEmpty {
                out.closedEpisode += 1
                if episodes.contains(where: { ep in closures.contains { $0 < ep.0 && ep.0.dayNumber - $0.dayNumber <= 365 } }) { out.reReferred += 1 }
            }
        }
        return out
    }
}

extension CohortJourneys {
    /// The nearest-rank percentile (`p` from 0 to 1) of `values`: the smallest value with at least that share of
    /// values at or below it. Nil for none.
    public static func percentile(_ values: [Int], _ p: Double) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = max(1, Int((p * Double(sorted.count)).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }
}
