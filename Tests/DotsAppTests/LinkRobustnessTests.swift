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

    /// Version 2's defaults: the rules on exact pseudonyms (and the month whatever the year), without the keys made
    /// at the agency that survive typing errors.
    static var versionTwo: LinkageSettings {
        var s = LinkageSettings()
        s.version = 2
        s.blockingRules.removeAll { rule in rule.contains { [.firstNameSound, .surnameSound, .namesUnordered, .dobMonthDay].contains($0) } }
        s.blockingRules.removeAll { $0 == [.dob, .sex, .area] }
        s.trainingRules.removeAll { $0 == [.firstName, .surname] }
        return s
    }

    @Test("Two records with a typing error in each name and a slipped digit in the date of birth are compared, and linked")
    func typosEverywhere() throws {
        // A partnership whose records carry such errors (the hard profile), so the model learns what a date of birth
        // in the same month is worth: on the standard profile only swapped days and months occur, and EM rightly
        // learns that any other difference in the date is evidence against.
        var (rows, _) = try Self.prepared(people: 400, seed: 3, noise: .hard)
        // No pseudonym of theirs agrees: not the names, not the date of birth, not name and date together.
        rows.append(Self.row("police", "X1", first: "Charlotte", surname: "Henderson", dob: "2010-03-15"))
        rows.append(Self.row("health", "X2", first: "Charlote", surname: "Hendersen", dob: "2010-03-18"))
        var builder = RecordBuilder()
        for (agency, row) in rows { builder.add(agency: agency, row: row) }
        let records = builder.records
        let a = records.count - 2, b = records.count - 1
        #expect(records[a].firstName != records[b].firstName && records[a].surname != records[b].surname && records[a].dob != records[b].dob)
        // Version 2's rules never brought them together; the default rules do, on the names' keyed sound codes and
        // the year of birth.
        let before = Blocker(settings: Self.versionTwo).pairs(records)
        #expect(!zip(before.left, before.right).contains { Int($0) == a && Int($1) == b })
        let settings = LinkageSettings()
        let blocks = Blocker(settings: settings).pairs(records)
        #expect(zip(blocks.left, blocks.right).contains { Int($0) == a && Int($1) == b }, "the pair is compared")
        let result = Linker(settings: settings).run(records)
        #expect(result.personIDs[a] == result.personIDs[b], "linked")
        // …with each name graded "similar" and the date of birth "same month".
        var levels = [UInt8](repeating: 0, count: Comparator(settings: settings).comparisons.count)
        Comparator(settings: settings).levels(records[a], records[b], into: &levels)
        #expect(levels[3] == 3 && [3, 4].contains(levels[4]) && levels[5] == 4, "\(levels)")
        // `dots link explain` names the graded levels, each with evidence for the match.
        let linker = Linker(settings: settings)
        let scorer = Scorer(model: result.model, comparator: linker.comparator, settings: settings, records: records)
        let why = linker.explain(
            scorer.score(levels, records[a], records[b], ai: Int32(a), bi: Int32(b)), decision: "match", records: records, model: result.model)
        let first = try #require(why.lines.first { $0.comparison == "first_name" }), dob = try #require(why.lines.first { $0.comparison == "dob" })
        #expect(first.level == "similar (Dice ≥ 0.85)" && first.weight > 0)
        #expect(dob.level == "same month" && why.probability >= settings.matchThreshold)
    }

    @Test("A first name recorded as the surname, and a mistyped year, are compared and linked")
    func swappedAndYear() throws {
        // On the hard profile, whose records have both errors, so the model learns what they are worth.
        var (rows, _) = try Self.prepared(people: 400, seed: 5, noise: .hard)
        rows.append(Self.row("police", "X1", first: "Imogen", surname: "Okonkwo", dob: "2009-11-04"))
        rows.append(Self.row("health", "X2", first: "Okonkwo", surname: "Imogen", dob: "2009-11-04"))
        rows.append(Self.row("yjs", "X3", first: "Imogen", surname: "Okonkwo", dob: "2008-11-04"))
        var builder = RecordBuilder()
        for (agency, row) in rows { builder.add(agency: agency, row: row) }
        let records = builder.records
        let n = records.count
        let result = Linker(settings: LinkageSettings()).run(records)
        #expect(result.personIDs[n - 3] == result.personIDs[n - 2], "names in each other's fields")
        #expect(result.personIDs[n - 3] == result.personIDs[n - 1], "a year out")
        let old = Linker(settings: Self.versionTwo).run(records)
        #expect(old.personIDs[n - 3] != old.personIDs[n - 2], "version 2 never compared the swapped names")
    }

    @Test("On the hard noise profile the keys made at the agency let through true pairs the exact ones miss (block recall), and F1 rises")
    func blockRecall() throws {
        let (rows, truth) = try Self.prepared(people: 1500, seed: 9, noise: .hard)
        var builder = RecordBuilder()
        for (agency, row) in rows { builder.add(agency: agency, row: row) }
        let records = builder.records
        func measure(_ s: LinkageSettings) -> (recall: Double, pairs: Int, f1: Double) {
            let b = Blocker(settings: s).pairs(records)
            let linked = Linker(settings: s).run(records)
            let e = Evaluation(keys: records.map(\.key), predicted: linked.personIDs, truth: truth, candidates: (b.left, b.right))
            return (e.blockRecall, b.count, e.pairF1)
        }
        let was = measure(Self.versionTwo), now = measure(LinkageSettings())
        #expect(now.recall > was.recall + 0.04, "block recall \(was.recall) → \(now.recall)")
        #expect(now.pairs < was.pairs * 2, "pairs \(was.pairs) → \(now.pairs)")
        #expect(now.f1 > was.f1 + 0.01, "F1 \(was.f1) → \(now.f1)")
    }
}
