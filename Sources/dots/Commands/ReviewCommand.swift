import ArgumentParser
import DotsApp
import DotsCore
import DotsStore
import Foundation

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Clerical review of borderline pairs: decisions persist and override the model on every later run.",
        subcommands: [List.self, Confirm.self, Reject.self, Decisions.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pairs the latest run sent for review, strongest first.")
        @Option(help: "How many.") var limit = 20
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let pairs = try await store.withStore { try await $0.linkPairs(decision: .review, limit: limit) }
            if pairs.isEmpty { print("Nothing to review."); return }
            for p in pairs { print(String(format: "%.3f  %@  %@", p.probability, p.a, p.b)) }
            print("Explain one: dots link explain A B. Decide: dots review confirm A B, or dots review reject A B.")
        }
    }

    /// What confirm and reject both take.
    struct Decision: ParsableArguments {
        @Argument(help: "A record, as agency/person_id.") var a: String
        @Argument(help: "Another record.") var b: String
        @Option(help: "Why, for the record.") var note: String?
        @Option(help: "Who decided.") var reviewer = ProcessInfo.processInfo.environment["USER"] ?? "cli"
        @OptionGroup var store: StoreOptions

        func record(_ verdict: LinkVerdict) async throws {
            guard a.contains("/"), b.contains("/"), a != b else { throw ValidationError("Name two different records as agency/person_id.") }
            try await store.withStore {
                try await LinkQualityService(store: $0).decide(records: a, b, verdict: verdict, note: note, by: .commandLine(user: reviewer))
            }
            print("Recorded: \(a) and \(b) \(verdict == .confirmed ? "are" : "are not") the same young person. It applies from the next `dots link`.")
        }
    }

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "These two records are the same young person.")
        @OptionGroup var decision: Decision
        func run() async throws { try await decision.record(.confirmed) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "These two records are different young people.")
        @OptionGroup var decision: Decision
        func run() async throws { try await decision.record(.rejected) }
    }

    struct Decisions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every decision made so far.")
        @OptionGroup var store: StoreOptions
        func run() async throws {
            for r in try await store.withStore({ try await $0.reviews() }) {
                print("\(r.verdict)  \(r.a)  \(r.b)  by \(r.reviewer) at \(r.decidedAt)\(r.note.map { ": \($0)" } ?? "")")
            }
        }
    }
}
