import Foundation

/// The stored form of a `LinkRecordSet`: a small header, then each column as one run of little-endian values, so
/// reading a set is a handful of copies rather than a parse.
///
///     "DLRS" · format u32 · count u32 · agency (u32 length + UTF-8) · area names (u32 count, each u32 length + UTF-8)
///     · person ids (count u32 end offsets + UTF-8) · pseudonyms (count × `pseudonymCount` u64) · encodings (count × 16 u64)
///     · birth months (count i32) · areas (count u32) · sexes (count u8) · encoding flags (count u8)
extension LinkRecordSet {
    public enum DecodingError: Error, Equatable, CustomStringConvertible {
        case notASet
        case otherFormat(Int)
        case truncated(String)

        public var description: String {
            switch self {
            case .notASet: "not a stored set of linkage records"
            case .otherFormat(let f): "linkage records stored in format \(f), not \(LinkRecordSet.format)"
            case .truncated(let part): "stored linkage records end inside \(part)"
            }
        }
    }

    static let magic: [UInt8] = Array("DLRS".utf8)

    public func encoded() -> Data {
        var out = Data()
        out.reserveCapacity(64 + count * (Self.pseudonymCount * 8 + 16 * 8 + 4 + 4 + 2 + 12))
        out.append(contentsOf: Self.magic)
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) } }
        func text(_ s: String) { u32(s.utf8.count); out.append(contentsOf: s.utf8) }
        func column<T>(_ values: [T]) { values.withUnsafeBytes { out.append(contentsOf: $0) } }
        u32(Self.format)
        u32(count)
        text(agency)
        u32(areaNames.count)
        areaNames.forEach(text)
        var end = 0
        column(
            personIDs.map {
                end += $0.utf8.count; return UInt32(end).littleEndian
            })
        for id in personIDs { out.append(contentsOf: id.utf8) }
        column(pseudonyms.map(\.littleEndian))
        column(blooms.map(\.littleEndian))
        column(birthMonths.map(\.littleEndian))
        column(areas.map(\.littleEndian))
        column(sexes)
        column(bloomFlags)
        return out
    }

    public init(encoded data: Data) throws {
        self = try data.withUnsafeBytes { raw in
            var reader = Reader(raw: raw)
            guard try Array(reader.take(4, "the header")) == Self.magic else { throw DecodingError.notASet }
            let format = Int(try reader.u32("the header"))
            guard format == Self.format else { throw DecodingError.otherFormat(format) }
            let n = Int(try reader.u32("the header"))
            var set = LinkRecordSet(agency: try reader.text("the agency"), count: n)
            set.areaNames = try (0..<Int(try reader.u32("the area names"))).map { _ in try reader.text("the area names") }
            let ends: [UInt32] = try reader.column(n, "the person ids")
            let idBytes = UnsafeRawBufferPointer(rebasing: try reader.take(Int(ends.last.map { UInt32(littleEndian: $0) } ?? 0), "the person ids"))
            var start = 0
            set.personIDs = try ends.map { e in
                let end = Int(UInt32(littleEndian: e))
                guard start <= end, end <= idBytes.count else { throw DecodingError.truncated("the person ids") }
                defer { start = end }
                return String(decoding: UnsafeRawBufferPointer(rebasing: idBytes[start..<end]), as: UTF8.self)
            }
            set.pseudonyms = try reader.column(n * Self.pseudonymCount, "the pseudonyms").map { UInt64(littleEndian: $0) }
            set.blooms = try reader.column(n * 16, "the encodings").map { UInt64(littleEndian: $0) }
            set.birthMonths = try reader.column(n, "the birth months").map { Int32(littleEndian: $0) }
            set.areas = try reader.column(n, "the areas").map { UInt32(littleEndian: $0) }
            set.sexes = try reader.column(n, "the sexes")
            set.bloomFlags = try reader.column(n, "the encoding flags")
            guard set.areas.allSatisfy({ Int($0) <= set.areaNames.count }) else { throw DecodingError.truncated("the area names") }
            return set
        }
    }

    /// An empty set to decode into.
    private init(agency: String, count: Int) {
        self.init(agency: agency, rows: [])
        personIDs.reserveCapacity(count)
    }

    private struct Reader {
        let raw: UnsafeRawBufferPointer
        var at = 0

        mutating func take(_ n: Int, _ part: String) throws -> Slice<UnsafeRawBufferPointer> {
            guard n >= 0, at + n <= raw.count else { throw DecodingError.truncated(part) }
            defer { at += n }
            return raw[at..<(at + n)]
        }

        mutating func u32(_ part: String) throws -> UInt32 {
            UInt32(littleEndian: try take(4, part).loadUnaligned(as: UInt32.self))
        }

        mutating func text(_ part: String) throws -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: try take(Int(try u32(part)), part)), as: UTF8.self)
        }

        /// `n` values copied out as they are stored (callers convert from little-endian).
        mutating func column<T: FixedWidthInteger>(_ n: Int, _ part: String) throws -> [T] {
            let bytes = try take(n * MemoryLayout<T>.stride, part)
            return [T](unsafeUninitializedCapacity: n) { buffer, initialised in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes))
                initialised = n
            }
        }
    }
}
