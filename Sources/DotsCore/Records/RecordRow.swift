/// One row of a dataset about a person, as the store holds it, with every value as text (dates `YYYY-MM-DD`,
/// UK date-times as UTC `YYYY-MM-DDTHH:MM:SSZ`, yes/no `Y`/`N`, code lists `;`-separated), and where it came from.
public struct RecordRow: Sendable, Equatable {
    public let dataset: Dataset
    public let agencyID: String
    public let submissionID: String
    public let values: [String: String]

    public init(dataset: Dataset, agencyID: String, submissionID: String, values: [String: String]) {
        self.dataset = dataset
        self.agencyID = agencyID
        self.submissionID = submissionID
        self.values = values
    }

    /// A value, nil when blank.
    public subscript(_ field: String) -> String? {
        guard let v = values[field], !v.isEmpty else { return nil }
        return v
    }

    public func codes(_ field: String) -> [String] { self[field]?.split(separator: ";").map(String.init) ?? [] }
}
