import Foundation

/// Documents the store keeps as JSON text (quality profiles, intake reports): one encoding, keys sorted so the
/// same document is always the same text.
enum StoreJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw StoreError.unexpected("A stored \(type) document cannot be read: \(error)")
        }
    }
}
