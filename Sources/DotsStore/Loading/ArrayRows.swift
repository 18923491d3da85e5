import DotsCore

/// Rows already in memory, handed over a batch at a time.
struct ArrayRows: RowBatchSource, Sendable {
    let schema: DatasetSchema
    var rows: ArraySlice<[CellValue]>

    init(_ rows: [[CellValue]]) {
        schema = Dataset.people.schema
        self.rows = rows[...]
    }

    mutating func nextBatch(size: Int) -> RowBatch? {
        guard !rows.isEmpty else { return nil }
        let batch = Array(rows.prefix(size))
        rows = rows.dropFirst(batch.count)
        return RowBatch(schema: schema, rows: batch)
    }
}
