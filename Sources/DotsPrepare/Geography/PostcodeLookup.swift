import DotsCore
import DotsIntake
import Foundation

/// The local authority district of each full postcode, from the ONS postcode directory (ONSPD, or the National
/// Statistics Postcode Lookup; Open Government Licence) read inside the agency. Without it `dots prepare` places a
/// postcode by its outward code (`PostcodeDistricts`), and an outward code can cross a district boundary: ST7's
/// postcodes lie in Newcastle-under-Lyme, Stoke-on-Trent and Cheshire East. The hub still receives a district code
/// only; the postcode itself leaves the agency as a keyed pseudonym, as before.
public struct PostcodeLookup: Sendable, Equatable {
    /// Normalised postcode (`ST7 1AA`) → ONS district or unitary authority code.
    public private(set) var districts: [String: String] = [:]
    /// Normalised postcode → ONS LSOA code, read only when asked for (`withLSOAs`): what `dots prepare --home-lsoa`
    /// sends as the home LSOA, for the framework's figures by LSOA within each district.
    public private(set) var lsoas: [String: String] = [:]
    /// True when the LSOA column is read.
    public let withLSOAs: Bool
    /// Rows left out: a postcode that is not one, or a district that is blank or one of ONS's pseudo-codes (such as
    /// E99999999 for postcodes with no fixed place), with the first such row (file and row) to show what was meant.
    public private(set) var skipped = 0
    public private(set) var firstSkipped: String?

    public init(withLSOAs: Bool = false) { self.withLSOAs = withLSOAs }

    /// Headers naming the postcode, most preferred first: ONSPD and NSPL both give `pcds` (the postcode as written),
    /// `pcd`, `pcd7` and `pcd8` (fixed widths), and `pcd2`.
    public static let postcodeColumns = ["pcds", "pcd", "pcd7", "pcd8", "pcd2", "postcode"]

    /// Headers naming the district: `oslaua` (ONSPD), `laua` (NSPL), or `ladYYcd` (the year's codes, as newer files
    /// name them).
    public static func isDistrictColumn(_ header: String) -> Bool {
        let h = header.lowercased()
        if h == "oslaua" || h == "laua" { return true }
        let u = Array(h.utf8)
        return u.count == 7 && h.hasPrefix("lad") && h.hasSuffix("cd") && u[3] &- 48 < 10 && u[4] &- 48 < 10
    }

    /// Headers naming the LSOA, most preferred first: the 2021 LSOAs (those ONS's current boundary files draw), then
    /// the 2011 ones older directories give.
    public static let lsoaColumns = ["lsoa21", "lsoa21cd", "lsoa11", "lsoa11cd"]

    /// A directory file's problem, naming the file (and where it is, the row), what was found and how to fix it.
    public struct ReadError: Error, CustomStringConvertible, Equatable {
        public let file: String
        public let problem: String
        public let fix: String
        public var description: String { "\(file): \(problem). \(fix)" }
    }

    /// Reads one directory file, adding its postcodes to those already read (the ONSPD comes as one file per
    /// postcode area too: give the partnership's areas' files). A file refused adds nothing.
    public mutating func read(_ path: String) throws(ReadError) {
        var found: [String: String] = [:], foundLSOAs: [String: String] = [:]
        var (skippedHere, firstHere): (Int, String?) = (0, nil)
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw ReadError(file: path, problem: "cannot be read (\(error.localizedDescription))", fix: "Give the path of an ONSPD or NSPL CSV file.")
        }
        found.reserveCapacity(bytes.count / 128)
        var scanner = CSVScanner(bytes: bytes)
        func text(_ f: CSVField) -> String {
            let s = String(decoding: bytes[f.start..<f.end], as: UTF8.self)
            return f.escapedQuotes ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
        }
        guard scanner.next() == .record else {
            throw ReadError(file: path, problem: "is empty", fix: "Give the postcode directory's CSV file, with its header row.")
        }
        let headers = scanner.fields.map { text($0).trimmingCharacters(in: .whitespaces) }
        let lower = headers.map { $0.lowercased() }
        guard let postcode = Self.postcodeColumns.lazy.compactMap({ lower.firstIndex(of: $0) }).first,
            let district = lower.firstIndex(where: Self.isDistrictColumn)
        else {
            throw ReadError(
                file: path,
                problem:
                    "row 1 names no postcode column or no district column (columns: \(headers.prefix(12).joined(separator: ", "))\(headers.count > 12 ? ", …" : ""))",
                fix: "Give ONS's postcode directory (ONSPD or NSPL) as published: it names the postcode pcds and the district oslaua, laua or ladYYcd.")
        }
        var lsoa: Int?
        if withLSOAs {
            lsoa = Self.lsoaColumns.lazy.compactMap({ lower.firstIndex(of: $0) }).first
            guard lsoa != nil else {
                throw ReadError(
                    file: path, problem: "row 1 names no LSOA column, and the home LSOA was asked for (--home-lsoa)",
                    fix: "Give a postcode directory that carries LSOAs (ONSPD and NSPL name them lsoa21 or lsoa11), or leave out --home-lsoa.")
            }
        }
        var row = 1
        while true {
            switch scanner.next() {
            case .end:
                // Hashing millions of postcodes is most of the time: the first file's table is kept as it is.
                if districts.isEmpty { districts = found } else { districts.merge(found) { _, new in new } }
                if lsoas.isEmpty { lsoas = foundLSOAs } else { lsoas.merge(foundLSOAs) { _, new in new } }
                skipped += skippedHere
                if firstSkipped == nil { firstSkipped = firstHere.map { "\(path) \($0)" } }
                return
            case .unclosedQuote:
                throw ReadError(
                    file: path, problem: "row \(row + 1) opens a quotation mark that never closes",
                    fix: "The file is cut short or damaged: download it again from the ONS Open Geography Portal.")
            case .record:
                row += 1
                let fields = scanner.fields
                if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
                let pc = fields.indices.contains(postcode) ? Postcode.normalised(text(fields[postcode])) : nil
                let code = fields.indices.contains(district) ? text(fields[district]).trimmingCharacters(in: .whitespaces) : ""
                guard let pc, Self.isDistrict(code) else {
                    skippedHere += 1
                    if firstHere == nil {
                        let shown = fields.indices.contains(postcode) ? text(fields[postcode]) : ""
                        firstHere = "row \(row): postcode \"\(shown)\", district \"\(code)\""
                    }
                    continue
                }
                found[pc] = code
                // A blank LSOA (a postcode with no fixed place) leaves the person's LSOA blank: the district still counts.
                if let lsoa, fields.indices.contains(lsoa) {
                    let l = text(fields[lsoa]).trimmingCharacters(in: .whitespaces)
                    if Area.level(ofCode: l) == .lsoa { foundLSOAs[pc] = l }
                }
            }
        }
    }

    /// An English district or unitary authority's code, or a Welsh, Scottish or Northern Irish council's: a young
    /// person living over the border has a real district, outside the partnership, which the framework counts as
    /// outside it.
    static func isDistrict(_ code: String) -> Bool {
        if let level = Area.level(ofCode: code) { return level == .district || level == .unitary }
        let u = Array(code.utf8)
        return u.count == 9 && u[3...].allSatisfy { $0 &- 48 < 10 } && ["W06", "S12", "N09"].contains(String(code.prefix(3)))
    }

    /// The postcode areas `dots prepare` places postcodes with: each full postcode's district from the directory,
    /// and, for a postcode it does not hold, the outward code's from `base`.
    public func areas(over base: [String: String] = PostcodeDistricts.referenceAreas) -> [String: String] {
        var out = districts
        for (outward, area) in base where out[outward] == nil { out[outward] = area }
        return out
    }
}
