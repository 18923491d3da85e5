import Testing

@testable import DotsWeb

@Suite("Figures' labels read as words")
struct FormattingTests {
    @Test("Age bands with a dash, sex in full, areas by name, other codes without hyphens")
    func groupNames() {
        #expect(Formatting.groupName("age", "0-9") == "0–9")
        #expect(Formatting.groupName("age", "10-13") == "10–13")
        #expect(Formatting.groupName("age", "18+") == "18+")
        #expect(Formatting.groupName("sex", "F") == "Female")
        #expect(Formatting.groupName("sex", "M") == "Male")
        #expect(Formatting.groupName("sex", "U") == "Not known or not recorded")
        #expect(Formatting.groupName("sex", "unknown") == "Not recorded")
        #expect(Formatting.groupName("la", "E06000021") == "Stoke-on-Trent")
        #expect(Formatting.groupName("exploitation-type", "county-lines") == "County lines")
    }
}
