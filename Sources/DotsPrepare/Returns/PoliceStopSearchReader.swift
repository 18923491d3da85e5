import DotsCore
import DotsGeography
import DotsIntake
import Foundation

/// data.police.uk's stop and search CSVs (one a month per force) counted into `area_stops`: month × district × age
/// range × object of search, with how many found the object and how many ended in arrest. A search is placed in its
/// district by its point (the files name no area), with the ONS boundaries; then its point, time, the person's
/// gender and ethnicity, the legislation and every other outcome are dropped. The hub gets counts by area: context
/// for the framework's questions about places, never a fact about a child. Searches with no point, and those outside
/// the partnership's districts, are left out and counted in the summary.
public struct PoliceStopSearchReader {
    public let districts: BoundarySet

    public init(districts: BoundarySet) { self.districts = districts }

    public func read(_ files: [(name: String, bytes: [UInt8])]) -> ReturnExtract {
        var out = ReturnExtract()
        out.collection = "police"
        struct Key: Hashable {
            let month: YearMonth, area: String, age: SearchAgeRange, object: SearchObject
        }
        var counts: [Key: (searches: Int, found: Int, arrests: Int)] = [:]
        var noLocation = 0, outside = 0, total = 0
        for file in files {
            let table = ReturnTable(name: "stop-and-search", file: file.name, bytes: file.bytes)
            for (row, v) in table.rows {
                total += 1
                let written = v["DATE"] ?? ""
                guard let month = Self.ukMonth(written) else {
                    out.issues.append(
                        IntakeIssue(
                            .formatError, file: file.name, row: row, column: "Date", value: written,
                            rule: "is not a date and time as data.police.uk writes them (2025-04-03T21:40:00+01:00)"))
                    continue
                }
                guard let age = SearchAgeRange(csvName: v["AGE RANGE"] ?? "") else {
                    out.issues.append(
                        IntakeIssue(
                            .codeError, file: file.name, row: row, column: "Age range", value: v["AGE RANGE"],
                            rule:
                                "is not one of data.police.uk's age ranges (\(SearchAgeRange.allCases.dropLast().map(\.label).joined(separator: ", ")), or blank)"
                        ))
                    continue
                }
                guard let object = SearchObject(csvName: v["OBJECT OF SEARCH"] ?? "") else {
                    out.issues.append(
                        IntakeIssue(
                            .codeError, file: file.name, row: row, column: "Object of search", value: v["OBJECT OF SEARCH"],
                            rule: "is not one of data.police.uk's objects of search (\(SearchObject.allCases.map(\.label).joined(separator: ", ")))"))
                    continue
                }
                guard let lat = Double(v["LATITUDE"] ?? ""), let lon = Double(v["LONGITUDE"] ?? "") else {
                    noLocation += 1
                    continue
                }
                guard let district = districts.area(containing: Boundary.Point(longitude: lon, latitude: lat)) else {
                    outside += 1
                    continue
                }
                let outcome = (v["OUTCOME"] ?? "").lowercased()
                let key = Key(month: month, area: district.code, age: age, object: object)
                var c = counts[key] ?? (0, 0, 0)
                c.searches += 1
                if (v["OUTCOME LINKED TO OBJECT OF SEARCH"] ?? "").lowercased() == "true" { c.found += 1 }
                if outcome == "arrest" || outcome == "suspect arrested" { c.arrests += 1 }
                counts[key] = c
            }
        }
        let ordered = counts.sorted {
            ($0.key.month.description, $0.key.area, $0.key.age.rawValue, $0.key.object.rawValue)
                < ($1.key.month.description, $1.key.area, $1.key.age.rawValue, $1.key.object.rawValue)
        }
        for (key, c) in ordered {
            out.add(
                .areaStops,
                [
                    "record_id": "\(key.month)/\(key.area)/\(key.age.rawValue)/\(key.object.rawValue)", "month_start": key.month.firstDay.description,
                    "local_authority": key.area, "age_range": key.age.rawValue, "search_object": key.object.rawValue, "searches": String(c.searches),
                    "found": String(c.found), "arrests": String(c.arrests),
                ])
        }
        if let latest = counts.keys.map(\.month).max() { out.period = .financialYear(containing: latest.firstDay) }
        let left = [
            noLocation > 0 ? "\(noLocation) with no location" : nil, outside > 0 ? "\(outside) outside the partnership's districts" : nil,
        ].compactMap { $0 }
        out.summary.append(
            "data.police.uk stop and search: \(total) searches in \(files.count) \(files.count == 1 ? "file" : "files") counted into \(counts.count) rows of month, district, age range and object\(left.isEmpty ? "" : "; left out: \(left.joined(separator: ", "))") (districts placed with ONS boundaries. \(districts.attribution))"
        )
        return out
    }

    /// The UK month a search happened in. data.police.uk writes the time with its offset from UTC
    /// (2025-07-01T00:30:00+01:00); a time written in UTC late on a summer month's last day is already the next month
    /// in the UK, so the month is taken from UK civil time (intake's own date-time reading; a time with no offset is
    /// UK time as written).
    static func ukMonth(_ text: String) -> YearMonth? {
        let bytes = Array(text.utf8)
        guard let instant = bytes.withUnsafeBufferPointer({ FieldChecker.parseDateTime($0, 0, $0.count) }) else { return nil }
        let uk = UKTime.localDate(of: instant)
        return YearMonth(year: uk.year, month: uk.month)
    }
}
