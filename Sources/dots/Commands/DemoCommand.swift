import ArgumentParser
import DotsApp
import DotsStore
import DotsSynth
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the synthetic demo partnership: generate, prepare and ingest every agency's data.")

    @Option(help: "Folder for the demo's extracts, packages, key and store.") var dir = "dots-demo"
    @OptionGroup var synth: SynthOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let config = synth.config
        let result = try await store.withStore(defaultPath: "\(dir)/dots.sqlite") { hub in
            try await DemoService(directory: dir, config: config).run(store: hub) { print($0) }
        }
        let rows = result.accepted.reduce(0) { $0 + $1.rows }
        print("""

        Demo partnership ready in \(String(format: "%.1f", result.seconds)) s: \(result.accepted.count) submissions, \(rows) rows, \
        \(result.rejected.count) rejected.
        Raw extracts (clear identifiers, agency side only): \(dir)/extracts
        Prepared packages (pseudonymised, what the hub receives): \(dir)/packages
        Linkage key (agency side; never on the hub): \(result.keyFile)
        Store: \(store.location(defaultPath: "\(dir)/dots.sqlite"))
        Try: swift run dots submissions --database \(dir)/dots.sqlite
             swift run dots review list --database \(dir)/dots.sqlite
             swift run dots framework compute --database \(dir)/dots.sqlite && swift run dots framework show --database \(dir)/dots.sqlite
        """)
        if !result.rejected.isEmpty { throw ExitCode(1) }
    }
}
