import DotsCore

/// Reads a file that has already passed `TableValidator` as typed rows, a batch at a time, for loading.
public struct TableReader: RowBatchSource, Sendable {
    public let schema: DatasetSchema
    var scanner: CSVScanner
    let columnOfField: [Int?]
    let checkers: [FieldChecker]

    /// Fails only if the header does not match the schema, which validation would already have reported.
    public init?(schema: DatasetSchema, bytes: [UInt8]) {
        self.schema = schema
        var scanner = CSVScanner(bytes: bytes)
        guard scanner.next() == .record else { return nil }
        let header = scanner.fields.map { scanner.string($0) }
        self.scanner = scanner
        let map = HeaderMap(header: header, schema: schema, file: "", refuseClearIdentifiers: false)
        // A column may be absent only where the schema allows it (read as blank).
        guard !map.isFatal, zip(map.columnOfField, schema.fields).allSatisfy({ $0 != nil || $1.mayBeAbsent }) else { return nil }
        columnOfField = map.columnOfField
        checkers = schema.fields.map(FieldChecker.init)
    }

    /// Up to `size` rows, or nil at the end of the file.
    public mutating func nextBatch(size: Int) -> RowBatch? {
        var rows: [[CellValue]] = []
        rows.reserveCapacity(size)
        while rows.count < size, scanner.next() == .record {
            if scanner.isBlankRecord { continue }
            rows.append(currentRow())
        }
        return rows.isEmpty ? nil : RowBatch(schema: schema, rows: rows)
    }

    func currentRow() -> [CellValue] {
        let fields = scanner.fields
        return scanner.bytes.withUnsafeBufferPointer { buf in
            var row: [CellValue] = []
            row.reserveCapacity(checkers.count)
            for k in 0..<checkers.count {
                guard let column = columnOfField[k] else { row.append(.null); continue }
                let f = fields[column]
                if f.isEmpty { row.append(.null); continue }
                let checker = checkers[k]
                let comparable: Int64?
                if case .valid(let c) = checker.check(buf, f.start, f.end) { comparable = c } else { comparable = nil }
                switch checker.field.type {
                case .date: row.append(comparable.map { .date(CalendarDate(dayNumber: Int($0))) } ?? .null)
                case .dateTime: row.append(comparable.map { .instant(Instant(seconds: $0)) } ?? .null)
                case .boolean: row.append(comparable.map { .boolean($0 == 1) } ?? .null)
                case .integer: row.append(comparable.map { .integer(Int($0)) } ?? .null)
                default: row.append(.text(scanner.string(f)))
                }
            }
            return row
        }
    }
}
