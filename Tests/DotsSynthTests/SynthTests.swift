import DotsCore
import DotsIntake
import DotsSynth
import Foundation
import Testing

@Suite("The synthetic partnership generator")
struct SynthTests {
    func generate(people: Int, seed: UInt64) throws -> (dir: String, summary: SynthGenerator.Summary) {
        var config = SynthConfig()
        config.people = people
        config.seed = seed
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-\(UUID().uuidString)").path
        return (dir, try SynthGenerator(config: config).run(output: dir))
    }

    func files(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let f = e.nextObject() as? String {
            if f.hasSuffix(".csv") { out[f] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + f)) }
        }
        return out
    }

    @Test("The same seed gives byte-identical extracts; another seed does not")
    func determinism() throws {
        let a = try generate(people: 400, seed: 7), b = try generate(people: 400, seed: 7), c = try generate(people: 400, seed: 8)
        defer { for d in [a.dir, b.dir, c.dir] { try? FileManager.default.removeItem(atPath: d) } }
        let fa = try files(a.dir)
        #expect(fa.count > 15)
        #expect(fa == (try files(b.dir)))
        #expect(fa != (try files(c.dir)))
    }

    @Test("Overlap and identifier noise come out at the configured rates")
    func rates() throws {
        let g = try generate(people: 4000, seed: 11)
        defer { try? FileManager.default.removeItem(atPath: g.dir) }
        let s = g.summary
        #expect(s.people == 4000)
        // Most young people who come to notice are known to more than one agency, but not all.
        #expect(s.multiAgencyShare > 0.4 && s.multiAgencyShare < 0.9, "multi-agency share \(s.multiAgencyShare)")
        #expect(abs(s.noiseShare("typo") - 0.03) < 0.01, "typo \(s.noiseShare("typo"))")
        #expect(abs(s.noiseShare("surnameChange") - 0.03) < 0.01)
        #expect(abs(s.noiseShare("moved") - 0.08) < 0.015)
        // Swaps only where day and month can be swapped (day ≤ 12 and day ≠ month): about 12/30.4 × 11/12 of dates.
        #expect(s.noiseShare("swappedDayMonth") > 0.003 && s.noiseShare("swappedDayMonth") < 0.015)
        // Nicknames only for names that have one.
        #expect(s.noiseShare("nickname") > 0.01 && s.noiseShare("nickname") < 0.08)
        #expect(abs(s.noiseShare("duplicateRecord") - 0.02) < 0.01)  // two records per duplicated child
        // The truth file lists every agency person record exactly once.
        let truth = try String(contentsOfFile: g.dir + "/truth.csv", encoding: .utf8).split(separator: "\n")
        #expect(truth.count - 1 == s.agencyRecords)
    }

    @Test("Every agency's extract passes the agency-side checks, so prepare accepts it")
    func extractsAreValid() throws {
        let g = try generate(people: 1500, seed: 3)
        defer { try? FileManager.default.removeItem(atPath: g.dir) }
        let now = Instant(iso: "2026-11-24T12:00:00Z")!
        for agency in try FileManager.default.contentsOfDirectory(atPath: g.dir).filter({ !$0.contains(".") }) {
            let source = try SubmissionSource.load(path: g.dir + "/" + agency, agency: agency, period: SynthConfig().period)
            let report = SubmissionValidator(
                model: ReferencePartnership.model, context: ValidationContext(period: SynthConfig().period, now: now), side: .agencyExtract
            ).validate(source)
            #expect(report.isValid, "\(agency): \(report.summary(limit: 5))")
        }
    }

    @Test("Ages at events are mostly 10 to 17")
    func ages() throws {
        let g = try generate(people: 1500, seed: 5)
        defer { try? FileManager.default.removeItem(atPath: g.dir) }
        // Join the police's people and incidents by person id and compute age at the incident.
        let people = try String(contentsOfFile: g.dir + "/staffs-police/people.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        var birth: [Substring: CalendarDate] = [:]
        for line in people {
            let c = line.split(separator: ",", omittingEmptySubsequences: false)
            let dob = String(c[3])
            birth[c[0]] =
                CalendarDate(iso: dob)
                ?? {
                    let p = dob.split(separator: "/")
                    return p.count == 3 ? CalendarDate(year: Int(p[2])!, month: Int(p[1])!, day: Int(p[0])!) : nil
                }()
        }
        let incidents = try String(contentsOfFile: g.dir + "/staffs-police/police_incidents.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        var inRange = 0, total = 0
        for line in incidents {
            let c = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let b = birth[c[1]], let d = CalendarDate(iso: c[2].prefix(10)) else { continue }
            total += 1
            if (10...17).contains(d.years(since: b)) { inRange += 1 }
        }
        #expect(total > 300)
        #expect(Double(inRange) / Double(total) > 0.75, "\(inRange) of \(total)")
    }
}
