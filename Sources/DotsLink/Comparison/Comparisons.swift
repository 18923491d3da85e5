/// The comparisons linkage makes between two records, each with levels from strongest agreement to disagreement.
/// Level 0 of every comparison is "not known" (one side blank): it neither adds nor takes away weight.
public enum ComparisonName: String, Codable, Sendable, CaseIterable {
    case nhs, upn, localID = "local_id", firstName = "first_name", surname, dob, postcode, sex
}

public struct Comparison: Sendable {
    public let name: ComparisonName
    /// Labels of levels 1…n (level 0 is "not known").
    public let levels: [String]

    public var levelCount: Int { levels.count + 1 }

    public func label(_ level: Int) -> String { level == 0 ? "not known" : levels[level - 1] }
}

/// Computes comparison vectors.
public struct Comparator: Sendable {
    public let comparisons: [Comparison]
    let nameDice: [Double]

    public init(settings: LinkageSettings) {
        nameDice = settings.nameDiceLevels
        let nameLevels = ["exact"] + settings.nameDiceLevels.map { "similar (Dice ≥ \($0))" } + ["different"]
        comparisons = [
            Comparison(name: .nhs, levels: ["agree", "different"]),
            Comparison(name: .upn, levels: ["agree", "different"]),
            Comparison(name: .localID, levels: ["agree", "different"]),
            Comparison(name: .firstName, levels: nameLevels),
            Comparison(name: .surname, levels: nameLevels),
            Comparison(name: .dob, levels: ["exact", "day and month swapped", "same month", "within a month", "different"]),
            Comparison(name: .postcode, levels: ["same postcode", "same area", "different"]),
            Comparison(name: .sex, levels: ["same", "different"]),
        ]
    }

    /// The level of each comparison for a pair, in `comparisons` order.
    @inline(__always)
    public func levels(_ a: LinkRecord, _ b: LinkRecord, into out: inout [UInt8]) {
        out[0] = exact(a.nhs, b.nhs)
        out[1] = exact(a.upn, b.upn)
        out[2] = exact(a.localID, b.localID)
        out[3] = name(a.firstName, b.firstName, a.firstNameBloom, b.firstNameBloom)
        out[4] = name(a.surname, b.surname, a.surnameBloom, b.surnameBloom)
        out[5] = dob(a, b)
        out[6] = a.postcode == 0 || b.postcode == 0 ? (a.area != 0 && b.area != 0 ? (a.area == b.area ? 2 : 3) : 0) : (a.postcode == b.postcode ? 1 : (a.area != 0 && a.area == b.area ? 2 : 3))
        out[7] = a.sex == 0 || b.sex == 0 ? 0 : (a.sex == b.sex ? 1 : 2)
    }

    @inline(__always)
    func exact(_ a: Int32, _ b: Int32) -> UInt8 { a == 0 || b == 0 ? 0 : (a == b ? 1 : 2) }

    @inline(__always)
    func name(_ a: Int32, _ b: Int32, _ ba: BloomBits?, _ bb: BloomBits?) -> UInt8 {
        if a != 0 && a == b { return 1 }
        guard let ba, let bb else { return a == 0 || b == 0 ? 0 : UInt8(nameDice.count + 2) }
        let d = ba.dice(bb)
        for (i, t) in nameDice.enumerated() where d >= t { return UInt8(i + 2) }
        return UInt8(nameDice.count + 2)
    }

    @inline(__always)
    func dob(_ a: LinkRecord, _ b: LinkRecord) -> UInt8 {
        if a.dob != 0 && a.dob == b.dob { return 1 }
        if a.dobUnordered != 0 && a.dobUnordered == b.dobUnordered { return 2 }
        guard a.birthMonth >= 0, b.birthMonth >= 0 else { return 0 }
        if a.birthMonth == b.birthMonth { return 3 }
        if abs(a.birthMonth - b.birthMonth) == 1 { return 4 }
        return 5
    }

    /// Packs a comparison vector into one integer (mixed radix), to count patterns.
    public func pattern(_ levels: [UInt8]) -> UInt32 {
        var p: UInt32 = 0
        for (i, c) in comparisons.enumerated() { p = p * UInt32(c.levelCount) + UInt32(levels[i]) }
        return p
    }

    public func unpack(_ pattern: UInt32) -> [UInt8] {
        var p = pattern
        var out = [UInt8](repeating: 0, count: comparisons.count)
        for i in stride(from: comparisons.count - 1, through: 0, by: -1) {
            let n = UInt32(comparisons[i].levelCount)
            out[i] = UInt8(p % n)
            p /= n
        }
        return out
    }
}
