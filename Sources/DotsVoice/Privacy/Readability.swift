/// How easy text is to read: the Flesch reading ease score and the Flesch-Kincaid grade, from words per
/// sentence and syllables per word (syllables counted as vowel groups, a silent final "e" dropped). A rough
/// measure, but the one plain-language guides use; docs/voice.md gives the scores each form must reach.
public struct Readability: Sendable, Equatable {
    public var sentences: Int
    public var words: Int
    public var syllables: Int

    /// 206.835 − 1.015 × words per sentence − 84.6 × syllables per word: 90-100 very easy (age 11), 80-90 easy,
    /// 70-80 fairly easy (age 12-13), 60-70 plain English.
    public var readingEase: Double { 206.835 - 1.015 * perSentence - 84.6 * perWord }
    /// 0.39 × words per sentence + 11.8 × syllables per word − 15.59: a US school grade (add 5 for a reading age).
    public var grade: Double { 0.39 * perSentence + 11.8 * perWord - 15.59 }

    var perSentence: Double { sentences == 0 ? 0 : Double(words) / Double(sentences) }
    var perWord: Double { words == 0 ? 0 : Double(syllables) / Double(words) }

    /// Each string is at least one sentence (a question, a hint, an answer); inside one, . ! ? end sentences.
    public static func of(_ texts: [String]) -> Readability {
        var r = Readability(sentences: 0, words: 0, syllables: 0)
        for text in texts {
            let parts = text.split { ".!?".contains($0) }.filter { $0.contains { $0.isLetter } }
            r.sentences += max(1, parts.count)
            for w in text.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "’") }) where w.contains(where: \.isLetter) {
                r.words += 1
                r.syllables += syllables(String(w))
            }
        }
        return r
    }

    /// Vowel groups, less a silent final "e" ("make", but not "table"), at least one.
    public static func syllables(_ word: String) -> Int {
        let w = Array(word.lowercased().filter(\.isLetter))
        guard !w.isEmpty else { return 0 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousVowel = false
        for c in w {
            let v = vowels.contains(c)
            if v && !previousVowel { count += 1 }
            previousVowel = v
        }
        if w.count > 2, w.last == "e", !vowels.contains(w[w.count - 2]), !(w[w.count - 2] == "l" && !vowels.contains(w[w.count - 3])) {
            count -= 1
        }
        return max(1, count)
    }
}
