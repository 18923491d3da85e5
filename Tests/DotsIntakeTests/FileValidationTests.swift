import DotsCore
import DotsIntake
import Foundation
import Testing

@Suite("Whole-file problems")
struct FileValidationTests {
    let schema = Dataset.missingEpisodes.schema

    func codes(_ r: IntakeReport) -> [IssueCode] { r.issues.map(\.code) }

    @Test("A missing column and an extra column are both named")
    func missingAndExtraColumns() {
        let header = schema.fieldNames.filter { $0 != "found_area" } + ["notes"]
        let row = Fixture.row(schema).enumerated().filter { schema.fieldNames[$0.offset] != "found_area" }.map(\.element) + ["x"]
        let r = Fixture.validate(schema, Fixture.csv(schema, rows: [row], header: header))
        #expect(codes(r).sorted { $0.rawValue < $1.rawValue } == [.extraColumn, .missingColumn])
        #expect(r.issues.first { $0.code == .missingColumn }?.column == "found_area")
        #expect(r.issues.first { $0.code == .extraColumn }?.column == "notes")
        #expect(r.issues.allSatisfy { $0.row == 1 })
    }

    @Test("Header names forgive case and surrounding spaces")
    func headerCase() {
        let header = schema.fieldNames.map { " " + $0.uppercased() }
        #expect(Fixture.validate(schema, Fixture.csv(schema, rows: [Fixture.row(schema)], header: header)).isValid)
    }

    @Test("A semicolon-separated file is named as the wrong delimiter")
    func wrongDelimiter() {
        let bytes = Array((schema.fieldNames.joined(separator: ";") + "\n" + Fixture.row(schema).joined(separator: ";") + "\n").utf8)
        let r = Fixture.validate(schema, bytes)
        #expect(codes(r) == [.wrongDelimiter])
    }

    @Test("A file saved as Windows-1252 is refused with the row it goes wrong on")
    func notUTF8() {
        var bytes = Fixture.csv(schema, rows: [Fixture.row(schema)])
        bytes.append(contentsOf: Array("E2,P1,2025-06-14 21:30,,M,home,,,,,\n".utf8))
        bytes.insert(0xE9, at: bytes.count - 3)
        let r = Fixture.validate(schema, bytes)
        #expect(codes(r) == [.encodingError])
        #expect(r.issues[0].row == 3)
    }

    @Test("An empty file, and a file of only a header")
    func emptyFiles() {
        #expect(codes(Fixture.validate(schema, [])) == [.emptyFile])
        let headerOnly = Fixture.validate(schema, Fixture.csv(schema, rows: []))
        #expect(headerOnly.isValid && headerOnly.rows == 0)
    }

    @Test("Duplicate keys are reported on the later row")
    func duplicateKeys() {
        let r = Fixture.validate(schema, Fixture.csv(schema, rows: [Fixture.row(schema), Fixture.row(schema), Fixture.row(schema, ["episode_id": "Z"])]))
        // (Rows 3 and 4 also repeat row 2 in all but their ids: warnings.)
        let errors = r.issues.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.duplicateKey])
        #expect(errors[0].row == 3)
    }

    @Test("Rows are numbered as a spreadsheet shows them, even after a value with a line break")
    func rowNumbersWithEmbeddedNewline() {
        let text =
            schema.fieldNames.joined(separator: ",") + "\n"
            + "E1,P1,2025-06-14 21:30,,M,home,,,,,\n"
            + "\"E\n2\",P1,2025-06-14 21:30,,M,home,,,,,\n"
            + "E3,P1,not a date,,M,home,,,,,\n"
        let r = Fixture.validate(schema, Array(text.utf8))
        let bad = r.issues.first { $0.code == .typeError }
        #expect(bad?.row == 4)
        #expect(bad?.column == "start_datetime")
        #expect(bad?.value == "not a date")
    }

    @Test("Every problem is reported, not just the first")
    func everyProblem() {
        let rows = (1...30).map { Fixture.row(schema, ["episode_id": "E\($0)", "missing_type": $0 % 3 == 0 ? "Q" : "M"]) }
        let r = Fixture.validate(schema, Fixture.csv(schema, rows: rows))
        #expect(r.errorCount == 10)
        // (The rows differ only in their ids, so each also draws a repeated-row warning.)
        #expect(r.issues.filter { $0.severity == .error }.map(\.row) == stride(from: 4, through: 31, by: 3).map { Optional($0) })
    }

    @Test("A row with too few values is reported and the rest still checked")
    func rowWidth() {
        var bytes = Fixture.csv(schema, rows: [Fixture.row(schema)])
        bytes +=
            Array("E2,P1\n".utf8)
            + Fixture.csv(schema, rows: [Fixture.row(schema, ["episode_id": "E3", "missing_type": "Q"])]).split(separator: 10, maxSplits: 1)[1]
        let r = Fixture.validate(schema, bytes)
        #expect(codes(r) == [.rowWidth, .codeError])
        #expect(r.issues.map(\.row) == [3, 4])
    }

    @Test("Blank trailing lines and CRLF endings are accepted")
    func trailingBlankLines() {
        let text = schema.fieldNames.joined(separator: ",") + "\r\n" + Fixture.row(schema).joined(separator: ",") + "\r\n\r\n\r\n"
        let r = Fixture.validate(schema, Array(text.utf8))
        #expect(r.isValid)
        #expect(r.rows == 1)
    }

    @Test("Events outside the submission's period are named")
    func outsidePeriod() {
        var ctx = Fixture.context
        ctx.period = Period(parsing: "2025-26")
        let rows = [
            Fixture.row(schema),
            Fixture.row(
                schema,
                [
                    "episode_id": "E2", "start_datetime": "2025-03-31 23:30", "end_datetime": "2025-03-31 23:50", "rhi_offered_datetime": "",
                    "rhi_accepted_datetime": "",
                    "rhi_completed_datetime": "",
                ]),
        ]
        let r = Fixture.validate(schema, Fixture.csv(schema, rows: rows), context: ctx)
        #expect(codes(r) == [.outsidePeriod])
        #expect(r.issues[0].row == 3)
        // 23:30 on 31 March is in GMT, so it is still 31 March in the UK: outside 2025-26 (and it ended that night; an
        // episode still open on 1 April would belong to 2025-26 as well).
    }

    @Test("A late-evening BST time is placed on its UK date, not its UTC date")
    func bstPlacesOnUKDate() {
        var ctx = Fixture.context
        ctx.period = Period(parsing: "2025-04")
        // 00:30 BST on 1 April is 23:30 UTC on 31 March, but the child went missing on 1 April.
        let row = Fixture.row(
            schema,
            ["start_datetime": "2025-04-01 00:30", "end_datetime": "", "rhi_offered_datetime": "", "rhi_accepted_datetime": "", "rhi_completed_datetime": ""])
        #expect(Fixture.validate(schema, Fixture.csv(schema, rows: [row]), context: ctx).isValid)
    }

    @Test("Events about a person the agency does not list are named")
    func unknownPerson() {
        var ctx = Fixture.context
        ctx.knownPersons = ["P000123"]
        let r = Fixture.validate(
            schema, Fixture.csv(schema, rows: [Fixture.row(schema), Fixture.row(schema, ["episode_id": "E2", "person_id": "P999"])]), context: ctx)
        #expect(codes(r) == [.unknownPerson])
        #expect(r.issues[0].value == "P999")
    }

    @Test("The hub refuses clear identifier columns and says to run dots prepare")
    func clearIdentifiers() {
        let raw = PeopleSchema.extract
        let r = Fixture.validate(Dataset.people.schema, Fixture.csv(raw, rows: [Fixture.row(raw)]))
        #expect(codes(r) == [.clearIdentifier])
        #expect(r.issues[0].column?.contains("nhs_number") == true)
        #expect(r.summary().contains("dots prepare"))
        #expect(!r.summary().contains("Jayden"))
    }

    @Test("Agency-side reports never echo identifier values")
    func noIdentifierEcho() {
        let raw = PeopleSchema.extract
        var ctx = Fixture.context
        ctx.refuseClearIdentifiers = false
        let r = Fixture.validate(raw, Fixture.csv(raw, rows: [Fixture.row(raw, ["first_name": String(repeating: "x", count: 101)])]), context: ctx)
        #expect(codes(r) == [.tooLong])
        #expect(r.issues[0].value == nil)
    }

    @Test("The JSON report carries every field, including the fix")
    func jsonReport() throws {
        let r = Fixture.validate(schema, Fixture.csv(schema, rows: [Fixture.row(schema, ["missing_type": "Q"])]))
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(r)) as? [String: Any]
        let issue = try #require((json?["issues"] as? [[String: Any]])?.first)
        #expect(issue["code"] as? String == "code-error")
        #expect(issue["row"] as? Int == 2)
        #expect(issue["column"] as? String == "missing_type")
        #expect(issue["value"] as? String == "Q")
        #expect((issue["fix"] as? String)?.isEmpty == false)
        #expect((issue["rule"] as? String)?.contains("M, A") == true)
    }
}
