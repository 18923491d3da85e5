/// One agency's answer to one question. A question answered "don't know" (nil level) is recorded, with its evidence
/// note, but not scored. A draft may hold an evidence note for a question not answered yet (`unanswered`).
public struct MaturityAnswer: Sendable, Codable, Equatable {
    public let questionID: String
    public let level: MaturityLevel?
    public let evidence: String
    /// True only in drafts: evidence written, no statement chosen yet. Never scored, never submitted.
    public let unanswered: Bool

    public init(questionID: String, level: MaturityLevel?, evidence: String = "", unanswered: Bool = false) {
        self.questionID = questionID
        self.level = unanswered ? nil : level
        self.evidence = evidence
        self.unanswered = unanswered
    }

    enum CodingKeys: String, CodingKey { case questionID, level, evidence, unanswered }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        questionID = try c.decode(String.self, forKey: .questionID)
        level = try c.decodeIfPresent(MaturityLevel.self, forKey: .level)
        evidence = try c.decodeIfPresent(String.self, forKey: .evidence) ?? ""
        unanswered = try c.decodeIfPresent(Bool.self, forKey: .unanswered) ?? false
    }

}

/// An area's result for one agency in one round.
public struct AreaResult: Sendable, Equatable {
    public let area: MaturityArea
    /// Nil when every question in the area was "don't know" or unanswered.
    public let level: MaturityLevel?
    public let answered: Int
    public let dontKnow: Int
    public let questions: Int
}

/// Scoring rules, kept deliberately simple so an agency can check them by hand: an area's level is the lower
/// median of its answered questions' levels (conservative: half the answers are at or above it). There is no
/// overall score: the partnership meets agencies where they are rather than ranking them.
public enum MaturityScoring {
    public static func areaResults(_ questionnaire: MaturityQuestionnaire, answers: [MaturityAnswer]) -> [AreaResult] {
        let byQuestion = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { _, last in last })
        return questionnaire.areas.map { section in
            var levels: [MaturityLevel] = []
            var dontKnow = 0
            for q in section.questions {
                guard let a = byQuestion[q.id], !a.unanswered else { continue }
                if let level = a.level { levels.append(level) } else { dontKnow += 1 }
            }
            return AreaResult(area: section.area, level: lowerMedian(levels), answered: levels.count, dontKnow: dontKnow, questions: section.questions.count)
        }
    }

    public static func lowerMedian(_ levels: [MaturityLevel]) -> MaturityLevel? {
        guard !levels.isEmpty else { return nil }
        let sorted = levels.sorted()
        return sorted[(sorted.count - 1) / 2]
    }

    /// Change per area since the previous round: positive when the level rose. Nil where either round has no level.
    public static func change(from previous: [AreaResult], to current: [AreaResult]) -> [MaturityArea: Int?] {
        var out: [MaturityArea: Int?] = [:]
        for c in current {
            let p = previous.first { $0.area == c.area }?.level
            // updateValue keeps a nil change as an entry (assigning nil through the subscript would remove it).
            out.updateValue(c.level.flatMap { now in p.map { now.rawValue - $0.rawValue } }, forKey: c.area)
        }
        return out
    }

    /// The partnership's areas, strongest first: by the lower median of the agencies' levels, then by their mean,
    /// then in the questionnaire's order. Agencies without a level in an area are left out of it.
    public static func areasByStrength(_ results: [String: [AreaResult]]) -> [(area: MaturityArea, median: MaturityLevel?, mean: Double?)] {
        let ranked = MaturityArea.allCases.enumerated().map { index, area -> (area: MaturityArea, median: MaturityLevel?, mean: Double?, index: Int) in
            let levels = results.values.compactMap { $0.first { $0.area == area }?.level }
            let mean = levels.isEmpty ? nil : Double(levels.reduce(0) { $0 + $1.rawValue }) / Double(levels.count)
            return (area, lowerMedian(levels), mean, index)
        }
        return ranked.sorted { a, b in
            let am = a.median?.rawValue ?? 0, bm = b.median?.rawValue ?? 0
            if am != bm { return am > bm }
            let amean = a.mean ?? 0, bmean = b.mean ?? 0
            if amean != bmean { return amean > bmean }
            return a.index < b.index
        }.map { ($0.area, $0.median, $0.mean) }
    }
}
