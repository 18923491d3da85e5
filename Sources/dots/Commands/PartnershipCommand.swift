import ArgumentParser
import DotsCore

struct PartnershipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnership", abstract: "Show the partnership model.",
        subcommands: [Show.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Areas, agencies and partnerships, with the dates they held.")
        func run() async throws {
            let m = ReferencePartnership.model
            print("Areas (ONS codes)")
            for a in m.areas { print("  \(a.code)  \(pad(a.name, 26)) \(a.level.rawValue)\(a.parent.map { " in \($0)" } ?? "")") }
            print("\nAgencies")
            for a in m.agencies { print("  \(pad(a.id, 18)) \(a.name)\n  \(pad("", 18)) submits: " + a.datasets.map(\.rawValue).joined(separator: ", ")) }
            print("\nPartnerships")
            for p in m.partnerships {
                print("  \(pad(p.id, 12)) \(p.name) (\(p.kind.rawValue)), from \(p.valid.start)\(p.valid.end.map { " to \($0)" } ?? "")")
                print("  \(pad("", 12)) areas: " + Set(p.areas.map(\.id)).sorted().joined(separator: ", "))
                print("  \(pad("", 12)) agencies: " + Set(p.agencies.map(\.id)).sorted().joined(separator: ", "))
            }
        }
    }
}
