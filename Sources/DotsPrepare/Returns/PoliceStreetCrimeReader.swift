import DotsCore
import DotsIntake
import Foundation

/// data.police.uk's street-level crime CSVs (one a month per force) counted into `area_crime`: month × LSOA × crime
/// type. Each crime's point, street, outcome and id are dropped: the hub gets counts by area, context for the
/// framework's questions about places, never a fact about a child. Crimes with no LSOA (no location), and those in
/// LSOAs of local authorities outside the partnership, are left out and counted in the summary.
public struct PoliceStreetCrimeReader {
    /// Local authorities by the name data.police.uk's LSOA names begin with ("Stoke-on-Trent 012A").
    public let localAuthorities: [String: String]

    public init(localAuthorities: [String: String] = Dictionary(uniqueKeysWithValues: ReferenceGeography.localAreas.map { ($0.name, $0.code) })) {
        self.localAuthorities = localAuthorities
    }

    public func read(_ files: [(name: String, bytes: [UInt8])]) -> ReturnExtract {
        var out = ReturnExtract()
        out.collection = "police"
        struct Key: Hashable {
            let month: String, lsoa: String, type: PoliceCrimeType
        }
        var counts: [Key: Int] = [:]
        var authority: [String: String] = [:]
        var noLocation = 0, outside = 0, total = 0
        var outsideNames: Set<String> = []
        for file in files {
            let table = ReturnTable(name: "street", file: file.name, bytes: file.bytes)
            for (row, v) in table.rows {
                total += 1
                let month = v["MONTH"] ?? "", lsoa = v["LSOA CODE"] ?? "", name = v["LSOA NAME"] ?? ""
                guard let type = PoliceCrimeType(csvName: v["CRIME TYPE"] ?? "") else {
                    out.issues.append(
                        IntakeIssue(
                            .codeError, file: file.name, row: row, column: "Crime type", value: v["CRIME TYPE"],
                            rule: "is not one of data.police.uk's crime types (\(PoliceCrimeType.allCases.map(\.label).joined(separator: ", ")))"))
                    continue
                }
                guard YearMonth(iso: month) != nil else {
                    out.issues.append(IntakeIssue(.formatError, file: file.name, row: row, column: "Month", value: month, rule: "is not a month, YYYY-MM"))
                    continue
                }
                if lsoa.isEmpty {
                    noLocation += 1
                    continue
                }
                // "Stoke-on-Trent 012A": the authority's name, then the LSOA's number within it.
                let laName = name.split(separator: " ").dropLast().joined(separator: " ")
                guard let la = localAuthorities[laName] else {
                    outside += 1
                    outsideNames.insert(laName)
                    continue
                }
                authority[lsoa] = la
                counts[Key(month: month, lsoa: lsoa, type: type), default: 0] += 1
            }
        }
        for (key, n) in counts.sorted(by: { ($0.key.month, $0.key.lsoa, $0.key.type.rawValue) < ($1.key.month, $1.key.lsoa, $1.key.type.rawValue) }) {
            out.add(
                .areaCrime,
                [
                    "record_id": "\(key.month)/\(key.lsoa)/\(key.type.rawValue)", "month_start": key.month + "-01", "lsoa": key.lsoa,
                    "local_authority": authority[key.lsoa] ?? "", "crime_type": key.type.rawValue, "crimes": String(n),
                ])
        }
        if let latest = counts.keys.map(\.month).max().flatMap({ YearMonth(iso: $0) }) { out.period = .financialYear(containing: latest.firstDay) }
        let left = [
            noLocation > 0 ? "\(noLocation) with no location" : nil,
            outside > 0 ? "\(outside) in \(outsideNames.count) local \(outsideNames.count == 1 ? "authority" : "authorities") outside the partnership" : nil,
        ].compactMap { $0 }
        out.summary.append(
            "data.police.uk street-level crime: \(total) crimes in \(files.count) \(files.count == 1 ? "file" : "files") counted into \(counts.count) rows of month, LSOA and type\(left.isEmpty ? "" : "; left out: \(left.joined(separator: ", "))")"
        )
        return out
    }
}
