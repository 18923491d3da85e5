import DotsCore
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An Excel workbook (xlsx) read as text: its sheet names, and any sheet's rows as the values a person sees, so that
/// an agency's own workbook (Ofsted's Annex A lists, a case-management export) can be mapped like a CSV. Dates
/// (numbers in a date format) are written `YYYY-MM-DD` (with ` HH:MM` when they carry a time); shared, inline and
/// formula text as it reads; numbers as stored, whole numbers without a decimal point. Nothing is evaluated: a
/// formula's cached result is what is read.
public struct Workbook: Sendable {
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The most a workbook may unpack to (its XML parts together).
    public static let unpackedLimit = 512 << 20

    /// Sheets in the workbook's order.
    public let sheetNames: [String]
    let sheetPaths: [String: String]
    let sharedStrings: [String]
    /// For each cell style (the `s` attribute), whether it formats a number as a date, and with a time.
    let dateStyles: [Int: Bool]
    let date1904: Bool
    let parts: [String: Data]

    /// - Parameter unpackedLimit: the most its XML parts may unpack to together (a zip can claim small and unpack huge).
    public init(bytes: [UInt8], unpackedLimit: Int = Workbook.unpackedLimit) throws {
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw ReadError(description: "the file is not an Excel workbook (xlsx) that can be opened: \(error)")
        }
        var parts: [String: Data] = [:]
        // The bytes actually unpacked are counted and capped, whatever the zip's directory claims.
        var unpacked = 0
        let limit = unpackedLimit
        for entry in archive where entry.type == .file && (entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels")) {
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    unpacked += chunk.count
                    guard unpacked <= limit else { throw ReadError(description: "the workbook unpacks to more than \(limit) bytes") }
                    data.append(chunk)
                }
            } catch let e as ReadError { throw e } catch {
                throw ReadError(description: "the workbook's part \(entry.path) cannot be unpacked: \(error)")
            }
            parts[entry.path] = data
        }
        guard let workbook = parts["xl/workbook.xml"] else { throw ReadError(description: "the file has no xl/workbook.xml: it is not an xlsx workbook") }
        let book = XMLElements(workbook, collecting: ["sheet", "workbookPr"])
        if let failure = book.failure { throw ReadError(description: "the workbook's xl/workbook.xml: \(failure)") }
        let rels = XMLElements(parts["xl/_rels/workbook.xml.rels"] ?? Data(), collecting: ["Relationship"])
        var targets: [String: String] = [:]
        for r in rels.elements {
            guard let id = r.attributes["Id"], let target = r.attributes["Target"] else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        var names: [String] = [], paths: [String: String] = [:]
        for s in book.elements where s.name == "sheet" {
            guard let name = s.attributes["name"], let id = s.attributes["r:id"], let path = targets[id] else { continue }
            names.append(name)
            paths[name] = path
        }
        sheetNames = names
        sheetPaths = paths
        date1904 = book.elements.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        sharedStrings = parts["xl/sharedStrings.xml"].map { SharedStrings($0).strings } ?? []
        dateStyles = parts["xl/styles.xml"].map { Styles($0).dateStyles } ?? [:]
        self.parts = parts
    }

    /// The rows of a sheet, each as wide as its last value, blank rows left out.
    public func rows(sheet name: String) throws -> [[String]] {
        guard let path = sheetPaths[name], let data = parts[path] else {
            throw ReadError(description: "the workbook has no sheet \"\(Excerpt.of(name))\"; its sheets are \(sheetNames.joined(separator: ", "))")
        }
        let sheet = SheetCells(data)
        if let failure = sheet.failure { throw ReadError(description: "sheet \"\(Excerpt.of(name))\": \(failure)") }
        var out: [[String]] = []
        for row in sheet.rows {
            guard let width = row.keys.max().map({ $0 + 1 }) else { continue }
            var values = Array(repeating: "", count: width)
            for (column, cell) in row { values[column] = text(cell) }
            if values.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { out.append(values) }
        }
        return out
    }

    func text(_ cell: SheetCells.Cell) -> String {
        switch cell.type {
        case "s": return Int(cell.value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
        case "inlineStr", "str", "e": return cell.value
        case "b": return cell.value == "1" ? "TRUE" : "FALSE"
        default:
            guard let number = Double(cell.value) else { return cell.value }
            if let style = cell.style, let withTime = dateStyles[style] { return Self.date(serial: number, date1904: date1904, withTime: withTime) }
            return number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : cell.value
        }
    }

    /// An Excel date serial as `YYYY-MM-DD[ HH:MM]`. In the 1900 system day 1 is 1 January 1900 and Excel counts a
    /// 29 February 1900 that never was, so from 1 March 1900 (day 61) the day is 30 December 1899 plus the serial.
    static func date(serial: Double, date1904: Bool, withTime: Bool) -> String {
        let days = Int(serial.rounded(.down))
        let base = date1904 ? CalendarDate(year: 1904, month: 1, day: 1)! : CalendarDate(year: 1899, month: 12, day: days < 61 ? 31 : 30)!
        guard withTime else { return base.adding(days: days).description }
        // To the nearest minute; a time that rounds up to midnight is the next day.
        let minutes = Int(((serial - Double(days)) * 1440).rounded())
        let day = base.adding(days: days + minutes / 1440)
        return day.description + String(format: " %02d:%02d", minutes % 1440 / 60, minutes % 60)
    }
}

/// Elements of the given names, with their attributes, in document order.
/// Parses `data` with `delegate`; nil when it reads to the end, else what went wrong and on which line. (Each part's
/// delegate conforms itself: on Linux a subclass's methods would not be seen through a base class's conformance.)
func parseXML(_ data: Data, with delegate: any XMLParserDelegate) -> String? {
    // From a stream, which Foundation feeds to libxml2 in pieces: given the whole of a document over 10 MB at once
    // (a county's CIN census), libxml2 refuses it at the last line.
    let parser = XMLParser(stream: InputStream(data: data))
    parser.delegate = delegate
    // Foundation on Linux can return true with an error set: both are read.
    let finished = parser.parse()
    return finished && parser.parserError == nil ? nil : "its XML is not well formed (line \(parser.lineNumber))"
}

final class XMLElements: NSObject, XMLParserDelegate {
    private(set) var failure: String?
    struct Element {
        var name: String
        var attributes: [String: String]
    }
    private(set) var elements: [Element] = []
    private let wanted: Set<String>

    init(_ data: Data, collecting names: Set<String>) {
        wanted = names
        super.init()
        failure = parseXML(data, with: self)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if wanted.contains(name) { elements.append(Element(name: name, attributes: attributes)) }
    }
}

/// The shared string table: each `<si>`'s text runs joined (phonetic guides left out).
final class SharedStrings: NSObject, XMLParserDelegate {
    private(set) var failure: String?
    private(set) var strings: [String] = []
    private var current: String?, inText = false, phonetic = 0

    init(_ data: Data) {
        super.init()
        failure = parseXML(data, with: self)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current? += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// Which cell styles show numbers as dates: the built-in date formats (14 to 22, 45 to 47) and any custom format
/// with a day, month or year in it (outside quoted text and colours).
final class Styles: NSObject, XMLParserDelegate {
    private(set) var failure: String?
    private(set) var dateStyles: [Int: Bool] = [:]
    private var custom: [Int: String] = [:], inCellXfs = false, xf = 0

    init(_ data: Data) {
        super.init()
        failure = parseXML(data, with: self)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            if let id = attributes["numFmtId"].flatMap(Int.init), let time = Self.dateFormat(id, custom[id]) { dateStyles[xf] = time }
            xf += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }

    /// Nil when not a date; otherwise whether it shows a time too.
    static func dateFormat(_ id: Int, _ code: String?) -> Bool? {
        switch id {
        case 14...17: return false
        case 18...22, 45...47: return true
        default: break
        }
        guard let code else { return nil }
        // Drop quoted text, escaped characters and [colour]/[locale] sections before looking for date parts.
        var plain = "", quoted = false, bracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            default: if !quoted && !bracket { plain.append(c) }
            }
        }
        guard plain.contains("d") || plain.contains("y") || (plain.contains("m") && !plain.contains("0")) else { return nil }
        return plain.contains("h") || plain.contains("s")
    }
}

/// A worksheet's cells by row and column (0-based), with their type, style and value.
final class SheetCells: NSObject, XMLParserDelegate {
    private(set) var failure: String?
    struct Cell {
        var type: String
        var style: Int?
        var value: String
    }
    private(set) var rows: [[Int: Cell]] = []
    private var row: [Int: Cell]?, cell: (column: Int, cell: Cell)?, collecting = false, nextColumn = 0

    init(_ data: Data) {
        super.init()
        failure = parseXML(data, with: self)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "row":
            row = [:]
            nextColumn = 0
        case "c":
            let column = attributes["r"].map(Self.column) ?? nextColumn
            cell = (column, Cell(type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init), value: ""))
            nextColumn = column + 1
        case "v", "t": collecting = cell != nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { cell?.cell.value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": collecting = false
        case "c":
            if let cell { row?[cell.column] = cell.cell }
            cell = nil
        case "row":
            if let row { rows.append(row) }
            row = nil
        default: break
        }
    }

    /// "C12" → 2: the letters of a cell reference as a 0-based column.
    static func column(_ reference: String) -> Int {
        var n = 0
        for c in reference.uppercased() {
            guard let a = c.asciiValue, a >= 65, a <= 90 else { break }
            n = n * 26 + Int(a - 64)
        }
        return n - 1
    }
}
