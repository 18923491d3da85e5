import DotsCore

extension HubStore {
    /// A stored code read back as its type: a value the code does not know means the store was written by a
    /// newer Dots (or by hand), which is an error to report, not a row to guess at.
    static func stored<T: RawRepresentable>(_ type: T.Type, _ raw: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw StoreError.unknownCode(String(describing: T.self), raw) }
        return value
    }
}
