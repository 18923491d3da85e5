import DotsCore
import DotsLink
import Foundation
import Testing

/// Small hand-built records: pseudonyms are short strings (interning does not care what they look like).
func record(_ agency: String, _ id: String, _ fields: [String: String]) -> [String: String] {
    var row = fields
    row["person_id"] = id
    row["agency_id"] = agency
    return row
}

func build(_ rows: [(String, [String: String])]) -> [LinkRecord] {
    var b = RecordBuilder()
    for (agency, row) in rows { b.add(agency: agency, row: row) }
    return b.records
}

func bloom(_ bits: [Int]) -> String {
    var bytes = [UInt8](repeating: 0, count: 64)
    for b in bits { bytes[b / 8] |= 1 << UInt8(b % 8) }
    return Data(bytes).base64EncodedString()
}

@Suite("Linkage stages")
struct LinkStageTests {
    let settings = LinkageSettings()

    @Test("Dice similarity of Bloom encodings: 2|A∩B| / (|A|+|B|)")
    func dice() throws {
        let a = try #require(BloomBits(bytes: [UInt8](Data(base64Encoded: bloom([1, 2, 3, 4]))!)))
        let b = try #require(BloomBits(bytes: [UInt8](Data(base64Encoded: bloom([3, 4, 5, 6, 7, 8]))!)))
        // |A∩B| = 2, |A| + |B| = 10 → 0.4.
        #expect(abs(a.dice(b) - 0.4) < 1e-12)
        #expect(a.dice(a) == 1)
    }

    @Test("Comparison levels, from exact agreement down to different, with blanks as not known")
    func levels() {
        let r = build([
            (
                "A",
                record(
                    "A", "1",
                    [
                        "nhs_pseudonym": "n1", "first_name_pseudonym": "f1", "surname_pseudonym": "s1", "dob_pseudonym": "d1",
                        "dob_unordered_pseudonym": "u1", "birth_year_month": "2010-03", "postcode_pseudonym": "p1", "home_area": "E06000021", "sex": "F",
                    ])
            ),
            (
                "B",
                record(
                    "B", "2",
                    [
                        "nhs_pseudonym": "n2", "first_name_pseudonym": "f1", "surname_pseudonym": "s9", "dob_pseudonym": "d2",
                        "dob_unordered_pseudonym": "u1", "birth_year_month": "2010-04", "postcode_pseudonym": "p2", "home_area": "E06000021", "sex": "U",
                    ])
            ),
            ("C", record("C", "3", ["birth_year_month": "2010-04", "home_area": "E07000197", "sex": "F"])),
        ])
        let c = Comparator(settings: settings)
        var l = [UInt8](repeating: 0, count: c.comparisons.count)
        c.levels(r[0], r[1], into: &l)
        // nhs different, upn and local id not known, first name exact, surname different (no encodings, level 6 of
        // version 3's six), date of birth swapped, same area, sex not known (U).
        #expect(l == [2, 0, 0, 1, 6, 2, 2, 0])
        c.levels(r[0], r[2], into: &l)
        // Birth months a month apart (version 3's level 5, "within a month"); areas differ.
        #expect(l == [0, 0, 0, 0, 0, 5, 3, 1])
        #expect(c.unpack(c.pattern(l)) == l)
    }

    @Test("Blocking keeps each pair once, by the first rule that finds it, and never blocks on blanks")
    func blocking() {
        let r = build([
            ("A", record("A", "1", ["nhs_pseudonym": "n1", "surname_pseudonym": "s1", "birth_year_month": "2010-01"])),
            ("B", record("B", "2", ["nhs_pseudonym": "n1", "surname_pseudonym": "s1", "birth_year_month": "2010-05"])),
            ("C", record("C", "3", ["surname_pseudonym": "s1", "birth_year_month": "2010-09"])),
            ("D", record("D", "4", ["birth_year_month": "2010-09"])),
        ])
        let b = Blocker(rules: [[.nhs], [.surname, .birthYear]], maxBlockSize: 10).pairs(r)
        #expect(b.pairsPerRule == [1, 2])  // (1,2) by NHS; (1,3), (2,3) by surname + year; D has no surname
        #expect(Set(zip(b.left, b.right).map { "\($0)-\($1)" }) == ["0-1", "0-2", "1-2"])
        let capped = Blocker(rules: [[.surname, .birthYear]], maxBlockSize: 2).pairs(r)
        #expect(capped.count == 0 && capped.skippedBlocks.map(\.size) == [3])
    }

    @Test("Components join records linked directly or through others")
    func components() {
        let c = Clusterer().components(count: 6, links: [(0, 1), (1, 2), (4, 5)])
        #expect(c[0] == c[1] && c[1] == c[2] && c[4] == c[5])
        #expect(Set(c).count == 3)
    }

    @Test("Partnership person ids are kept across runs; a split keeps the id with the larger part; new people get new ids")
    func stableIDs() {
        // Records A/1, B/1, C/1, A/2, B/9; last time the first three were one person and A/2 another.
        let previous: [String?] = ["DP-0000007", "DP-0000007", "DP-0000007", "DP-0000003", nil]
        // Now A/1 and B/1 stay together, C/1 splits off, A/2 is alone, B/9 is new.
        let (ids, highest, people) = Clusterer().stableIDs(components: [0, 0, 2, 3, 4], previous: previous)
        #expect(people == 4)
        #expect(ids[0] == "DP-0000007" && ids[1] == "DP-0000007")
        #expect(ids[3] == "DP-0000003")
        #expect(Set([ids[2], ids[4]]) == ["DP-0000008", "DP-0000009"])
        #expect(highest == 9)
        // Run again with these as the previous ids: nothing changes.
        let again = Clusterer().stableIDs(components: [0, 0, 2, 3, 4], previous: ids.map(Optional.some), highestUsed: highest)
        #expect(again.ids == ids && again.highestUsed == 9)
        // An id given once is never given again, even when no record holds it any more.
        let afterRemoval = Clusterer().stableIDs(components: [0, 1], previous: ["DP-0000003", nil], highestUsed: 9)
        #expect(afterRemoval.ids == ["DP-0000003", "DP-0000010"] && afterRemoval.highestUsed == 10)
        // A first run numbers people from 1, larger clusters first.
        #expect(Clusterer().stableIDs(components: [0, 1, 1], previous: []).ids == ["DP-0000002", "DP-0000001", "DP-0000001"])
    }

    @Test("Evaluation counts pairs and clusters by hand")
    func evaluation() {
        // Truth: {a,b,c} {d,e} {f}. Predicted: {a,b} {c,d,e} {f}.
        let keys = ["a", "b", "c", "d", "e", "f"]
        let truth = ["a": "1", "b": "1", "c": "1", "d": "2", "e": "2", "f": "3"]
        let predicted = ["x", "x", "y", "y", "y", "z"]
        // Candidate pairs: (a,b), (a,c), (d,e).
        let e = Evaluation(keys: keys, predicted: predicted, truth: truth, candidates: ([0, 0, 3], [1, 2, 4]))
        // True pairs: ab ac bc de = 4. Predicted: ab cd ce de = 4. Correct: ab de = 2.
        #expect(e.truePairs == 4 && e.predictedPairs == 4 && e.correctPairs == 2)
        #expect(e.pairPrecision == 0.5 && e.pairRecall == 0.5 && e.pairF1 == 0.5)
        // Exactly right: {f} only, of 3 true and 3 predicted clusters.
        #expect(e.exactClusters == 1 && abs(e.clusterF1 - 1.0 / 3.0) < 1e-12)
        // Compared true pairs: ab, ac, de = 3 of 4.
        #expect(e.blockRecall == 0.75)
        #expect(e.calibration == nil, "no scored pairs given, nothing to say")
    }

    @Test("Calibration puts each scored pair in its band of match probability and counts the true ones, by hand")
    func calibration() {
        let keys = ["a", "b", "c", "d", "e", "f"]
        let truth = ["a": "1", "b": "1", "c": "1", "d": "2", "e": "2"]  // f is not in the truth file
        let scored: [(a: Int32, b: Int32, probability: Double)] = [
            (0, 1, 0.97), (0, 2, 0.6), (2, 3, 0.999), (3, 4, 1.0), (1, 2, 0.8), (0, 3, 0.4), (4, 5, 0.9),
        ]
        let e = Evaluation(keys: keys, predicted: keys, truth: truth, candidates: ([], []), scored: scored)
        let bands = try! #require(e.calibration)
        #expect(bands.map(\.from) == [0.5, 0.8, 0.95, 0.99] && bands.map(\.to) == [0.8, 0.95, 0.99, 1.0])
        // 0.4 is below every band; (e, f) names a record the truth does not; 0.8 opens the second band, 1.0 is in the last.
        #expect(bands.map(\.pairs) == [1, 1, 1, 2])
        #expect(bands.map(\.truePairs) == [1, 1, 1, 1])  // ac, bc, ab true; cd false, de true
        #expect(abs(bands[3].meanProbability - 0.9995) < 1e-12 && bands[3].trueShare == 0.5)
        #expect(e.text().contains("99%–100%: 2 pairs, mean 99.95%, 1 true (50.00%)"))
    }

    @Test("The prior refined on the compared pairs: a hundred strong agreements among a million pairs give λ near 1e-4, from any start")
    func refinedPrior() {
        // One comparison: agreeing gives +20 bits, differing −20 (m and u chosen so).
        let model = FellegiSunterModel(m: [[1, 0.5, 0.5]], u: [[1, 0.5 / 1_048_576, 0.5 * 1_048_576]], lambda: 1e-7, iterations: 1)
        #expect(abs(model.weight(0, 1) - 20) < 1e-9 && abs(model.weight(0, 2) + 20) < 1e-9)
        var settings = LinkageSettings()
        settings.priorFromComparedPairs = true
        let trainer = Trainer(comparator: Comparator(settings: settings), settings: settings)
        // 1,415 records make 1,000,405 pairs. At the fixed point λ = (100 σ(20 + logit λ) + 1000 σ(−20 + logit λ)) / 1,000,405,
        // worked by iterating in Python: 9.9006e-5 (99.05 expected true pairs: the hundred, each short of certain).
        for start in [1e-7, 1e-4, 0.3] {
            var m = model
            m.lambda = start
            let lambda = trainer.refinedPrior(m, patterns: [([1], 100), ([2], 1000)], records: 1415)
            #expect(abs(lambda - 9.9006e-5) < 1e-8, "from \(start): \(lambda)")
        }
        let saved = try! JSONDecoder().decode(LinkageSettings.self, from: Data(#"{"version":3}"#.utf8))
        #expect(!saved.priorFromComparedPairs && LinkageSettings().priorFromComparedPairs, "a run saved before it keeps the prior it was scored with")
    }

    @Test("u with the true pairs taken out: (share − λm) / (1 − λ), never below a tenth of the share; names by their same-year share")
    func uWithoutMatches() {
        let settings = LinkageSettings()
        let comparator = Comparator(settings: settings)
        let trainer = Trainer(comparator: comparator, settings: settings)
        let local = comparator.comparisons.firstIndex { $0.name == .localID }!
        let first = comparator.comparisons.firstIndex { $0.name == .firstName }!
        let nhs = comparator.comparisons.firstIndex { $0.name == .nhs }!
        // Every comparison agreeing (level 1) or not; the names' other levels unused (share 0, m 0).
        func twoLevels(_ agree: Double, _ count: Int) -> [Double] { [1, agree, 1 - agree] + [Double](repeating: 0, count: count - 3) }
        var sampled = comparator.comparisons.map { twoLevels(2e-4, $0.levelCount) }
        var m = comparator.comparisons.map { twoLevels(0.5, $0.levelCount) }
        sampled[nhs] = [1, 5e-5, 1 - 5e-5]
        m[nhs] = [1, 0.9, 0.1]
        let u = trainer.uWithoutMatches(sampled, m: m, lambda: 1e-4, sameYearLambda: 1e-3)
        // local id: (2e-4 − 1e-4 × 0.5) / (1 − 1e-4) agreeing; differing (0.9998 − 0.5e-4) / 0.9999; together 1 already.
        #expect(abs(u[local][1] - 1.5e-4 / 0.9999) < 1e-15 && abs(u[local][2] - 0.99975 / 0.9999) < 1e-12)
        // A first name by the same-year share: (2e-4 − 1e-3 × 0.5) < 0, so a tenth of the share, 2e-5; differing
        // (0.9998 − 0.5e-3) / 0.999 = 0.99930 / 0.999; then both over their sum.
        let (agree, differ) = (2e-5, 0.9993 / 0.999)
        #expect(abs(u[first][1] - agree / (agree + differ)) < 1e-15 && abs(u[first][2] - differ / (agree + differ)) < 1e-12)
        // NHS number: 5e-5 − 0.9e-4 < 0: a tenth, 5e-6, so its evidence grows by log2(10) bits at most.
        let nhsDiffer = (1 - 5e-5 - 1e-4 * 0.1) / (1 - 1e-4)
        #expect(abs(u[nhs][1] - 5e-6 / (5e-6 + nhsDiffer)) < 1e-15)
        #expect(u.allSatisfy { $0[0] == 1 })

        // Years 2009 ×2, 2010 ×3 and one record alone: λ × 5/6 × (2/1 + 3/2).
        #expect(abs(Trainer.sameYearShare(lambda: 0.01, birthYears: [2009, 2010, 2009, 2010, 2010, 0]) - 0.01 * 5 / 6 * 3.5) < 1e-15)
        #expect(Trainer.sameYearShare(lambda: 0.01, birthYears: [2009]) == 0)
        let saved = try! JSONDecoder().decode(LinkageSettings.self, from: Data(#"{"version":3}"#.utf8))
        #expect(!saved.uWithoutMatches && settings.uWithoutMatches, "a run saved before it keeps the u it was scored with")
    }

    @Test("Weights are log2(m/u), the prior log2(λ/(1−λ)), probabilities from total weight")
    func weights() {
        let model = FellegiSunterModel(m: [[1, 0.9, 0.1]], u: [[1, 0.01, 0.99]], lambda: 0.2, iterations: 1)
        #expect(abs(model.weight(0, 1) - log2(90)) < 1e-12)
        #expect(model.weight(0, 0) == 0)
        #expect(abs(model.priorWeight - (-2)) < 1e-12)
        #expect(FellegiSunterModel.probability(weight: 0) == 0.5)
        #expect(abs(FellegiSunterModel.probability(weight: 3) - 8.0 / 9.0) < 1e-12)
    }

    @Test("Settings problems are named in plain words")
    func settingsProblems() {
        var s = LinkageSettings()
        #expect(s.problems().isEmpty)
        s.matchThreshold = 0.4
        s.blockingRules = [[.nhs, .surname, .dob, .sex, .area]]
        #expect(s.problems().count == 2)
    }
}

@Suite("Linking a small population end to end")
struct LinkerTests {
    /// Twenty young people, each held by two agencies; the second copy has slips.
    func population() -> [LinkRecord] {
        var rows: [(String, [String: String])] = []
        let surnames = ["s0", "s1", "s2", "s3", "s4"]
        for p in 0..<20 {
            let base: [String: String] = [
                "first_name_pseudonym": "f\(p)", "surname_pseudonym": surnames[p % 5], "dob_pseudonym": "d\(p)", "dob_unordered_pseudonym": "u\(p)",
                "birth_year_month": "20\(10 + p % 4)-0\(1 + p % 9)", "postcode_pseudonym": "pc\(p)", "home_area": "E06000021", "sex": p % 2 == 0 ? "M" : "F",
                "name_dob_pseudonym": "nd\(p)",
            ]
            rows.append(("A", record("A", "a\(p)", base.merging(["nhs_pseudonym": "n\(p)"]) { $1 })))
            var copy = base
            if p % 3 == 0 { copy["postcode_pseudonym"] = "moved\(p)"; copy["name_dob_pseudonym"] = nil }
            if p % 4 == 0 { copy["nhs_pseudonym"] = "n\(p)" }
            rows.append(("B", record("B", "b\(p)", copy)))
        }
        return build(rows)
    }

    @Test("Every young person is found, across agencies, with stable ids on a second run")
    func link() {
        var settings = LinkageSettings()
        settings.uSamplePairs = 20_000
        let records = population()
        let result = Linker(settings: settings).run(records)
        let truth = Dictionary(uniqueKeysWithValues: records.map { ($0.key, String($0.personID.dropFirst())) })
        let e = Evaluation(keys: records.map(\.key), predicted: result.personIDs, truth: truth, candidates: result.candidates)
        #expect(e.pairF1 == 1, "\(e.text())")
        #expect(result.people == 20)
        #expect(result.highestPersonNumber == 20)
        let again = Linker(settings: settings).run(records, previousIDs: result.personIDs, highestPersonNumber: result.highestPersonNumber)
        #expect(again.personIDs == result.personIDs && again.highestPersonNumber == 20)
    }

    @Test("u corrected for true pairs, with the prior refined or not: agreement on the NHS number weighs more, every young person still found")
    func uCorrectedEitherWay() {
        let records = population()
        let truth = Dictionary(uniqueKeysWithValues: records.map { ($0.key, String($0.personID.dropFirst())) })
        let nhs = Comparator(settings: LinkageSettings()).comparisons.firstIndex { $0.name == .nhs }!
        for refined in [true, false] {
            var settings = LinkageSettings()
            settings.uSamplePairs = 20_000
            settings.priorFromComparedPairs = refined
            settings.uWithoutMatches = false
            let sampled = Linker(settings: settings).run(records)
            settings.uWithoutMatches = true
            let corrected = Linker(settings: settings).run(records)
            // Five young people share an NHS number across agencies among 780 pairs: most of the random pairs agreeing.
            #expect(corrected.model.u[nhs][1] < sampled.model.u[nhs][1], "prior refined: \(refined)")
            let e = Evaluation(keys: records.map(\.key), predicted: corrected.personIDs, truth: truth, candidates: corrected.candidates)
            #expect(e.pairF1 == 1, "prior refined: \(refined): \(e.text())")
        }
    }

    @Test("A reviewer's rejection splits a pair the model linked; a confirmation joins one it did not compare")
    func reviewsOverride() {
        var settings = LinkageSettings()
        settings.uSamplePairs = 20_000
        let records = population()
        let rejected = ReviewDecision(a: "B/b1", b: "A/a1", verdict: .rejected)
        let confirmed = ReviewDecision(a: "A/a2", b: "A/a3", verdict: .confirmed)
        let result = Linker(settings: settings).run(records, reviews: [rejected, confirmed])
        let id = Dictionary(uniqueKeysWithValues: zip(records.map(\.key), result.personIDs))
        #expect(id["A/a1"] != id["B/b1"])
        #expect(id["A/a2"] == id["A/a3"] && id["A/a3"] == id["B/b3"])
        #expect(result.decisions.contains(.rejected))
    }

    @Test("A record with no date of birth and no NHS number still links on its names and postcode")
    func linksOnWhatItHas() {
        var rows: [(String, [String: String])] = []
        for p in 0..<30 {
            let full: [String: String] = [
                "first_name_pseudonym": "f\(p)", "surname_pseudonym": "s\(p % 7)", "dob_pseudonym": "d\(p)",
                "dob_unordered_pseudonym": "u\(p)", "birth_year_month": "2011-0\(1 + p % 9)", "postcode_pseudonym": "pc\(p)",
                "home_area": "E06000021", "sex": "F", "nhs_pseudonym": "n\(p)", "name_dob_pseudonym": "nd\(p)",
            ]
            rows.append(("A", record("A", "a\(p)", full)))
            rows.append(("B", record("B", "b\(p)", full)))
        }
        // The police know the first child only by name and postcode.
        rows.append(("C", record("C", "c0", ["first_name_pseudonym": "f0", "surname_pseudonym": "s0", "postcode_pseudonym": "pc0", "sex": "F"])))
        var settings = LinkageSettings()
        settings.uSamplePairs = 20_000
        settings.blockingRules.append([.firstName, .surname, .sex])
        let records = build(rows)
        let result = Linker(settings: settings).run(records)
        let id = Dictionary(uniqueKeysWithValues: zip(records.map(\.key), result.personIDs))
        #expect(id["C/c0"] == id["A/a0"])
        #expect(result.people == 30)
    }

    @Test("An agreeing NHS number links whatever else disagrees")
    func deterministic() {
        let records = build([
            ("A", record("A", "1", ["nhs_pseudonym": "n1", "first_name_pseudonym": "x", "surname_pseudonym": "y", "birth_year_month": "2010-01"])),
            ("B", record("B", "2", ["nhs_pseudonym": "n1", "first_name_pseudonym": "p", "surname_pseudonym": "q", "birth_year_month": "2014-07"])),
            ("C", record("C", "3", ["nhs_pseudonym": "n3", "first_name_pseudonym": "z", "surname_pseudonym": "w", "birth_year_month": "2012-03"])),
        ])
        var settings = LinkageSettings()
        settings.uSamplePairs = 1_000
        let result = Linker(settings: settings).run(records)
        #expect(result.personIDs[0] == result.personIDs[1] && result.personIDs[0] != result.personIDs[2])
        #expect(result.pairs.first?.deterministic == true)
        let text = Linker(settings: settings).explain(result.pairs[0], decision: "match", records: records, model: result.model).text()
        #expect(text.contains("NHS number agrees"))
        #expect(text.contains("nhs") && text.contains("agree"))
    }
}
