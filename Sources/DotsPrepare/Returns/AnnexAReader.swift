import DotsCore
import Foundation

/// Ofsted's Annex A workbook, as the template lays it out. Three lists are carried: List 1 (contacts) into
/// `contacts`, List 2 (early help assessments) into `early_help_assessments` and List 8 (children looked after) into
/// `care_snapshot`, and the children of all three into people. Headers are found as liiatools finds them: in
/// whichever of the first rows names them, whatever their case and spacing; values lose the list letters the
/// template writes before them ("b) Female", "f) U6: Foster placement"), and coded values are read from their code
/// ("E1: Placement order" is E1, "q) 6: Police" is 6). Lists 3 to 7 (referrals, assessments, section 47 enquiries,
/// children in need and protection plans) are named and not carried: the CIN census holds the same events in full,
/// under the same ids, and a second copy from the inspection's list would count them twice. Lists 9 to 11 (care
/// leavers, adoption and adopters) are about young adults and adults, outside what the partnership asks. Allocated
/// teams and workers, the child's age and the organisation completing an early help assessment are never read.
public struct AnnexAReader {
    public init() {}

    static let list1 = ["child unique id", "gender", "ethnicity", "date of birth", "date of contact", "contact source"]
    static let list2 = ["child unique id", "gender", "ethnicity", "date of birth", "assessment start date", "assessment completion date"]
    static let list8 = [
        "child unique id", "gender", "ethnicity", "date of birth", "unaccompanied asylum seeking child (uasc) within the last 12 months (y/n)",
        "date started to be looked after", "child's category of need",
        "is this a second or subsequent period of being a looked after child within the last 12 months (y/n)", "child's legal status",
        "number of placements in the last 12 months", "date ceased to be looked after", "placement type", "placement provider",
        "number of episodes the child has been ‘missing’ from their placement in the last 12 months",
        "number of episodes the child has been ‘absent’ from their placement in the last 12 months",
        "was the child offered a return interview after their last missing episode (y/n)?",
        "did the child accept a return interview after their last missing episode (y/n)?",
    ]

    /// Why each list not carried is left, for the summary.
    static let notCarried: [Int: String] = [
        3: "the CIN census holds them in full", 4: "the CIN census holds them in full", 5: "the CIN census holds them in full",
        6: "the CIN census holds them in full", 7: "the CIN census holds them in full", 9: "care leavers: young adults",
        10: "adoption", 11: "adopters: adults",
    ]

    /// Whether the workbook is an Annex A: it has a sheet called List 1, 2 or 8.
    static func isAnnexA(_ book: Workbook) -> Bool { book.sheetNames.contains { [1, 2, 8].contains(listNumber($0)) } }

    /// "List 8" → 8; "list 10 " → 10.
    static func listNumber(_ sheet: String) -> Int? {
        let k = key(sheet)
        guard k.hasPrefix("list ") else { return nil }
        return Int(k.dropFirst(5))
    }

    static func key(_ s: String) -> String {
        // The template's own headers vary in small ways between years: a doubled bracket, straight or curly quotes.
        s.lowercased().replacingOccurrences(of: "))", with: ")").replacingOccurrences(of: "'", with: "’").replacingOccurrences(of: "’s ", with: "'s ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// One list's rows: each record by header key, with its row number as a spreadsheet numbers it.
    struct List {
        let sheet: String
        let records: [(row: Int, values: [String: String])]

        func value(_ r: [String: String], _ name: String) -> String { ExtractMapping.droppingListLetter(r[AnnexAReader.key(name)] ?? "") }
    }

    static func list(_ book: Workbook, sheet: String, required: [String], file: String) throws -> List {
        let rows = try book.rows(sheet: sheet)
        guard let headerAt = rows.prefix(20).firstIndex(where: { Set($0.map(Self.key)).contains("child unique id") }) else {
            throw ReturnReadError(file: file, problem: "\(sheet) has no row naming Child Unique ID in its first 20 rows")
        }
        let header = rows[headerAt].map(Self.key)
        let missing = required.filter { !header.contains(Self.key($0)) }
        guard missing.isEmpty else {
            throw ReturnReadError(
                file: file, problem: "\(sheet) has no column \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) (Ofsted's template names it)")
        }
        var records: [(Int, [String: String])] = []
        for (i, row) in rows[(headerAt + 1)...].enumerated() where !row.allSatisfy(\.isEmpty) {
            records.append((headerAt + i + 2, Dictionary(zip(header, row), uniquingKeysWith: { a, _ in a })))
        }
        return List(sheet: sheet, records: records)
    }

    /// - Parameters:
    ///   - la: the local authority's three-digit DfE code (the workbook does not name it).
    ///   - asAt: the day the lists describe; if nil, the latest date in the lists read.
    public func read(_ bytes: [UInt8], file: String, la: String?, asAt: CalendarDate?) throws -> ReturnExtract {
        let book: Workbook
        do { book = try Workbook(bytes: bytes) } catch let e as Workbook.ReadError { throw ReturnReadError(file: file, problem: e.description) }
        guard Self.isAnnexA(book) else {
            throw ReturnReadError(
                file: file,
                problem: "it is an Excel workbook but not Ofsted's Annex A (it has no List 1, 2 or 8): prepare it with --mapping, naming its sheet")
        }
        guard let la else {
            throw ReturnReadError(
                file: file, problem: "Annex A does not name its local authority: give its three-digit DfE code with --la-code (it prefixes every child's id)")
        }
        func sheet(_ n: Int) -> String? { book.sheetNames.first { Self.listNumber($0) == n } }
        let contacts = try sheet(1).map { try Self.list(book, sheet: $0, required: Self.list1, file: file) }
        let earlyHelp = try sheet(2).map { try Self.list(book, sheet: $0, required: Self.list2, file: file) }
        let care = try sheet(8).map { try Self.list(book, sheet: $0, required: Self.list8, file: file) }
        var out = ReturnExtract()
        out.collection = "annex-a"
        var ids = ReturnIDs(la: la)
        // The day the lists describe: given, or their latest date.
        let latest = [contacts, earlyHelp, care].compactMap { $0 }.flatMap { list in
            list.records.flatMap { r in
                r.values.filter { $0.key.hasPrefix("date") || $0.key.hasPrefix("start date") || $0.key.hasPrefix("assessment") }.compactMap {
                    CalendarDate(iso: $0.value)
                }
            }
        }.max()
        guard let day = asAt ?? latest else { throw ReturnReadError(file: file, problem: "its lists hold no date to place them in time: give --period") }
        out.period = Period(start: day.adding(days: -364), end: day)
        // A child in several lists is one person, with what any list knows.
        var people: [String: [String: String]] = [:]
        var order: [String] = []
        func person(_ list: List, _ r: [String: String], extra: [String: String] = [:]) -> String {
            let id = ids.person(list.value(r, "Child Unique ID"))
            let row = [
                "person_id": id, "sex": Self.sex(list.value(r, "Gender")), "ethnicity": Self.code(list.value(r, "Ethnicity")),
                "date_of_birth": list.value(r, "Date of Birth"),
            ].merging(extra) { _, new in new }
            if let known = people[id] {
                people[id] = known.merging(row) { mine, theirs in mine.isEmpty ? theirs : mine }
            } else {
                people[id] = row
                order.append(id)
            }
            return id
        }
        var read: [String] = []
        if let list = contacts {
            var n = 0
            for (_, r) in list.records where !list.value(r, "Child Unique ID").isEmpty {
                let id = person(list, r)
                let date = list.value(r, "Date of Contact")
                out.add(
                    .contacts,
                    [
                        "contact_id": ids.event(id, "C", date), "person_id": id, "contact_date": date,
                        "contact_source": Self.code(list.value(r, "Contact Source")),
                    ])
                n += 1
            }
            read.append("\(list.sheet) read (\(n) contacts)")
        }
        if let list = earlyHelp {
            var n = 0
            for (_, r) in list.records where !list.value(r, "Child Unique ID").isEmpty {
                let id = person(list, r)
                let start = list.value(r, "Assessment start date")
                out.add(
                    .earlyHelpAssessments,
                    [
                        "assessment_id": ids.event(id, "H", start), "person_id": id, "start_date": start,
                        "completed_date": list.value(r, "Assessment completion date"),
                    ])
                n += 1
            }
            read.append("\(list.sheet) read (\(n) early help assessments)")
        }
        if let list = care {
            var seen: Set<String> = []
            for (row, r) in list.records {
                func v(_ name: String) -> String { list.value(r, name) }
                let child = v("Child Unique ID")
                guard !child.isEmpty else { continue }
                if !seen.insert(ids.person(child)).inserted {
                    out.issues.append(
                        IntakeIssue(
                            .duplicateKey, file: file, row: row, column: "Child Unique ID", value: child, rule: "the child is listed twice in \(list.sheet)"))
                    continue
                }
                let id = person(
                    list, r,
                    extra: [
                        "uasc": yesNo(v("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)")),
                        "looked_after": v("Date ceased to be looked after").isEmpty ? "Y" : "N",
                    ])
                out.add(
                    .careSnapshot,
                    [
                        "snapshot_id": ids.event(id, "L8-", day.description), "person_id": id, "snapshot_date": day.description,
                        "started_date": v("Date Started to be Looked After"),
                        "second_period": yesNo(v("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)")),
                        "legal_status": Self.code(v("Child's Legal Status")), "category_of_need": Self.code(v("Child's Category of Need")),
                        "placements_12m": Self.whole(v("Number of Placements in the Last 12 months")), "placement": Self.code(v("Placement Type")),
                        "placement_provider": Self.code(v("Placement Provider")), "ceased_date": v("Date Ceased to be Looked After"),
                        "missing_12m": Self.whole(v("Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months")),
                        "away_12m": Self.whole(v("Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months")),
                        "rhi_offered_last": yesNo(v("Was the child offered a Return Interview after their last missing episode (Y/N)?")),
                        "rhi_accepted_last": yesNo(v("Did the child accept a Return Interview after their last missing episode (Y/N)?")),
                    ])
            }
            read.append("\(list.sheet) read (\(seen.count) children looked after)")
        }
        if !order.isEmpty { out.rows[.people] = order.map { people[$0]! } }
        let left = book.sheetNames.compactMap { name -> String? in
            guard let n = Self.listNumber(name), let why = Self.notCarried[n] else { return nil }
            return "\(name) (\(why))"
        }
        out.summary.append(
            "\(file): Ofsted's Annex A for local authority \(la), as at \(day): \(read.joined(separator: ", "))\(left.isEmpty ? "" : "; not carried: \(left.joined(separator: ", "))")"
        )
        return out
    }

    /// "E1: Placement order" → E1, "N1 - Abuse or Neglect" → N1, "U6: Foster placement" → U6, "WBRI" → WBRI.
    static func code(_ value: String) -> String {
        let first = value.split(whereSeparator: { $0 == ":" || $0 == " " }).first.map(String.init) ?? ""
        return first.trimmingCharacters(in: .whitespaces)
    }

    static func sex(_ value: String) -> String {
        switch value.lowercased() {
        case "male", "m", "1": "M"
        case "female", "f", "2": "F"
        case "": ""
        default: "U"
        }
    }

    /// Counts as whole numbers (a workbook may store 1 as "1.0").
    static func whole(_ value: String) -> String {
        guard let d = Double(value), d == d.rounded() else { return value }
        return String(Int(d))
    }
}
