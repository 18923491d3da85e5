import DotsCore
import DotsIntake
import Foundation
import Testing
import ZIPFoundation

@testable import DotsPrepare

@Suite("Workbooks (xlsx) read as text, and mapped like a CSV")
struct WorkbookTests {
    /// liiatools 0.2.0's public fake Annex A workbook (MIT; Tests/Fixtures/public/liiatools-0.2.0/PROVENANCE.md).
    static let annexA = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/public/liiatools-0.2.0/Annex_A.xlsx")

    @Test("Ofsted's Annex A sample: its eleven lists, and List 1's rows as a person reads them")
    func annexA() throws {
        let book = try Workbook(bytes: [UInt8](try Data(contentsOf: Self.annexA)))
        #expect(book.sheetNames == (1...11).map { "List \($0)" })
        let rows = try book.rows(sheet: "List 1")
        #expect(rows.count == 6)
        #expect(rows[0] == ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Contact", "Contact Source"])
        // Read from the sheet's XML by hand: A2 is the number 9212044; B2 and C2 shared strings 7 and 8; D2 is 42029
        // in style 2 (format 14, a date): 30 December 1899 + 42029 days = 25 January 2015; F2 is 44090 in a
        // date style: 16 September 2020; E2 a plain number, as stored.
        #expect(rows[1] == ["9212044", "Female", "a) WBRI", "2015-01-25", "6.1382614647501708", "2020-09-16", "q) 6: Police"])
        // A blank date of birth stays blank.
        #expect(rows[2][0] == "11973218" && rows[2][3] == "")
        #expect(throws: Workbook.ReadError.self) { try book.rows(sheet: "List 12") }
        #expect(throws: Workbook.ReadError.self) { try Workbook(bytes: Array("not a workbook".utf8)) }
    }

    @Test("Excel's day numbers: its phantom 29 February 1900, the 1904 system, times to the minute")
    func dates() {
        #expect(Workbook.date(serial: 1, date1904: false, withTime: false) == "1900-01-01")
        #expect(Workbook.date(serial: 59, date1904: false, withTime: false) == "1900-02-28")
        #expect(Workbook.date(serial: 61, date1904: false, withTime: false) == "1900-03-01")
        #expect(Workbook.date(serial: 42029, date1904: false, withTime: false) == "2015-01-25")
        #expect(Workbook.date(serial: 0, date1904: true, withTime: false) == "1904-01-01")
        // 2024-02-29 (a leap day): 45351; six in the evening is 0.75 of a day.
        #expect(Workbook.date(serial: 45351.75, date1904: false, withTime: true) == "2024-02-29 18:00")
        // A time a hair before midnight rounds to the next day's 00:00.
        #expect(Workbook.date(serial: 45351.99999, date1904: false, withTime: true) == "2024-03-01 00:00")
        #expect(Styles.dateFormat(14, nil) == false && Styles.dateFormat(22, nil) == true)
        #expect(Styles.dateFormat(164, "dd/mm/yyyy;@") == false)
        #expect(Styles.dateFormat(165, "dd/mm/yyyy hh:mm") == true)
        #expect(Styles.dateFormat(166, "0.00") == nil && Styles.dateFormat(167, "[Red]#,##0") == nil && Styles.dateFormat(168, "\"days\" 0") == nil)
        #expect(SheetCells.column("A1") == 0 && SheetCells.column("Z9") == 25 && SheetCells.column("AB12") == 27)
    }

    @Test("A mapping reads a workbook's sheet: title rows skipped, list letters dropped, dates as dates; prepared like any extract")
    func mappedWorkbook() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-xlsx-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.annexA.path, toPath: dir + "/in/annex_a.xlsx")
        let json = #"""
            {"datasets": {"people": {"file": "annex_a.xlsx", "sheet": "List 1", "listPrefixes": true,
              "columns": {"person_id": "child unique id", "sex": "GENDER", "ethnicity": "Ethnicity", "date_of_birth": "Date of Birth"},
              "values": {"sex": {"Female": "F", "Male": "M", "Not stated/recorded": "U"}}}}}
            """#
        try json.write(toFile: dir + "/mapping.json", atomically: true, encoding: .utf8)
        let mapping = try ExtractMapping.load(dir + "/mapping.json")
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: PrepareTests.keyHex), clock: FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!))
            .run(input: dir + "/in", output: dir + "/out", agency: "stoke-csc", period: nil, mapping: mapping)
        #expect(result.report.issues.filter { $0.severity == .error }.isEmpty, "\(result.report.summary())")
        let people = try String(contentsOfFile: dir + "/out/people.csv", encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = people[0]
        func value(_ id: String, _ column: String) -> String? { people.first { $0.first == id }.map { $0[header.firstIndex(of: column)!] } }
        #expect(people.count == 6)
        // "Female" and "b) Female" alike; "a) WBRI" as WBRI; born 25 January 2015, so January 2015.
        #expect(value("9212044", "sex") == "F" && value("11973218", "sex") == "F" && value("6217392", "sex") == "M")
        #expect(value("9212044", "ethnicity") == "WBRI" && value("11973218", "ethnicity") == "APKN" && value("6217392", "ethnicity") == "NOBT")
        #expect(value("9212044", "birth_year_month") == "2015-01" && value("6217392", "birth_year_month") == "2009-08")
        // A sheet that is not there, or columns no row names, say so.
        var wrong = mapping
        wrong.datasets["people"]?.sheet = "List 99"
        #expect(throws: ExtractMapping.MappingError.self) { try wrong.apply(folder: dir + "/in", agency: nil, period: nil) }
        wrong.datasets["people"]?.sheet = "List 1"
        wrong.datasets["people"]?.columns["person_id"] = "Pupil number"
        do {
            _ = try wrong.apply(folder: dir + "/in", agency: nil, period: nil)
            Issue.record("List 1 has no Pupil number column")
        } catch let e as ExtractMapping.MappingError {
            #expect(e.description.contains("no row in its first 20 names every mapped column"), "\(e)")
            #expect(e.description.contains("its first row has Child Unique ID, Gender"), "\(e)")
        }
        #expect(ExtractMapping.droppingListLetter("q) 6: Police") == "6: Police" && ExtractMapping.droppingListLetter("aa) X") == "X")
        #expect(ExtractMapping.droppingListLetter("Female") == "Female" && ExtractMapping.droppingListLetter("abc) X") == "abc) X")
    }

    /// A small workbook written here: a title row and a blank row above the header, inline and formula text, a
    /// custom date-time format, a boolean, and a cell left out (B4).
    static func builtWorkbook() throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add(
            "xl/workbook.xml",
            "<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rel)\"><workbookPr/><sheets><sheet name=\"Contacts\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        try add(
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
        )
        try add("xl/sharedStrings.xml", "<sst xmlns=\"\(ns)\"><si><t>Contacts, 2025-26</t></si><si><r><t>Child </t></r><r><t>ID</t></r></si></sst>")
        try add(
            "xl/styles.xml",
            "<styleSheet xmlns=\"\(ns)\"><numFmts><numFmt numFmtId=\"170\" formatCode=\"dd/mm/yyyy hh:mm\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"170\"/></cellXfs></styleSheet>"
        )
        try add(
            "xl/worksheets/sheet1.xml",
            """
            <worksheet xmlns="\(ns)"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="inlineStr"><is><t>Contacted</t></is></c><c r="C3" t="inlineStr"><is><t>Seen</t></is></c></row>
            <row r="4"><c r="A4" t="str"><f>"C"&amp;1</f><v>C1</v></c><c r="C4" t="b"><v>1</v></c></row>
            <row r="5"><c r="A5"><v>77</v></c><c r="B5" s="1"><v>45351.75</v></c><c r="C5" t="b"><v>0</v></c></row>
            </sheetData></worksheet>
            """)
        return [UInt8](archive.data!)
    }

    @Test("A workbook's rows: blank rows left out, rich text joined, formula results read, a missing cell blank, a custom date-time format")
    func builtRows() throws {
        let book = try Workbook(bytes: try Self.builtWorkbook())
        #expect(book.sheetNames == ["Contacts"])
        #expect(
            try book.rows(sheet: "Contacts") == [
                ["Contacts, 2025-26"], ["Child ID", "Contacted", "Seen"], ["C1", "", "TRUE"], ["77", "2024-02-29 18:00", "FALSE"],
            ])
    }

    @Test("A sheet whose XML is broken is refused with the line, not read in part")
    func malformedSheet() throws {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add("xl/workbook.xml", "<workbook xmlns:r=\"\(rel)\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>")
        try add("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
        let good = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ok</t></is></c></row>"
        try add("xl/worksheets/sheet1.xml", "<worksheet><sheetData>\n\(good)\n<row r=\"2\"><c></row></sheetData></worksheet>")
        let book = try Workbook(bytes: [UInt8](archive.data!))
        do {
            _ = try book.rows(sheet: "S")
            Issue.record("a truncated sheet was read")
        } catch let e as Workbook.ReadError {
            #expect(e.description.contains("sheet \"S\": its XML is not well formed (line 3)"), "\(e)")
        }
    }

    @Test("A workbook that unpacks past the cap is refused while unpacking, not after")
    func unpackCap() throws {
        let bytes = try Self.builtWorkbook()
        #expect(throws: Workbook.ReadError.self) { try Workbook(bytes: bytes, unpackedLimit: 500) }
        #expect(try Workbook(bytes: bytes, unpackedLimit: 100_000).sheetNames == ["Contacts"])
        #expect(Workbook.unpackedLimit == 512 << 20)
    }

    @Test("The header is found below a title row, whatever its case and spacing")
    func titleRows() throws {
        let m = ExtractMapping.DatasetMapping(
            file: "contacts.xlsx", columns: ["person_id": "child  id"], values: nil, dateFormat: nil, sheet: nil, listPrefixes: nil)
        let csv = String(decoding: try ExtractMapping.sheetAsCSV(try Self.builtWorkbook(), mapping: m, dataset: "people"), as: UTF8.self)
        #expect(csv == "child  id,Contacted,Seen\nC1,,TRUE\n77,2024-02-29 18:00,FALSE\n")
    }
}
