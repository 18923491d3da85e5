import DotsCore
import DotsIntake
import Testing

@Suite("Every dataset's good and bad rows")
struct DatasetValidationTests {
    @Test("Rows built from each schema's documented examples are valid", arguments: Dataset.allCases)
    func goodRows(dataset: Dataset) {
        let schema = dataset.schema
        let report = Fixture.validate(
            schema,
            Fixture.csv(
                schema,
                rows: [
                    Fixture.row(schema, [schema.primaryKey: "A1"]), Fixture.row(schema, [schema.primaryKey: "A2"]),
                ]))
        #expect(report.isValid, "\(report.summary())")
        #expect(report.rows == 2)
    }

    @Test("The agency-side people extract's examples are valid too")
    func goodExtract() {
        let schema = PeopleSchema.extract
        var ctx = Fixture.context
        ctx.refuseClearIdentifiers = false
        let report = Fixture.validate(schema, Fixture.csv(schema, rows: [Fixture.row(schema)]), context: ctx)
        #expect(report.isValid, "\(report.summary())")
    }

    /// (dataset, column, bad value, expected code)
    static let badCells: [(Dataset, String, String, IssueCode)] = [
        (.people, "person_id", "P 1", .formatError),
        (.people, "nhs_pseudonym", "abc", .formatError),
        (.people, "nhs_pseudonym", String(repeating: "G", count: 64), .formatError),
        (.people, "birth_year_month", "2009-13", .typeError),
        (.people, "birth_year_month", "2027-01", .dateInFuture),
        (.people, "sex", "Male", .codeError),
        (.people, "ethnicity", "WBR", .codeError),
        (.people, "home_area", "ST4 1AB", .formatError),
        (.people, "home_area", "E12000005", .formatError),
        (.people, "looked_after", "Yes", .codeError),
        (.people, "sex", "", .missingValue),
        (.ceScreenings, "screening_date", "31/03/2025", .typeError),
        (.ceScreenings, "screening_date", "2025-02-30", .typeError),
        (.ceScreenings, "screening_date", "2027-01-01", .dateInFuture),
        (.ceScreenings, "exploitation_types", "CCE;;CSE", .codeError),
        (.ceScreenings, "exploitation_types", "CCE;XYZ", .codeError),
        (.ceScreenings, "risk_level", "HIGH", .codeError),
        (.ceScreenings, "assessment_factors", "11B", .codeError),
        (.missingEpisodes, "start_datetime", "2025-06-14 25:00", .typeError),
        (.missingEpisodes, "end_datetime", "2025-06-13 08:00", .endBeforeStart),
        (.missingEpisodes, "missing_type", "X", .codeError),
        (.missingEpisodes, "rhi_offered_datetime", "2025-06-10 10:00", .endBeforeStart),
        (.policeIncidents, "role", "offender", .codeError),
        (.policeIncidents, "incident_datetime", "", .missingValue),
        (.nrmReferrals, "rg_date", "2025-01-19", .endBeforeStart),
        (.nrmReferrals, "rg_date", "", .missingValue),
        (.healthContacts, "reasons", "", .missingValue),
        (.educationEvents, "sessions_missed", "400", .inconsistentValues),
        (.educationEvents, "sessions_possible", "501", .rangeError),
        (.educationEvents, "sessions_possible", "3.5", .typeError),
        (.educationEvents, "school_urn", "1234567", .tooLong),
        (.youthJustice, "end_date", "2025-01-01", .endBeforeStart),
        (.maceDiscussions, "safety_plan", "y", .codeError),
        (.maceDiscussions, "disruption_activities", "CAWN", .codeError),
        (.ceScreenings, "screening_date", "1899-12-31", .rangeError),
    ]

    @Test("A bad cell is reported with its row, column, value and code", arguments: badCells)
    func badCell(dataset: Dataset, column: String, value: String, code: IssueCode) throws {
        let schema = dataset.schema
        var overrides = [schema.primaryKey: "A2"]
        overrides[column] = value
        let report = Fixture.validate(schema, Fixture.csv(schema, rows: [Fixture.row(schema, [schema.primaryKey: "A1"]), Fixture.row(schema, overrides)]))
        #expect(!report.isValid)
        let issue = try #require(report.issues.first { $0.code == code })
        #expect(issue.row == 3)
        #expect(issue.column == column)
        #expect(issue.file == "\(dataset.rawValue).csv")
        #expect(issue.value == (value.isEmpty ? nil : value) || code == .missingValue)
        #expect(report.issues.count == 1, "\(report.summary())")
    }
}
