import DotsCore
import DotsFramework
import Foundation
import Testing

@Suite("The framework file format")
struct FrameworkParserTests {
    static let good = """
        format: dots-framework/1
        name: Child exploitation and extra-familial harm
        version: "2026.1"
        themes:
          - id: who-is-vulnerable
            title: Who is vulnerable?
            questions:
              - id: cohort
                question: How many children are at risk of exploitation, and is that changing?
                sources: [Voice of young people in return interviews, MACE case audit]
                indicators:
                  - id: ce-cohort
                    title: Children at medium or high risk
                    definition: Children screened in the period whose risk was medium or high, each counted once.
                    dataset: ce_screenings
                    where:
                      risk_level: [medium, high]
                      age: 10-17
                    measure: people
                    breakdowns: [la, sex, age-band]
                    polarity: neither
                  - id: rhi-72h
                    title: Return interviews within 72 hours
                    definition: Of episodes that ended, the share with a return interview completed within 72 hours of return.
                    dataset: missing_episodes
                    measure: {type: within, from: end_datetime, to: rhi_completed_datetime, limit: 72h}
                    periods: [quarter]
                    polarity: higher-is-better
                    target: {value: 80, tolerance: 5}
        """

    @Test("The README and the format doc state the default framework's size truly")
    func defaultSizeDocumented() throws {
        let spec = try #require(FrameworkParser.parse(DefaultFramework.yaml).spec)
        let claim = "(\(spec.questions.count) questions, \(spec.indicators.count) indicators)"
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let format = try String(contentsOf: root.appendingPathComponent("docs/framework-format.md"), encoding: .utf8)
        #expect(readme.contains(claim), "README.md should say \(claim)")
        #expect(format.replacingOccurrences(of: "\n", with: " ").contains(claim), "docs/framework-format.md should say \(claim)")
    }

    @Test("An indicator over an area-level dataset is refused: indicators count children")
    func areaDatasetRefused() {
        let text = """
            format: dots-framework/1
            name: T
            version: "1"
            themes:
              - id: t
                title: T
                questions:
                  - id: q
                    question: Q?
                    indicators:
                      - {id: crime, title: C, definition: D, dataset: area_crime, measure: events}
            """
        let (_, problems) = FrameworkParser.parse(text)
        #expect(problems.contains { $0.message.contains("area_crime is about places, not people") })
    }

    @Test("Datasets about contexts are counted without the framework's ages, and refuse an age of their own: they record no one's age")
    func contextDatasetsHaveNoAges() throws {
        let text = """
            format: dots-framework/1
            name: T
            version: "1"
            ages: 0-17
            themes:
              - id: t
                title: T
                questions:
                  - id: q
                    question: Q?
                    indicators:
                      - {id: open, title: O, definition: D, dataset: context_records, measure: {type: snapshot, start: opened_on, end: closed_on}}
                      - {id: linked, title: L, definition: D, dataset: context_children, measure: {type: snapshot, start: linked_on, end: ended_on}}
                      - {id: screened, title: S, definition: D, dataset: ce_screenings, measure: people}
            """
        let spec = try #require(FrameworkParser.parse(text).spec)
        #expect(spec.indicators.map { $0.filters.isEmpty } == [true, true, false])
        let aged = text.replacingOccurrences(of: "dataset: context_children, measure", with: "dataset: context_children, where: {age: 10-17}, measure")
        #expect(FrameworkParser.parse(aged).problems.contains { $0.message == "context_children records no one's age" })
    }

    @Test("A good framework reads into themes, questions and indicators")
    func good() throws {
        let (spec, problems) = FrameworkParser.parse(Self.good)
        #expect(problems.isEmpty, "\(problems)")
        let s = try #require(spec)
        #expect(s.themes.count == 1 && s.questions.count == 1 && s.indicators.count == 2)
        let cohort = s.indicators[0]
        #expect(cohort.dataset == .ceScreenings && cohort.measure == .people)
        #expect(cohort.filters.contains(.values(field: "risk_level", values: ["medium", "high"])))
        #expect(cohort.filters.contains(.age(min: 10, max: 17)))
        #expect(cohort.periods == [.quarter, .financialYear])
        #expect(cohort.line == 12)
        #expect(s.indicators[1].measure == .within(from: "end_datetime", to: "rhi_completed_datetime", hours: 72))
        #expect(s.indicators[1].target == TargetSpec(value: 80, tolerance: 5))
        #expect(s.questions[0].sources.count == 2)
    }

    @Test("Every problem is reported with its line and a fix, not just the first")
    func problems() {
        let bad = """
            format: dots-framework/1
            name: Broken
            version: "1"
            themes:
              - id: Who
                title: Who?
                questions:
                  - id: q
                    question: Anything?
                    indicators:
                      - id: q
                        title: Bad one
                        definition: Bad.
                        dataset: ce_screenings
                        where:
                          risk_level: [medium, severe]
                          shoe_size: [9]
                        measure: {type: within, from: screening_date, to: outcome, limit: soon}
                        polarity: upwards
                        colour: red
            """
        let (spec, problems) = FrameworkParser.parse(bad)
        #expect(spec == nil)
        let byLine = Dictionary(grouping: problems, by: \.line)
        #expect(byLine[5]?.first?.message.contains("other than a-z") == true)  // id Who
        #expect(byLine[11]?.first?.message.contains("used twice") == true)  // id q again
        #expect(byLine[16]?.first?.message.contains("severe is not a value of risk_level") == true)
        #expect(byLine[17]?.first?.message.contains("no field shoe_size") == true)
        #expect(problems.contains { $0.line == 18 && $0.message.contains("outcome is not a date or time field") })
        #expect(problems.contains { $0.line == 18 && $0.message.contains("limit should be a positive whole number") })
        #expect(byLine[19]?.first?.fix.contains("higher-is-better") == true)
        #expect(byLine[20]?.first?.message.contains("colour is not a key here") == true)
        #expect(problems.count == 8, "\(problems.map(\.description))")
        #expect(problems.allSatisfy { !$0.fix.isEmpty })
    }

    @Test("Broken YAML and missing parts are named plainly")
    func structure() {
        #expect(FrameworkParser.parse("themes: [").problems.first?.message.contains("not valid YAML") == true)
        #expect(FrameworkParser.parse("").problems.first?.message == "the file is empty")
        let noThemes = FrameworkParser.parse("format: dots-framework/1\nname: x\nversion: '1'\n").problems
        #expect(noThemes.map(\.message) == ["themes is missing"])
        let wrongFormat = FrameworkParser.parse("format: other/2\nname: x\nversion: '1'\nthemes: []\n").problems
        #expect(wrongFormat.contains { $0.line == 1 && $0.message.contains("not dots-framework/1") })
        #expect(wrongFormat.contains { $0.line == 4 && $0.message.contains("at least one item") })
    }

    @Test(
        "Measures read their settings, with units",
        arguments: [
            ("{type: repeats, count: 3, window: 90d}", MeasureSpec.repeats(count: 3, days: 90)),
            (
                "{type: within, from: start_datetime, to: rhi_offered_datetime, limit: 3d}",
                .within(from: "start_datetime", to: "rhi_offered_datetime", hours: 72)
            ),
            (
                "{type: duration, from: start_datetime, to: end_datetime, unit: hours, percentiles: [50, 90]}",
                .duration(from: "start_datetime", to: "end_datetime", unit: .hours, percentiles: [50, 90])
            ),
            ("{type: snapshot, start: start_datetime, end: end_datetime}", .snapshot(start: "start_datetime", end: "end_datetime")),
            ("{type: rate, of: events}", .rate(of: .events)),
            ("{type: overlap, agencies: 2}", .overlap(agencies: 2, with: nil, withFilters: [])),
            ("{type: percentage, numerator: {missing_type: [A]}}", .percentage(numerator: [.values(field: "missing_type", values: ["A"])], of: .events)),
            (
                "{type: percentage, of: people, numerator: {missing_type: [A]}}",
                .percentage(numerator: [.values(field: "missing_type", values: ["A"])], of: .people)
            ),
        ])
    func measures(yaml: String, expected: MeasureSpec) throws {
        let (spec, problems) = FrameworkParser.parse(Self.oneIndicator(measure: yaml))
        #expect(problems.isEmpty, "\(problems)")
        #expect(spec?.indicators.first?.measure == expected)
    }

    @Test(
        "Percentiles outside 1-99 and overlaps of fewer than two agencies are refused with the line",
        arguments: [
            ("{type: duration, from: start_datetime, to: end_datetime, percentiles: [1000]}", "percentiles"),
            ("{type: duration, from: start_datetime, to: end_datetime, percentiles: [-5]}", "percentiles"),
            ("{type: duration, from: start_datetime, to: end_datetime, percentiles: [median]}", "percentiles"),
            ("{type: overlap, agencies: -3}", "agencies"),
            ("{type: overlap, agencies: 1}", "agencies"),
            ("{type: overlap, agencies: 99}", "agencies"),
        ])
    func measureRanges(yaml: String, field: String) {
        let problems = FrameworkParser.parse(Self.oneIndicator(measure: yaml)).problems
        #expect(problems.contains { $0.path.hasSuffix(field) && $0.line == 15 }, "\(problems)")
    }

    /// A framework of one indicator on missing episodes with this measure; the measure is on line 15.
    static func oneIndicator(measure yaml: String) -> String {
        """
        format: dots-framework/1
        name: m
        version: '1'
        themes:
          - id: t
            title: T
            questions:
              - id: q
                question: Q?
                indicators:
                  - id: i
                    title: I
                    definition: D.
                    dataset: missing_episodes
                    measure: \(yaml)
        """
    }

    @Test("The framework's ages apply to every indicator over people's records without its own; a bad range is a problem on its line")
    func ages() throws {
        let spec = try #require(FrameworkParser.parse(DefaultFramework.yaml).spec)
        #expect(spec.ages == 0...17)
        for ind in spec.indicators {
            let ages = ind.filters.compactMap { f -> ClosedRange<Int>? in if case .age(let lo, let hi) = f { lo...hi } else { nil } }
            #expect(ages.count == (ind.dataset.isAboutPeople ? 1 : 0), "\(ind.id) has one age range, or none over contexts")
        }
        let own = try #require(spec.indicators.first { $0.id == "ed-assault" } ?? spec.indicators.first { $0.title.contains("aged 10-17") })
        #expect(own.filters.contains(.age(min: 10, max: 17)) && !own.filters.contains(.age(min: 0, max: 17)))
        let bad = DefaultFramework.yaml.replacingOccurrences(of: "ages: 0-17", with: "ages: 17-0")
        let problem = try #require(FrameworkParser.parse(bad).problems.first)
        #expect(problem.path == "ages" && problem.line == 4)
        let withoutAges = DefaultFramework.yaml.replacingOccurrences(of: "ages: 0-17\n", with: "").replacingOccurrences(
            of: "ages-apart:\n  ages: 18-25\n  datasets: [missing_episodes, ce_screenings, mace_discussions]\n", with: "")
        let none = try #require(FrameworkParser.parse(withoutAges).spec)
        #expect(
            none.ages == nil && none.indicators.first { $0.id == "missing-children" }?.filters.contains { if case .age = $0 { true } else { false } } == false)
    }

    @Test("The disclosure rules: the framework's, a partnership's stricter ones, applied as the strictest of all; bad values named on their line")
    func disclosure() throws {
        let standard = try #require(FrameworkParser.parse(DefaultFramework.yaml).spec)
        #expect(standard.disclosure.applied == .standard && standard.disclosure.partnerships.isEmpty)
        #expect(standard.disclosure.statement.hasSuffix("(the framework's rules)"))
        // No section: the standard rules.
        #expect(try #require(FrameworkParser.parse(Self.good).spec).disclosure.applied == .standard)
        let own = Self.good.replacingOccurrences(
            of: "themes:\n",
            with: """
                disclosure:
                  threshold: 5
                  partnerships:
                    stoke-scp: {threshold: 10, minimum-base: 20}
                    staffs-scp: {protection: 4, round-to-protect: none}
                  public-edition: {threshold: 20}
                themes:

                """)
        let spec = try #require(FrameworkParser.parse(own).spec, "\(FrameworkParser.parse(own).problems)")
        #expect(spec.disclosure.partnerships["stoke-scp"]?.threshold == 10)
        // Worked by hand: threshold max(5, 10, 5) = 10; protection max(3, 3, 4) = 4; base max(10, 20, 10) = 20;
        // rounding only if every set allows it (Staffordshire's says none).
        let applied = spec.disclosure.applied
        #expect(applied.threshold == 10 && applied.protectionLevel == 4 && applied.minimumBase == 20 && applied.roundToProtect == nil)
        #expect(spec.disclosure.statement.contains("counts from 1 to 10 hidden"))
        #expect(spec.disclosure.source.contains("Stoke-on-Trent") && spec.disclosure.source.contains("strictest"))
        // The public edition: at least its floor (threshold 20 here; base 20 from the standard floor), and at least the run's rules.
        #expect(spec.disclosure.publicEdition.threshold == 20 && spec.disclosure.publicEdition.minimumBase == 20)
        #expect(standard.disclosure.publicEdition.threshold == 10 && standard.disclosure.publicEdition.protectionLevel == 3)
        for (bad, path, line) in [
            ("disclosure:\n  threshold: 0\n", "disclosure.threshold", 5), ("disclosure:\n  protection: lots\n", "disclosure.protection", 5),
            ("disclosure:\n  partnerships:\n    nowhere-scp: {threshold: 10}\n", "disclosure.partnerships.nowhere-scp", 6),
            ("disclosure:\n  round-to-protect: 1\n", "disclosure.round-to-protect", 5), ("disclosure:\n  rounding: 5\n", "disclosure.rounding", 5),
        ] {
            let text = Self.good.replacingOccurrences(of: "themes:\n", with: bad + "themes:\n")
            let problems = FrameworkParser.parse(text).problems
            #expect(problems.count == 1 && problems.first?.path == path && problems.first?.line == line, "\(bad): \(problems)")
            #expect(problems.first.map { $0.fix.count > 10 } == true)
        }
    }
}
