import DotsCore
import DotsIntake
import Foundation

/// Writes each agency's extract as that agency would send it: `<out>/<agency>/<dataset>.csv`, opened on first use.
final class ExtractWriters {
    let root: String
    var writers: [String: BufferedFileWriter] = [:]
    var rowCounts: [String: Int] = [:]

    init(root: String) { self.root = root }

    func write(agency: String, dataset: Dataset, values: [String: String]) throws {
        let key = "\(agency)/\(dataset.rawValue).csv"
        let schema = dataset.extractSchema
        let writer: BufferedFileWriter
        if let w = writers[key] {
            writer = w
        } else {
            try FileManager.default.createDirectory(atPath: "\(root)/\(agency)", withIntermediateDirectories: true)
            writer = try BufferedFileWriter(path: "\(root)/\(key)")
            try writer.write(CSVText.line(schema.fieldNames))
            writers[key] = writer
        }
        try writer.write(CSVText.line(schema.fieldNames.map { values[$0] ?? "" }))
        rowCounts[key, default: 0] += 1
    }

    func close() throws { for w in writers.values { try w.close() } }
}
