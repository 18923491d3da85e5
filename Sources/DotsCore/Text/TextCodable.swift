/// A value that is written as text everywhere (JSON, YAML, the CLI), such as a date or a period:
/// conforming types get a Codable form as that text.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// Reads the text `description` writes; nil if it is not such a value.
    init?(text: String)
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Not a \(Self.self): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
