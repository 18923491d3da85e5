@preconcurrency import Crypto
import DotsCore
import Foundation

/// The partnership's secret linkage key. It lives with each agency's `dots prepare` and never reaches the hub:
/// the hub sees only `id`, a fingerprint that tells packages prepared under different keys apart.
public struct LinkageKey: Sendable, CustomStringConvertible {
    let key: SymmetricKey

    /// At least 32 bytes, given as hex or base64.
    public init(encoded: String) throws {
        let text = encoded.trimmingCharacters(in: .whitespacesAndNewlines)
        var bytes: [UInt8]? = nil
        if text.count % 2 == 0, text.allSatisfy(\.isHexDigit) {
            bytes = stride(from: 0, to: text.count, by: 2).compactMap { i in
                let s = text.index(text.startIndex, offsetBy: i)
                return UInt8(text[s..<text.index(s, offsetBy: 2)], radix: 16)
            }
        } else if let data = Data(base64Encoded: text) {
            bytes = [UInt8](data)
        }
        guard let bytes, bytes.count >= 32 else { throw KeyError.tooShort }
        key = SymmetricKey(data: bytes)
    }

    /// A new random 256-bit key, hex encoded, for `dots key generate`.
    public static func generateEncoded() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.hexString
    }

    /// A public fingerprint of the key: 16 hex characters of an HMAC of a fixed label.
    public var id: String { String(hmacHex("dots-key-id-v1").prefix(16)) }

    /// HMAC-SHA-256 of `message` under the key, as 64 lowercase hex characters.
    public func hmacHex(_ message: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key).map { b in
            let s = String(b, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }

    /// A key for one purpose (such as one field's Bloom filters), derived so that no two purposes share a key.
    public func derivedKey(_ label: String) -> SymmetricKey {
        SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data("dots-derive-v1:\(label)".utf8), using: key))
    }

    /// Never prints the key itself.
    public var description: String { "LinkageKey(id: \(id))" }
}

public enum KeyError: Error, CustomStringConvertible, Equatable {
    case missing
    case tooShort
    case unreadable(String)
    case wrongKey(found: String, expected: String)

    public var description: String {
        switch self {
        case .missing:
            "No linkage key: give --key-file FILE or set DOTS_LINKAGE_KEY. The partnership's key holder issues it; `dots key generate` makes a new one."
        case .tooShort:
            "The linkage key is too short or not hex/base64: it must be at least 32 bytes (64 hex characters). `dots key generate` makes one."
        case .unreadable(let file): "The linkage key file \(file) cannot be read."
        case .wrongKey(let found, let expected):
            "This linkage key has fingerprint \(found), but the partnership's current key is \(expected). Ask the key holder for the current key; pseudonyms made with another key would never match."
        }
    }
}

/// Where the linkage key comes from.
public protocol LinkageKeyProvider: Sendable {
    func linkageKey() throws -> LinkageKey
}

/// A key file if one is named, else the `DOTS_LINKAGE_KEY` environment variable.
public struct FileOrEnvironmentKeyProvider: LinkageKeyProvider {
    public let file: String?
    public let environment: [String: String]

    public init(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.file = file
        self.environment = environment
    }

    public func linkageKey() throws -> LinkageKey {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw KeyError.unreadable(file) }
            return try LinkageKey(encoded: text)
        }
        guard let text = environment["DOTS_LINKAGE_KEY"], !text.isEmpty else { throw KeyError.missing }
        return try LinkageKey(encoded: text)
    }
}

/// A fixed key, for tests and the demo.
public struct StaticKeyProvider: LinkageKeyProvider {
    public let encoded: String
    public init(encoded: String) { self.encoded = encoded }
    public func linkageKey() throws -> LinkageKey { try LinkageKey(encoded: encoded) }
}
