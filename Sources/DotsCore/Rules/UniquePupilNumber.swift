/// The unique pupil number's check letter (DfE, "Unique pupil numbers (UPNs)", the check letter algorithm; the
/// same rule as the CIN census's 1510 and SSDA903's 168): the 2nd to 13th characters are weighted 2 to 13 (a letter
/// in 13th place, a temporary UPN, by its place in the alphabet below), and the sum modulo 23 picks the letter.
public enum UniquePupilNumber {
    /// The 23 letters a UPN uses: no I, O or S, which read as digits.
    public static let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// "UN1" to "UN5": the DfE's codes for a UPN not known (not a pupil number, and not an error).
    public static let unknownCodes: Set<String> = ["UN1", "UN2", "UN3", "UN4", "UN5"]

    /// The check letter for the 12 characters after it; nil unless they are 11 digits and a digit or one of the letters.
    public static func checkLetter(_ rest: String) -> Character? {
        let chars = Array(rest)
        guard chars.count == 12, chars.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            let weight = i + 2
            if let d = c.wholeNumberValue, c.isASCII {
                sum += d * weight
            } else if i == 11, let v = letters.firstIndex(of: c) {
                sum += v * weight
            } else {
                return nil
            }
        }
        return letters[sum % 23]
    }

    /// Whether a 13-character upper-case value is a UPN with the right check letter.
    public static func isValid(_ upn: String) -> Bool {
        guard upn.count == 13, let first = upn.first, let check = checkLetter(String(upn.dropFirst())) else { return false }
        return first == check
    }
}
