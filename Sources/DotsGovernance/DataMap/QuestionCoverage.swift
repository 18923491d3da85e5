import DotsCore
import DotsFramework

/// Whether the partnership can bring a dataset to a question: submitted to Dots, held by an agency (on the data
/// map) but not submitted, or not held by anyone.
public enum CoverageStatus: String, Sendable, Codable, CaseIterable {
    case submitted
    case heldNotSubmitted = "held-not-submitted"
    case notHeld = "not-held"

    public var title: String {
        switch self {
        case .submitted: "Submitted to Dots"
        case .heldNotSubmitted: "Held, not submitted"
        case .notHeld: "Not held by the partnership"
        }
    }
}

/// One dataset a question needs, and where it stands.
public struct DatasetCoverage: Sendable, Codable, Equatable {
    public var dataset: Dataset
    public var status: CoverageStatus
    /// Agencies with a current submission of it.
    public var submittedBy: [String]
    /// Agencies whose data map says they hold it but who have not submitted it (even if others have).
    public var heldNotSubmittedBy: [String]

    public init(dataset: Dataset, status: CoverageStatus, submittedBy: [String], heldNotSubmittedBy: [String]) {
        self.dataset = dataset
        self.status = status
        self.submittedBy = submittedBy
        self.heldNotSubmittedBy = heldNotSubmittedBy
    }
}

/// A strategic question's data: which datasets could answer it and where each stands, plus other sources the
/// data map links to it.
public struct QuestionCoverage: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Every dataset its indicators need is submitted.
        case answerable
        /// Some are submitted, some are not.
        case partly
        /// None is submitted.
        case unanswerable
        /// It has no indicators: it rests on qualitative sources.
        case noIndicators = "no-indicators"

        public var title: String {
            switch self {
            case .answerable: "Data submitted"
            case .partly: "Partly submitted"
            case .unanswerable: "No data submitted"
            case .noIndicators: "Rests on qualitative sources"
            }
        }
    }

    public var questionID: String
    public var question: String
    public var themeID: String
    public var status: Status
    public var datasets: [DatasetCoverage]
    /// Data map entries that name this question but supply none of the datasets above (ids).
    public var otherSources: [String]

    public init(questionID: String, question: String, themeID: String, status: Status, datasets: [DatasetCoverage], otherSources: [String]) {
        self.questionID = questionID
        self.question = question
        self.themeID = themeID
        self.status = status
        self.datasets = datasets
        self.otherSources = otherSources
    }

    /// The datasets no agency holds: what the partnership does not have at all.
    public var notHeld: [Dataset] { datasets.filter { $0.status == .notHeld }.map(\.dataset) }
}

/// Joins the data map to the framework (the coverage logic), pure so it can be tested by hand.
public enum DataCoverage {
    /// The datasets an indicator reads: its own, and for an overlap the dataset it is matched against.
    public static func datasets(of ind: IndicatorSpec) -> [Dataset] {
        if case .overlap(_, let with?, _) = ind.measure, with != ind.dataset { return [ind.dataset, with] }
        return [ind.dataset]
    }

    /// - Parameter submitted: for each dataset, the agencies with a current (in-force) submission of it.
    public static func questions(_ spec: FrameworkSpec, entries: [DataMapEntry], submitted: [Dataset: Set<String>]) -> [QuestionCoverage] {
        var holders: [Dataset: Set<String>] = [:]
        for e in entries { if let d = e.dataset { holders[d, default: []].insert(e.agencyID) } }
        return spec.themes.flatMap { theme in
            theme.questions.map { q -> QuestionCoverage in
                var needed: [Dataset] = []
                for ind in q.indicators { for d in datasets(of: ind) where !needed.contains(d) { needed.append(d) } }
                let rows = needed.map { d -> DatasetCoverage in
                    let by = submitted[d] ?? []
                    let held = holders[d] ?? []
                    let status: CoverageStatus = !by.isEmpty ? .submitted : !held.isEmpty ? .heldNotSubmitted : .notHeld
                    return DatasetCoverage(dataset: d, status: status, submittedBy: by.sorted(), heldNotSubmittedBy: held.subtracting(by).sorted())
                }
                // Answerable only when every dataset is submitted by every agency that holds it: an agency that
                // holds the data but has not submitted it leaves the question partly answered.
                let submittedCount = rows.filter { $0.status == .submitted }.count
                let whole = rows.allSatisfy { $0.status == .submitted && $0.heldNotSubmittedBy.isEmpty }
                let status: QuestionCoverage.Status =
                    rows.isEmpty
                    ? .noIndicators
                    : whole ? .answerable : submittedCount == 0 ? .unanswerable : .partly
                let others = entries.filter { e in e.informs.contains(q.id) && !(e.dataset.map(needed.contains) ?? false) }.map(\.id)
                return QuestionCoverage(questionID: q.id, question: q.question, themeID: theme.id, status: status, datasets: rows, otherSources: others)
            }
        }
    }
}
