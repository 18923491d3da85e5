import ArgumentParser
import DotsCore
import DotsStore

struct SubmissionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submissions", abstract: "List the hub's submission log, newest first.")

    @Option(help: "Only this agency.") var agency: String?
    @Flag(help: "Include superseded and rejected submissions.") var all = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let records = try await store.withStore { hub in
            all ? try await hub.submissions(agency: agency) : try await hub.currentSubmissions(agency: agency)
        }
        if records.isEmpty { print("No submissions yet. Try `swift run dots demo`."); return }
        print("received (UTC)        agency             dataset            period                   status      rows")
        for r in records {
            print(
                "\(r.receivedAt.description.prefix(19).replacingOccurrences(of: "T", with: " "))  \(pad(r.agency, 18)) \(pad(r.dataset.rawValue, 18)) \(pad(r.period.description, 24)) \(pad(r.status.rawValue, 10)) \(r.rows)"
            )
        }
    }
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

extension StringProtocol {
    func replacingOccurrences(of a: String, with b: String) -> String { split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b) }
}
