import DotsCore
import Foundation

/// Ofsted's Annex A workbook, as the template lays it out: List 8 (children looked after) into `care_snapshot`, and
/// the children of List 8 into people. Headers are found as liiatools finds them: in whichever of the first rows
/// names them, whatever their case and spacing; values lose the list letters the template writes before them
/// ("b) Female", "f) U6: Foster placement"), and coded values are read from their code ("E1: Placement order" is
/// E1, "N1 - Abuse or Neglect" N1). The other lists (contacts, referrals, assessments, enquiries, plans, care
/// leavers, adoption) are named and not carried: the CIN census and SSDA903 hold the same children in full.
public struct AnnexAReader {
    public init() {}

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

    /// Whether the workbook is an Annex A: it has a sheet called List 8.
    static func isAnnexA(_ book: Workbook) -> Bool { book.sheetNames.contains { key($0) == "list 8" } }

    static func key(_ s: String) -> String {
        // The template's own headers vary in small ways between years: a doubled bracket, straight or curly quotes.
        s.lowercased().replacingOccurrences(of: "))", with: ")").replacingOccurrences(of: "'", with: "’").replacingOccurrences(of: "’s ", with: "'s ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// - Parameters:
    ///   - la: the local authority's three-digit DfE code (the workbook does not name it).
    ///   - asAt: the day the lists describe; if nil, the latest date in List 8.
    public func read(_ bytes: [UInt8], file: String, la: String?, asAt: CalendarDate?) throws -> ReturnExtract {
        let book: Workbook
        do { book = try Workbook(bytes: bytes) } catch let e as Workbook.ReadError { throw ReturnReadError(file: file, problem: e.description) }
        guard let sheet = book.sheetNames.first(where: { Self.key($0) == "list 8" }) else {
            throw ReturnReadError(
                file: file, problem: "it is an Excel workbook but not Ofsted's Annex A (it has no List 8): prepare it with --mapping, naming its sheet")
        }
        guard let la else {
            throw ReturnReadError(
                file: file, problem: "Annex A does not name its local authority: give its three-digit DfE code with --la-code (it prefixes every child's id)")
        }
        let rows = try book.rows(sheet: sheet)
        guard let headerAt = rows.prefix(20).firstIndex(where: { Set($0.map(Self.key)).contains("child unique id") }) else {
            throw ReturnReadError(file: file, problem: "\(sheet) has no row naming Child Unique ID in its first 20 rows")
        }
        let header = rows[headerAt].map(Self.key)
        let missing = Self.list8.filter { !header.contains(Self.key($0)) }
        guard missing.isEmpty else {
            throw ReturnReadError(
                file: file, problem: "\(sheet) has no column \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) (Ofsted's template names it)")
        }
        var out = ReturnExtract()
        out.collection = "annex-a"
        var ids = ReturnIDs(la: la)
        let records = rows[(headerAt + 1)...].filter { !$0.allSatisfy(\.isEmpty) }.map { row in
            Dictionary(zip(header, row), uniquingKeysWith: { a, _ in a })
        }
        // The day the list describes: given, or its latest date.
        let dateColumns = header.filter { $0.hasPrefix("date") || $0.hasPrefix("start date") }
        let latest = records.flatMap { r in dateColumns.compactMap { r[$0].flatMap { CalendarDate(iso: $0) } } }.max()
        guard let day = asAt ?? latest else { throw ReturnReadError(file: file, problem: "\(sheet) holds no date to place it in time: give --period") }
        out.period = Period(start: day.adding(days: -364), end: day)
        var seen: Set<String> = []
        for (i, r) in records.enumerated() {
            func v(_ name: String) -> String { ExtractMapping.droppingListLetter(r[Self.key(name)] ?? "") }
            let child = v("Child Unique ID")
            guard !child.isEmpty else { continue }
            let person = ids.person(child)
            if !seen.insert(person).inserted {
                out.issues.append(
                    IntakeIssue(
                        .duplicateKey, file: file, row: headerAt + i + 2, column: "Child Unique ID", value: child, rule: "the child is listed twice in \(sheet)"
                    ))
                continue
            }
            out.add(
                .people,
                [
                    "person_id": person, "sex": Self.sex(v("Gender")), "ethnicity": Self.code(v("Ethnicity")), "date_of_birth": v("Date of Birth"),
                    "uasc": yesNo(v("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)")),
                    "looked_after": v("Date ceased to be looked after").isEmpty ? "Y" : "N",
                ])
            out.add(
                .careSnapshot,
                [
                    "snapshot_id": ids.event(person, "L8-", day.description), "person_id": person, "snapshot_date": day.description,
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
        let others = book.sheetNames.filter { Self.key($0) != "list 8" }
        out.summary.append(
            "\(file): Ofsted's Annex A for local authority \(la), as at \(day): List 8 read (\(seen.count) children looked after)\(others.isEmpty ? "" : "; \(others.joined(separator: ", ")) not carried (the CIN census and SSDA903 hold them in full)")"
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
