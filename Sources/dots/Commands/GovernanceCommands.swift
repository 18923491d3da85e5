import ArgumentParser
import DotsApp
import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

extension GovernanceExport.Format: ExpressibleByArgument {}
extension DisclosurePolicy.Method: ExpressibleByArgument {}

/// Where an export goes: a file, or standard output.
struct ExportOutput: ParsableArguments {
    @Option(help: "csv (for spreadsheets) or md (Markdown, for a board paper).") var format: GovernanceExport.Format = .csv
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?

    func write(_ text: String) throws {
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8); FileHandle.standardError.write(Data("Written to \(output)\n".utf8))
        } else {
            print(text, terminator: "")
        }
    }
}

func governance(_ hub: HubStore, framework: FrameworkCommand.Source) throws -> GovernanceService {
    GovernanceService(store: hub, spec: try framework.load().0)
}

struct MaturityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maturity", abstract: "Data-maturity self-assessment: open a round, export its results, print the questionnaire.",
        subcommands: [Open.self, Export.self, Questionnaire.self])

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a round of self-assessment, with the shipped questionnaire or your own version of it.")
        @Option(help: "The round's title, e.g. \"Round 2 (2027)\".") var title: String
        @Option(help: "The date it opens (YYYY-MM-DD).") var opens: String
        @Option(help: "The date agencies are asked to submit by (YYYY-MM-DD).") var closes: String = ""
        @Option(help: "A questionnaire file (YAML, as `dots maturity questionnaire` prints it); default: the shipped one.") var questionnaire: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            var q = DefaultQuestionnaire.load()
            if let questionnaire {
                guard let text = try? String(contentsOfFile: questionnaire, encoding: .utf8) else { throw ValidationError("Cannot read \(questionnaire).") }
                do { q = try MaturityQuestionnaire.parse(text) } catch let p as MaturityQuestionnaire.Problem { throw ValidationError(p.description) }
            }
            let round = try await store.withStore { hub in
                do {
                    return try await GovernanceService(store: hub, spec: try FrameworkService.load())
                        .openRound(title: title, opened: opens, closes: closes, questionnaire: q, by: commandLineCaller)
                } catch let e as InvalidInput {
                    throw ValidationError(e.problems.map { "--\($0.field == "opened" ? "opens" : $0.field): \($0.message)" }.joined(separator: "\n"))
                }
            }
            print("Opened \(round.title) (\(round.id)) with \(q.title) version \(q.version): \(q.questions.count) questions.")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A round's results per agency and area (submitted assessments only), with change since the round before.")
        @Option(help: "A round id; default: the newest round.") var round: String?
        @OptionGroup var out: ExportOutput
        @OptionGroup var store: StoreOptions

        func run() async throws {
            do {
                try out.write(
                    try await store.withStore { hub in
                        try await GovernanceService(store: hub, spec: try FrameworkService.load()).exportMaturity(
                            round: round, format: out.format, by: commandLineCaller)
                    })
            } catch { throw commandLineError(error) }
        }
    }

    struct Questionnaire: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the questionnaire Dots ships (YAML), to read or adapt.")
        func run() { print(DefaultQuestionnaire.yaml) }
    }
}

struct DataMapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datamap", abstract: "The partnership data map: export the catalogue and its coverage of the framework.",
        subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every dataset agencies hold (CSV), or the catalogue with which data could answer each strategic question (md).")
        @Option(help: "Only this agency's datasets.") var agency: String?
        @OptionGroup var framework: FrameworkCommand.Source
        @OptionGroup var out: ExportOutput
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try out.write(
                try await store.withStore { hub in
                    try await governance(hub, framework: framework).exportDataMap(agency: agency, format: out.format, by: commandLineCaller)
                })
        }
    }
}

struct ActionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "Action plans: export a view of the plan.", subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Actions, open first then by due date, with overdue marked.")
        @Option(help: "all, partnership, overdue, or an agency id for that agency's plan.") var view = "all"
        @OptionGroup var out: ExportOutput
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let chosen: ActionView
            switch view {
            case "all": chosen = .all
            case "partnership": chosen = .partnership
            case "overdue": chosen = .overdue
            case let id where ReferencePartnership.model.agency(id: id) != nil: chosen = .agency(id)
            default:
                throw ValidationError(
                    "--view must be all, partnership, overdue or an agency id (\(ReferencePartnership.agencies.map(\.id).joined(separator: ", "))).")
            }
            try out.write(
                try await store.withStore { hub in
                    try await GovernanceService(store: hub, spec: try FrameworkService.load()).exportActions(chosen, format: out.format, by: commandLineCaller)
                })
        }
    }
}
