/// Any JSON key, for the lenient decoders of the governance inputs (`DataMapInput`, `ActionInput`, …): a missing
/// field reads as empty, so an API client is told which field is wrong, as a form would be.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where K == AnyKey {
    /// A text field: missing, null or not text reads as `fallback`, so the checks then name the field.
    func text(_ key: String, default fallback: String = "") -> String {
        (try? decodeIfPresent(String.self, forKey: AnyKey(key))).flatMap { $0 } ?? fallback
    }
}
