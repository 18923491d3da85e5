import DotsCore
import DotsIntake

/// The demo's first round: each agency's package as it would have been a quarter earlier, holding only the events
/// up to a cut-off date. Submitting it before the full package gives the demo a submission history, superseded
/// submissions, and data quality (timeliness above all) trended across two returns, as a live partnership has.
enum EarlierReturn {
    static func cut(_ source: SubmissionSource, upTo cutoff: CalendarDate) -> SubmissionSource {
        var out = source
        out.label = source.label + " (earlier return)"
        out.files = source.files.map { file in
            guard let ds = file.dataset, ds.schema.eventDate != nil, let bytes = keepRows(file.bytes, schema: ds.schema, upTo: cutoff.description) else {
                return file
            }
            return SubmissionFile(name: file.name, dataset: ds, bytes: bytes, checksum: SubmissionSource.sha256(bytes), declaredHash: nil)
        }
        return out
    }

    /// The header and the rows whose every date (the event's and any later one, such as an episode's end or a
    /// decision) is on or before `upTo` (YYYY-MM-DD): what the agency's system held on that day.
    static func keepRows(_ bytes: [UInt8], schema: DatasetSchema, upTo: String) -> [UInt8]? {
        var scanner = CSVScanner(bytes: bytes)
        guard scanner.next() == .record else { return nil }
        let header = scanner.fields.map { scanner.string($0) }
        let dated = header.indices.filter { i in
            schema.fields.first { $0.name == header[i] }.map { $0.type == .date || $0.type == .dateTime } ?? false
        }
        guard !dated.isEmpty else { return nil }
        var out = CSVText.line(header)
        while scanner.next() == .record {
            let values = scanner.fields.map { scanner.string($0) }
            guard values.count == header.count, dated.allSatisfy({ values[$0].prefix(10) <= upTo }) else { continue }
            out += CSVText.line(values)
        }
        return Array(out.utf8)
    }
}
