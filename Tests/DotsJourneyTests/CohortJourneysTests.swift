import DotsCore
import Testing

@testable import DotsJourney

@Suite("Cohort journeys: common paths, time to response, known to one agency, escalation and re-referral")
struct CohortJourneysTests {
    static func row(_ dataset: Dataset, _ agency: String, _ values: [String: String] = [:]) -> RecordRow {
        RecordRow(dataset: dataset, agencyID: agency, submissionID: "s", values: values.merging(["person_id": "P"]) { a, _ in a })
    }

    @Test("Three young people, worked by hand")
    func handWorked() {
        // A: missing, a return interview two days later, screened low then high, then MACE; known to three agencies.
        let a = [
            Self.row(.people, "staffs-csc"), Self.row(.people, "staffs-police"),
            Self.row(
                .missingEpisodes, "rhi-provider",
                [
                    "start_datetime": "2025-06-14T20:30:00Z", "missing_type": "M", "missing_from": "home",
                    "rhi_completed_datetime": "2025-06-16T15:00:00Z",
                ]),
            Self.row(.ceScreenings, "staffs-csc", ["screening_date": "2025-06-20", "risk_level": "low", "outcome": "nfa"]),
            Self.row(.ceScreenings, "staffs-csc", ["screening_date": "2025-09-01", "risk_level": "high", "outcome": "mace_referral"]),
            Self.row(.maceDiscussions, "staffs-csc", ["meeting_date": "2025-09-10", "risk_before": "high", "safety_plan": "Y"]),
        ]
        // B: a suspect in a police incident, and nothing after it; known to the police alone.
        let b = [
            Self.row(.people, "staffs-police"),
            Self.row(.policeIncidents, "staffs-police", ["incident_datetime": "2025-05-01T12:00:00Z", "incident_type": "drugs", "role": "suspect"]),
        ]
        // C: referred again 244 days after an episode closed (30 June 2024 to 1 March 2025), screened once.
        let c = [
            Self.row(.people, "staffs-csc"),
            Self.row(.cinEpisodes, "staffs-csc", ["referral_date": "2024-01-10", "closure_date": "2024-06-30"]),
            Self.row(.cinEpisodes, "staffs-csc", ["referral_date": "2025-03-01"]),
            Self.row(.ceScreenings, "staffs-csc", ["screening_date": "2025-03-05", "risk_level": "medium", "outcome": "nfa"]),
        ]
        let s = CohortJourneys.summarise([a, b, c], homeAreas: [])
        #expect(s.onThePath == 2)
        #expect(s.sequences == [[.missing, .returnInterview, .screening, .mace]: 1, [.screening]: 1])
        #expect(s.responseDays == [.wentMissing: [2]])
        #expect(s.unanswered == [.suspected: 1])
        #expect(s.knownToOneAgency == ["staffs-police": 1, "staffs-csc": 1] && s.knownToSeveral == 1)
        #expect(s.escalated == 1 && s.screenedTwice == 1)
        #expect(s.reReferred == 1 && s.closedEpisode == 1)
    }

    @Test("Nobody, and a referral more than a year after the closure, count nothing")
    func edges() {
        #expect(CohortJourneys.summarise([], homeAreas: []) == CohortSummary())
        // 2023-03-01 to 2024-03-01 spans 29 February: 366 days, one too many.
        let late = [
            Self.row(.cinEpisodes, "staffs-csc", ["referral_date": "2022-01-10", "closure_date": "2023-03-01"]),
            Self.row(.cinEpisodes, "staffs-csc", ["referral_date": "2024-03-01"]),
        ]
        let s = CohortJourneys.summarise([late], homeAreas: [])
        #expect(s.closedEpisode == 1 && s.reReferred == 0)
    }
}

@Suite("Nearest-rank percentiles of days to a response")
struct PercentileTests {
    @Test("Median and 90th percentile by nearest rank, worked by hand")
    func nearestRank() {
        let days = [9, 1, 3, 0, 2, 30, 5, 4, 7, 6]  // sorted: 0 1 2 3 4 5 6 7 9 30
        #expect(CohortJourneys.percentile(days, 0.5) == 4, "rank 5 of 10")
        #expect(CohortJourneys.percentile(days, 0.9) == 9, "rank 9 of 10")
        #expect(CohortJourneys.percentile([3], 0.9) == 3)
        #expect(CohortJourneys.percentile([1, 2, 3], 0.5) == 2, "rank 2 of 3 (1.5 rounded up)")
        #expect(CohortJourneys.percentile([], 0.5) == nil)
    }
}
