import DotsCore
import Foundation

/// A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) written from a dataset schema,
/// so agencies and other tools can read the same definition Dots checks against.
public struct TableSchemaDocument: Codable, Sendable, Equatable {
    public struct Constraints: Codable, Sendable, Equatable {
        public var required: Bool?
        public var unique: Bool?
        public var `enum`: [String]?
        public var pattern: String?
        public var minimum: Int?
        public var maximum: Int?
        public var maxLength: Int?
    }

    public struct Field: Codable, Sendable, Equatable {
        public var name: String
        public var title: String
        public var description: String
        public var type: String
        public var format: String?
        public var example: String
        public var constraints: Constraints?
        public var trueValues: [String]?
        public var falseValues: [String]?
        /// Codes and labels, for fields drawn from a code list (a Dots extension to Table Schema).
        public var codeList: CodeListDocument?
    }

    public struct CodeListDocument: Codable, Sendable, Equatable {
        public var name: String
        public var source: String
        public var codes: [String: String]
        public var separator: String?
    }

    public var name: String
    public var title: String
    public var description: String
    public var version: Int
    public var fields: [Field]
    public var primaryKey: String
    public var missingValues: [String]

    public init(_ schema: DatasetSchema, name: String? = nil) {
        self.name = name ?? schema.dataset.rawValue
        title = schema.title
        description = schema.description
        version = schema.version
        primaryKey = schema.primaryKey
        missingValues = [""]
        fields = schema.fields.map { f in
            var c = Constraints()
            if f.required { c.required = true }
            if f.name == schema.primaryKey { c.unique = true }
            var field = Field(
                name: f.name, title: f.title, description: f.description, type: f.type.tableSchemaType,
                format: nil, example: f.example, constraints: nil)
            switch f.type {
            case .identifier: c.pattern = "[A-Za-z0-9_./:-]{1,64}"
            case .pseudonym: c.pattern = "[0-9a-f]{64}"
            case .bloomFilter(let bits): c.pattern = "[A-Za-z0-9+/]{\((bits / 8) / 3 * 4)}[A-Za-z0-9+/=]{4}"
            case .text(let n), .rawIdentifier(let n): c.maxLength = n
            case .code(let set):
                c.enum = set.codes
                field.codeList = CodeListDocument(set, separator: nil)
            case .codes(let set):
                let one = "(" + set.codes.joined(separator: "|") + ")"
                c.pattern = "\(one)(;\(one))*"
                field.codeList = CodeListDocument(set, separator: ";")
            case .date: field.format = "default"
            case .dateTime: c.pattern = "\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?)?"
            case .yearMonth: break
            case .boolean:
                field.trueValues = ["Y"]
                field.falseValues = ["N"]
            case .integer(let lo, let hi):
                c.minimum = lo
                c.maximum = hi
            case .areaCode(let levels):
                c.pattern = "E[0-9]{8}"
                field.description += " Levels: " + levels.map(\.rawValue).joined(separator: ", ") + "."
            }
            field.constraints = c == Constraints() ? nil : c
            return field
        }
    }

    /// Pretty, key-sorted JSON, stable enough to commit and diff.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension TableSchemaDocument.CodeListDocument {
    init(_ set: CodeSet, separator: String?) {
        self.init(
            name: set.name, source: set.source,
            codes: Dictionary(uniqueKeysWithValues: set.entries.map { ($0.code, $0.label) }), separator: separator)
    }
}
