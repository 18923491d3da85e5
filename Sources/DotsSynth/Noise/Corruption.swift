import DotsCore

/// The slips real records carry, as record-corruption generators model them (FEBRL's dsgen and GeCo, Christen and
/// Vatsalan 2013): edits by keyboard and by hand, OCR confusions, phonetic spellings, shortened and hyphenated
/// surnames, and dates of birth with a slipped digit or a year out. Each takes its choices from the caller's random
/// source, or as arguments, so that every kind can be checked by hand.
enum Corruption {
    /// Neighbours of each letter on a UK QWERTY keyboard (same row and the rows above and below).
    static let keyboardNeighbours: [Character: String] = [
        "q": "wa", "w": "qeas", "e": "wrsd", "r": "etdf", "t": "ryfg", "y": "tugh", "u": "yihj", "i": "uojk", "o": "ipkl", "p": "ol",
        "a": "qwsz", "s": "awedxz", "d": "serfcx", "f": "drtgvc", "g": "ftyhbv", "h": "gyujnb", "j": "huikmn", "k": "jiolm", "l": "kop",
        "z": "asx", "x": "zsdc", "c": "xdfv", "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk",
    ]

    enum Edit: CaseIterable { case substitution, insertion, deletion, transposition }

    /// One edit at `index` (0-based; the first letter is kept, as most published generators keep it less often
    /// changed and a name's first letter is the most reliably typed). `letter` is what is substituted or inserted.
    static func edit(_ name: String, _ kind: Edit, at index: Int, letter: Character) -> String {
        var a = Array(name)
        guard a.count >= 2, index >= 1, index < a.count else { return name }
        let upper = a[index].isUppercase
        let l = upper ? Character(letter.uppercased()) : letter
        switch kind {
        case .substitution: a[index] = l
        case .insertion: a.insert(l, at: index)
        case .deletion: a.remove(at: index)
        case .transposition:
            guard index + 1 < a.count else { a.swapAt(index - 1, index); break }
            a.swapAt(index, index + 1)
        }
        return String(a)
    }

    /// One random edit: substitutions mostly by a key next to the one meant (three in four), the rest any letter.
    static func randomEdit(_ name: String, _ rng: inout SeededRandom) -> String {
        let a = Array(name)
        guard a.count >= 3 else { return name }
        let kind = rng.weighted([(Edit.substitution, 0.35), (.insertion, 0.2), (.deletion, 0.25), (.transposition, 0.2)])
        let i = rng.int(1...(a.count - 1))
        let meant = Character(a[min(i, a.count - 1)].lowercased())
        let near = keyboardNeighbours[meant].map(Array.init) ?? []
        let letter = !near.isEmpty && rng.chance(0.75) ? rng.pick(near) : rng.pick(Array("abcdefghijklmnopqrstuvwxyz"))
        return edit(name, kind, at: i, letter: letter)
    }

    /// Letter shapes a scanner or a hurried reader confuses, either way round.
    static let ocrPairs: [(String, String)] = [("rn", "m"), ("cl", "d"), ("vv", "w"), ("li", "h"), ("ii", "u"), ("c", "e"), ("n", "h")]

    /// The name with its first OCR confusion at or after `from` (lower case only; nil if it has none).
    static func ocr(_ name: String, from: Int = 0) -> String? {
        let a = Array(name)
        for i in max(from, 1)..<max(a.count, 1) {
            for (x, y) in ocrPairs {
                for (find, put) in [(x, y), (y, x)] {
                    let f = Array(find)
                    if i + f.count <= a.count, Array(a[i..<(i + f.count)]) == f {
                        return String(a[..<i]) + put + String(a[(i + f.count)...])
                    }
                }
            }
        }
        return nil
    }

    /// Spellings that sound the same, either way round (lower case; the first letter kept).
    static let phoneticPairs: [(String, String)] = [
        ("ph", "f"), ("ck", "k"), ("ee", "ea"), ("ie", "y"), ("ou", "ow"), ("ll", "l"), ("tt", "t"), ("nn", "n"), ("ss", "s"), ("son", "sen"),
        ("ey", "y"), ("ai", "ay"), ("z", "s"), ("x", "ks"), ("th", "t"), ("oh", "o"), ("ah", "a"), ("mm", "m"), ("ine", "yne"),
    ]

    /// Every phonetic respelling of the name (one rule applied once), for the caller to pick from.
    static func phonetic(_ name: String) -> [String] {
        let a = Array(name)
        var out: [String] = []
        for i in 1..<max(a.count, 1) {
            for (x, y) in phoneticPairs {
                for (find, put) in [(x, y), (y, x)] {
                    let f = Array(find)
                    if i + f.count <= a.count, Array(a[i..<(i + f.count)]) == f { out.append(String(a[..<i]) + put + String(a[(i + f.count)...])) }
                }
            }
        }
        return Array(Set(out)).sorted()
    }

    /// A surname cut short: one part of a hyphenated name, else its first letters (at least three, losing one to
    /// three), as forms with short boxes and hurried entry leave them.
    static func shortened(_ surname: String, keep: Int? = nil) -> String {
        let parts = surname.split(separator: "-")
        if parts.count > 1 { return String(parts[keep ?? 0]) }
        let a = Array(surname)
        guard a.count > 3 else { return surname }
        let n = max(3, keep ?? (a.count - 1))
        return String(a.prefix(n))
    }

    /// A surname joined with another's, in either order (a step-parent's, a mother's and father's).
    static func hyphenated(_ surname: String, with other: String, otherFirst: Bool) -> String {
        otherFirst ? "\(other)-\(surname)" : "\(surname)-\(other)"
    }

    /// The date with digit `position` of YYYYMMDD (2 to 7: the century is never mistyped) changed to `digit`, or nil
    /// if that is no date or no change.
    static func digitSlip(_ date: CalendarDate, position: Int, digit: Int) -> CalendarDate? {
        var d = Array(Digits.pad(date.year, 4) + Digits.pad(date.month, 2) + Digits.pad(date.day, 2))
        guard (2...7).contains(position), (0...9).contains(digit), d[position] != Character(String(digit)) else { return nil }
        d[position] = Character(String(digit))
        let s = String(d)
        return CalendarDate(year: Int(s.prefix(4))!, month: Int(s.dropFirst(4).prefix(2))!, day: Int(s.suffix(2))!)
    }

    /// A random one-digit slip that is still a date.
    static func randomDigitSlip(_ date: CalendarDate, _ rng: inout SeededRandom) -> CalendarDate {
        for _ in 0..<20 {
            if let d = digitSlip(date, position: rng.int(2...7), digit: rng.int(0...9)) { return d }
        }
        return date
    }

    /// The year moved by `years`; 29 February becomes 28 February in a year without it.
    static func yearMoved(_ date: CalendarDate, by years: Int) -> CalendarDate {
        let c = date.components
        return CalendarDate(year: c.year + years, month: c.month, day: c.day) ?? CalendarDate(year: c.year + years, month: c.month, day: c.day - 1)!
    }
}
