import DotsCore
import Testing

@testable import DotsJourney

@Suite("A young person's journey: one timeline, critical moments and the responses to them")
struct JourneyBuilderTests {
    static let home = Set(ReferenceGeography.localAreas.map(\.code) + [ReferenceGeography.staffordshire.code])

    static func row(_ dataset: Dataset, _ agency: String, _ values: [String: String]) -> RecordRow {
        RecordRow(dataset: dataset, agencyID: agency, submissionID: "sub-\(agency)", values: values.merging(["person_id": "P1"]) { a, _ in a })
    }

    /// Worked by hand. Times are UTC as the store holds them; the days are UK days.
    static let rows: [RecordRow] = [
        // 20:30 UTC on 14 June is 21:30 BST, the same day; found in Birmingham (a metropolitan district: out of area).
        row(
            .missingEpisodes, "staffs-rhi",
            [
                "episode_id": "M1", "start_datetime": "2025-06-14T20:30:00Z", "end_datetime": "2025-06-15T07:10:00Z", "missing_type": "M",
                "missing_from": "care", "found_area": "E08000025", "rhi_completed_datetime": "2025-06-16T15:00:00Z",
            ]),
        row(.educationEvents, "staffs-education", ["event_id": "E1", "event_type": "permanent_exclusion", "start_date": "2025-02-03"]),
        // 23:30 UTC on Saturday 25 October 2025 is 00:30 BST on Sunday 26th, before the clocks go back at 01:00 UTC.
        row(
            .policeIncidents, "staffs-police", ["incident_id": "I1", "incident_datetime": "2025-10-25T23:30:00Z", "incident_type": "drugs", "role": "suspect"]),
        row(
            .ceScreenings, "staffs-csc",
            ["screening_id": "S1", "screening_date": "2025-10-28", "risk_level": "high", "outcome": "mace_referral", "exploitation_types": "CCE;CL"]),
        // A witness, seen at hospital for sexual health: neither is a critical moment.
        row(
            .policeIncidents, "staffs-police", ["incident_id": "I2", "incident_datetime": "2025-11-02T10:00:00Z", "incident_type": "theft", "role": "witness"]),
        row(
            .healthContacts, "uhns-ed",
            ["contact_id": "H1", "contact_datetime": "2025-11-03T10:00:00Z", "setting": "sexual_health", "reasons": "sexual_health"]),
        row(
            .healthContacts, "uhns-ed",
            ["contact_id": "H2", "contact_datetime": "2025-11-20T22:15:00Z", "setting": "emergency_department", "reasons": "other;assault"]),
        row(.people, "staffs-csc", ["first_name": "ab"]),
    ]

    @Test("Entries are in UK-day order, and each critical moment has the next response on or after its day")
    func timeline() {
        let entries = JourneyBuilder.build(Self.rows, homeAreas: Self.home)
        #expect(
            entries.map(\.title) == [
                "Permanent exclusion", "Missing from care", "Return home interview", "Police: Drugs (suspect)", "Exploitation screening: high risk",
                "Police: Theft (witness)", "Sexual health service: Sexual health", "Emergency department: Other, Assault",
            ])
        #expect(
            entries.map(\.date.description) == ["2025-02-03", "2025-06-14", "2025-06-16", "2025-10-26", "2025-10-28", "2025-11-02", "2025-11-03", "2025-11-20"])
        #expect(entries.map(\.moments) == [[.excluded], [.wentMissing, .foundOutOfArea], [], [.suspected], [], [], [], [.injury]])
        // 3 February to 16 June: 25 + 31 + 30 + 31 + 16 = 133 days; the return interview answers the exclusion too.
        #expect(entries[0].nextResponse == .init(days: 133, title: "Return home interview", agencyID: "staffs-rhi"))
        #expect(entries[1].nextResponse == .init(days: 2, title: "Return home interview", agencyID: "staffs-rhi"))
        #expect(entries[3].nextResponse == .init(days: 2, title: "Exploitation screening: high risk", agencyID: "staffs-csc"))
        #expect(entries[7].nextResponse == nil, "nothing after the last moment: no response recorded yet")
        #expect(entries.map(\.isResponse) == [false, false, true, false, true, false, false, false])
    }

    @Test("Certainty, endings and details: no identifier is ever shown")
    func details() {
        let entries = JourneyBuilder.build(Self.rows, homeAreas: Self.home) { $0 == "E08000025" ? "Birmingham" : nil }
        let missing = entries[1]
        #expect(missing.certainty == .time && entries[0].certainty == .day)
        #expect(missing.ended?.description == "2025-06-15" && !missing.ongoing)
        let open = JourneyBuilder.build(
            [Self.row(.missingEpisodes, "a", ["start_datetime": "2025-01-01T10:00:00Z", "missing_type": "M", "missing_from": "home"])], homeAreas: Self.home)
        #expect(open[0].ongoing && open[0].ended == nil, "an episode with no end time is still open")
        #expect(!entries[0].ongoing, "education events are not lasting events in the schema, so never 'not ended yet'")
        #expect(missing.details.contains(.init(label: "Where found", value: "Birmingham (E08000025)")))
        #expect(entries[4].details.contains(.init(label: "Exploitation types", value: "Child criminal exploitation, County lines")))
        for entry in entries {
            for d in entry.details { #expect(!["M1", "E1", "I1", "S1", "I2", "H1", "H2", "P1"].contains(d.value), "\(entry.title) shows \(d.label)") }
        }
    }

    @Test("Found at home, or somewhere only a finer code names, is not out of area; an away episode is not missing")
    func outOfArea() {
        func moments(_ found: String, type: String = "M") -> [CriticalMoment] {
            CriticalMoment.of(
                Self.row(.missingEpisodes, "a", ["start_datetime": "2025-01-01T10:00:00Z", "missing_type": type, "missing_from": "home", "found_area": found]),
                homeAreas: Self.home)
        }
        #expect(moments("E06000021") == [.wentMissing])
        #expect(moments("E07000197") == [.wentMissing])
        #expect(moments("E01000001") == [.wentMissing], "an LSOA cannot be placed without a lookup")
        #expect(moments("E06000001", type: "A") == [.foundOutOfArea])
        #expect(JourneyBuilder.build([], homeAreas: Self.home).isEmpty)
    }
}
