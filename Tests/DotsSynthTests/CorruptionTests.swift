import DotsCore
import DotsIntake
import Foundation
import Testing

@testable import DotsSynth

@Suite("Identifier noise: every error kind, checked by hand, and the hard profile's rates")
struct CorruptionTests {
    static let standardDigest = "d4c21f29b29a29f964426c42c7920edb0b3dd5d727c551bd566e0b6f8ba8ea66"

    @Test("Edits as typed: substitution, insertion, deletion and transposition, the first letter kept and case followed")
    func edits() {
        #expect(Corruption.edit("Harriet", .substitution, at: 2, letter: "e") == "Haeriet")
        #expect(Corruption.edit("Harriet", .insertion, at: 2, letter: "x") == "Haxrriet")
        #expect(Corruption.edit("Harriet", .deletion, at: 2, letter: "x") == "Hariet")
        #expect(Corruption.edit("Oliver", .transposition, at: 1, letter: "x") == "Oilver")
        #expect(Corruption.edit("Oliver", .transposition, at: 5, letter: "x") == "Olivre", "at the end, with the letter before")
        #expect(Corruption.edit("JONES", .substitution, at: 1, letter: "i") == "JINES")
        #expect(Corruption.edit("Oliver", .deletion, at: 0, letter: "x") == "Oliver", "the first letter is never edited")
        #expect(Corruption.edit("A", .deletion, at: 1, letter: "x") == "A")
    }

    @Test("Keyboard neighbours cover every letter and are mutual")
    func keyboard() {
        #expect(Set(Corruption.keyboardNeighbours.keys) == Set("abcdefghijklmnopqrstuvwxyz"))
        for (key, near) in Corruption.keyboardNeighbours {
            for n in near { #expect(Corruption.keyboardNeighbours[n]?.contains(key) == true, "\(key) and \(n)") }
        }
        #expect(Corruption.keyboardNeighbours["s"] == "awedxz")
    }

    @Test("OCR confusions, phonetic spellings, shortened and hyphenated surnames")
    func names() {
        #expect(Corruption.ocr("sam") == "sarn")
        #expect(Corruption.ocr("harriet") == "harrict")
        #expect(Corruption.ocr("bob") == nil)
        #expect(Corruption.ocr("darnell", from: 3) == "darhell", "from the fourth letter on: its n read as h, not the rn before")
        let stephen = Corruption.phonetic("stephen")
        #expect(stephen.contains("stefen") && stephen.allSatisfy { $0.hasPrefix("s") })
        let jackson = Corruption.phonetic("jackson")
        #expect(jackson.contains("jakson") && jackson.contains("jacksen"))
        #expect(Corruption.phonetic("bu").isEmpty)
        #expect(Corruption.shortened("Smith-Jones", keep: 1) == "Jones" && Corruption.shortened("Smith-Jones", keep: 0) == "Smith")
        #expect(Corruption.shortened("Williamson", keep: 7) == "William")
        #expect(Corruption.shortened("Williamson", keep: 2) == "Wil", "never fewer than three letters")
        #expect(Corruption.shortened("Lee") == "Lee")
        #expect(Corruption.hyphenated("Smith", with: "Jones", otherFirst: true) == "Jones-Smith")
        #expect(Corruption.hyphenated("Smith", with: "Jones", otherFirst: false) == "Smith-Jones")
    }

    @Test("Dates of birth: a slipped digit that is still a date, a year one or ten out, and 29 February")
    func dates() {
        let d = CalendarDate(iso: "2010-03-15")!
        #expect(Corruption.digitSlip(d, position: 3, digit: 1)?.description == "2011-03-15")
        #expect(Corruption.digitSlip(d, position: 5, digit: 2)?.description == "2010-02-15")
        #expect(Corruption.digitSlip(d, position: 7, digit: 8)?.description == "2010-03-18")
        #expect(Corruption.digitSlip(d, position: 6, digit: 4) == nil, "the 45th is no date")
        #expect(Corruption.digitSlip(d, position: 7, digit: 5) == nil, "no change")
        #expect(Corruption.digitSlip(d, position: 1, digit: 9) == nil, "the century is never mistyped")
        var rng = SeededRandom(seed: 1, stream: 0)
        for _ in 0..<200 {
            let slipped = Corruption.randomDigitSlip(d, &rng)
            let a = Array(d.description.filter(\.isNumber)), b = Array(slipped.description.filter(\.isNumber))
            #expect(zip(a, b).filter { $0 != $1 }.count == 1, "\(slipped)")
        }
        let leap = CalendarDate(iso: "2012-02-29")!
        #expect(Corruption.yearMoved(leap, by: 1).description == "2013-02-28")
        #expect(Corruption.yearMoved(leap, by: 4).description == "2016-02-29")
        #expect(Corruption.yearMoved(leap, by: -10).description == "2002-02-28")
        #expect(Corruption.yearMoved(d, by: 10).description == "2020-03-15")
    }

    @Test("The hard profile's kinds come out at their rates, often several in one record; the truth still says who is who")
    func hardRates() throws {
        var config = SynthConfig()
        config.people = 3000
        config.seed = 5
        config.noise = .hard
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-hard-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try SynthGenerator(config: config).run(output: dir)
        func share(_ k: String) -> Double { s.noiseShare(k) }
        // Per name, so about 1 - (1 - rate)² of records; OCR and phonetic only where a name has such letters.
        #expect(abs(share("nameEdit") - 0.36) < 0.03, "nameEdit \(share("nameEdit"))")
        #expect(share("ocr") > 0.03 && share("ocr") < 0.07, "ocr \(share("ocr"))")
        #expect(share("phonetic") > 0.10 && share("phonetic") < 0.17, "phonetic \(share("phonetic"))")
        for (k, rate) in [
            ("dobDigit", 0.08), ("dobYearOff", 0.03), ("dobYearTen", 0.01), ("namesSwapped", 0.03), ("surnameShortened", 0.03),
            ("surnameHyphenated", 0.03), ("missingName", 0.02), ("missingDOB", 0.02), ("moved", 0.15),
        ] {
            #expect(abs(share(k) - rate) < max(0.01, rate * 0.25), "\(k) \(share(k))")
        }
        #expect(share("typo") == 0)
        #expect(share("severalErrors") > 0.2, "several errors \(share("severalErrors"))")
        let truth = try String(contentsOfFile: dir + "/truth.csv", encoding: .utf8).split(separator: "\n")
        #expect(truth.count - 1 == s.agencyRecords)
    }

    @Test("The standard profile makes none of the hard kinds, and a configuration written before them still loads")
    func standardUnchanged() throws {
        var config = SynthConfig()
        config.people = 500
        config.seed = 5
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-std-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try SynthGenerator(config: config).run(output: dir)
        for k in ["nameEdit", "ocr", "phonetic", "namesSwapped", "surnameShortened", "surnameHyphenated", "dobDigit", "dobYearOff", "missingName"] {
            #expect(s.noise[k] == nil, "\(k)")
        }
        // Every extract byte for byte as before the hard kinds existed: the digest was checked equal to the files
        // written by `dots synth --people 600 --seed 7` built from the commit before them (978613e).
        var config7 = SynthConfig()
        config7.people = 600
        config7.seed = 7
        let dir7 = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-std7-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir7) }
        _ = try SynthGenerator(config: config7).run(output: dir7)
        var all: [UInt8] = []
        // The invented postcode directory came later, beside the extracts; it draws nothing from their streams.
        let names = (FileManager.default.enumerator(atPath: dir7)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".csv") && $0 != SynthGenerator.postcodeDirectory }.sorted()
        for name in names { all += Array(name.utf8) + [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir7 + "/" + name))) }
        #expect(names.count > 15)
        #expect(SubmissionSource.sha256(all) == Self.standardDigest, "\(SubmissionSource.sha256(all))")
        let old = #"{"nameTypo":0.03,"nickname":0.08,"swappedDayMonth":0.02,"surnameChange":0.03,"moved":0.08,"duplicateRecord":0.01}"#
        #expect(try JSONDecoder().decode(NoiseRates.self, from: Data(old.utf8)) == .standard)
    }
}
