import ArgumentParser
import DotsApp
import DotsCore
import DotsIntake
import Foundation

struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "The canonical datasets: list them, show one, export Table Schemas, write the reference docs.",
        subcommands: [List.self, Show.self, Export.self, Docs.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the datasets.")
        func run() async throws {
            for ds in Dataset.allCases { print("\(pad(ds.rawValue, 18)) v\(ds.schema.version)  \(ds.schema.title)") }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one dataset's Table Schema (JSON).")
        @Argument(help: "The dataset, or people-extract for the agency-side people extract.") var dataset: String
        func run() async throws {
            let schema: DatasetSchema
            if dataset == "people-extract" {
                schema = PeopleSchema.extract
            } else {
                guard let ds = Dataset(rawValue: dataset) else { throw ValidationError("Unknown dataset \(dataset).") }
                schema = ds.schema
            }
            print(String(decoding: try TableSchemaDocument(schema).json(), as: UTF8.self))
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write every dataset's Table Schema as JSON.")
        @Option(help: "Folder.") var out = "schemas"
        func run() async throws {
            for path in try ReferenceDocs.exportTableSchemas(to: out) { print(path) }
        }
    }

    struct Docs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write docs/error-codes.md and docs/datasets.md.")
        @Option(help: "Folder.") var out = "docs"
        func run() async throws {
            try ReferenceDocs.errorCodes().write(toFile: "\(out)/error-codes.md", atomically: true, encoding: .utf8)
            try ReferenceDocs.datasets().write(toFile: "\(out)/datasets.md", atomically: true, encoding: .utf8)
            print("\(out)/error-codes.md\n\(out)/datasets.md")
        }
    }
}
