/// Where one field of a CSV record lies in the file's bytes.
public struct CSVField: Sendable {
    public var start: Int
    public var end: Int
    /// The field was in quotation marks and contains doubled quotes that must be undone.
    public var escapedQuotes: Bool
    public var isEmpty: Bool { start == end }
}

/// An RFC 4180 record scanner over bytes held in memory: commas, double quotes (with `""` inside),
/// line breaks inside quoted values, LF or CRLF endings, and a UTF-8 byte order mark. It never copies a field;
/// callers read the byte ranges it reports. Hand-written because parsing speed bounds intake speed
/// (the CSV packages mirrored here build a String per field and run at a tenth of the rate).
public struct CSVScanner: Sendable {
    public enum Status: Equatable { case record, end, unclosedQuote }

    public let bytes: [UInt8]
    public private(set) var position: Int
    /// Records read so far (the header is record 1).
    public private(set) var recordCount = 0
    /// The fields of the last record read.
    public private(set) var fields: [CSVField] = []

    static let comma: UInt8 = 44, quote: UInt8 = 34, lf: UInt8 = 10, cr: UInt8 = 13

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        position = bytes.count >= 3 && Array(bytes[0..<3]) == bom ? 3 : 0
        fields.reserveCapacity(32)
    }

    /// Reads the next record into `fields`.
    public mutating func next() -> Status {
        fields.removeAll(keepingCapacity: true)
        let n = bytes.count
        guard position < n else { return .end }
        let start = position
        var result = Status.record
        // Swapped out rather than copied, so appending never copies the buffer.
        var newFields: [CSVField] = []
        swap(&newFields, &fields)
        let end: Int = bytes.withUnsafeBufferPointer { buf in
            var i = start
            while true {
                if i < n && buf[i] == CSVScanner.quote {
                    let s = i + 1
                    var escaped = false
                    i += 1
                    while true {
                        if i >= n { result = .unclosedQuote; return n }
                        if buf[i] == CSVScanner.quote {
                            if i + 1 < n && buf[i + 1] == CSVScanner.quote { escaped = true; i += 2; continue }
                            break
                        }
                        i += 1
                    }
                    let e = i
                    i += 1
                    // Anything between a closing quote and the next comma is kept out of the value.
                    while i < n, buf[i] != CSVScanner.comma, buf[i] != CSVScanner.lf, buf[i] != CSVScanner.cr { i += 1 }
                    newFields.append(CSVField(start: s, end: e, escapedQuotes: escaped))
                } else {
                    let s = i
                    while i < n {
                        let c = buf[i]
                        if c == CSVScanner.comma || c == CSVScanner.lf || c == CSVScanner.cr { break }
                        i += 1
                    }
                    newFields.append(CSVField(start: s, end: i, escapedQuotes: false))
                }
                if i >= n { return n }
                if buf[i] == CSVScanner.comma { i += 1; continue }
                if buf[i] == CSVScanner.cr && i + 1 < n && buf[i + 1] == CSVScanner.lf { return i + 2 }
                return i + 1
            }
        }
        fields = newFields
        position = end
        recordCount += 1
        return result
    }

    /// True when the last record was an empty line.
    public var isBlankRecord: Bool { fields.count == 1 && fields[0].isEmpty }

    /// The text of a field, with doubled quotes undone.
    public func string(_ f: CSVField) -> String {
        let s = String(decoding: bytes[f.start..<f.end], as: UTF8.self)
        return f.escapedQuotes ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
    }

    public func string(at index: Int) -> String { string(fields[index]) }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Index>? {
        guard let first = target.first else { return nil }
        var i = startIndex
        while let f = self[i...].firstIndex(of: first) {
            if self[f...].hasPrefix(target) { return f..<index(f, offsetBy: target.count) }
            i = index(after: f)
        }
        return nil
    }
}
