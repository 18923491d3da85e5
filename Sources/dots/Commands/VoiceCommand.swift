import ArgumentParser
import DotsApp
import DotsCore
import DotsFramework
import DotsVoice
import Foundation

struct VoiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voice", abstract: "The voice of children, young people and families: the summary, and retention.",
        discussion: "Codes, the form, records, coding and quotes are in the web app (/voice, and /your-say for young people); see docs/voice.md.",
        subcommands: [Summary.self, Retention.self, Readability.self])

    struct Readability: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How easily each feedback form, and a partnership's unsafe-now message, reads (Flesch reading ease and grade).",
            discussion: "docs/voice.md gives the scores each must reach: the 8-11 form 80 or more (easy at about age 11), grade 5 or below.")
        @Option(help: "Also score this partnership's unsafe-now message (from the store).") var partnership: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            func line(_ name: String, _ r: DotsVoice.Readability) {
                print(
                    name.padding(toLength: 34, withPad: " ", startingAt: 0)
                        + String(format: "reading ease %5.1f   grade %4.1f   (%d sentences, %d words)", r.readingEase, r.grade, r.sentences, r.words))
            }
            for v in FeedbackForm.Version.allCases { line("Form: \(v.title)", .of(FeedbackForm.of(v).wording)) }
            line("Standard unsafe-now message", .of(VoiceSettings.defaultUnsafeMessage.split(separator: "\n").map(String.init)))
            if let partnership {
                let s = try await store.withStore { try await VoiceService(store: $0, spec: try FrameworkService.load()).settings(partnership: partnership) }
                line("Unsafe-now message: \(partnership)", .of(s.unsafeMessage.split(separator: "\n").map(String.init)))
            }
        }
    }

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What young people and families told a partnership: people and themes by financial year, quotes, you said / we did.")
        @Option(help: "The partnership (dots partnership list).") var partnership = "joint-ce"
        @Flag(help: "Hide counts from 1 to the framework's threshold, as published (the command line otherwise sees exact counts).") var published = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let spec = try FrameworkService.load()
            let s = try await store.withStore { hub in
                let voice = VoiceService(store: hub, spec: spec)
                return published
                    ? try await voice.summary(partnership: partnership, hideUpTo: spec.disclosure.applied.threshold)
                    : try await voice.summary(partnership: partnership, by: .commandLine(user: NSUserName()))
            }
            guard !s.years.isEmpty else { return print("No feedback yet for \(partnership).") }
            func cell(_ n: Int??) -> String {
                switch n {
                case .some(.some(let x)): String(x)
                case .some(.none): "c"
                case .none: "0"
                }
            }
            let width = max(44, s.themes.map(\.label.count).max() ?? 0)
            print("Theme".padding(toLength: width, withPad: " ", startingAt: 0) + s.years.map { $0.padding(toLength: 9, withPad: " ", startingAt: 0) }.joined())
            for row in [s.respondents, s.coded] + s.themes {
                print(
                    row.label.padding(toLength: width, withPad: " ", startingAt: 0)
                        + s.years.map { cell(row.counts[$0]).padding(toLength: 9, withPad: " ", startingAt: 0) }.joined())
            }
            for q in s.quotes { print("\n\u{201C}\(q.text)\u{201D} (\(q.attribution), \(q.period))") }
            for e in s.saidDid { print("\nYou said (\(e.theme)): \(e.entry.said)\nWe did: \(e.entry.did)") }
        }
    }

    struct Retention: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete feedback older than each partnership's retention (set on /voice/settings), with its codings and unpublished quotes.",
            discussion: "Run it daily (cron or a systemd timer). Published reports keep what they printed.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let deleted = try await store.withStore { hub in
                try await VoiceService(store: hub, spec: try FrameworkService.load()).applyRetention(by: .commandLine(user: NSUserName()))
            }
            if deleted.isEmpty { print("Nothing is past its retention.") }
            for (p, n) in deleted.sorted(by: { $0.key < $1.key }) { print("\(p): \(n) records deleted.") }
        }
    }
}
