import ArgumentParser
import DotsApp
import DotsCore
import DotsFramework
import DotsSDC
import DotsStore
import Foundation

struct FrameworkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framework",
        abstract: "The question-led performance framework: validate, compute, show, explain, export.",
        subcommands: [Validate.self, Compute.self, Show.self, Explain.self, Export.self, Audit.self, SQL.self, Default.self])

    /// Which framework: a file, or the one Dots ships.
    struct Source: ParsableArguments {
        @Option(help: "A framework file (YAML); default: the framework Dots ships (`dots framework default`).") var framework: String?

        func load() throws -> (FrameworkSpec, String) {
            var text = DefaultFramework.yaml
            if let framework {
                guard let t = try? String(contentsOfFile: framework, encoding: .utf8) else { throw ValidationError("Cannot read \(framework).") }
                text = t
            }
            do { return (try FrameworkService.load(text), text) } catch let e as FrameworkService.FrameworkError { throw ValidationError(e.description) }
        }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a framework file, reporting every problem with its line and a fix.")
        @Argument(help: "The framework file (YAML); see docs/framework-format.md.") var file: String

        func run() async throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("Cannot read \(file).") }
            let (spec, problems) = FrameworkParser.parse(text)
            for p in problems { print("\(file):\(p.line): \(p.path): \(p.message). Fix: \(p.fix)") }
            guard let spec else {
                print("\(problems.count) problem(s); the framework cannot be used until they are fixed.")
                throw ExitCode(1)
            }
            print(
                "\(file): valid. \(spec.name) (version \(spec.version)): \(spec.themes.count) themes, \(spec.questions.count) questions, \(spec.indicators.count) indicators."
            )
        }
    }

    struct Default: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the framework Dots ships, to adapt and use with --framework.")
        func run() async throws { print(DefaultFramework.yaml, terminator: "") }
    }

    struct Compute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute every indicator for every period, area and breakdown, and store the figures with provenance.")
        @OptionGroup var source: Source
        @Option(help: "Who is running it, for the run log.") var runBy = ProcessInfo.processInfo.environment["USER"] ?? "cli"
        @Flag(help: "Print each indicator's query time, slowest first.") var timings = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (spec, text) = try source.load()
            let outcome = try await store.withStore { try await FrameworkService(store: $0, runBy: runBy).compute(spec, text: text) }
            let r = outcome.run
            print("Computed \(r.indicators) indicators (\(r.cells) figures) in \(String(format: "%.2f", r.seconds)) s: run \(r.id).")
            print(
                "  from \(r.submissions.count) submissions"
                    + (r.linkageRunID.map { ", linkage run \($0)" } ?? " (linkage has not run: young people are counted per agency)"))
            let blocking = outcome.gaps.filter(\.gap.blocking)
            print("  what we don't know: \(outcome.gaps.count) gaps, \(blocking.count) leaving an indicator unanswered (`dots framework show`)")
            if timings {
                print(
                    String(
                        format: "  queries: %.3f s wall, %d at once (%.3f s summed)", outcome.querySeconds, outcome.concurrency,
                        outcome.seconds.values.reduce(0, +)))
                for (id, s) in outcome.seconds.sorted(by: { $0.value > $1.value }) { print(String(format: "  %8.3f s  %@", s, id)) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A readable table per strategic question: latest figure, a year earlier, RAG, and what we don't know.")
        @OptionGroup var source: Source
        @Option(help: "A partnership id (`dots partnership`): its area's figures. Default: the whole area.") var partnership: String?
        @Flag(help: "Apply disclosure control, as a strategic lead or a public report sees it.") var publish = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (spec, _) = try source.load()
            guard let scope = FrameworkReport.scope(partnership: partnership, on: UKTime.localDate(of: SystemClock().now())) else {
                throw ValidationError("\(partnership ?? "") is not a partnership Dots can show on its own (see `dots partnership`).")
            }
            let report = try await store.withStore { try await Report.build($0, spec: spec, publish: publish) }
            let name = partnership.flatMap { id in ReferencePartnership.partnerships.first { $0.id == id }?.name } ?? "the whole partnership area"
            print(report.text(scope: scope, scopeName: name))
        }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "How an indicator is computed: its definition, gaps and every named SQL step.")
        @Argument(help: "The indicator id.") var indicator: String
        @OptionGroup var source: Source
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (spec, _) = try source.load()
            do {
                print(try await store.withStore { try await FrameworkService(store: $0, runBy: "cli").explain(spec, indicator: indicator) })
            } catch let e as FrameworkService.FrameworkError { throw ValidationError(e.description) }
        }
    }

    struct SQL: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Every indicator's compiled query for this store, as JSON lines ({\"indicator\", \"sql\"}): to run or time it elsewhere.")
        @OptionGroup var source: Source
        @Option(help: "Only this indicator.") var indicator: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (spec, _) = try source.load()
            let plans = try await store.withStore { store in
                let service = FrameworkService(store: store, runBy: "cli")
                return service.plan(spec.indicators, profile: try await service.currentProfile(), smallAreas: try await service.currentSmallAreas())
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for plan in plans where indicator == nil || plan.indicator.id == indicator {
                guard let compiled = plan.compiled else { continue }
                print(String(decoding: try encoder.encode(["indicator": plan.indicator.id, "sql": compiled.sql]), as: UTF8.self))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every figure as CSV or JSON; with --publish, exactly what a strategic lead or public report may see.")
        enum Format: String, ExpressibleByArgument { case csv, json }
        @OptionGroup var source: Source
        @Option(help: "csv or json.") var format: Format = .csv
        @Flag(help: "Apply disclosure control (small counts as c, secondary suppression, withheld rates).") var publish = false
        @Option(help: "With --publish: hide counts from 1 to this (default: the framework's disclosure rules).") var threshold: Int?
        @Option(help: "With --publish: round partnership-wide totals to 5 or 10.") var round: Int?
        @Option(help: "Write here instead of standard output.") var output: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (spec, _) = try source.load()
            if let round, ![5, 10].contains(round) { throw ValidationError("--round takes 5 or 10.") }
            var policy = spec.disclosure.applied
            if let threshold { policy.threshold = threshold }
            if let round { policy.roundTotalsTo = round }
            let changed = threshold != nil || round != nil
            let report = try await store.withStore {
                try await Report.build(
                    $0, spec: spec, publish: publish, policy: changed ? policy : nil, source: changed ? "the framework's rules, changed for this export" : nil)
            }
            let text = format == .csv ? report.csv() : try report.json() + "\n"
            if let output { try text.write(toFile: output, atomically: true, encoding: .utf8) } else { print(text, terminator: "") }
        }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Attack the published figures of the latest run: for every hidden count, the range it can be narrowed to from everything published (linear programming); and what suppression cost.",
            discussion:
                "Exits 1 when any hidden count can be narrowed to less than the protection level. --systems writes each system of counts (one indicator's, or one count several indicators share), its relations and hidden cells as JSON lines for scripts/disclosure-audit (HiGHS)."
        )
        @OptionGroup var source: Source
        @Option(help: "Hide counts from 1 to this (default: the framework's disclosure rules).") var threshold: Int?
        @Option(help: "The narrowest range a hidden count may be narrowed to (default: the framework's).") var protection: Int?
        @Option(help: "linked (the method in use) or greedy (the method before December 2026, which leaks).") var method: DisclosurePolicy.Method = .linked
        @Option(help: "Experimental: offer hidden counts for showing again where their group of hidden cells has at most N (0, the default, as published).")
        var reshow = 0
        @Option(help: "Write the systems here as JSON lines.") var systems: String?
        @Flag(help: "Print the totals as JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (spec, _) = try source.load()
            var policy = spec.disclosure.applied
            policy.threshold = threshold ?? policy.threshold
            policy.protectionLevel = protection ?? policy.protectionLevel
            policy.method = method
            policy.reshowLimit = reshow
            let (threshold, protection) = (policy.threshold, policy.protectionLevel)
            let (found, seconds) = try await store.withStore { store in
                let cells = try await store.frameworkResults()
                let clock = Stopwatch()
                return (FrameworkService(store: store, runBy: "cli").disclosure(spec, cells: cells, policy: policy).protected, clock.seconds)
            }
            var total = InformationLoss()
            var lines: [String] = []
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            // A count several indicators share is one system (SharedCounts): counted, and attacked, once.
            for (cells, system) in found {
                let loss = InformationLoss(system, cells: cells, threshold: threshold, protectionLevel: protection)
                total = total + loss
                if !json {
                    print(
                        "\(system.sharedBy?.joined(separator: " = ") ?? "\(system.indicatorID) \(system.quantity.rawValue)"): \(loss.primary) primary, \(loss.secondary) secondary, \(loss.withheld) withheld, "
                            + "\(loss.headlinesHiddenAboveThreshold) headlines hidden above the threshold, \(loss.exposed) exposed")
                    for (cell, interval) in system.exposed(level: protection).prefix(5) {
                        print(
                            "  exposed: \(system.labels[cell]) = \(system.counts[cell]), narrowed to \(interval.lower)...\(interval.upper.map(String.init) ?? "")"
                        )
                    }
                }
                if self.systems != nil { lines.append(String(decoding: try encoder.encode(system), as: UTF8.self)) }
            }
            if let path = self.systems { try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8) }
            if json {
                print(String(decoding: try encoder.encode(total), as: UTF8.self))
            } else {
                print(
                    "Total (\(method.rawValue)): \(total.nonZeroCells) non-zero cells; \(total.primary) primary, \(total.secondary) secondary, \(total.withheld) withheld, \(total.rounded) rounded; "
                        + "\(total.headlinesHiddenAboveThreshold) headlines and \(total.monthlyTotalsHiddenAboveThreshold) monthly totals hidden above the threshold; "
                        + "\(total.exposed) exposed. Suppression took \(String(format: "%.1f", seconds)) s.")
            }
            if total.exposed > 0 { throw ExitCode(1) }
        }
    }

    enum Report {
        static func build(_ store: HubStore, spec: FrameworkSpec, publish: Bool, policy: DisclosurePolicy? = nil, source: String? = nil) async throws
            -> FrameworkReport
        {
            guard let report = try await FrameworkReport.load(store, spec: spec, publish: publish, policy: policy, source: source) else {
                throw ValidationError(FrameworkService.FrameworkError.notComputed.description)
            }
            return report
        }
    }
}
