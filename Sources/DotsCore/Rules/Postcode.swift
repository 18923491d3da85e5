/// UK postcodes: normalising them and degrading them to an area.
public enum Postcode {
    /// Upper case, single space before the three-character inward code, if the text has a postcode's shape.
    public static func normalised(_ raw: some StringProtocol) -> String? {
        if let ascii = normalisedASCII(raw.utf8) { return ascii.isEmpty ? nil : ascii }
        return normalisedUnicode(raw)
    }

    /// `normalised` by Unicode's letters and numbers: what any text goes through that is not all ASCII.
    public static func normalisedUnicode(_ raw: some StringProtocol) -> String? {
        let chars = raw.uppercased().filter { $0.isLetter || $0.isNumber }
        guard (5...7).contains(chars.count), chars.allSatisfy(\.isASCII) else { return nil }
        let inward = chars.suffix(3)
        let outward = chars.dropLast(3)
        guard let first = outward.first, first.isLetter,
            inward.first?.isNumber == true, inward.dropFirst().allSatisfy(\.isLetter)
        else { return nil }
        return "\(outward) \(inward)"
    }

    /// The same on ASCII text, byte by byte (a postcode directory holds millions): "" when it is not a postcode, nil
    /// when the text is not ASCII (then Unicode's rules decide what is a letter).
    static func normalisedASCII(_ utf8: some Sequence<UInt8>) -> String? {
        var kept: [UInt8] = []
        kept.reserveCapacity(8)
        for b in utf8 {
            guard b < 0x80 else { return nil }
            switch b {
            case 0x61...0x7A: kept.append(b - 0x20)
            case 0x41...0x5A, 0x30...0x39: kept.append(b)
            default: continue
            }
            if kept.count > 7 { return "" }
        }
        func letter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) }
        let n = kept.count
        guard n >= 5, letter(kept[0]), (0x30...0x39).contains(kept[n - 3]), letter(kept[n - 2]), letter(kept[n - 1]) else { return "" }
        kept.insert(0x20, at: n - 3)
        return String(decoding: kept, as: UTF8.self)
    }

    /// The outward code (postcode district), e.g. `ST4` of `ST4 1AB`.
    public static func outwardCode(_ normalised: String) -> String { String(normalised.split(separator: " ")[0]) }

    /// The postcode sector, e.g. `ST4 1` of `ST4 1AB`.
    public static func sector(_ normalised: String) -> String { String(normalised.dropLast(2)) }
}

/// Which local area each postcode district (outward code) of the reference partnership mostly falls in.
/// Postcode districts straddle council boundaries, so this is an approximation; an agency with the ONS
/// postcode directory gives `dots prepare --postcode-lookup` each postcode's own district instead (`PostcodeLookup`).
public enum PostcodeDistricts {
    public static let referenceAreas: [String: String] = {
        var m: [String: String] = [:]
        func put(_ codes: [String], _ area: String) { for c in codes { m[c] = area } }
        put(["ST1", "ST2", "ST3", "ST4", "ST6", "ST9"], "E06000021")  // Stoke-on-Trent
        put(["ST5", "ST7", "ST8"], "E07000195")  // Newcastle-under-Lyme
        put(["ST10", "ST13"], "E07000198")  // Staffordshire Moorlands
        put(["ST15", "ST16", "ST17", "ST18", "ST19", "ST21"], "E07000197")  // Stafford
        put(["WS11", "WS12", "WS15"], "E07000192")  // Cannock Chase
        put(["DE13", "DE14", "DE15", "ST14"], "E07000193")  // East Staffordshire
        put(["WS7", "WS13", "WS14"], "E07000194")  // Lichfield
        put(["WV5", "WV6", "WV7", "WV8", "WV9", "WV10", "DY7", "ST20"], "E07000196")  // South Staffordshire
        put(["B77", "B78", "B79"], "E07000199")  // Tamworth
        return m
    }()

    public static func area(forOutwardCode code: String) -> String? { referenceAreas[code] }
}
