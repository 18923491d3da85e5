import ArgumentParser
import DotsApp
import DotsBcrypt
import DotsCore
import DotsFramework
import DotsStore
import DotsSynth
import DotsWeb
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Build the synthetic demo partnership (generate, prepare, ingest, link, compute the framework), create one account per role, and serve the web app."
    )

    @Option(help: "Folder for the demo's extracts, packages, key and store.") var dir = "dots-demo"
    @Option(help: "The port to serve on (127.0.0.1 only).") var port = 8080
    @Flag(help: "Build the demo store and stop, without serving.") var noServe = false
    @OptionGroup var synth: SynthOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let config = synth.config
        let location = store.location(defaultPath: "\(dir)/dots.sqlite")
        let spec = try FrameworkService.load()
        try await store.withStore(defaultPath: "\(dir)/dots.sqlite") { hub in
            let accountService = try AccountService(store: hub, hasher: BcryptHasher())
            let result = try await DemoService(directory: dir, config: config).runAll(store: hub, accounts: accountService) { print($0) }
            guard result.rejected.isEmpty else { throw ExitCode(1) }
            let accounts = result.credentials
            let rows = result.accepted.reduce(0) { $0 + $1.rows }
            print(
                """

                Demo partnership ready in \(String(format: "%.1f", result.seconds)) s: \(result.accepted.count) submissions, \(rows) rows.
                Raw extracts (clear identifiers, agency side only): \(dir)/extracts
                Prepared packages (pseudonymised, what the hub receives; upload one on the Submissions page): \(dir)/packages
                Linkage key (agency side; never on the hub): \(result.keyFile)
                Store: \(location)

                Demo accounts (new passwords every run; synthetic data only):
                \(accounts.map { "  \($0.role.title.padding(toLength: 36, withPad: " ", startingAt: 0)) \($0.email.padding(toLength: 34, withPad: " ", startingAt: 0)) \($0.password)\($0.agencyID.map { "  (\($0))" } ?? "")" }.joined(separator: "\n"))
                """)
            if noServe {
                print("\nServe it later with: swift run dots serve --database \(dir)/dots.sqlite")
                return
            }
            print("\nOpen http://127.0.0.1:\(port) and sign in with an account above. Stop with Ctrl-C.")
            try await WebServer.run(
                try UseCases(store: hub, spec: spec, hasher: BcryptHasher()), host: "127.0.0.1", port: port, secureCookies: false, trustedProxy: nil)
        }
    }
}
