import DotsCore
import Testing

@Suite("Hexadecimal text of bytes")
struct HexTests {
    @Test("Two lower-case digits a byte, leading zeros kept; nothing for no bytes")
    func hex() {
        #expect([UInt8]().hexString == "")
        #expect([0x00, 0x0f, 0x10, 0xa5, 0xff].hexString == "000f10a5ff")
        #expect(Array("Dots".utf8).hexString == "446f7473")
    }
}
