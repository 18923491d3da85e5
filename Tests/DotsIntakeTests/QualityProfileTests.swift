import DotsCore
import DotsIntake
import Testing

@Suite("Data quality measured at intake")
struct QualityProfileTests {
    let schema = Dataset.youthJustice.schema
    // Received 24 Nov 2026. Hand-worked: 4 rows × 6 fields = 24 cells, 22 filled; 1 invalid code; row 3 repeats
    // O2 and ends before it starts; lags 23, 176, 54 and 14 days.
    var rows: [[String]] {
        [
            ["O1", "P1", "2026-11-01", "referral_order", "drugs", "2026-11-20"],
            ["O2", "P2", "2026-06-01", "referral_order", "drugs", ""],
            ["O2", "P3", "2026-10-01", "bogus", "drugs", "2026-09-01"],
            ["O4", "P4", "2026-11-10", "referral_order", "", "2026-11-30"],
        ]
    }

    func profile(_ context: ValidationContext = Fixture.context) throws -> QualityProfile {
        let report = Fixture.validate(schema, Fixture.csv(schema, rows: rows), context: context)
        return try #require(report.files.first?.quality)
    }

    @Test("Completeness, validity, consistency and uniqueness count every row")
    func dimensions() throws {
        let q = try profile()
        #expect(q.rows == 4)
        #expect(q.completeness == 22.0 / 24)
        #expect(q.validity == 21.0 / 22)
        #expect(q.consistency == 3.0 / 4)
        #expect(q.uniqueness == 3.0 / 4)
        #expect(q.fields.first { $0.name == "end_date" }?.inconsistent == 1)
        #expect(q.fields.first { $0.name == "outcome_type" }?.invalid == 1)
    }

    @Test("In data that is accepted, uniqueness and validity can still fall: an event entered twice, a code not used in its year")
    func measuresThatCanFall() throws {
        // Youth justice: O1 and O3 are the same outcome for P1 under two ids; O2 differs only in its date.
        let yj = Dataset.youthJustice.schema
        let report = Fixture.validate(
            yj,
            Fixture.csv(
                yj,
                rows: [
                    ["O1", "P1", "2026-11-01", "referral_order", "drugs", ""], ["O2", "P1", "2026-11-02", "referral_order", "drugs", ""],
                    ["O3", "P1", "2026-11-01", "referral_order", "drugs", ""],
                ]))
        #expect(report.isValid, "\(report.summary())")
        let repeated = report.issues.filter { $0.code == .repeatedRow }
        #expect(repeated.map(\.row) == [4] && repeated.first?.rule.contains("repeats row 2") == true && repeated.first?.severity == .warning)
        let q = try #require(report.files.first?.quality)
        #expect(q.repeatedRows == 1 && q.uniqueness == 2.0 / 3)
        // CIN assessments: 18A was replaced by 18B and 18C from 2020-21, and 24A began in 2021-22; factors are
        // identified at the end of an assessment, so its year is the authorisation's, else the start's. Two are not
        // in use in their year: 18A authorised June 2021; 24A in an assessment begun March 2021 (2020-21), still open.
        let cin = Dataset.cinAssessments.schema
        let assessments = Fixture.validate(
            cin,
            Fixture.csv(
                cin,
                rows: [
                    ["A1", "P1", "", "2021-06-01", "2021-06-30", "18A"], ["A2", "P2", "", "2020-01-10", "2020-02-01", "18A"],
                    ["A3", "P3", "", "2021-03-10", "", "24A"], ["A4", "P4", "", "2021-04-01", "", "24A;10A"],
                ]))
        #expect(assessments.isValid, "\(assessments.summary())")
        #expect(assessments.issues.filter { $0.code == .codeError }.map(\.row) == [2, 4])
        let factors = try #require(assessments.files.first?.quality?.fields.first { $0.name == "factors" })
        #expect(factors.invalid == 2 && factors.filled == 4)
        // Validity: 16 values present in all (4 ids, 4 people, 4 starts, 2 ends, 4 factor lists) less the 2.
        #expect(assessments.files.first?.quality?.validity == 16.0 / 18)
    }

    @Test("Timeliness: share of events within 92 days, and the median lag")
    func timeliness() throws {
        let q = try profile()
        #expect(q.newEvents == 4)
        #expect(q.timeliness == 3.0 / 4)
        #expect(q.medianLagDays == 23)
        #expect(q.firstEvent == CalendarDate(iso: "2026-06-01"))
        #expect(q.lastEvent == CalendarDate(iso: "2026-11-10"))
    }

    @Test("Only events after the previous submission's latest count for timeliness")
    func onlyNewEvents() throws {
        var context = Fixture.context
        context.newEventsAfter[.youthJustice] = CalendarDate(iso: "2026-10-01")
        let q = try profile(context)
        #expect(q.newEvents == 2)
        #expect(q.timeliness == 1)
        #expect(q.medianLagDays == 14)
    }

    @Test("Fields to fix: errors before optional blanks, then by name, each with its main issue")
    func fieldsToFix() throws {
        let fix = try profile().fieldsToFix
        #expect(fix.map(\.field) == ["end_date", "offence_type", "outcome_type"])
        #expect(fix.map(\.mainIssue) == ["values that contradict another field", "blank required values", "invalid values"])
        #expect(fix[0].errors == 1 && fix[0].blanks == 1)
    }

    @Test("An empty file measures nothing rather than 0% or 100%")
    func empty() throws {
        let q = try #require(Fixture.validate(schema, Fixture.csv(schema, rows: [])).files.first?.quality)
        #expect(q.rows == 0)
        #expect(q.dimensions.allSatisfy { $0.value == nil })
        #expect(q.fieldsToFix.isEmpty)
    }

    @Test("Ratings: good, needs attention and poor at the documented thresholds")
    func ratings() {
        #expect(QualityDimension.validity.rating(0.99) == .good)
        #expect(QualityDimension.validity.rating(0.98) == .fair)
        #expect(QualityDimension.validity.rating(0.94) == .poor)
        #expect(QualityDimension.completeness.rating(0.9) == .good)
        #expect(QualityDimension.timeliness.rating(0.74) == .poor)
    }

    @Test("Profiles add up across files for a partnership total")
    func absorb() throws {
        var total = QualityProfile(fields: [])
        total.absorb(try profile())
        total.absorb(try profile())
        #expect(total.rows == 8)
        #expect(total.completeness == 44.0 / 48)
        #expect(total.timeliness == 6.0 / 8)
        // Datasets with different fields: cells are each file's rows × its own fields (24, then one row's worth).
        var mixed = QualityProfile(fields: [])
        mixed.absorb(try profile())
        let other = Fixture.validate(Dataset.ceScreenings.schema, Fixture.csv(Dataset.ceScreenings.schema, rows: [Fixture.row(Dataset.ceScreenings.schema)]))
        let screening = try #require(other.files.first?.quality)
        mixed.absorb(screening)
        let screeningCells = screening.fields.count
        #expect(mixed.completeness == Double(22 + screening.fields.reduce(0) { $0 + $1.filled }) / Double(24 + screeningCells))
    }

    @Test("Completeness counts only the fields the agency is expected to hold: police are not marked down for return interviews")
    func completenessIsFair() throws {
        // missing_episodes has 11 fields; the three return-interview times are recorded by the interview provider
        // (or social care), not the police. One police row filling 7 of the 8 fields it holds (found_area blank)
        // and none of the interview times: 7 of 8, not 7 of 11.
        let schema = Dataset.missingEpisodes.schema
        let row = ["E1", "P1", "2026-06-14 21:30", "2026-06-15 08:10", "M", "home", "N", "", "", "", ""]
        var police = Fixture.context
        police.agencyKind = .police
        let q = try #require(Fixture.validate(schema, Fixture.csv(schema, rows: [row]), context: police).files.first?.quality)
        #expect(schema.fieldNames.count == 11)
        #expect(q.completeness == 7.0 / 8)
        #expect(q.fields.filter { !$0.counts }.map(\.name) == ["rhi_offered_datetime", "rhi_accepted_datetime", "rhi_completed_datetime"])
        // Blanks it was never expected to fill are not a field to fix; its own blank found_area is.
        #expect(q.fieldsToFix.map(\.field) == ["found_area"])
        // The interview provider is expected to hold them: the same row is 7 of 11 for it.
        var provider = Fixture.context
        provider.agencyKind = .returnInterviews
        let r = try #require(Fixture.validate(schema, Fixture.csv(schema, rows: [row]), context: provider).files.first?.quality)
        #expect(r.completeness == 7.0 / 11)
        // Added together (an agency's or the partnership's totals): 14 filled of 8 + 11 cells, never above 100%.
        var both = q
        both.absorb(r)
        #expect(both.completeness == 14.0 / 19)
        // Without a kind (a profile stored before), every field counts.
        let plain = try #require(Fixture.validate(schema, Fixture.csv(schema, rows: [row])).files.first?.quality)
        #expect(plain.completeness == 7.0 / 11)
    }
}
