import DotsCore
import DotsIntake
import Foundation
import Testing

@Suite("Returns and workbooks Dots does not read are named as what they are")
struct ReturnFormatTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("Each is recognised from its content; Dots' own CSVs are not")
    func recognises() {
        // An xlsx (a zip) and an xls (an OLE compound file), by their first bytes.
        #expect(ReturnFormat.recognise(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) == .workbook)
        #expect(ReturnFormat.recognise(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]) == .workbook)
        // The CIN census and SSDA903 XML name their collection in the header.
        let cin = "\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>"
        #expect(ReturnFormat.recognise(bytes: Self.bytes(cin)) == .cinCensusXML)
        let ssda903 = "<?xml version=\"1.0\"?><Message><Header><CollectionDetails><Collection>SSDA903</Collection>"
        #expect(ReturnFormat.recognise(bytes: Self.bytes(ssda903)) == .ssda903XML)
        #expect(ReturnFormat.recognise(bytes: Self.bytes("<html><body>")) == .otherXML)
        // The SSDA903 CSV tables by their DfE column names.
        #expect(ReturnFormat.recognise(bytes: Self.bytes("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n")) == .ssda903CSV(table: "Header"))
        #expect(
            ReturnFormat.recognise(bytes: Self.bytes("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"))
                == .ssda903CSV(table: "Episodes"))
        #expect(ReturnFormat.recognise(bytes: Self.bytes("CHILD,DOB,MISSING,MIS_START,MIS_END\n")) == .ssda903CSV(table: "Missing"))
        // data.police.uk's downloads.
        #expect(
            ReturnFormat.recognise(
                bytes: Self.bytes(
                    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"))
                == .policeStreetCrimeCSV)
        #expect(
            ReturnFormat.recognise(
                bytes: Self.bytes("Type,Date,Part of a policing operation,Latitude,Longitude,Gender,Age range,Legislation,Object of search,Outcome\n"))
                == .policeStopAndSearchCSV)
        // Dots' own datasets, and an empty file, are left to intake's own checks.
        for ds in Dataset.allCases {
            #expect(ReturnFormat.recognise(bytes: Self.bytes(ds.schema.fieldNames.joined(separator: ",") + "\n")) == nil, "\(ds.rawValue)")
        }
        #expect(ReturnFormat.recognise(bytes: []) == nil)
    }

    @Test("Intake names a return beside a good file, and never reads a workbook as CSV, whatever it is called")
    func intakeSaysWhatItIs() {
        let schema = Dataset.people.schema
        let people = Fixture.csv(schema, rows: [Fixture.row(schema)])
        let cin = Self.bytes("<?xml version=\"1.0\"?><Message><Header><CollectionDetails><Collection>CIN</Collection>")
        let workbook: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xFF, 0xFE]
        let files = [
            SubmissionFile(name: "people.csv", dataset: .people, bytes: people, checksum: "", declaredHash: nil),
            SubmissionFile(name: "cin_census_2025.xml", dataset: nil, bytes: cin, checksum: "", declaredHash: nil),
            // Named like a dataset, but a workbook: the name must not make intake read it as CSV.
            SubmissionFile(name: "missing_episodes.xlsx", dataset: .missingEpisodes, bytes: workbook, checksum: "", declaredHash: nil),
        ]
        let source = SubmissionSource(agency: "staffs-csc", period: nil, keyID: nil, files: files, label: "upload")
        let report = SubmissionValidator(model: ReferencePartnership.model, context: Fixture.context).validate(source)
        let cinIssue = report.issues.first { $0.file == "cin_census_2025.xml" }
        #expect(cinIssue?.code == .unknownDataset)
        // The hub takes prepared packages: the return is read at the local authority, by dots prepare.
        #expect(cinIssue?.rule.hasPrefix("this is the children in need (CIN) census return (XML), which the hub does not take as it is") == true)
        #expect(cinIssue?.rule.contains("prepare it at the local authority with `dots prepare`") == true)
        let book = report.issues.filter { $0.file == "missing_episodes.xlsx" }
        #expect(book.map(\.code) == [.unknownDataset], "\(book.map(\.rule))")
        #expect(book.first?.rule.contains("an Excel workbook (such as Ofsted's Annex A lists)") == true)
        // The good file is still checked, and nothing echoes a workbook's bytes.
        #expect(report.files.contains { $0.file == "people.csv" })
        #expect(!report.issues.contains { $0.code == .encodingError })
        // Police open data too is counted at the force, never taken with its points.
        let stops = SubmissionFile(
            name: "stops.csv", dataset: nil, bytes: Self.bytes("Type,Date,Latitude,Longitude,Age range,Object of search,Outcome\n"), checksum: "",
            declaredHash: nil)
        let police = SubmissionValidator(model: ReferencePartnership.model, context: Fixture.context).validate(
            SubmissionSource(agency: "staffs-police", period: nil, keyID: nil, files: [stops], label: "upload"))
        #expect(police.issues.first?.rule.contains("prepare it at the force with `dots prepare`") == true, "\(police.issues.map(\.rule))")
        #expect(IssueCode.unknownDataset.fix.contains("dots prepare --mapping") && IssueCode.unknownDataset.fix.contains("dots ingest --dataset"))
    }

    /// Public fake returns from liiatools 0.2.0 (MIT; Tests/Fixtures/public/liiatools-0.2.0/PROVENANCE.md).
    static let liiatools = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/public/liiatools-0.2.0")

    @Test("On public fake returns Dots did not write (liiatools): each is recognised, and intake names each in a folder")
    func publicSamples() throws {
        func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: Self.liiatools.appendingPathComponent(name))) }
        #expect(ReturnFormat.recognise(bytes: try bytes("cin-2022.xml")) == .cinCensusXML)
        #expect(ReturnFormat.recognise(bytes: try bytes("SSDA903_2020_episodes.csv")) == .ssda903CSV(table: "Episodes"))
        #expect(ReturnFormat.recognise(bytes: try bytes("Annex_A.xlsx")) == .workbook)
        // The folder as an agency might hand it over: every file named as what it is, none read as CSV.
        let source = try SubmissionSource.load(path: Self.liiatools.path, agency: "stoke-csc")
        let report = SubmissionValidator(model: ReferencePartnership.model, context: Fixture.context).validate(source)
        let named = Dictionary(report.issues.filter { $0.code == .unknownDataset }.map { ($0.file, $0.rule) }, uniquingKeysWith: { a, _ in a })
        #expect(named["cin-2022.xml"]?.hasPrefix("this is the children in need (CIN) census return (XML)") == true)
        #expect(named["SSDA903_2020_episodes.csv"]?.hasPrefix("this is the Episodes table of the SSDA903 looked-after children return (CSV)") == true)
        #expect(named["Annex_A.xlsx"]?.hasPrefix("this is an Excel workbook (such as Ofsted's Annex A lists)") == true)
        #expect(!report.issues.contains { $0.code == .encodingError || $0.code == .wrongDelimiter })
    }
}
