import Foundation

/// Files agencies already make that are not Dots CSVs: the statutory returns (CIN census and SSDA903 XML, SSDA903
/// CSV tables), police open data, and spreadsheets such as Ofsted's Annex A workbook. Recognised from their
/// content, so that intake can say plainly what a file is and that Dots does not read it yet, instead of reading a
/// workbook as CSV and echoing its bytes or calling it "not UTF-8".
public enum ReturnFormat: Sendable, Equatable {
    case cinCensusXML
    case ssda903XML
    /// One table of the SSDA903 return as CSV (Header, Episodes, Missing, …), named as the DfE names it.
    case ssda903CSV(table: String)
    case policeStreetCrimeCSV
    case policeStopAndSearchCSV
    /// An Excel workbook (xlsx, or the older xls), such as Ofsted's Annex A lists.
    case workbook
    /// XML that is none of the above.
    case otherXML

    /// What the file is, in words.
    public var name: String {
        switch self {
        case .cinCensusXML: "the children in need (CIN) census return (XML)"
        case .ssda903XML: "the SSDA903 looked-after children return (XML)"
        case .ssda903CSV(let table): "the \(table) table of the SSDA903 looked-after children return (CSV)"
        case .policeStreetCrimeCSV: "data.police.uk street-level crime (CSV)"
        case .policeStopAndSearchCSV: "data.police.uk stop and search (CSV)"
        case .workbook: "an Excel workbook (such as Ofsted's Annex A lists)"
        case .otherXML: "an XML file"
        }
    }

    /// Recognises a file by its first bytes and, for CSV, its header. Nil for anything else (Dots' own CSVs
    /// included).
    public static func recognise(bytes: [UInt8]) -> ReturnFormat? {
        // xlsx is a zip; xls an OLE compound file.
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .workbook }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .workbook }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let trimmed = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if trimmed.hasPrefix("<") {
            if head.uppercased().contains("SSDA903") { return .ssda903XML }
            if head.contains("<Collection>CIN") || head.contains("CINdetails") || head.contains("CBDSLevels") { return .cinCensusXML }
            return .otherXML
        }
        let firstLine = trimmed.prefix { $0 != "\n" && $0 != "\r" }
        let header = Set(firstLine.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""]).uppercased() })
        if header.isSuperset(of: ["CRIME ID", "MONTH", "LSOA CODE", "CRIME TYPE"]) { return .policeStreetCrimeCSV }
        if header.isSuperset(of: ["TYPE", "DATE", "OBJECT OF SEARCH", "OUTCOME"]) { return .policeStopAndSearchCSV }
        // The SSDA903 tables (DfE guidance): every one has CHILD; each has columns no other has.
        guard header.contains("CHILD") else { return nil }
        let tables: [(String, Set<String>)] = [
            ("Episodes", ["DECOM", "RNE", "LS", "PLACE"]), ("Header", ["SEX", "DOB", "ETHNIC"]), ("Missing", ["MISSING", "MIS_START"]),
            ("Reviews", ["REVIEW", "REVIEW_CODE"]), ("UASC", ["DUC"]), ("OC2", ["CONVICTED", "HEALTH_CHECK"]),
            ("OC3", ["IN_TOUCH", "ACTIV", "ACCOM"]), ("Adoption", ["DATE_INT", "DATE_MATCH"]), ("Previous permanence", ["PREV_PERM"]),
            ("Placed for adoption", ["DATE_PLACED", "DATE_PLACED_CEASED"]),
        ]
        return tables.first { header.isSuperset(of: $0.1) }.map { .ssda903CSV(table: $0.0) }
    }

    /// Workbooks and XML cannot be read as CSV at all, whatever the file is called.
    public var isCSV: Bool {
        switch self {
        case .ssda903CSV, .policeStreetCrimeCSV, .policeStopAndSearchCSV: true
        default: false
        }
    }

    /// The problem to report for a file of this format.
    public var rule: String {
        if self == .workbook {
            return
                "this is \(name), which intake does not read directly: save the sheet as CSV, or prepare it at the agency with `dots prepare --mapping`, naming the sheet (docs/intake.md)"
        }
        if self == .cinCensusXML || self == .ssda903XML || { if case .ssda903CSV = self { true } else { false } }() {
            return
                "this is \(name), which the hub does not take as it is: prepare it at the local authority with `dots prepare`, which reads the CIN census XML and the SSDA903 (CSV tables or XML) into Dots' datasets and pseudonymises them (docs/returns.md)"
        }
        if self == .policeStreetCrimeCSV || self == .policeStopAndSearchCSV {
            return
                "this is \(name), which the hub does not take as it is: prepare it at the force with `dots prepare`, which counts it by month and area and drops every point, time and description of a person (docs/returns.md)"
        }
        return
            "this is \(name), which Dots does not read yet. Dots reads CSV files of its own datasets (`dots schema show` lists them); an agency's own extract in CSV can be mapped to them with `dots prepare --mapping` (docs/intake.md)"
    }
}
