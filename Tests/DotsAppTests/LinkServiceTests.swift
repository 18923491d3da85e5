import DotsApp
import DotsCore
import DotsFramework
import DotsLink
import DotsStore
import DotsSynth
import DotsTestSupport
import Foundation
import Testing

@Suite("dots link on the hub, on both engines")
struct LinkServiceTests {
    static let clock = FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)

    /// A demo partnership of `people` young people, built into `store`.
    func demo(_ store: HubStore, people: Int) async throws -> (dir: String, result: DemoService.Result) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-link-\(UUID().uuidString)").path
        var config = SynthConfig()
        config.people = people
        return (dir, try await DemoService(directory: dir, config: config, clock: Self.clock).run(store: store) { _ in })
    }

    @Test("A review decision persists and overrides the model on the next run; ids stay stable", arguments: StoreKind.available)
    func reviewsPersist(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let (dir, first) = try await demo(store, people: 300)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let service = LinkService(store: store, clock: Self.clock, runBy: "tester")
            let link = try #require(first.link)
            // Reject one of the run's links.
            let match = try #require(zip(link.result.pairs, link.result.decisions).first { $0.1 == .match && !$0.0.deterministic }?.0)
            let strongest = (a: link.records[Int(match.a)].key, b: link.records[Int(match.b)].key)
            try await store.recordReview(
                a: strongest.a, b: strongest.b, verdict: .rejected, reviewer: "tester", at: Self.clock.instant, note: "checked with the MACE chair")
            let second = try await service.run()
            let pairs = try await store.linkPairs(involving: strongest.a, limit: 1000)
            #expect(pairs.first { $0.b == strongest.b || $0.a == strongest.b }?.decision == .rejected)
            // Everyone not involved keeps their partnership person id.
            let before = Dictionary(uniqueKeysWithValues: zip(link.records.map(\.key), link.result.personIDs))
            let after = try await store.personLinks()
            let unchanged = before.filter { after[$0.key] == $0.value }.count
            #expect(Double(unchanged) / Double(before.count) > 0.99)
            #expect(second.result.decisions.contains(.rejected))
            let explanation = try #require(try await service.explain(strongest.a, strongest.b))
            #expect(explanation.decision == "rejected")
            #expect(explanation.lines.count == 8)
            #expect(try await store.reviews().first?.note == "checked with the MACE chair")
        }
    }

    @Test("A truth file is read whatever its line endings, and one naming no record on the hub is refused, not scored as 100%")
    func truthFiles() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-truth-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let crlf = dir + "/crlf.csv", lf = dir + "/lf.csv"
        // As Python's csv module writes it (CR LF), and as `dots synth` does (LF).
        try "agency,person_id,true_person_id\r\nstaffs-csc,rec-1-org,1\r\nstaffs-police,rec-1-dup-0,1\r\n".write(
            toFile: crlf, atomically: true, encoding: .utf8)
        try "agency,person_id,true_person_id\nstaffs-csc,rec-1-org,1\nstaffs-police,rec-1-dup-0,1\n".write(toFile: lf, atomically: true, encoding: .utf8)
        let expected = ["staffs-csc/rec-1-org": "1", "staffs-police/rec-1-dup-0": "1"]
        #expect(try LinkService.readTruth(crlf) == expected)
        #expect(try LinkService.readTruth(lf) == expected)
        try await withStore(.sqlite) { store in
            let (demoDir, _) = try await demo(store, people: 60)
            defer { try? FileManager.default.removeItem(atPath: demoDir) }
            do {
                _ = try await LinkService(store: store, runBy: "t").run(truth: expected)
                Issue.record("a truth file naming none of the records was scored")
            } catch let e as LinkService.LinkError {
                #expect(e.description.contains("names none of the hub's person records"))
            }
        }
    }

    @Test("People prepared under different keys are refused at link time, naming the agencies")
    func mixedKeys() async throws {
        try await withStore(.sqlite) { store in
            let (dir, _) = try await demo(store, people: 100)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try await store.sqlUpdateKeyForTest(agency: "uhnm-ed", keyID: "0000000000000000")
            await #expect(throws: LinkService.LinkError.self) { try await LinkService(store: store, runBy: "t").run() }
            do { _ = try await LinkService(store: store, runBy: "t").run() } catch let e as LinkService.LinkError {
                #expect(e.description.contains("uhnm-ed") && e.description.contains("different linkage keys"))
            }
        }
    }

    @Test("With nothing ingested, linking says what to do")
    func empty() async throws {
        try await withStore(.sqlite) { store in
            await #expect(throws: LinkService.LinkError.noPeople) { try await LinkService(store: store, runBy: "t").run() }
        }
    }
}
