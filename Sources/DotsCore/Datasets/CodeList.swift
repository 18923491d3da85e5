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
        /// The years (by the financial year they end: 2021 is 2020-21) the code may be used in, for lists whose codes
        /// changed over time (`DatedCodeList`); nil when any year.
        public var years: ClosedRange<Int>? = nil
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
        self.init(
            name: L.listName, source: L.source,
            entries: L.allCases.map { Entry(code: $0.rawValue, label: $0.label, years: ($0 as? any DatedCode)?.years) })
    }

    /// The codes with the years they may be used in, where the list has any.
    public var datedCodes: [String: ClosedRange<Int>] {
        Dictionary(entries.compactMap { e in e.years.map { (e.code, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    public var codes: [String] { entries.map(\.code) }
    public func contains(_ code: String) -> Bool { entries.contains { $0.code == code } }
}

/// A code used only in some years (the CIN census's assessment factors): a value outside them is valid in form but
/// not for the date it describes, which data quality counts as invalid (a warning, not a refusal).
public protocol DatedCode {
    /// The years, by the financial year they end, the code may describe.
    var years: ClosedRange<Int> { get }
}
