@preconcurrency import Crypto
import DotsCore
import Foundation

/// Keyed Bloom-filter encodings of names, for fuzzy matching on the hub without the names.
///
/// A name's letter pairs (with a start and end marker: `_JAYDEN_` gives `_J`, `JA`, … `N_`) each set `hashes`
/// bits of a `BloomShape.bits`-bit filter, chosen by double hashing from an HMAC under a key derived from the
/// partnership linkage key for that field. Two encodings of similar names share most bits, so their Dice
/// coefficient measures similarity. Hardening: without the key no one can build the filters of candidate names
/// (no dictionary attack), and the birth year salts every pair, so the same name in different birth years sets
/// different bits (frequent names do not stand out across the whole file; see docs/threat-model.md).
public final class BloomEncoder {
    public let hashes: Int
    let fieldKeys: [String: SymmetricKey]
    var cache: [String: (UInt64, UInt64)] = [:]

    public init(key: LinkageKey, fields: [String] = ["first_name", "surname"], hashes: Int = 15) {
        self.hashes = hashes
        fieldKeys = Dictionary(uniqueKeysWithValues: fields.map { ($0, key.derivedKey("bloom:\($0)")) })
    }

    /// The filter for `value` (already normalised to A-Z), or nil for an empty value.
    public func encode(field: String, value: String, salt: String) -> [UInt8]? {
        guard !value.isEmpty, let fieldKey = fieldKeys[field] else { return nil }
        var words = [UInt64](repeating: 0, count: BloomShape.bits / 64)
        let letters = ["_"] + value.map(String.init) + ["_"]
        for i in 0..<(letters.count - 1) {
            let token = field + "|" + salt + "|" + letters[i] + letters[i + 1]
            let (h1, h2) =
                cache[token]
                ?? {
                    let mac = Array(HMAC<SHA256>.authenticationCode(for: Data(token.utf8), using: fieldKey))
                    let pair = (Self.word(mac, 0), Self.word(mac, 8) | 1)
                    cache[token] = pair
                    return pair
                }()
            for j in 0..<UInt64(hashes) {
                let bit = Int((h1 &+ j &* h2) % UInt64(BloomShape.bits))
                words[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(BloomShape.bytes)
        for w in words { for b in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: w >> (UInt64(b) * 8))) } }
        return bytes
    }

    public func encodeBase64(field: String, value: String, salt: String) -> String? {
        encode(field: field, value: value, salt: salt).map { Data($0).base64EncodedString() }
    }

    static func word(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (UInt64($1) * 8) }
    }
}
