import DotsCore
import Foundation

/// `datapackage.json` of a submission: a Frictionless Tabular Data Package, with a `dots` section saying
/// which agency sent it, for what period, and under which linkage key (by fingerprint, never the key).
public struct DataPackage: Codable, Sendable {
    public struct Resource: Codable, Sendable {
        public var name: String
        public var path: String
        public var profile: String = "tabular-data-resource"
        public var format: String = "csv"
        public var encoding: String = "utf-8"
        public var bytes: Int?
        /// `sha256:` then the hex digest of the file.
        public var hash: String?
        public var schema: TableSchemaDocument?

        public init(name: String, path: String, bytes: Int?, hash: String?, schema: TableSchemaDocument?) {
            self.name = name
            self.path = path
            self.bytes = bytes
            self.hash = hash
            self.schema = schema
        }
    }

    public struct DotsSection: Codable, Sendable {
        public var agency: String
        public var period: Period?
        /// Fingerprint of the linkage key the identifiers were pseudonymised with.
        public var keyID: String?
        public var preparedBy: String?
        public var preparedAt: String?

        public init(agency: String, period: Period?, keyID: String?, preparedBy: String?, preparedAt: String?) {
            self.agency = agency
            self.period = period
            self.keyID = keyID
            self.preparedBy = preparedBy
            self.preparedAt = preparedAt
        }
    }

    public var profile: String = "tabular-data-package"
    public var name: String
    public var title: String?
    public var created: String?
    public var dots: DotsSection
    public var resources: [Resource]

    public init(name: String, title: String?, created: String?, dots: DotsSection, resources: [Resource]) {
        self.name = name
        self.title = title
        self.created = created
        self.dots = dots
        self.resources = resources
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
