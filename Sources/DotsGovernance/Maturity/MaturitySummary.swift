/// A round's results across the partnership: the agency × area heatmap (submitted assessments only, drafts are
/// the agency's own until submitted), change since the previous round, and the strongest and weakest areas.
/// Shared by the web page, the API and the exports so all three say the same.
public struct MaturitySummary: Sendable {
    public struct Row: Sendable {
        public let agencyID: String
        public let status: MaturityAssessment.Status?
        /// Empty when the agency has not submitted in this round.
        public let results: [AreaResult]
        /// Change per area since the agency's submission in the previous round (nil: no level in one of them).
        public let change: [MaturityArea: Int?]
        public let hasPrevious: Bool

        public func level(_ area: MaturityArea) -> MaturityLevel? { results.first { $0.area == area }?.level }
    }

    public let round: MaturityRound
    public let previous: MaturityRound?
    public let rows: [Row]
    /// Areas strongest first (lower median across agencies, then mean).
    public let areasByStrength: [(area: MaturityArea, median: MaturityLevel?, mean: Double?)]

    /// - Parameters:
    ///   - agencies: the agencies to show, in order (every partnership agency, so "not submitted" shows).
    public init(
        round: MaturityRound, assessments: [MaturityAssessment], previous: (round: MaturityRound, assessments: [MaturityAssessment])?, agencies: [String]
    ) {
        self.round = round
        self.previous = previous?.round
        var submitted: [String: [AreaResult]] = [:]
        rows = agencies.map { agency in
            let a = assessments.first { $0.agencyID == agency }
            let results = a.flatMap { $0.submittedAt == nil ? nil : MaturityScoring.areaResults(round.questionnaire, answers: $0.answers) } ?? []
            if !results.isEmpty { submitted[agency] = results }
            let before = previous.flatMap { p in
                p.assessments.first { $0.agencyID == agency && $0.submittedAt != nil }.map {
                    MaturityScoring.areaResults(p.round.questionnaire, answers: $0.answers)
                }
            }
            let change = before.flatMap { results.isEmpty ? nil : MaturityScoring.change(from: $0, to: results) } ?? [:]
            return Row(agencyID: agency, status: a?.status, results: results, change: change, hasPrevious: before != nil)
        }
        areasByStrength = MaturityScoring.areasByStrength(submitted)
    }

    public var submittedCount: Int { rows.filter { !$0.results.isEmpty }.count }

    /// "up 1 level", "down 2 levels", "no change", or nil when there is nothing to compare.
    public static func changeText(_ change: Int??) -> String? {
        guard let c = change, let c else { return nil }
        return c == 0 ? "no change" : "\(c > 0 ? "up" : "down") \(abs(c)) level\(abs(c) == 1 ? "" : "s")"
    }
}
