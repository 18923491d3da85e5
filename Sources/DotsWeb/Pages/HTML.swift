import DotsCore

/// Markup that is safe to send. Text becomes HTML only by being escaped: interpolating a `String` into an `HTML`
/// literal escapes it, interpolating `HTML` passes it through unchanged, and a string literal written in Dots'
/// own code is trusted as markup. So raw text cannot be passed where markup is expected, and a page cannot forget
/// to escape a value. Pages are small and server-rendered: building them as text keeps the markup visible.
struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup, ready to send.
    private(set) var markup: String

    init(stringLiteral value: String) { markup = value }

    init(stringInterpolation: Interpolation) { markup = stringInterpolation.out }

    /// A literal, typed as markup where Swift would otherwise read it as text (`cond ? HTML("<b>x</b>") : ""`).
    init(_ html: HTML) { self = html }

    /// Joins markup already made safe (the `+` below); nothing else builds `HTML` from a `String`.
    private init(joining markup: String) { self.markup = markup }

    static let empty: HTML = ""

    var isEmpty: Bool { markup.isEmpty }
    var description: String { markup }

    static func + (a: HTML, b: HTML) -> HTML { HTML(joining: a.markup + b.markup) }
    static func += (a: inout HTML, b: HTML) { a.markup += b.markup }

    struct Interpolation: StringInterpolationProtocol {
        var out = ""

        init(literalCapacity: Int, interpolationCount: Int) { out.reserveCapacity(literalCapacity + interpolationCount * 16) }

        mutating func appendLiteral(_ literal: String) { out += literal }
        /// Text: escaped. Disfavoured so that where an expression could be read either way (a literal in a ternary,
        /// `xs.map { "<li>…</li>" }.joined()`, `opt.map { "<p>…</p>" } ?? ""`) Swift reads it as markup with its
        /// own interpolations escaped, rather than escaping Dots' markup; a `String` value is always escaped.
        @_disfavoredOverload
        mutating func appendInterpolation(_ text: String) { HTML.escape(text, into: &out) }
        @_disfavoredOverload
        mutating func appendInterpolation(_ text: Substring) { HTML.escape(String(text), into: &out) }
        /// Markup: unchanged.
        mutating func appendInterpolation(_ html: HTML) { out += html.markup }
        /// Nothing when nil.
        mutating func appendInterpolation(_ html: HTML?) { out += html?.markup ?? "" }
        mutating func appendInterpolation(_ parts: [HTML]) { for p in parts { out += p.markup } }
        mutating func appendInterpolation(_ n: some BinaryInteger) { out += String(n) }
    }

    /// Escapes text for element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    static func escape(_ text: String, into out: inout String) { HTMLText.escape(text, into: &out) }

    /// A percent-encoded query value.
    static func query(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension Sequence {
    /// Each element as markup, joined: `rows.html { "<tr><td>\($0.name)</td></tr>" }`. The closure's literal is
    /// `HTML`, so its interpolations escape text.
    func html(_ render: (Element) throws -> HTML) rethrows -> HTML {
        var out: HTML = HTML.empty
        for e in self { out += try render(e) }
        return out
    }
}

extension Array where Element == HTML {
    func joined(separator: HTML = "") -> HTML {
        var out: HTML = HTML.empty
        for (i, part) in enumerated() {
            if i > 0 { out += separator }
            out += part
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
