/// A geographic area identified by its ONS GSS code (nine characters: a letter, two digits for the entity, six digits).
public struct Area: Hashable, Sendable, Codable {
    public enum Level: String, Sendable, Codable, CaseIterable {
        case region, county, unitary = "unitary-authority", district, ward, msoa, lsoa
    }

    public let code: String
    public let name: String
    public let level: Level
    /// The code of the upper-tier area this one sits in (a district's county), if any.
    public let parent: String?

    public init(code: String, name: String, level: Level, parent: String? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.parent = parent
    }

    /// The level an ONS code's entity prefix denotes, for the English codes Dots accepts.
    public static func level(ofCode code: some StringProtocol) -> Level? {
        guard isWellFormedCode(code) else { return nil }
        switch code.prefix(3) {
        case "E12": return .region
        case "E10": return .county
        case "E06", "E08", "E09": return .unitary
        case "E07": return .district
        case "E05": return .ward
        case "E02": return .msoa
        case "E01": return .lsoa
        default: return nil
        }
    }

    /// A letter E, then eight digits.
    public static func isWellFormedCode(_ code: some StringProtocol) -> Bool {
        let u = Array(code.utf8)
        return u.count == 9 && u[0] == 69 && u[1...].allSatisfy { $0 &- 48 < 10 }
    }
}
