/// The documented shape of a dataset: its columns, key, and the rules across columns.
public struct DatasetSchema: Sendable {
    public let dataset: Dataset
    /// Bumped when columns change; each bump comes with a store migration.
    public let version: Int
    public let title: String
    public let description: String
    public let fields: [FieldSpec]
    /// The column that identifies a row within one agency's submission.
    public let primaryKey: String
    /// The column naming the agency's person record (nil for `people` itself).
    public let personKey: String?
    /// The date that places an event in a reporting period (nil for `people`).
    public let eventDate: String?
    public let rules: [RowRule]
    /// The date an event ends, for events that last (an episode, a plan): one that began before a period and was
    /// still open in it belongs to that period's return too. Nil for events that happen on a day.
    public let eventEnd: String?

    public init(
        dataset: Dataset, version: Int, title: String, description: String, fields: [FieldSpec],
        primaryKey: String, personKey: String?, eventDate: String?, rules: [RowRule], eventEnd: String? = nil
    ) {
        self.eventEnd = eventEnd
        self.dataset = dataset
        self.version = version
        self.title = title
        self.description = description
        self.fields = fields
        self.primaryKey = primaryKey
        self.personKey = personKey
        self.eventDate = eventDate
        self.rules = rules
    }

    public var fieldNames: [String] { fields.map(\.name) }
    /// The fields as they were at `version` (for migrations, which must not change once applied).
    public func fields(atVersion version: Int) -> [FieldSpec] { fields.filter { $0.sinceVersion <= version } }
    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}
