import DotsCore
import DotsIntake
import Foundation

/// Which of an agency's own columns is which Dots column, so any extract (a case-management export, a DfE
/// return, a public test file) can be prepared without code changes. A JSON file:
///
/// ```json
/// { "datasets": {
///     "people": { "file": "children.csv",
///                 "columns": { "person_id": "CHILD", "first_name": "FORENAME", "date_of_birth": "DOB", "sex": "GENDER" },
///                 "values": { "sex": { "1": "M", "2": "F", "0": "U" } },
///                 "dateFormat": "DD/MM/YYYY" },
///     "missing_episodes": { "file": "missing.csv",
///                 "columns": { "episode_id": "@row", "person_id": "CHILD", "start_datetime": "MIS_START", "missing_from": "=care" } } } }
/// ```
///
/// A column is named by its source header, `@row` (the row number, for files without a record id) or `=text`
/// (the same value on every row). Source columns not mapped are dropped: they never leave the agency.
public struct ExtractMapping: Codable, Sendable {
    public struct DatasetMapping: Codable, Sendable {
        public var file: String
        public var columns: [String: String]
        public var values: [String: [String: String]]?
        /// `DD/MM/YYYY` or `MM/DD/YYYY`: how the source writes dates (times may follow after a space).
        public var dateFormat: String?
        /// For a workbook (xlsx): the sheet to read (the first if not given). Rows above the one holding the mapped
        /// column names (a title, notes) are skipped.
        public var sheet: String?
        /// Values written with a list letter before them, as Ofsted's Annex A template does ("a) WBRI",
        /// "q) 6: Police"): the letter is dropped before values are recoded.
        public var listPrefixes: Bool?
    }

    public var datasets: [String: DatasetMapping]

    public struct MappingError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(_ path: String) throws -> ExtractMapping {
        guard let data = FileManager.default.contents(atPath: path) else { throw MappingError(description: "The mapping file \(path) cannot be read.") }
        let mapping: ExtractMapping
        do { mapping = try JSONDecoder().decode(ExtractMapping.self, from: data) } catch {
            throw MappingError(description: "The mapping file \(path) is not valid: \(error)")
        }
        // A misspelt key would otherwise be ignored, and what it meant to say silently not applied.
        if let problem = unknownKey(in: data) { throw MappingError(description: "\(path): \(problem)") }
        for (name, m) in mapping.datasets {
            guard let ds = Dataset(rawValue: name) else {
                throw MappingError(description: "\(path): \(name) is not a dataset (use one of \(Dataset.allCases.map(\.rawValue).joined(separator: ", "))).")
            }
            if let problem = PlainFileName.problem(m.file) {
                throw MappingError(description: "\(path): \(name) maps the file \"\(Excerpt.of(m.file))\": \(problem). Name a file in the extract's folder.")
            }
            let known = Set(ds.extractSchema.fieldNames)
            for column in m.columns.keys.sorted() + (m.values ?? [:]).keys.sorted() where !known.contains(column) {
                let near = Self.nearest(column, among: ds.extractSchema.fieldNames).map { " Did you mean \($0)?" } ?? ""
                throw MappingError(
                    description:
                        "\(path): \(name) has no column \(column);\(near) Its columns are \(ds.extractSchema.fieldNames.joined(separator: ", ")).")
            }
            if let f = m.dateFormat, !["DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD"].contains(f) {
                throw MappingError(description: "\(path): dateFormat \(f) is not DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD.")
            }
        }
        return mapping
    }

    /// The first key the mapping format does not have, with the nearest one it does.
    static func unknownKey(in data: Data) -> String? {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        func check(_ keys: [String], allowed: [String], at place: String) -> String? {
            for key in keys.sorted() where !allowed.contains(key) {
                let near = nearest(key, among: allowed).map { " Did you mean \($0)?" } ?? ""
                return "\(place) has a key \(Excerpt.of(key)) that the mapping format does not have;\(near) The keys are \(allowed.joined(separator: ", "))."
            }
            return nil
        }
        if let problem = check(Array(root.keys), allowed: ["datasets"], at: "the file") { return problem }
        for (name, value) in (root["datasets"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let keys = (value as? [String: Any])?.keys else { continue }
            if let problem = check(Array(keys), allowed: ["file", "columns", "values", "dateFormat", "sheet", "listPrefixes"], at: Excerpt.of(name)) {
                return problem
            }
        }
        return nil
    }

    /// The closest of `names` to `word` (case aside), if it is close enough to be a slip: at most a third of its
    /// letters different.
    static func nearest(_ word: String, among names: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var previous = row[0]
                row[0] = i + 1
                for (j, y) in b.enumerated() {
                    let current = row[j + 1]
                    row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (x == y ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
        let w = Array(word.lowercased())
        guard let best = names.map({ ($0, distance(w, Array($0.lowercased()))) }).min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, w.count / 3) ? best.0 : nil
    }

    /// Reads the mapped files in `folder` and rewrites them as canonical extracts (in memory).
    public func apply(folder: String, agency: String?, period: Period?) throws -> SubmissionSource {
        var files: [SubmissionFile] = []
        for name in datasets.keys.sorted() {
            let m = datasets[name]!, ds = Dataset(rawValue: name)!
            // `load` checks this too; a mapping built in code must not reach outside the folder either.
            if let problem = PlainFileName.problem(m.file) { throw MappingError(description: "\(Excerpt.of(m.file)) (mapped to \(name)): \(problem).") }
            guard let data = FileManager.default.contents(atPath: folder + "/" + m.file) else {
                throw MappingError(description: "\(m.file) (mapped to \(name)) is not in \(folder).")
            }
            var source = [UInt8](data)
            if m.sheet != nil || ReturnFormat.recognise(bytes: source) == .workbook {
                source = try Self.sheetAsCSV(source, mapping: m, dataset: name)
            }
            let bytes = try rewrite(source, dataset: ds, mapping: m)
            files.append(SubmissionFile(name: m.file, dataset: ds, bytes: bytes, checksum: SubmissionSource.sha256(bytes), declaredHash: nil))
        }
        return SubmissionSource(agency: agency, period: period, keyID: nil, files: files, label: URL(fileURLWithPath: folder).lastPathComponent)
    }

    /// A workbook's sheet as CSV, from the row holding the mapped column names (compared without regard to case or
    /// repeated spaces, and written back as the mapping spells them) down.
    static func sheetAsCSV(_ bytes: [UInt8], mapping m: DatasetMapping, dataset name: String) throws -> [UInt8] {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw MappingError(description: "\(m.file) (mapped to \(name)) is not an xlsx workbook; an older .xls must be saved as .xlsx first.")
        }
        let rows: [[String]]
        let book: Workbook
        do {
            book = try Workbook(bytes: bytes)
            guard let sheet = m.sheet ?? book.sheetNames.first else { throw Workbook.ReadError(description: "the workbook has no sheets") }
            rows = try book.rows(sheet: sheet)
        } catch let e as Workbook.ReadError {
            throw MappingError(description: "\(m.file) (mapped to \(name)): \(e.description).")
        }
        func key(_ s: String) -> String { s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let wanted = Set(m.columns.values.filter { !$0.hasPrefix("@") && !$0.hasPrefix("=") })
        let spelling = Dictionary(wanted.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        guard let headerIndex = rows.prefix(20).firstIndex(where: { row in Set(row.map(key)).isSuperset(of: spelling.keys) }) else {
            let first = rows.first.map { $0.filter { !$0.isEmpty }.prefix(12).map { Excerpt.of($0) }.joined(separator: ", ") } ?? "nothing"
            throw MappingError(
                description:
                    "\(m.file) (mapped to \(name)), sheet \(m.sheet ?? book.sheetNames.first ?? ""): no row in its first 20 names every mapped column (\(wanted.sorted().joined(separator: ", "))); its first row has \(first)."
            )
        }
        var out = CSVText.line(rows[headerIndex].map { spelling[key($0)] ?? $0 })
        for row in rows[(headerIndex + 1)...] { out += CSVText.line(row) }
        return Array(out.utf8)
    }

    /// "a) WBRI" → "WBRI", "q) 6: Police" → "6: Police": a list letter (or two) and a bracket before the value.
    static func droppingListLetter(_ value: String) -> String {
        let chars = Array(value)
        var i = 0
        while i < chars.count, i < 2, chars[i].isASCII, chars[i].isLetter { i += 1 }
        guard i > 0, i < chars.count, chars[i] == ")" else { return value }
        return String(chars[(i + 1)...]).trimmingCharacters(in: .whitespaces)
    }

    func rewrite(_ bytes: [UInt8], dataset: Dataset, mapping m: DatasetMapping) throws -> [UInt8] {
        let schema = dataset.extractSchema
        var scanner = CSVScanner(bytes: bytes)
        guard scanner.next() == .record else { return bytes }
        let header = scanner.fields.map { scanner.string($0).trimmingSpaces }
        let sourceIndex = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (column, source) in m.columns where !source.hasPrefix("@") && !source.hasPrefix("=") && sourceIndex[source] == nil {
            throw MappingError(description: "\(m.file) has no column \(source) (mapped to \(column)); its columns are \(header.joined(separator: ", ")).")
        }
        let dateFields = Set(schema.fields.filter { $0.type == .date || $0.type == .dateTime || $0.name == "date_of_birth" }.map(\.name))
        // Every Dots column is written: mapped, passed through when the source already uses its name, else blank.
        // Source columns not mapped are left out.
        let names = schema.fieldNames
        var out = CSVText.line(names)
        while true {
            let status = scanner.next()
            guard status == .record else { break }
            if scanner.isBlankRecord { continue }
            let row = scanner.recordCount
            out += CSVText.line(
                names.map { name in
                    let source = m.columns[name] ?? name
                    var value: String
                    if source == "@row" {
                        value = String(row)
                    } else if source.hasPrefix("=") {
                        value = String(source.dropFirst())
                    } else if let i = sourceIndex[source] {
                        value = i < scanner.fields.count ? scanner.string(at: i) : ""
                    } else {
                        value = ""
                    }
                    if m.listPrefixes == true { value = Self.droppingListLetter(value) }
                    if let recode = m.values?[name]?[value] { value = recode }
                    if dateFields.contains(name), let format = m.dateFormat { value = Self.isoDate(value, format: format) }
                    return value
                })
        }
        return Array(out.utf8)
    }

    /// Rewrites a `DD/MM/YYYY[ HH:MM]` (or `MM/DD/YYYY`) value as `YYYY-MM-DD[ HH:MM]`. Anything else, a date
    /// that does not exist (31/02/2024) included, is left as the file holds it, for validation to report as written.
    public static func isoDate(_ value: String, format: String) -> String {
        let parts = value.trimmingSpaces.split(separator: " ", maxSplits: 1)
        guard let date = parts.first, format != "YYYY-MM-DD" else { return value }
        let d = date.split(separator: "/")
        guard d.count == 3, d[2].count == 4, d[0].count <= 2, d[1].count <= 2 else { return value }
        let (day, month) = format == "DD/MM/YYYY" ? (d[0], d[1]) : (d[1], d[0])
        guard let y = Int(d[2]), let m = Int(month), let dd = Int(day), CalendarDate(year: y, month: m, day: dd) != nil else { return value }
        let iso = "\(d[2])-\(month.count == 1 ? "0" : "")\(month)-\(day.count == 1 ? "0" : "")\(day)"
        return parts.count == 2 ? iso + " " + parts[1] : iso
    }
}
