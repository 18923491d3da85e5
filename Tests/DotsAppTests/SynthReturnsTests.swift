import DotsCore
import DotsIntake
import DotsPrepare
import DotsSynth
import Foundation
import Testing

@Suite("dots synth returns: returns in the DfE's formats that load, and whose seeded defects are each reported")
struct SynthReturnsTests {
    static let keyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    func config(defects: Bool) -> SynthReturns.Config {
        var c = SynthReturns.Config()
        c.children = 400
        c.lookedAfter = 150
        c.year = 2022
        c.defects = defects
        return c
    }

    @Test("Every seeded rule break is found, on the child it was seeded on, and nothing else")
    func defectsFound() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try SynthReturns(config: config(defects: true)).write(to: dir)
        let seeded = Set(summary.defects.map { "\($0.returnName) \($0.rule) \($0.child)" })
        // Every rule Dots checks, bar the two that would make the extract itself wrong (8500, 8510).
        #expect(
            Set(summary.defects.map(\.rule)) == [
                "1103", "2889", "1105", "8805", "8810", "8614", "8869", "8898", "8820", "8935", "8940", "1510", "142", "501", "581", "586", "168",
            ])
        let extract = try ReturnFolder.read(try #require(try ReturnFolder.files(at: dir + "/returns")), la: nil)
        let found = Set(extract.findings.map { "\($0.collection) \($0.rule) \($0.child ?? "")" })
        #expect(found.subtracting(seeded).isEmpty, "reported but not seeded: \(found.subtracting(seeded).sorted())")
        #expect(seeded.subtracting(found).isEmpty, "seeded but not reported: \(seeded.subtracting(found).sorted())")
    }

    @Test("Without defects the returns prepare cleanly: no DfE rule broken, nothing refused")
    func cleanReturnsLoad() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try SynthReturns(config: config(defects: false)).write(to: dir)
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!))
            .run(input: dir + "/returns", output: dir + "/package", agency: "staffs-csc", period: nil)
        #expect(result.report.isValid, "\(result.report.summary())")
        #expect(result.report.warningCount == 0, "\(result.report.summary())")
        let source = try SubmissionSource.load(path: dir + "/package")
        #expect(source.period?.description == "2021-22")
        #expect(
            Set(source.files.compactMap(\.dataset)) == [
                .people, .cinEpisodes, .cinAssessments, .section47Enquiries, .protectionPlans, .careEpisodes, .missingEpisodes,
            ])
    }

    @Test("A county's CIN census, over 10 MB, is read whole (libxml2 refuses a document that size given at once)")
    func largeCensus() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var c = config(defects: false)
        c.children = 12_500
        c.lookedAfter = 0
        _ = try SynthReturns(config: c).write(to: dir)
        let files = try #require(try ReturnFolder.files(at: dir + "/returns")).filter { $0.format == .cinCensusXML }
        #expect(files.first.map { $0.bytes.count > 10_500_000 } == true)
        let extract = try ReturnFolder.read(files, la: nil)
        #expect(extract.rows[.people]?.count == 12_500)
    }

    @Test("The SSDA903 as XML reads into the same rows, and breaks the same rules, as the same return in CSV tables")
    func xmlMatchesCSV() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = config(defects: true)
        csv.children = 0
        var xml = csv
        xml.ssda903XML = true
        _ = try SynthReturns(config: csv).write(to: dir + "/csv")
        _ = try SynthReturns(config: xml).write(to: dir + "/xml")
        let files = try #require(try ReturnFolder.files(at: dir + "/xml/returns"))
        #expect(files.map(\.format).contains(.ssda903XML))
        let fromCSV = try ReturnFolder.read(try #require(try ReturnFolder.files(at: dir + "/csv/returns")), la: "860")
        let fromXML = try ReturnFolder.read(files, la: "860")
        for dataset in [Dataset.people, .careEpisodes, .missingEpisodes] {
            #expect(fromXML.rows[dataset] == fromCSV.rows[dataset], "\(dataset)")
        }
        #expect(fromCSV.rows[.careEpisodes]?.isEmpty == false)
        #expect(Set(fromXML.findings.map { "\($0.rule) \($0.child ?? "")" }) == Set(fromCSV.findings.map { "\($0.rule) \($0.child ?? "")" }))
    }

    @Test("Synthetic data.police.uk street-level crime: every crime with a location in the partnership is counted, the rest said")
    func streetCrime() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var c = config(defects: false)
        c.children = 0
        c.lookedAfter = 0
        c.crimesPerMonth = 100
        let summary = try SynthReturns(config: c).write(to: dir)
        let files = try #require(try ReturnFolder.files(at: dir + "/street-crime"))
        #expect(files.count == 12)
        let out = try ReturnFolder.read(files, la: nil)
        let counted = (out.rows[.areaCrime] ?? []).reduce(0) { $0 + Int($1["crimes"]!)! }
        #expect(counted == summary.crimes.counted && counted + summary.crimes.noLocation + summary.crimes.outside == 1_200)
        #expect(out.summary.first?.contains("\(summary.crimes.noLocation) with no location, \(summary.crimes.outside) in 1 local authority outside") == true)
        #expect(out.period?.description == "2021-22")
    }

    @Test("Synthetic data.police.uk stop and search: points drawn inside the districts are each placed back in one, every search accounted for")
    func stopSearch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-synth-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var c = config(defects: false)
        c.children = 0
        c.lookedAfter = 0
        c.stopsPerMonth = 100
        let summary = try SynthReturns(config: c).write(to: dir)
        let files = try #require(try ReturnFolder.files(at: dir + "/stop-search"))
        #expect(files.count == 12 && files.allSatisfy { $0.format == .policeStopAndSearchCSV })
        let out = try ReturnFolder.read(files, la: nil)
        #expect(out.issues.isEmpty, "\(out.issues.prefix(3))")
        let rows = out.rows[.areaStops] ?? []
        let searches = rows.reduce(0) { $0 + Int($1["searches"]!)! }
        #expect(searches == summary.stops.counted && searches + summary.stops.noLocation + summary.stops.outside == 1_200)
        #expect(rows.allSatisfy { Int($0["found"]!)! <= Int($0["searches"]!)! && Int($0["arrests"]!)! <= Int($0["searches"]!)! })
        #expect(Set(rows.map { $0["local_authority"]! }).count == 9, "every district has searches")
        #expect(
            out.summary.first?.contains("\(summary.stops.noLocation) with no location, \(summary.stops.outside) outside the partnership's districts") == true)
        #expect(out.period?.description == "2021-22")
    }
}
