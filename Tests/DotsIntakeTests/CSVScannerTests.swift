import DotsIntake
import Testing

@Suite("CSV scanning")
struct CSVScannerTests {
    func records(_ text: String) -> [[String]] {
        var s = CSVScanner(bytes: Array(text.utf8))
        var out: [[String]] = []
        while s.next() == .record { out.append(s.fields.map { s.string($0) }) }
        return out
    }

    @Test("Quoted fields keep commas, line breaks and doubled quotes")
    func quoted() {
        let r = records("a,b,c\n\"x, y\",\"line1\nline2\",\"say \"\"hi\"\"\"\n")
        #expect(r == [["a", "b", "c"], ["x, y", "line1\nline2", "say \"hi\""]])
    }

    @Test("A UTF-8 byte order mark and CRLF endings are handled")
    func bomAndCRLF() {
        let r = records("\u{FEFF}id,name\r\n1,Zoë\r\n2,Siân\r\n")
        #expect(r == [["id", "name"], ["1", "Zoë"], ["2", "Siân"]])
    }

    @Test("Trailing blank lines read as blank records, a trailing comma as an empty last field")
    func blanksAndTrailingComma() {
        var s = CSVScanner(bytes: Array("a,b\n1,\n\n\n".utf8))
        #expect(s.next() == .record)
        #expect(s.next() == .record)
        #expect(s.fields.count == 2 && s.fields[1].isEmpty)
        #expect(s.next() == .record && s.isBlankRecord)
        #expect(s.next() == .record && s.isBlankRecord)
        #expect(s.next() == .end)
    }

    @Test("A final record without a line break is still read")
    func noFinalNewline() {
        #expect(records("a,b\n1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test("An unclosed quote is reported, not swallowed")
    func unclosedQuote() {
        var s = CSVScanner(bytes: Array("a\n\"open\n".utf8))
        #expect(s.next() == .record)
        #expect(s.next() == .unclosedQuote)
    }

    @Test("Windows-1252 bytes and UTF-16 are not UTF-8")
    func encodings() {
        #expect(UTF8Check.check(Array("Zoë".utf8)) == .valid)
        #expect(UTF8Check.check([0x5A, 0x6F, 0xEB, 0x0A]) == .invalid(offset: 2))
        #expect(UTF8Check.check([0xFF, 0xFE, 0x41, 0x00]) == .utf16)
        #expect(UTF8Check.line(of: 6, in: Array("a\nbc\nd\n".utf8)) == 3)
    }
}
