import ArgumentParser
import DotsApp
import DotsCore
import DotsStore
import Foundation

struct GeographyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geography", abstract: "Area boundaries for maps: the districts come with Dots; import wards, LSOAs or MSOAs.",
        subcommands: [Import.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import an ONS boundary file (GeoJSON) of wards, LSOAs or MSOAs; each area is placed in its district, those outside are left out.",
            discussion:
                "ONS publishes boundary files on the Open Geography Portal under the Open Government Licence; give their attribution, which every map drawn from them shows. Importing a file again replaces its areas."
        )
        @Argument(help: "The GeoJSON file.") var file: String
        @Option(help: "The attribution the file's licence asks for.") var attribution: String
        @Option(help: "The property holding each area's code (default: the first ending in cd, such as LSOA21CD).") var codeProperty: String?
        @Option(help: "The property holding each area's name (default: the first ending in nm).") var nameProperty: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot be read") }
            let name = URL(fileURLWithPath: file).lastPathComponent
            do {
                let imported = try await store.withStore { s in
                    try await GeographyService(store: s).importBoundaries(
                        [UInt8](data), file: name, attribution: attribution, codeProperty: codeProperty, nameProperty: nameProperty,
                        by: .commandLine(user: ProcessInfo.processInfo.environment["USER"] ?? "operator"))
                }
                for (level, n) in imported.levels.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { print("Imported \(n) \(level.rawValue) boundaries.") }
                if !imported.outside.isEmpty {
                    print(
                        "Left out \(imported.outside.count) outside the partnership: \(imported.outside.prefix(10).joined(separator: ", "))\(imported.outside.count > 10 ? ", …" : "")"
                    )
                }
            } catch let e as GeographyService.ImportError {
                print(e.description)
                throw ExitCode(1)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "How many boundaries of each level are held, beside the bundled districts.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let levels = try await store.withStore { try await $0.boundaryLevels() }
            print("district: 9 (bundled)")
            for (level, n) in levels.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { print("\(level.rawValue): \(n) (imported)") }
        }
    }
}
