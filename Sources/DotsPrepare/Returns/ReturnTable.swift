import DotsIntake
import Foundation

/// One CSV table of a return (an SSDA903 table, a month of data.police.uk crime): its name, the file it came from, and
/// its rows by upper-cased column name, each with its row number as a spreadsheet shows it.
public struct ReturnTable: Sendable {
    public let name: String
    public let file: String
    public let rows: [(row: Int, values: [String: String])]

    public init(name: String, file: String, bytes: [UInt8]) {
        self.name = name
        self.file = file
        var scanner = CSVScanner(bytes: bytes)
        var rows: [(Int, [String: String])] = []
        if scanner.next() == .record {
            let header = scanner.fields.map { scanner.string($0).trimmingCharacters(in: .whitespaces).uppercased() }
            while scanner.next() == .record {
                if scanner.isBlankRecord { continue }
                var values: [String: String] = [:]
                for (i, name) in header.enumerated() where i < scanner.fields.count {
                    values[name] = scanner.string(at: i).trimmingCharacters(in: .whitespaces)
                }
                rows.append((scanner.recordCount, values))
            }
        }
        self.rows = rows
    }

    /// A table already read (from the SSDA903 XML), its rows numbered by the line each starts on.
    init(name: String, file: String, rows: [(row: Int, values: [String: String])]) {
        self.name = name
        self.file = file
        self.rows = rows
    }
}
