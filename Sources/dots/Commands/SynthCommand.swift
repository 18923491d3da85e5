import ArgumentParser
import DotsCore
import DotsSynth
import Foundation

struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate synthetic data: a partnership's raw extracts (the default), or a local authority's statutory returns.",
        subcommands: [SynthPartnershipCommand.self, SynthReturnsCommand.self], defaultSubcommand: SynthPartnershipCommand.self)
}

struct SynthPartnershipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnership",
        abstract: "Generate a synthetic partnership: each agency's raw extract, plus a truth file for testing linkage.")

    @Option(help: "Output folder.") var out = "dots-synth"
    @OptionGroup var synth: SynthOptions

    func run() async throws {
        let config = synth.config
        let start = Stopwatch()
        let summary = try SynthGenerator(config: config).run(output: out) { note("  \($0) young people…") }
        print(
            "Generated \(summary.people) young people (\(summary.known) known to an agency, \(summary.multiAgency) to two or more) in \(String(format: "%.1f", start.seconds)) s."
        )
        for (file, rows) in summary.rows.sorted(by: { $0.key < $1.key }) { print("  \(out)/\(file): \(rows) rows") }
        print("  \(out)/truth.csv: which agency record is which young person (keep it away from the hub)")
    }
}

/// How big a synthetic partnership to make, and from which seed (shared by `synth` and `demo`).
struct SynthOptions: ParsableArguments {
    @Option(help: "Young people to generate.") var people = 5_000
    @Option(help: "Random seed; the same seed gives the same partnership.") var seed: UInt64 = 20_201_124
    @Option(
        help:
            "Identifier noise: standard (the demo's slips) or hard (every error kind of published record-corruption generators, more often; docs/synthetic-data.md)."
    ) var noise: NoiseProfile = .standard
    @Option(
        help:
            "The invented small areas in LSOAs' shape the postcode directory and the demo use: at least so many in each district (8 by default, 109 in all; some 80 imitates the partnership's real 700 or so)."
    ) var lsoasPerDistrict = InventedLSOAs.defaultPerDistrict

    enum NoiseProfile: String, ExpressibleByArgument, CaseIterable { case standard, hard }

    func validate() throws {
        guard (1...400).contains(lsoasPerDistrict) else {
            throw ValidationError("--lsoas-per-district \(lsoasPerDistrict): give 1 to 400 (8 is the demo's; some 80 imitates the partnership's real LSOAs).")
        }
    }

    var config: SynthConfig {
        var c = SynthConfig()
        c.people = people
        c.seed = seed
        c.noise = noise == .hard ? .hard : .standard
        c.smallAreasPerDistrict = lsoasPerDistrict
        return c
    }
}

struct SynthReturnsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "returns",
        abstract: "Generate a synthetic local authority's CIN census (XML) and SSDA903 tables (CSV), optionally with seeded DfE rule breaks.")

    @Option(help: "Output folder.") var out = "dots-returns"
    @Option(help: "Children in the CIN census.") var children = 1_000
    @Option(help: "Children in the SSDA903 tables.") var lookedAfter = 200
    @Option(help: "The census year, by the year it ends (2025 is 2024-25).") var year = 2025
    @Option(help: "Years of care episodes the SSDA903 tables hold.") var years = 1
    @Option(help: "The local authority's three-digit DfE code.") var la = "860"
    @Option(help: "Random seed.") var seed: UInt64 = 20_261_206
    @Flag(help: "Give one child in 25 a break of a DfE rule, listed in defects.csv.") var defects = false
    @Flag(help: "Write the SSDA903 as the DfE's XML (EXPSSDA903) rather than CSV tables.") var ssda903XML = false
    @Option(help: "Street-level crimes a month to write as data.police.uk CSVs into street-crime/ (0 for none).") var crimesPerMonth = 0
    @Option(help: "Stops and searches a month to write as data.police.uk CSVs into stop-search/ (0 for none).") var stopsPerMonth = 0

    func run() async throws {
        var c = SynthReturns.Config()
        c.children = children
        c.lookedAfter = lookedAfter
        c.year = year
        c.years = years
        c.la = la
        c.seed = seed
        c.defects = defects
        c.ssda903XML = ssda903XML
        c.crimesPerMonth = crimesPerMonth
        c.stopsPerMonth = stopsPerMonth
        let summary = try SynthReturns(config: c).write(to: out)
        for file in summary.files { print("  \(out)/\(file)") }
        if defects { print("  \(out)/defects.csv: \(summary.defects.count) seeded rule breaks") }
    }
}
