import DotsCore
import DotsLink
import DotsPrepare
import DotsSynth
import Foundation
import Testing

/// Linkage on pseudonymised records with the typing errors real agency records carry: the keys that bring records
/// together must survive them (`NameBands`, `birth_month_of_year`).
@Suite("Linkage that survives typing errors")
struct LinkRobustnessTests {
    static let key = try! LinkageKey(encoded: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")

    /// A synthetic partnership's people, prepared at each agency as `dots prepare` does, as linkage rows.
    static func prepared(people: Int, seed: UInt64, noise: NoiseRates) throws -> (rows: [(String, [String: String])], truth: [String: String]) {
        var config = SynthConfig()
        config.people = people
        config.seed = seed
        config.noise = noise
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-robust-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try SynthGenerator(config: config).run(output: dir)
        let p = PersonPseudonymiser(key: key)
        var rows: [(String, [String: String])] = []
        for agency in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            guard let text = try? String(contentsOfFile: "\(dir)/\(agency)/people.csv", encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            for (i, line) in lines.dropFirst().enumerated() {
                var row = p.transform(Dictionary(uniqueKeysWithValues: zip(lines[0], line)), file: "people.csv", row: i + 2).values
                row["agency_id"] = agency
                rows.append((agency, row))
            }
        }
        var truth: [String: String] = [:]
        for line in try String(contentsOfFile: dir + "/truth.csv", encoding: .utf8).split(separator: "\n").dropFirst() {
            let c = line.split(separator: ",")
            truth["\(c[0])/\(c[1])"] = String(c[2])
        }
        return (rows, truth)
    }

    static func row(_ agency: String, _ id: String, first: String, surname: String, dob: String) -> (String, [String: String]) {
        var row = PersonPseudonymiser(key: key).transform(
            ["person_id": id, "first_name": first, "surname": surname, "date_of_birth": dob, "sex": "F"], file: "people.csv", row: 2
        ).values
        row["agency_id"] = agency
        return (agency, row)
    }

    @Test("Two records with a typing error in each name and a slipped digit in the date of birth are compared, and linked")
    func typosEverywhere() throws {
        var (rows, _) = try Self.prepared(people: 400, seed: 3, noise: .standard)
        // No pseudonym of theirs agrees: not the names, not the date of birth, not name and date together.
        rows.append(Self.row("police", "X1", first: "Charlotte", surname: "Henderson", dob: "2010-03-15"))
        rows.append(Self.row("health", "X2", first: "Charlote", surname: "Hendersen", dob: "2010-03-18"))
        var builder = RecordBuilder()
        for (agency, row) in rows { builder.add(agency: agency, row: row) }
        let records = builder.records
        let a = records.count - 2, b = records.count - 1
        #expect(records[a].firstName != records[b].firstName && records[a].surname != records[b].surname && records[a].dob != records[b].dob)
        // The default rules never bring them together; a rule on both names' bands does.
        let defaults = LinkageSettings()
        let before = Blocker(settings: defaults).pairs(records)
        #expect(!zip(before.left, before.right).contains { Int($0) == a && Int($1) == b })
        var settings = defaults
        settings.blockingRules.append([.firstNameBands, .surnameBands])
        let blocks = Blocker(settings: settings).pairs(records)
        #expect(zip(blocks.left, blocks.right).contains { Int($0) == a && Int($1) == b }, "the pair is compared")
        let result = Linker(settings: settings).run(records)
        #expect(result.personIDs[a] == result.personIDs[b], "linked")
    }

    @Test("On the hard noise profile the rules that survive typing errors find true pairs the exact ones miss (block recall)")
    func blockRecall() throws {
        let (rows, truth) = try Self.prepared(people: 1500, seed: 9, noise: .hard)
        var builder = RecordBuilder()
        for (agency, row) in rows { builder.add(agency: agency, row: row) }
        let records = builder.records
        var settings = LinkageSettings()
        settings.blockingRules.append([.firstNameBands, .surnameBands])
        var old = settings
        old.blockingRules.removeAll { rule in rule.contains { $0.isErrorTolerant } }
        func recall(_ s: LinkageSettings) -> (recall: Double, pairs: Int) {
            let b = Blocker(settings: s).pairs(records)
            let e = Evaluation(keys: records.map(\.key), predicted: records.map(\.key), truth: truth, candidates: (b.left, b.right))
            return (e.blockRecall, b.count)
        }
        let (was, wasPairs) = recall(old), (now, nowPairs) = recall(settings)
        // What is still missed needs keys made at the agency (docs/linkage.md).
        #expect(now > was + 0.01, "block recall \(was) → \(now)")
        #expect(nowPairs < wasPairs * 2, "pairs \(wasPairs) → \(nowPairs)")
    }
}
