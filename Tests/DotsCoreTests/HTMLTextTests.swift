import DotsCore
import Testing

@Suite("HTML text escaping")
struct HTMLTextTests {
    @Test(
        "Each of & < > \" ' becomes its entity; everything else, Unicode names included, is kept as it is",
        arguments: [
            ("", ""),
            ("Zoë O'Brien-Ndiaye", "Zoë O&#39;Brien-Ndiaye"),
            ("<b>\"x\" & 'y'</b>", "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"),
            ("&&", "&amp;&amp;"),
            ("Siân Ó Súilleabháin 李小龍 👩🏽‍⚕️", "Siân Ó Súilleabháin 李小龍 👩🏽‍⚕️"),
            ("é<é", "é&lt;é"),
            ("e\u{301}>", "e\u{301}&gt;"),
            (">", "&gt;"),
            ("plain", "plain"),
        ])
    func escapes(input: String, expected: String) {
        #expect(HTMLText.escape(input) == expected)
        var out = "before "
        HTMLText.escape(input, into: &out)
        #expect(out == "before " + expected)
    }
}
