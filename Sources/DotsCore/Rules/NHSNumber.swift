/// NHS numbers: ten digits, the last a modulus-11 check digit.
public enum NHSNumber {
    /// The ten digits with spaces and hyphens removed, if they form a valid NHS number.
    public static func normalised(_ raw: some StringProtocol) -> String? {
        let digits = raw.utf8.filter { $0 != 32 && $0 != 45 }
        guard digits.count == 10, digits.allSatisfy({ $0 &- 48 < 10 }) else { return nil }
        let values = digits.map { Int($0 - 48) }
        guard let check = checkDigit(Array(values.prefix(9))), check == values[9] else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The check digit for nine digits, or nil when the remainder makes the number unusable (check value 10).
    public static func checkDigit(_ nine: [Int]) -> Int? {
        precondition(nine.count == 9)
        let sum = nine.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }
}
