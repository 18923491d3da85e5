import DotsCore

/// A checked file ready to load: its provenance record and the rows, read a batch at a time.
public struct IncomingFile: Sendable {
    public var record: SubmissionRecord
    public var rows: any RowBatchSource & Sendable

    public init(record: SubmissionRecord, rows: any RowBatchSource & Sendable) {
        self.record = record
        self.rows = rows
    }
}
