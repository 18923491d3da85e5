import DotsApp
import DotsCore
import DotsGovernance
import DotsLink
import DotsStore
import DotsSynth
import DotsTestSupport
import Foundation
import Testing

@Suite("The demo partnership, end to end")
struct DemoTests {
    @Test("The demo loads every agency, and the hub holds none of the clear identifiers", arguments: StoreKind.available)
    func demo(kind: StoreKind) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = SynthConfig()
        config.people = 400
        try await withStore(kind) { store in
            let result = try await DemoService(directory: dir, config: config, clock: FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)).run(store: store) {
                _ in
            }
            #expect(result.rejected.isEmpty)
            let link = try #require(result.link)
            let evaluation = try #require(link.evaluation)
            #expect(evaluation.pairF1 >= 0.99, "\(evaluation.text())")
            #expect(try await store.personLinks().count == link.records.count)
            #expect(Set(result.accepted.map(\.agency)).count == ReferencePartnership.agencies.count)
            let loaded = result.accepted.reduce(0) { $0 + $1.rows }
            var stored = 0
            for ds in Dataset.allCases { stored += try await store.rowCount(ds) }
            #expect(stored == loaded)
            // The earlier return is kept as superseded, and quality is trended across both.
            let incidents = try await store.submissions(agency: "staffs-police", dataset: .policeIncidents)
            #expect(incidents.map(\.status) == [.current, .superseded])
            // The police's open data, its own package: the places around young people.
            let crimes = try await store.rowCount(.areaCrime), stops = try await store.rowCount(.areaStops)
            #expect(crimes > 0 && stops > 0)
            #expect(incidents.map { UKTime.localDate(of: $0.receivedAt).description } == ["2026-04-20", "2026-01-20"])
            let latest = try #require(incidents.first?.quality)
            #expect(latest.firstEvent.map { $0 < CalendarDate(iso: "2023-05-01")! } == true, "the full return holds every year")
            #expect((latest.newEvents ?? 0) > 0 && latest.newEvents! < latest.rows, "only events after the earlier return are new")
            #expect((latest.timeliness ?? 0) > 0.5)

            try await Self.method(store)

            // Every clear identifier in the raw extracts, searched for in every text the hub stores.
            var secrets = Set<String>()
            let extracts = dir + "/extracts"
            for agency in try FileManager.default.contentsOfDirectory(atPath: extracts) where ReferencePartnership.model.agency(id: agency) != nil {
                let lines = try String(contentsOfFile: "\(extracts)/\(agency)/people.csv", encoding: .utf8).split(separator: "\n").dropFirst()
                for line in lines {
                    let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    for i in [1, 2, 3, 4, 5, 6, 7] where c[i].count >= 4 { secrets.insert(c[i].uppercased()) }
                    if !c[4].isEmpty { secrets.insert(c[4].replacingOccurrences(of: " ", with: "")) }
                }
            }
            #expect(secrets.count > 500)
            // Pseudonyms (hex) and encodings (base64) are random-looking by design and checked for shape at intake;
            // by chance base64 spells short words, so they are searched for nothing but their shape.
            let encoded = Set(
                Dataset.people.schema.fields.filter {
                    if case .pseudonym = $0.type { return true }
                    if case .bloomFilter = $0.type { return true }
                    return false
                }.map(\.name))
            var haystack = ""
            for table in [
                "submissions", "areas", "agencies", "partnerships", "linkage_runs", "link_pairs", "person_links", "link_reviews",
                "intake_reports", "submission_quality", "linked_person_ids",
            ]
                + Dataset.allCases.map(\.rawValue)
            {
                for row in try await store.textRows("SELECT * FROM \(table)") {
                    haystack += row.filter { !encoded.contains($0.key) }.values.joined(separator: "|").uppercased() + "\n"
                    for (column, value) in row where encoded.contains(column) {
                        #expect(value.count == 64 || value.count == 88, "\(column) holds something that is not an encoding")
                    }
                }
            }
            // …in the record sets linkage reads (their text; the rest is pseudonym keys, encodings and numbers)…
            let people = try await store.currentSubmissions(dataset: .people)
            let sets = try await store.linkRecordSets(submissions: people.map(\.id), format: LinkRecordSet.format)
            #expect(sets.count == people.count)
            for body in sets.values {
                let set = try LinkRecordSet(encoded: body)
                haystack += ([set.agency] + set.personIDs + set.areaNames).joined(separator: "|").uppercased() + "\n"
            }
            // …and in every file the hub writes: its intake reports (`dots ingest --report`).
            let encoder = JSONEncoder()
            for report in result.reports { haystack += String(decoding: try encoder.encode(report), as: UTF8.self).uppercased() + "\n" }
            #expect(result.reports.count == 2 * (ReferencePartnership.agencies.count + 1), "an earlier return, then the full one; the police open data too")
            // Names are searched as whole words (JSON settings spell "blocKING" and "revIEW"); anything with
            // digits or punctuation (dates, postcodes, NHS numbers, ids) as a substring.
            let words = Set(haystack.split { !$0.isLetter }.map(String.init))
            let found = secrets.filter { $0.allSatisfy(\.isLetter) ? words.contains($0) : haystack.contains($0) }
            #expect(found.isEmpty, "clear identifiers on the hub: \(found.prefix(5))")
            // The method's records are prose people write about datasets, never drawn from extracts: searched for
            // dates, postcodes, NHS numbers and ids (a surname such as Young is also an ordinary word there).
            var prose = ""
            for table in ["maturity_rounds", "maturity_assessments", "maturity_submissions", "datamap_entries", "actions", "action_updates", "meetings"] {
                for row in try await store.textRows("SELECT * FROM \(table)") { prose += row.values.joined(separator: "|").uppercased() + "\n" }
            }
            #expect(prose.count > 1_000)
            let inProse = secrets.filter { !$0.allSatisfy(\.isLetter) && prose.contains($0) }
            #expect(inProse.isEmpty, "clear identifiers in the method's records: \(inProse.prefix(5))")
            let key = try String(contentsOfFile: result.keyFile, encoding: .utf8)
            #expect(!haystack.contains(key.uppercased()))
        }
    }

    /// The demo's first round, data map, meeting and action plan, seeded over the demo store.
    static func method(_ store: HubStore) async throws {
        let clock = FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)
        let service = GovernanceService(store: store, spec: try FrameworkService.load(), clock: clock)
        let seeded = try #require(try await DemoGovernance.seed(service))
        #expect(seeded.assessments == 8 && seeded.datasets == 11 && seeded.meetings == 1 && seeded.actions == 6)
        #expect(try await DemoGovernance.seed(service) == nil, "seeded once per store")

        let admin = Caller.commandLine(user: "test")
        let round = try #require(try await service.round(nil, by: admin))
        let summary = try await service.summary(round: round, by: admin)
        #expect(summary.submittedCount == 8)
        #expect(summary.rows.first { $0.agencyID == "stoke-yjs" }?.status == .draft)
        #expect(summary.rows.first { $0.agencyID == "staffs-police" }?.level(.analysis) == .developing)
        #expect(summary.rows.first { $0.agencyID == "mpft-sh" }?.results.first { $0.area == .analysis }?.dontKnow == 1)
        // Sharing and decision making are weakest, as in the learning report.
        #expect(summary.areasByStrength.last.map { [.sharing, .decisionMaking].contains($0.area) } == true)

        // Coverage from the store: the demo submits every dataset; Stoke CSC holds missing episodes it has not submitted.
        let coverage = try await service.coverage(by: admin)
        let missing = try #require(coverage.first { $0.questionID == "missing" })
        #expect(missing.status == .partly, "Stoke CSC holds missing episodes it has not submitted")
        #expect(missing.datasets.first { $0.dataset == .missingEpisodes }?.heldNotSubmittedBy == ["stoke-csc"])
        #expect(missing.datasets.first { $0.dataset == .missingEpisodes }?.submittedBy == ["rhi-provider", "staffs-police"])
        let voice = try #require(coverage.first { $0.questionID == "voice" })
        #expect(voice.otherSources.count == 1)

        let actions = try await store.actions()
        #expect(actions.filter { $0.isOverdue(on: service.today) }.count == 1)
        #expect(actions.filter { $0.status == .done }.count == 1)
        let suggestions = try await service.suggestions(by: admin)
        let accepted = try await store.actionSuggestionKeys()
        #expect(accepted.count == 3 && suggestions.allSatisfy { !accepted.contains($0.key) })
        #expect(suggestions.contains { $0.key == "maturity:mpft-sh:analysis" })
    }
}
