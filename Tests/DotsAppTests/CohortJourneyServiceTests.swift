import DotsCore
import DotsFramework
import DotsJourney
import DotsStore
import DotsTestSupport
import Foundation
import Testing

@testable import DotsApp

@Suite("Cohort journeys as published: small counts hidden, a lone hidden part hidden with another, percentiles from the base")
struct CohortJourneyServiceTests {
    static let board = Caller(accountID: "b", name: "Board", role: .strategicLead, agencyID: nil, channel: .page)

    @Test("Disclosure control over a summary worked by hand (threshold 5, minimum base 10)")
    func published() {
        var s = CohortSummary()
        s.onThePath = 40
        s.sequences = [[.missing]: 20, [.screening]: 12, [.mace]: 3, [.missing, .screening]: 5]
        s.responseDays = [.wentMissing: Array(0...11), .suspected: [1, 2]]
        s.unanswered = [.wentMissing: 2]
        s.knownToOneAgency = ["a": 30, "b": 3]
        s.knownToSeveral = 50
        s.escalated = 2
        s.screenedTwice = 12
        let v = CohortJourneyService.publish(s, policy: .standard, linkedAt: nil)
        // Paths above 5 only (5 itself is hidden), the rest together: 40 - 20 - 12 = 8.
        #expect(v.paths.map(\.text) == ["Missing", "Screening"] && v.paths.map(\.count.shown) == [20, 12])
        #expect(v.otherPaths.shown == 8)
        let missing = v.responses.first { $0.moment == .wentMissing }!
        // 12 responses (0 to 11 days) and 2 without: the median is the 6th smallest (5), the 90th percentile the 11th (10).
        #expect(missing.moments.shown == 14 && missing.unanswered.text == "c" && missing.median == 5 && missing.p90 == 10)
        let suspected = v.responses.first { $0.moment == .suspected }!
        #expect(suspected.moments.text == "c" && suspected.unanswered.text == "0" && suspected.median == nil, "two moments: below the base")
        #expect(v.responses.map(\.moment) == [.wentMissing, .suspected], "moments nobody had are left out")
        // b's 3 is hidden; alone it could be worked out from the whole, so the next smallest (a's 30) is hidden with it.
        #expect(v.knownToOneAgency.map(\.count.text) == ["c", "c"] && v.knownToSeveral.shown == 50)
        #expect(v.escalated.text == "c" && v.screenedTwice.shown == 12 && v.reReferred.text == "0")
    }

    @Test("On a linked partnership: paths and responses found, no count from 1 to 5 shown, kept until the runs change", arguments: StoreKind.available)
    func partnership(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let service = CohortJourneyService(store: store, spec: try FrameworkService.load())
            #expect(try await service.view(by: Self.board) == nil, "no linkage yet")
            try await JourneyServiceTests.partnership(store)
            let v = try #require(try await service.view(by: Self.board))
            #expect(!v.paths.isEmpty && v.responses.contains { $0.moment == .wentMissing })
            let counts =
                [v.onThePath, v.otherPaths, v.knownToSeveral, v.escalated, v.screenedTwice, v.reReferred, v.closedEpisode] + v.paths.map(\.count)
                + v.responses.flatMap { [$0.moments, $0.unanswered] } + v.knownToOneAgency.map(\.count)
            #expect(counts.allSatisfy { ($0.shown ?? 0) == 0 || $0.shown! > 5 })
            #expect(v.knownToOneAgency.filter { $0.count.shown == nil }.count != 1 || v.knownToSeveral.shown == nil)
            let again = try #require(try await service.view(by: Self.board))
            #expect(again.paths == v.paths)
            #expect(await service.computations == 1, "kept, not worked out again")

            // Requests arriving together while it is worked out share one computation.
            let fresh = CohortJourneyService(store: store, spec: try FrameworkService.load())
            let together = try await withThrowingTaskGroup(of: [CohortJourneyService.Path].self) { group in
                for _ in 0..<8 { group.addTask { try await fresh.view(by: Self.board)?.paths ?? [] } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(together.count == 8 && together.allSatisfy { $0 == v.paths })
            #expect(await fresh.computations == 1)

            // The summary over the fields a cohort reads (`CohortJourneys.fieldsRead`), in parts, equals the summary over
            // every field in one: a field the summary needs and the store does not load would change it.
            let links = try await store.personLinks()
            let datasets = Dataset.allCases.filter { $0.isAboutPeople && $0 != .voiceFeedback }
            func grouped(_ rows: [RecordRow]) -> [[RecordRow]] {
                var byPerson: [String: [RecordRow]] = [:]
                for row in rows {
                    guard let person = row.values[row.dataset == .people ? "person_id" : row.dataset.schema.personKey ?? ""],
                        let dp = links["\(row.agencyID)/\(person)"]
                    else { continue }
                    byPerson[dp, default: []].append(row)
                }
                return byPerson.keys.sorted().map { byPerson[$0]! }
            }
            let home = Set(ReferenceGeography.all.filter { $0.level != .region }.map(\.code))
            let whole = CohortJourneys.summarise(grouped(try await store.allRecordRows(datasets)), homeAreas: home)
            // The store's grouped read (readers side by side, each row's young person found as it is read) groups as
            // the links say: the same young people, each with the same rows in dataset order.
            let byYoungPerson = try await store.recordRowsByYoungPerson(datasets, fields: CohortJourneys.fieldsRead)
            let expected = grouped(try await store.allRecordRows(datasets, fields: CohortJourneys.fieldsRead))
            func firstKey(_ rows: [RecordRow]) -> String {
                let r = rows[0]
                return links["\(r.agencyID)/\(r.values[r.dataset == .people ? "person_id" : r.dataset.schema.personKey ?? ""] ?? "")"] ?? ""
            }
            #expect(byYoungPerson.count == Set(links.values).count && byYoungPerson.count == expected.count)
            #expect(byYoungPerson.sorted { firstKey($0) < firstKey($1) } == expected)
            let read = await CohortJourneyService.summarise(byYoungPerson)
            func sorted(_ s: CohortSummary) -> CohortSummary {
                var s = s
                s.responseDays = s.responseDays.mapValues { $0.sorted() }
                return s
            }
            #expect(sorted(read) == sorted(whole))

            // The bulk read gives every value as a young person's journey reads it: dates, times, yes/no and numbers
            // as the same text.
            func keyed(_ rows: [RecordRow]) -> [String] {
                rows.map { r in
                    "\(r.dataset.rawValue)|\(r.agencyID)|\(r.submissionID)|"
                        + r.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                }
                .sorted()
            }
            let bulk = try await store.allRecordRows(datasets).filter { row in
                row.values[row.dataset == .people ? "person_id" : row.dataset.schema.personKey ?? ""].map { links["\(row.agencyID)/\($0)"] != nil } ?? false
            }
            var perPerson: [RecordRow] = []
            for dp in Set(links.values) { perPerson += try await store.journeyRead(.partnership(dp))?.rows ?? [] }
            perPerson = perPerson.filter { datasets.contains($0.dataset) }
            let shown = Dictionary(
                uniqueKeysWithValues: datasets.map { d in (d, Set(d.schema.fields.filter(HubStore.journeyReads).map(\.name))) })
            let bulkShown = bulk.map { r in
                RecordRow(
                    dataset: r.dataset, agencyID: r.agencyID, submissionID: r.submissionID, values: r.values.filter { shown[r.dataset]!.contains($0.key) })
            }
            #expect(keyed(bulkShown) == keyed(perPerson))
            #expect(bulk.contains { $0.values.values.contains("Y") } && bulk.contains { $0.values.values.contains { $0.hasSuffix("Z") } })
            #expect(whole.onThePath > 0 && !whole.responseDays.isEmpty && whole.screenedTwice > 0, "the fixture exercises the summary")
        }
    }
}
