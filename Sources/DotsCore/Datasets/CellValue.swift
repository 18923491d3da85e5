/// A checked cell in the form the store keeps it: dates as dates, UK times as instants, Y/N as booleans.
public enum CellValue: Sendable, Hashable {
    case null
    case text(String)
    case integer(Int)
    case real(Double)
    case boolean(Bool)
    case date(CalendarDate)
    case instant(Instant)

    /// The canonical text form (ISO dates, UTC instants, Y/N).
    public var text: String? {
        switch self {
        case .null: nil
        case .text(let s): s
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .boolean(let b): b ? "Y" : "N"
        case .date(let d): d.description
        case .instant(let i): i.description
        }
    }
}

/// A batch of checked rows of one dataset, in schema column order.
public struct RowBatch: Sendable {
    public let schema: DatasetSchema
    public var rows: [[CellValue]]
    public init(schema: DatasetSchema, rows: [[CellValue]]) {
        self.schema = schema
        self.rows = rows
    }
}

/// Something that hands over checked rows a batch at a time (a file reader, a generator).
public protocol RowBatchSource {
    mutating func nextBatch(size: Int) -> RowBatch?
}
