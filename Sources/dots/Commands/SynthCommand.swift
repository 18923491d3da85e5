import ArgumentParser
import DotsCore
import DotsSynth
import Foundation

struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
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

    var config: SynthConfig {
        var c = SynthConfig()
        c.people = people
        c.seed = seed
        return c
    }
}
