import ArgumentParser
import DotsCore
import DotsPrepare
import Foundation

struct ReturnsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "returns",
        abstract: "A local authority's statutory returns (CIN census XML, SSDA903 CSV tables), checked before they are prepared.",
        subcommands: [ReturnsCheckCommand.self])
}

struct ReturnsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read the returns in a folder and list every DfE rule Dots checks that they break (docs/returns.md). Needs no key; writes nothing.")

    @Argument(help: "A folder of returns, or one return.") var input: String
    @Option(help: "The local authority's three-digit DfE code, for SSDA903 tables (they do not name it).") var laCode: String?
    @Flag(help: "Print the findings as JSON (collection, rule, message, child, file, line).") var json = false

    func run() async throws {
        let extract: ReturnExtract
        do {
            guard let files = try ReturnFolder.files(at: input) else {
                throw ValidationError("\(input) holds no return Dots reads (the CIN census XML, the SSDA903 CSV tables).")
            }
            extract = try ReturnFolder.read(files, la: laCode)
        } catch let e as ReturnReadError { throw ValidationError(e.description) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(extract.findings), as: UTF8.self))
            return
        }
        for line in extract.summary { print(line) }
        for issue in extract.issues where issue.code != .returnRule { print("- \(issue.message)") }
        let byRule = Dictionary(grouping: extract.findings) { "\($0.collection) \($0.rule)" }
        for (rule, found) in byRule.sorted(by: { $0.key < $1.key }) {
            print("- DfE rule \(rule): \(found[0].message): \(found.count) \(found.count == 1 ? "time" : "times")")
        }
        if extract.findings.isEmpty { print("No DfE rule that Dots checks is broken.") }
    }
}
