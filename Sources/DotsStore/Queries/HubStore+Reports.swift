import DotsGovernance
import FluentKit
import Foundation
import SQLKit

extension HubStore {
    /// Adds a published report and its files in one transaction. Nothing is ever updated: the unique version per
    /// report key refuses a second publication racing for the same version.
    public func addPublishedReport(_ r: PublishedReport, files: [(edition: String, format: String, content: Data)]) async throws {
        try await database.transaction { tx in
            try await tx.sql.insert(into: "published_reports").columns("id", "report_key", "version", "report")
                .values(SQLBind(r.id), SQLBind(r.key), SQLBind(r.version), SQLBind(try StoreJSON.encode(r))).run()
            for f in files {
                let text = f.format == "html" ? String(decoding: f.content, as: UTF8.self) : f.content.base64EncodedString()
                try await tx.sql.insert(into: "published_report_files").columns("report_id", "edition", "format", "content")
                    .values(SQLBind(r.id), SQLBind(f.edition), SQLBind(f.format), SQLBind(text)).run()
            }
        }
    }

    /// Every published report, newest version first within each.
    public func publishedReports() async throws -> [PublishedReport] {
        try await sql.select().column("report").from("published_reports").orderBy("report_key").orderBy("version", .descending).all()
            .map { try StoreJSON.decode(PublishedReport.self, try $0.decode(column: "report", as: String.self)) }
    }

    public func publishedReport(id: String) async throws -> PublishedReport? {
        try await sql.select().column("report").from("published_reports").where("id", .equal, id).first()
            .map { try StoreJSON.decode(PublishedReport.self, try $0.decode(column: "report", as: String.self)) }
    }

    /// One edition's file, as published.
    public func publishedReportFile(id: String, edition: String, format: String) async throws -> Data? {
        guard
            let row = try await sql.select().column("content").from("published_report_files").where("report_id", .equal, id)
                .where("edition", .equal, edition).where("format", .equal, format).first()
        else { return nil }
        let text = try row.decode(column: "content", as: String.self)
        return format == "html" ? Data(text.utf8) : Data(base64Encoded: text)
    }
}
