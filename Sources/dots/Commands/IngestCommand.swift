import ArgumentParser
import DotsApp
import DotsCore
import DotsIntake
import DotsStore
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "On the hub: validate a submission and load it, all or nothing.",
        discussion: """
            PATH is a package folder written by `dots prepare`, its datapackage.json, a folder of CSVs or one CSV.
            Every problem is reported (file, row, column, value, rule and fix); a submission with any error is refused whole.
            Re-submitting the same agency, dataset and period replaces the earlier submission, which stays in the log.
            """)

    @Argument(help: "The submission.") var path: String
    @Option(help: "The agency (defaults to the package's).") var agency: String?
    @Option(help: "The dataset, for a single CSV whose name does not say.") var dataset: String?
    @Option(help: "The period covered (defaults to the package's, else the financial years the events span).") var period: String?
    @Flag(help: "Check only; load and log nothing.") var validateOnly = false
    @Option(help: "Output: text or json.") var format = "text"
    @Option(help: "Also write the full report as JSON to this file.") var report: String?
    @Option(help: "Who is submitting, for provenance.") var submittedBy = ProcessInfo.processInfo.environment["USER"] ?? "cli"
    @Flag(help: "Show progress on long runs.") var progress = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        var ds: Dataset?
        if let dataset {
            guard let d = Dataset(rawValue: dataset) else {
                throw ValidationError("Unknown dataset \(dataset): " + Dataset.allCases.map(\.rawValue).joined(separator: ", "))
            }
            ds = d
        }
        var reporter: (@Sendable (String, Int) -> Void)?
        if progress { reporter = { stage, n in note("  \(n) rows \(stage)…") } }
        let options = IngestService.Options(
            dataset: ds, agency: agency, period: try parsePeriod(period), validateOnly: validateOnly,
            progress: reporter)
        let outcome: IngestService.Outcome
        do {
            outcome = try await store.withStore { hub in
                let source = try SubmissionSource.load(path: path, dataset: options.dataset, agency: options.agency, period: options.period)
                let caller = Caller(accountID: nil, name: submittedBy, role: .admin, agencyID: nil, channel: .cli)
                return try await SubmissionService(store: hub).submit(source, by: caller, options: options)
            }
        } catch let e as SubmissionSource.ReadError { throw ValidationError(e.description) } catch let e as StoreError { throw ValidationError(e.description) }
        try writeReport(outcome.report, to: report)
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(outcome.report), as: UTF8.self))
        } else {
            print(outcome.report.summary())
            let rows = outcome.report.rows
            if outcome.report.isValid {
                let v = outcome.validateSeconds, l = outcome.loadSeconds
                print(String(format: "Checked %d rows in %.2f s (%.0f rows/s)", rows, v, Double(rows) / max(v, 1e-9)))
                if !validateOnly {
                    print(
                        String(format: "Loaded in %.2f s (%.0f rows/s)", l, Double(rows) / max(l, 1e-9))
                            + (outcome.accepted.contains { $0.dataset == .people }
                                ? String(format: "; linkage record set built in %.2f s", outcome.linkSetSeconds) : "")
                            + ". Now current:")
                    for r in outcome.accepted { print("  \(r.agency) \(r.dataset.rawValue) \(r.period): \(r.rows) rows (submission \(r.id))") }
                }
            }
        }
        if !outcome.report.isValid { throw ExitCode(1) }
    }
}
