import DotsCore

/// An action Dots proposes from what the method found, for a person to accept (perhaps edited) or leave.
public struct ActionSuggestion: Sendable, Codable, Equatable {
    /// Stable for the same finding, so an accepted suggestion is not proposed again.
    public var key: String
    public var title: String
    public var detail: String
    /// Nil for the partnership.
    public var agencyID: String?
    public var prompt: ActionPrompt
    public var due: CalendarDate
}

/// One current submission's data quality, as the suggester needs it.
public struct QualityFinding: Sendable, Equatable {
    public var agencyID: String
    public var dataset: Dataset
    public var profile: QualityProfile

    public init(agencyID: String, dataset: Dataset, profile: QualityProfile) {
        self.agencyID = agencyID
        self.dataset = dataset
        self.profile = profile
    }
}

/// Proposes actions from low maturity, data gaps and poor data quality. The rules are few and stated, so a
/// person can see why each suggestion was made:
/// - an agency area at Unaware or Emerging → raise it one level (the agency's action, quoting the next level's
///   statements for the area's weakest question); a partnership area whose median is that low → a partnership action;
/// - a dataset a question needs that no agency holds → find a source (partnership); held but not submitted by an
///   agency → submit it (that agency);
/// - a current submission rated Poor on a quality dimension → improve it (that agency), naming the fields to fix.
public enum ActionSuggester {
    /// Weeks from today a suggested action is first due: a quarter, the partnership's reporting rhythm.
    public static let dueInDays = 91

    public static func suggest(
        questionnaire: MaturityQuestionnaire, maturity: [String: [MaturityAnswer]], coverage: [QuestionCoverage],
        quality: [QualityFinding], existingKeys: Set<String>, today: CalendarDate
    ) -> [ActionSuggestion] {
        let due = today.adding(days: dueInDays)
        var out: [ActionSuggestion] = []
        func add(_ s: ActionSuggestion) { if !existingKeys.contains(s.key), !out.contains(where: { $0.key == s.key }) { out.append(s) } }

        // Maturity: each agency's low areas, then the partnership's.
        var results: [String: [AreaResult]] = [:]
        for (agency, answers) in maturity { results[agency] = MaturityScoring.areaResults(questionnaire, answers: answers) }
        for agency in results.keys.sorted() {
            for r in results[agency]! {
                guard let level = r.level, level <= .emerging, let next = MaturityLevel(rawValue: level.rawValue + 1) else { continue }
                let section = questionnaire.areas.first { $0.area == r.area }
                let answers = maturity[agency] ?? []
                // The area's weakest answered question is where the next step is clearest.
                let weakest = section?.questions.min { a, b in
                    (answers.first { $0.questionID == a.id }?.level?.rawValue ?? 99) < (answers.first { $0.questionID == b.id }?.level?.rawValue ?? 99)
                }
                let step = weakest.map { " Next step, from the questionnaire (\(next.title)): \($0.statements[next.rawValue - 1])" } ?? ""
                add(
                    ActionSuggestion(
                        key: "maturity:\(agency):\(r.area.rawValue)", title: "Move \(r.area.title.lowercased()) from \(level.title) to \(next.title)",
                        detail: "\(agencyName(agency)) assessed its \(r.area.title.lowercased()) as \(level.title).\(step)",
                        agencyID: agency, prompt: ActionPrompt(kind: .maturityArea, reference: r.area.rawValue, text: "\(r.area.title): \(level.title)"),
                        due: due))
            }
        }
        if !results.isEmpty {
            for area in MaturityScoring.areasByStrength(results) {
                guard let median = area.median, median <= .emerging else { continue }
                add(
                    ActionSuggestion(
                        key: "maturity:partnership:\(area.area.rawValue)",
                        title: "Partnership plan for \(area.area.title.lowercased()) (typically \(median.title))",
                        detail:
                            "Across the agencies that assessed it, \(area.area.title.lowercased()) is typically at \(median.title): a shared approach (training, templates, a lead agency) will move it faster than each agency alone.",
                        agencyID: nil,
                        prompt: ActionPrompt(
                            kind: .maturityArea, reference: area.area.rawValue, text: "\(area.area.title): partnership median \(median.title)"), due: due))
            }
        }

        // Data gaps: per dataset, gathering the questions it would help answer.
        var questionsNeeding: [Dataset: [String]] = [:]
        var order: [Dataset] = []
        var heldBy: [Dataset: [String]] = [:]
        var status: [Dataset: CoverageStatus] = [:]
        for q in coverage {
            for d in q.datasets where d.status != .submitted || !d.heldNotSubmittedBy.isEmpty {
                if questionsNeeding[d.dataset] == nil { order.append(d.dataset) }
                questionsNeeding[d.dataset, default: []].append(q.question)
                heldBy[d.dataset] = d.heldNotSubmittedBy
                status[d.dataset] = d.status
            }
        }
        for d in order {
            let qs = questionsNeeding[d]!
            let which = qs.count == 1 ? "the question \u{201C}\(qs[0])\u{201D}" : "\(qs.count) strategic questions"
            if status[d] == .notHeld {
                add(
                    ActionSuggestion(
                        key: "gap:not-held:\(d.rawValue)", title: "Find a source for \(d.schema.title.lowercased())",
                        detail:
                            "No agency's data map holds \(d.schema.title.lowercased()) (\(d.rawValue)), which \(which) needs. Agree who could record it, or record why the partnership cannot.",
                        agencyID: nil, prompt: ActionPrompt(kind: .dataGap, reference: d.rawValue, text: "\(d.schema.title): not held"), due: due))
            }
            for agency in heldBy[d] ?? [] {
                add(
                    ActionSuggestion(
                        key: "gap:submit:\(agency):\(d.rawValue)", title: "Submit \(d.schema.title.lowercased()) to Dots",
                        detail:
                            "\(agencyName(agency))'s data map says it holds \(d.schema.title.lowercased()), which \(which) needs, but it has not been submitted. Map the extract with `dots prepare --mapping` and submit it.",
                        agencyID: agency,
                        prompt: ActionPrompt(kind: .dataGap, reference: "\(agency)/\(d.rawValue)", text: "\(d.schema.title): held, not submitted"), due: due))
            }
        }

        // Data quality: every Poor dimension of a current submission.
        for f in quality.sorted(by: { ($0.agencyID, $0.dataset.rawValue) < ($1.agencyID, $1.dataset.rawValue) }) {
            for (dimension, value) in f.profile.dimensions {
                guard let value, dimension.rating(value) == .poor else { continue }
                let fields = f.profile.fieldsToFix.prefix(3).map(\.title)
                let fix = fields.isEmpty ? "" : " Fields to fix first: \(fields.joined(separator: ", "))."
                add(
                    ActionSuggestion(
                        key: "quality:\(f.agencyID):\(f.dataset.rawValue):\(dimension.rawValue)",
                        title: "Improve the \(dimension.title.lowercased()) of \(f.dataset.schema.title.lowercased())",
                        detail:
                            "\(dimension.title) of \(agencyName(f.agencyID))'s \(f.dataset.schema.title.lowercased()) is \(percent(value)), rated Poor (good is \(percent(dimension.green)) or more).\(fix)",
                        agencyID: f.agencyID,
                        prompt: ActionPrompt(
                            kind: .dataQuality, reference: "\(f.agencyID)/\(f.dataset.rawValue)",
                            text: "\(f.dataset.schema.title) \(dimension.title.lowercased()): \(percent(value))"),
                        due: due))
            }
        }
        return out
    }

    static func agencyName(_ id: String) -> String { ReferencePartnership.model.agencyName(id) }

    static func percent(_ v: Double) -> String {
        let tenths = Int((v * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }
}
