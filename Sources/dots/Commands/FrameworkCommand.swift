import ArgumentParser
import DotsFramework
import Foundation

struct FrameworkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framework",
        abstract: "The question-led performance framework (for now: checking a framework file).",
        subcommands: [Validate.self])

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
            print("\(file): valid. \(spec.name) (version \(spec.version)): \(spec.themes.count) themes, \(spec.questions.count) questions, \(spec.indicators.count) indicators.")
        }
    }
}
