import ArgumentParser
import DotsSynth
import Foundation

struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a synthetic partnership: each agency's raw extract, plus a truth file for testing linkage.")

    @Option(help: "Output folder.") var out = "dots-synth"
    @Option(help: "Young people to generate.") var people = 5_000
    @Option(help: "Random seed.") var seed: UInt64 = 20_201_124

    func run() async throws {
        var config = SynthConfig()
        config.people = people
        config.seed = seed
        let start = Date()
        let summary = try SynthGenerator(config: config).run(output: out) { note("  \($0) young people…") }
        print("Generated \(summary.people) young people (\(summary.known) known to an agency, \(summary.multiAgency) to two or more) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s.")
        for (file, rows) in summary.rows.sorted(by: { $0.key < $1.key }) { print("  \(out)/\(file): \(rows) rows") }
        print("  \(out)/truth.csv: which agency record is which young person (keep it away from the hub)")
    }
}
