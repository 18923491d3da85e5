import ArgumentParser
import DotsApp
import DotsLink
import Foundation

struct LinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "On the hub: link each young person's records across agencies, on pseudonymised data.",
        subcommands: [Run.self, Settings.self, Explain.self], defaultSubcommand: Run.self)

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Block, compare, train (EM), score, cluster; save the run and each record's partnership person id.")
        @Option(help: "Linkage settings (JSON); `dots link settings` prints the defaults.") var settings: String?
        @Option(help: "A truth file (agency,person_id,true_person_id) to evaluate against, as `dots synth` writes.") var evaluate: String?
        @Option(help: "Who is running it, for the run log.") var runBy = ProcessInfo.processInfo.environment["USER"] ?? "cli"
        @OptionGroup var store: StoreOptions

        func run() async throws {
            var linkSettings = LinkageSettings()
            if let settings {
                guard let data = FileManager.default.contents(atPath: settings) else { throw ValidationError("Cannot read \(settings).") }
                do { linkSettings = try JSONDecoder().decode(LinkageSettings.self, from: data) } catch {
                    throw ValidationError("\(settings) is not valid linkage settings: \(error)")
                }
            }
            let truth = try evaluate.map(LinkService.readTruth)
            let outcome: LinkService.Outcome
            do {
                outcome = try await store.withStore { try await LinkService(store: $0, runBy: runBy).run(settings: linkSettings, truth: truth) }
            } catch let e as LinkService.LinkError { throw ValidationError(e.description) }
            let r = outcome.result
            print("Linked \(outcome.records.count) person records into \(r.people) young people (run \(outcome.runID)).")
            print(
                "  compared \(r.candidatePairs) pairs (by rule: \(zip(linkSettings.blockingRules, r.pairsPerRule).map { "\($0.0.map(\.rawValue).joined(separator: "+")) \($0.1)" }.joined(separator: ", ")))"
            )
            if !r.skippedBlocks.isEmpty {
                print("  skipped \(r.skippedBlocks.count) blocks over \(linkSettings.maxBlockSize) records (largest \(r.skippedBlocks.map(\.size).max()!))")
            }
            print(
                "  \(r.links) links, \(r.reviews) pairs for clerical review (`dots review list`); EM took \(r.model.iterations) iterations, λ = \(String(format: "%.3g", r.model.lambda)) (the prior: how likely two random records are one young person)"
            )
            let stages = ["blocking", "comparing", "estimating u", "estimating m (EM)", "refining the prior", "scoring", "clustering"]
            print(
                "  time: load \(String(format: "%.2f", outcome.loadSeconds)) s, "
                    + stages.map { "\($0) \(String(format: "%.2f", r.seconds[$0] ?? 0)) s" }.joined(separator: ", ")
                    + ", save \(String(format: "%.2f", outcome.saveSeconds)) s")
            if let e = outcome.evaluation { print(e.text()) }
        }
    }

    struct Settings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the default linkage settings (JSON), to copy and edit.")
        func run() async throws { print(String(decoding: try LinkageSettings().json(), as: UTF8.self)) }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Explain how the latest run scored two records: each comparison's level and weight.")
        @Argument(help: "A record, as agency/person_id.") var a: String
        @Argument(help: "Another record.") var b: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let e = try await store.withStore({ try await LinkService(store: $0, runBy: "cli").explain(a, b) }) else {
                throw ValidationError("No linkage run yet, or no such records (write them as agency/person_id).")
            }
            print(e.text())
        }
    }
}
