import DotsCore
import DotsIntake
import Foundation

/// Reads the SSDA903 looked-after children return as the DfE's CSV tables (Header, Episodes, Missing, UASC …) into
/// people, care episodes and social care's own missing episodes, checking the DfE rules that bear on them
/// (docs/returns.md). Tables Dots has no home for yet (reviews, outcomes, adoption) are named and left out.
public struct SSDA903Reader {
    public let postcodeAreas: [String: String]

    public init(postcodeAreas: [String: String] = PostcodeDistricts.referenceAreas) { self.postcodeAreas = postcodeAreas }

    public typealias Table = ReturnTable

    /// - Parameters:
    ///   - la: the local authority's three-digit DfE code (the CSV tables do not hold it).
    public func read(_ tables: [Table], la: String) -> ReturnExtract {
        var out = ReturnExtract()
        out.collection = "903"
        var ids = ReturnIDs(la: la)
        let byName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var births: [String: String] = [:]
        var latest = ""
        func note(_ date: String) { if date > latest { latest = date } }

        var episodesByChild: [String: [(start: String, end: String, row: Int)]] = [:]
        if let t = byName["Episodes"] {
            for (row, v) in t.rows {
                guard let child = v["CHILD"], !child.isEmpty else { continue }
                let person = ids.person(child), start = isoDate(v["DECOM"]), end = isoDate(v["DEC"])
                note(start)
                note(end)
                let outward = (v["PL_POST"] ?? "").split(separator: " ").first.map { String($0).uppercased() } ?? ""
                out.add(
                    .careEpisodes,
                    [
                        "episode_id": ids.event(person, "E", start), "person_id": person, "start_date": start, "reason_new": v["RNE"] ?? "",
                        "legal_status": v["LS"] ?? "", "category_of_need": v["CIN"] ?? "", "placement": v["PLACE"] ?? "",
                        "placement_provider": v["PLACE_PROVIDER"] ?? "", "placement_area": postcodeAreas[outward] ?? "", "end_date": end,
                        "reason_ended": v["REC"] ?? "", "reason_place_change": v["REASON_PLACE_CHANGE"] ?? "",
                    ])
                episodesByChild[child, default: []].append((start, end, row))
            }
            for (child, episodes) in episodesByChild.sorted(by: { $0.key < $1.key }) {
                let sorted = episodes.sorted { $0.start < $1.start }
                for (a, b) in zip(sorted, sorted.dropFirst()) {
                    if a.end.isEmpty {
                        out.rule(
                            "142", "A new episode has started, but the previous episode has not ended", file: t.file, column: "DEC", child: child, row: a.row)
                    } else if b.start < a.end {
                        out.rule(
                            "501", "A new episode has started before the end date of the previous episode", file: t.file, column: "DECOM", value: b.start,
                            child: child, row: b.row)
                    }
                }
            }
        }
        let inCare = Set(episodesByChild.filter { $0.value.contains { $0.end.isEmpty } }.keys)
        // The UASC table lists the children who are or were unaccompanied asylum seekers; without it, not known.
        let uasc = byName["UASC"].map { Set($0.rows.compactMap { $0.values["CHILD"] }) }
        if let t = byName["Header"] {
            for (row, v) in t.rows {
                guard let child = v["CHILD"], !child.isEmpty else { continue }
                out.checkUPN(
                    v["UPN"], rule: "168", message: "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5",
                    file: t.file, child: child, line: row)
                let dob = isoDate(v["DOB"])
                births[child] = dob
                out.add(
                    .people,
                    [
                        "person_id": ids.person(child), "upn": v["UPN"] ?? "", "date_of_birth": dob, "sex": sexCode(v["SEX"]),
                        "ethnicity": v["ETHNIC"] ?? "", "looked_after": inCare.contains(child) ? "Y" : "N",
                        "uasc": uasc.map { $0.contains(child) ? "Y" : "N" } ?? "", "is_parent": yesNo(v["MOTHER"]),
                    ])
            }
        }
        if let t = byName["Missing"] {
            for (row, v) in t.rows {
                guard let child = v["CHILD"], !child.isEmpty else { continue }
                let person = ids.person(child), start = isoDate(v["MIS_START"]), end = isoDate(v["MIS_END"])
                note(start)
                note(end)
                out.add(
                    .missingEpisodes,
                    [
                        "episode_id": ids.event(person, "M", start), "person_id": person, "start_datetime": start, "end_datetime": end,
                        "missing_type": v["MISSING"] ?? "", "missing_from": "care",
                    ])
                if let dob = births[child] ?? v["DOB"].map({ isoDate($0) }), !dob.isEmpty, !start.isEmpty, start < dob {
                    out.rule("586", "Dates of missing periods are before child’s date of birth", file: t.file, column: "MIS_START", child: child, row: row)
                }
                if let first = episodesByChild[child]?.map(\.start).min(), !start.isEmpty, start < first {
                    out.rule("581", "Child is missing but has not yet started to be looked after", file: t.file, column: "MIS_START", child: child, row: row)
                }
            }
        }
        if let date = CalendarDate(iso: latest) { out.period = .financialYear(containing: date) }
        let read = ["Header", "Episodes", "Missing", "UASC"].filter { byName[$0] != nil }
        let left = tables.map(\.name).filter { !read.contains($0) }.sorted()
        out.summary.append(
            "SSDA903 tables of local authority \(la): \(read.joined(separator: ", ")) read (\(out.rows[.people]?.count ?? 0) children, \(out.rows[.careEpisodes]?.count ?? 0) care episodes, \(out.rows[.missingEpisodes]?.count ?? 0) missing episodes)\(left.isEmpty ? "" : "; \(left.joined(separator: ", ")) not carried: Dots has no home for \(left.count == 1 ? "it" : "them") yet")"
        )
        return out
    }
}
