/// Finds the first byte that breaks UTF-8, so a file saved in Windows-1252 or UTF-16 is named as such.
public enum UTF8Check {
    public enum Result: Equatable {
        case valid
        /// The file starts with a UTF-16 byte order mark.
        case utf16
        /// The offset of the first invalid byte.
        case invalid(offset: Int)
    }

    public static func check(_ bytes: [UInt8]) -> Result {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return .utf16 }
        return bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0
            while i < n {
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                let len: Int
                if b & 0xE0 == 0xC0, b >= 0xC2 {
                    len = 2
                } else if b & 0xF0 == 0xE0 {
                    len = 3
                } else if b & 0xF8 == 0xF0, b <= 0xF4 {
                    len = 4
                } else {
                    return .invalid(offset: i)
                }
                guard i + len <= n else { return .invalid(offset: i) }
                for k in 1..<len where buf[i + k] & 0xC0 != 0x80 { return .invalid(offset: i) }
                i += len
            }
            return .valid
        }
    }

    /// The 1-based line an offset falls on, for locating an encoding error.
    public static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        bytes[0..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    }
}
