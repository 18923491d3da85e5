import ArgumentParser
import DotsCore
import DotsIntake
import DotsPrepare
import Foundation

struct PrepareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Inside an agency: check a raw extract and write a submission package with no clear identifiers.",
        discussion: "The linkage key comes from --key-file or DOTS_LINKAGE_KEY. It is never written to the package, the report or the log.")

    @Argument(
        help:
            "The agency's extract: a folder of CSVs (people.csv, missing_episodes.csv, …) or one CSV; or, read as they are, a local authority's statutory returns (CIN census XML, SSDA903 CSV tables or XML, Ofsted's Annex A workbook) or a force's data.police.uk street-level crime and stop and search CSVs (docs/returns.md)."
    )
    var input: String
    @Option(help: "The agency's id (see `dots partnership show`).") var agency: String
    @Option(help: "Where to write the package folder.") var out: String
    @Option(help: "The period the events cover: 2025-26, 2025-26 Q1, 2025-04 or 2025-04-01/2026-03-31.") var period: String?
    @Option(help: "A file holding the linkage key (hex or base64).") var keyFile: String?
    @Option(help: "The partnership's current key fingerprint (`dots key id`): prepare refuses any other key.") var keyID: String?
    @Option(help: "A mapping file (JSON) saying which of the extract's columns is which Dots column; see docs/intake.md.") var mapping: String?
    @Option(help: "Also write the full report as JSON to this file.") var report: String?
    @Option(
        help:
            "The agency's last package (or, for events alone, its people.csv): events may refer to its people, and a people file keeps those of its people it does not list (a year's return lists only that year's children)."
    )
    var peopleFrom: String?
    @Option(
        help:
            "For statutory returns that do not name their local authority (the SSDA903 CSV tables, Annex A): its three-digit DfE code, which prefixes every child's id."
    )
    var laCode: String?
    @Option(
        help:
            "ONS's postcode directory (ONSPD or NSPL CSV; repeat for one file per postcode area): each home postcode's district from it rather than from its outward code, which can cross a district boundary."
    )
    var postcodeLookup: [String] = []
    @Flag(
        help:
            "Also send each young person's home LSOA from the postcode directory (its lsoa21 or lsoa11 column), for the framework's figures by LSOA within each district. Needs --postcode-lookup."
    )
    var homeLSOA = false

    func run() async throws {
        let period = try parsePeriod(self.period)
        if homeLSOA && postcodeLookup.isEmpty {
            throw ValidationError("--home-lsoa reads each postcode's LSOA from ONS's postcode directory: give it with --postcode-lookup FILE.")
        }
        var lookup = PostcodeLookup(withLSOAs: homeLSOA)
        do { for file in postcodeLookup { try lookup.read(file) } } catch { throw ValidationError("\(error)") }
        if !postcodeLookup.isEmpty {
            print(
                "Postcode directory: \(lookup.districts.count) postcodes with their districts"
                    + (homeLSOA ? ", \(lookup.lsoas.count) with their LSOAs" : "")
                    + (lookup.skipped > 0 ? "; \(lookup.skipped) rows left out, with no postcode or no district (first: \(lookup.firstSkipped ?? ""))" : ""))
        }
        let pipeline = PreparePipeline(keyProvider: FileOrEnvironmentKeyProvider(file: keyFile), postcodeAreas: lookup.areas(), postcodeLSOAs: lookup.lsoas)
        let result: PreparePipeline.Result
        do {
            let map = try mapping.map(ExtractMapping.load)
            let known = try peopleFrom.map(PeopleManifest.load) ?? []
            result = try pipeline.run(
                input: input, output: out, agency: agency, period: period, mapping: map, expectedKeyID: keyID, knownPeople: known, la: laCode,
                carryPeopleFrom: peopleFrom)
        } catch let e as KeyError {
            throw ValidationError(e.description)
        } catch let e as SubmissionSource.ReadError { throw ValidationError(e.description) } catch let e as PeopleManifest.ReadError {
            throw ValidationError(e.description)
        } catch let e as ExtractMapping.MappingError {
            throw ValidationError(e.description)
        } catch let e as ReturnReadError {
            throw ValidationError(e.description)
        }
        for line in result.returns { print(line) }
        try writeReport(result.report, to: report)
        print(result.report.summary())
        guard let output = result.output else { throw ExitCode(1) }
        print("Package written to \(output) (linkage key \(result.keyID ?? "?")). Send this folder to the hub: dots ingest \(output)")
    }
}

func parsePeriod(_ text: String?) throws -> Period? {
    guard let text else { return nil }
    guard let p = Period(parsing: text) else { throw ValidationError(IssueCode.periodInvalid.fix) }
    return p
}

func writeReport(_ report: IntakeReport, to path: String?) throws {
    guard let path else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(report).write(to: URL(fileURLWithPath: path))
}
