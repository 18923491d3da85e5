/// American Soundex (the US National Archives' rules), the phonetic code behind the keyed `*_phonetic` columns:
/// names that sound alike, and most names with a typing error after the first letter, share a code.
///
/// The first letter is kept; each later consonant becomes a digit (B F P V 1; C G J K Q S X Z 2; D T 3; L 4; M N 5;
/// R 6); letters with the same digit next to each other, or separated only by H or W, count once (the first letter
/// included); a vowel (A E I O U Y) between them keeps both; the code is cut or padded with zeros to four
/// characters. Robert and Rupert are both R163; Ashcraft is A261; Tymczak T522; Pfister P236.
public enum Soundex {
    /// The code of a name already normalised to A-Z (`IdentifierNormaliser.name`), or nil for an empty one.
    public static func code(_ name: String) -> String? {
        let letters = Array(name.utf8).filter { $0 >= 65 && $0 <= 90 }
        guard let first = letters.first else { return nil }
        var out = [first]
        var last = digit(first)
        for c in letters.dropFirst() {
            guard out.count < 4 else { break }
            let d = digit(c)
            if d == 0 {
                // A vowel separates two letters of the same digit; H and W do not.
                if c != UInt8(ascii: "H") && c != UInt8(ascii: "W") { last = 0 }
                continue
            }
            if d != last { out.append(UInt8(ascii: "0") + d) }
            last = d
        }
        while out.count < 4 { out.append(UInt8(ascii: "0")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The digit of an upper-case letter, 0 for vowels, H, W and Y.
    static func digit(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "B"), UInt8(ascii: "F"), UInt8(ascii: "P"), UInt8(ascii: "V"): 1
        case UInt8(ascii: "C"), UInt8(ascii: "G"), UInt8(ascii: "J"), UInt8(ascii: "K"), UInt8(ascii: "Q"), UInt8(ascii: "S"), UInt8(ascii: "X"),
            UInt8(ascii: "Z"):
            2
        case UInt8(ascii: "D"), UInt8(ascii: "T"): 3
        case UInt8(ascii: "L"): 4
        case UInt8(ascii: "M"), UInt8(ascii: "N"): 5
        case UInt8(ascii: "R"): 6
        default: 0
        }
    }
}
