import DotsCore
import DotsIntake
import Foundation

/// What the return readers make of a local authority's returns: rows of Dots' canonical extract datasets (people
/// with their clear identifiers, which `dots prepare` then pseudonymises like any extract), the DfE validation
/// rules the returns break, and the collection year they cover.
public struct ReturnExtract: Sendable {
    public var rows: [Dataset: [[String: String]]] = [:]
    /// DfE rules broken, by number; warnings, as DfE treats them (a return with errors explained is still made).
    /// Errors are reserved for what would make the extract wrong in Dots (two children under one id).
    public var issues: [IntakeIssue] = []
    /// The year the returns cover, from their header or reference date.
    public var period: Period?
    /// One line per file read: what it was and what came of it.
    public var summary: [String] = []
    /// Every DfE rule broken, as data (`dots returns check`): the rules in `issues`, and the UPN check letter, which
    /// `dots prepare` reports with the other identifiers instead.
    public var findings: [RuleFinding] = []
    /// The collection the reader filling this extract reads ("cin" or "903"), for its findings.
    var collection = ""

    /// One DfE rule broken by one child.
    public struct RuleFinding: Sendable, Codable, Hashable {
        /// "cin" or "903".
        public let collection: String
        public let rule: String
        public let message: String
        public let child: String?
        public let file: String
        /// The XML line, or the CSV row as a spreadsheet numbers it.
        public let line: Int?
    }

    public init() {}

    /// Identifiers no return carries: their absence is how returns are, not a finding (the people link on date of
    /// birth, UPN and sex; DfE returns hold no names, NHS numbers or postcodes).
    public static let neverHeld: Set<String> = ["first_name", "surname", "nhs_number", "local_id", "postcode"]

    mutating func add(_ dataset: Dataset, _ row: [String: String]) { rows[dataset, default: []].append(row) }

    /// A DfE rule the return breaks.
    mutating func rule(
        _ number: String, _ message: String, file: String, column: String? = nil, value: String? = nil, child: String? = nil, line: Int? = nil,
        row: Int? = nil, severity: IntakeIssue.Severity = .warning, reportOnly: Bool = false
    ) {
        findings.append(
            RuleFinding(
                collection: collection, rule: number, message: message, child: child, file: file,
                line: line ?? row))
        if reportOnly { return }
        var at: [String] = []
        if let child { at.append("child \(child)") }
        if let line { at.append("line \(line)") }
        let place = at.isEmpty ? "" : " (\(at.joined(separator: ", ")))"
        issues.append(
            IntakeIssue(.returnRule, severity: severity, file: file, row: row, column: column, value: value, rule: "DfE rule \(number): \(message)\(place)"))
    }

    /// The returns as canonical extract files, each with every column of its dataset in schema order.
    public func source(agency: String?, period: Period?, label: String) -> SubmissionSource {
        var files: [SubmissionFile] = []
        for dataset in rows.keys.sorted() {
            let names = dataset.extractSchema.fieldNames
            var text = CSVText.line(names)
            for row in rows[dataset]! { text += CSVText.line(names.map { row[$0] ?? "" }) }
            let bytes = Array(text.utf8)
            files.append(
                SubmissionFile(name: dataset.rawValue + ".csv", dataset: dataset, bytes: bytes, checksum: SubmissionSource.sha256(bytes), declaredHash: nil))
        }
        return SubmissionSource(agency: agency, period: period ?? self.period, keyID: nil, files: files, label: label)
    }

    /// Merges another return's extract: people found in both (a child in the CIN census and the SSDA903) are one
    /// person, with what either knows.
    mutating func merge(_ other: ReturnExtract) {
        for (dataset, rows) in other.rows where dataset != .people { self.rows[dataset, default: []] += rows }
        var people = Dictionary(self.rows[.people, default: []].map { ($0["person_id"]!, $0) }, uniquingKeysWith: { a, _ in a })
        var order = self.rows[.people, default: []].map { $0["person_id"]! }
        for person in other.rows[.people, default: []] {
            let id = person["person_id"]!
            if let known = people[id] {
                people[id] = known.merging(person) { mine, theirs in mine.isEmpty ? theirs : mine }
            } else {
                people[id] = person
                order.append(id)
            }
        }
        if !order.isEmpty { self.rows[.people] = order.map { people[$0]! } }
        issues += other.issues
        findings += other.findings
        summary += other.summary
        if period == nil { period = other.period }
    }
}

/// Ids for what a return holds. People are the local authority's child id prefixed with its DfE code, so two
/// councils' CHILD 123 never meet; events are the child and the day they began, so the same episode has the same id
/// in each year's return (a second on the same day takes a suffix, in the order the return lists them).
struct ReturnIDs {
    let la: String
    private var used: [String: Int] = [:]

    init(la: String) { self.la = la }

    func person(_ child: String) -> String { "\(la)-\(child)" }

    mutating func event(_ person: String, _ kind: String, _ day: String) -> String {
        let base = "\(person)-\(kind)\(day)"
        used[base, default: 0] += 1
        let n = used[base]!
        return n == 1 ? base : "\(base)-\(n)"
    }
}

/// Dates as the returns write them (ISO in XML, day first in the SSDA903 CSVs) in ISO; anything else as written,
/// for validation to report.
func isoDate(_ value: String?) -> String {
    guard let value, !value.isEmpty else { return "" }
    return value.contains("/") ? ExtractMapping.isoDate(value, format: "DD/MM/YYYY") : value
}

/// Both boolean styles the CIN schemas allow (true/false, 1/0) as Y/N.
func yesNo(_ value: String?) -> String {
    switch value?.lowercased() {
    case "true", "1", "y", "yes": "Y"
    case "false", "0", "n", "no": "N"
    default: value ?? ""
    }
}

/// Sex as the returns code it (GenderCurrent 1/2/0/9, or Sex M/F/U in later years) as Dots' M/F/U.
func sexCode(_ value: String?) -> String {
    switch value?.uppercased() {
    case "1", "M": "M"
    case "2", "F": "F"
    case "0", "9", "U": "U"
    default: value ?? ""
    }
}

extension ReturnExtract {
    /// The UPN check (CIN 1510, SSDA903 168): a UPN whose check letter is wrong, or that is not a UPN at all, other
    /// than the DfE's codes for one not known. Found, not reported: `dots prepare` reports it with the other
    /// identifiers.
    mutating func checkUPN(_ upn: String?, rule number: String, message: String, file: String, child: String, line: Int?) {
        guard let upn, !upn.isEmpty, !UniquePupilNumber.unknownCodes.contains(upn.uppercased()), !UniquePupilNumber.isValid(upn.uppercased()) else {
            return
        }
        rule(number, message, file: file, column: "UPN", child: child, line: line, reportOnly: true)
    }
}
