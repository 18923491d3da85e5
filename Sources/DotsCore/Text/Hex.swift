/// Lower-case hexadecimal text of bytes (a digest, a key), two digits a byte. Written out rather than through
/// `String(format:)`, which parses its format for every byte: a session's cookie digest and every audit record's hash
/// are made this way on each page.
extension Sequence where Element == UInt8 {
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
