import DotsCore
import DotsIntake
import Foundation

/// The agency's people as last sent, for preparing an extract of events alone: their agency person ids, read from
/// the package the agency prepared last (its `people.csv`) or from any CSV with a `person_id` column. Only the
/// agency's own ids are read; nothing else in the file is used.
public enum PeopleManifest {
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Parameter path: a package folder (its `people.csv`), or a CSV file with a `person_id` column.
    public static func load(_ path: String) throws -> Set<String> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ReadError(description: "\(path): no such package folder or file (--people-from names the agency's last package, or its people.csv).")
        }
        let file = isDir.boolValue ? path + "/people.csv" : path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ReadError(description: "\(file) cannot be read: --people-from names a package folder holding people.csv, or a CSV with a person_id column.")
        }
        var scanner = CSVScanner(bytes: [UInt8](data))
        guard scanner.next() == .record, let column = scanner.fields.indices.first(where: { HeaderMap.normalise(scanner.string(at: $0)) == "person_id" })
        else {
            throw ReadError(description: "\(file) has no person_id column: name the agency's last package, or its people.csv.")
        }
        var ids: Set<String> = []
        while scanner.next() == .record {
            if scanner.isBlankRecord || column >= scanner.fields.count { continue }
            let id = scanner.string(at: column)
            if !id.isEmpty { ids.insert(id) }
        }
        return ids
    }
}
