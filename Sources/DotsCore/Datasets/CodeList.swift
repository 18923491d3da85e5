/// A documented list of codes, such as DfE ethnicity codes or CE risk levels.
public protocol CodeList: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// A stable name for the list, used in schemas and docs.
    static var listName: String { get }
    /// Where the codes come from (a DfE/ONS standard where one exists).
    static var source: String { get }
    var label: String { get }
}

/// A code list flattened to values, so schemas can carry any list.
public struct CodeSet: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let code: String
        public let label: String
    }

    public let name: String
    public let source: String
    public let entries: [Entry]

    public init(name: String, source: String, entries: [Entry]) {
        self.name = name
        self.source = source
        self.entries = entries
    }

    public init<L: CodeList>(_ list: L.Type) {
        self.init(name: L.listName, source: L.source, entries: L.allCases.map { Entry(code: $0.rawValue, label: $0.label) })
    }

    public var codes: [String] { entries.map(\.code) }
    public func contains(_ code: String) -> Bool { entries.contains { $0.code == code } }
}
