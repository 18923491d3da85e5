import DotsApp
import DotsCore
import DotsIntake
import Foundation
import Testing

@Suite("Generated reference docs are up to date")
struct ReferenceDocsTests {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test("docs/error-codes.md lists every intake code (regenerate: swift run dots schema docs)")
    func errorCodes() throws {
        let committed = try String(contentsOfFile: Self.root + "/docs/error-codes.md", encoding: .utf8)
        #expect(committed == ReferenceDocs.errorCodes())
        for code in IssueCode.allCases { #expect(committed.contains("`\(code.rawValue)`")) }
    }

    @Test("docs/datasets.md matches the schemas (regenerate: swift run dots schema docs)")
    func datasets() throws {
        #expect(try String(contentsOfFile: Self.root + "/docs/datasets.md", encoding: .utf8) == ReferenceDocs.datasets())
    }

    @Test("schemas/*.json match the schemas (regenerate: swift run dots schema export)", arguments: Dataset.allCases)
    func tableSchemas(dataset: Dataset) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.root)/schemas/\(dataset.rawValue).json"))
        #expect(try JSONDecoder().decode(TableSchemaDocument.self, from: data) == TableSchemaDocument(dataset.schema))
    }
}
