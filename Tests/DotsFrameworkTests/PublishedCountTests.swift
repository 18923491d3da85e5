import Testing

@testable import DotsFramework

@Suite("Published counts outside the framework's tables")
struct PublishedCountTests {
    @Test("1 to the threshold hidden, 0 shown; a lone hidden part of a whole hidden with the smallest other non-zero part")
    func parts() {
        #expect([0, 1, 5, 6].map { PublishedCount($0, threshold: 5).text } == ["0", "c", "c", "6"])
        #expect(PublishedCount.parts([30, 3, 50], threshold: 5).map(\.text) == ["c", "c", "50"])
        #expect(PublishedCount.parts([30, 3, 0, 2], threshold: 5).map(\.text) == ["30", "c", "0", "c"], "two hidden already: nothing more")
        #expect(PublishedCount.parts([0, 4], threshold: 5).map(\.text) == ["0", "c"], "no other non-zero part to hide")
        #expect(PublishedCount.parts([], threshold: 5).isEmpty)
    }
}
