import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// The data map: recording and changing datasets, and their coverage of the framework's questions.
extension GovernanceService {
    /// What a data map form or API call sends.
    public struct DataMapInput: Sendable, Codable {
        public var agencyID: String
        public var name: String
        public var dataset: String
        public var informs: [String]
        public var system: String
        public var recorded: String
        public var recordingMethod: String
        public var coverage: String
        public var coverageFrom: String
        public var coverageTo: String
        public var refresh: String
        public var access: String
        public var sharingAgreement: String
        public var lawfulBasis: String
        public var qualityIssues: String
        public var owner: String

        public init(
            agencyID: String = "", name: String = "", dataset: String = "", informs: [String] = [], system: String = "", recorded: String = "",
            recordingMethod: String = "", coverage: String = "", coverageFrom: String = "", coverageTo: String = "", refresh: String = "",
            access: String = "", sharingAgreement: String = "", lawfulBasis: String = "", qualityIssues: String = "", owner: String = ""
        ) {
            self.agencyID = agencyID; self.name = name; self.dataset = dataset; self.informs = informs; self.system = system; self.recorded = recorded
            self.recordingMethod = recordingMethod; self.coverage = coverage; self.coverageFrom = coverageFrom; self.coverageTo = coverageTo
            self.refresh = refresh; self.access = access; self.sharingAgreement = sharingAgreement; self.lawfulBasis = lawfulBasis
            self.qualityIssues = qualityIssues; self.owner = owner
        }

        /// Every field is optional in JSON (missing means empty), so an API client gets the same field-by-field
        /// problems a form does rather than a decoding error.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            self.init(
                agencyID: c.text("agencyID"), name: c.text("name"), dataset: c.text("dataset"),
                informs: (try? c.decodeIfPresent([String].self, forKey: AnyKey("informs"))) ?? [],
                system: c.text("system"), recorded: c.text("recorded"), recordingMethod: c.text("recordingMethod"), coverage: c.text("coverage"),
                coverageFrom: c.text("coverageFrom"), coverageTo: c.text("coverageTo"), refresh: c.text("refresh"), access: c.text("access"),
                sharingAgreement: c.text("sharingAgreement"), lawfulBasis: c.text("lawfulBasis"), qualityIssues: c.text("qualityIssues"), owner: c.text("owner")
            )
        }

        public init(_ e: DataMapEntry) {
            self.init(
                agencyID: e.agencyID, name: e.name, dataset: e.dataset?.rawValue ?? "", informs: e.informs, system: e.system, recorded: e.recorded,
                recordingMethod: e.recordingMethod.rawValue, coverage: e.coverage, coverageFrom: e.coverageFrom?.description ?? "",
                coverageTo: e.coverageTo?.description ?? "", refresh: e.refresh.rawValue, access: e.access, sharingAgreement: e.sharingAgreement,
                lawfulBasis: e.lawfulBasis.rawValue, qualityIssues: e.qualityIssues, owner: e.owner)
        }
    }

    /// The data map, or one agency's part of it.
    public func dataMapEntries(agency: String? = nil, by caller: Caller) async throws -> [DataMapEntry] {
        try caller.require(.viewGovernance)
        return try await store.dataMapEntries(agency: agency)
    }

    public func dataMapEntry(id: String, by caller: Caller) async throws -> DataMapEntry {
        try caller.require(.viewGovernance)
        guard let e = try await store.dataMapEntry(id: id) else { throw NotFound("There is no such dataset on the data map.") }
        return e
    }

    /// A dataset the caller may change: their own agency's, or any for an admin.
    public func editableDataMapEntry(id: String, by caller: Caller) async throws -> DataMapEntry {
        try caller.require(.editDataMap)
        guard let e = try await store.dataMapEntry(id: id) else { throw NotFound("There is no such dataset on the data map.") }
        try caller.require(.editDataMap, agency: e.agencyID, "You can change only your own agency's datasets.")
        return e
    }

    /// The agency a new dataset is recorded for: an agency data lead's own, whatever the input says.
    public func newDataMapInput(by caller: Caller) throws -> DataMapInput {
        try caller.require(.editDataMap)
        return DataMapInput(agencyID: caller.scope.agencyID ?? "")
    }

    /// Records a new dataset. An agency data lead records for their own agency whatever the input says.
    public func createDataMapEntry(_ input: DataMapInput, by caller: Caller) async throws -> DataMapEntry {
        try caller.require(.editDataMap)
        var input = input
        if let own = caller.scope.agencyID { input.agencyID = own }
        let entry = try await saveDataMapEntry(id: nil, input, by: caller.name)
        try await audit.record(caller, "datamap.create", entry.id)
        return entry
    }

    /// Changes a dataset's record; the holding agency does not change (an admin moving it would record it again).
    public func updateDataMapEntry(id: String, _ input: DataMapInput, by caller: Caller) async throws -> DataMapEntry {
        let existing = try await editableDataMapEntry(id: id, by: caller)
        var input = input
        input.agencyID = existing.agencyID
        let entry = try await saveDataMapEntry(id: existing.id, input, by: caller.name)
        try await audit.record(caller, "datamap.update", entry.id)
        return entry
    }

    /// Takes a dataset off the data map (the audit log keeps who did it and its name).
    @discardableResult
    public func removeDataMapEntry(id: String, by caller: Caller) async throws -> DataMapEntry {
        let existing = try await editableDataMapEntry(id: id, by: caller)
        try await store.deleteDataMapEntry(id: existing.id)
        try await audit.record(caller, "datamap.delete", existing.id, existing.name)
        return existing
    }

    func saveDataMapEntry(id: String?, _ input: DataMapInput, by name: String) async throws -> DataMapEntry {
        var problems: [InputProblem] = []
        let dataset = input.dataset.isEmpty ? nil : Dataset(rawValue: input.dataset)
        if !input.dataset.isEmpty, dataset == nil { problems.append(InputProblem("dataset", "Choose a Dots dataset from the list, or none")) }
        let method = RecordingMethod(rawValue: input.recordingMethod)
        if method == nil { problems.append(InputProblem("recordingMethod", "Choose how it is recorded")) }
        let refresh = RefreshFrequency(rawValue: input.refresh)
        if refresh == nil { problems.append(InputProblem("refresh", "Choose how often it is refreshed")) }
        let basis = LawfulBasis(rawValue: input.lawfulBasis)
        if basis == nil { problems.append(InputProblem("lawfulBasis", "Choose the lawful basis, or \"Not known yet\"")) }
        let from = Self.date(input.coverageFrom), to = Self.date(input.coverageTo)
        if from == nil, !TextRules.trimmed(input.coverageFrom).isEmpty {
            problems.append(InputProblem("coverageFrom", "Enter the date coverage starts as a real date, for example 2019-04-01, or leave it blank"))
        }
        if to == nil, !TextRules.trimmed(input.coverageTo).isEmpty {
            problems.append(
                InputProblem("coverageTo", "Enter the date coverage ends as a real date, for example 2024-03-31, or leave it blank if it is still recorded"))
        }
        let entry = DataMapEntry(
            id: id ?? Self.newID("ds"), agencyID: input.agencyID, name: TextRules.trimmed(input.name), dataset: dataset, informs: input.informs,
            system: TextRules.trimmed(input.system), recorded: TextRules.trimmed(input.recorded), recordingMethod: method ?? .structured,
            coverage: TextRules.trimmed(input.coverage), coverageFrom: from, coverageTo: to, refresh: refresh ?? .adHoc,
            access: TextRules.trimmed(input.access),
            sharingAgreement: TextRules.trimmed(input.sharingAgreement), lawfulBasis: basis ?? .notKnown, qualityIssues: TextRules.trimmed(input.qualityIssues),
            owner: TextRules.trimmed(input.owner), updatedAt: clock.now(), updatedBy: name)
        problems += entry.problems(questionIDs: Set(spec.questions.map(\.id)))
        guard problems.isEmpty else { throw InvalidInput(Self.ordered(problems)) }
        try await store.saveDataMapEntry(entry)
        return entry
    }

    /// Problems in the order the form shows its fields, one per field.
    static func ordered(_ problems: [InputProblem]) -> [InputProblem] {
        let order = [
            "agency", "name", "dataset", "system", "recorded", "recordingMethod", "coverage", "coverageFrom", "coverageTo", "refresh", "access",
            "sharingAgreement", "lawfulBasis", "qualityIssues", "owner", "informs",
        ]
        var seen = Set<String>()
        return problems.filter { seen.insert($0.field).inserted }.sorted { (order.firstIndex(of: $0.field) ?? 99) < (order.firstIndex(of: $1.field) ?? 99) }
    }

    /// For each strategic question, the datasets that could answer it and whether they are submitted, held or not held.
    public func coverage(by caller: Caller) async throws -> [QuestionCoverage] {
        try caller.require(.viewGovernance)
        return try await coverage()
    }

    /// The coverage page: coverage, the data map's entries and the framework's stored gaps by question.
    public struct CoverageView: Sendable {
        public let coverage: [QuestionCoverage]
        public let entries: [DataMapEntry]
        public let gaps: [String: [DataGap]]
    }

    public func coverageView(by caller: Caller) async throws -> CoverageView {
        try caller.require(.viewGovernance)
        let gaps = Dictionary(grouping: try await store.frameworkGaps(), by: \.questionID).mapValues { $0.map(\.gap) }
        return CoverageView(coverage: try await coverage(), entries: try await store.dataMapEntries(), gaps: gaps)
    }

    /// - Parameter current: the current submissions, when the caller has read them already.
    func coverage(current: [SubmissionRecord]? = nil) async throws -> [QuestionCoverage] {
        var submitted: [Dataset: Set<String>] = [:]
        let current = if let current { current } else { try await store.currentSubmissions() }
        for s in current { submitted[s.dataset, default: []].insert(s.agency) }
        return DataCoverage.questions(spec, entries: try await store.dataMapEntries(), submitted: submitted)
    }
}
