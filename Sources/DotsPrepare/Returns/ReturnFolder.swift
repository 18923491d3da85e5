import DotsCore
import DotsGeography
import DotsIntake
import Foundation

/// A folder (or one file) holding a local authority's statutory returns: the CIN census XML and the SSDA903 (its
/// CSV tables, or its XML); or a police force's data.police.uk street-level crime files, recognised from their content whatever they are called, read together so that a child in both is one
/// person and the agency's people come from one place.
public enum ReturnFolder {
    /// The returns in `path`, or nil when it holds none Dots reads (so it is an ordinary extract). Throws when
    /// returns sit beside files that are not returns, which would otherwise be silently left out.
    public static func files(at path: String) throws -> [(name: String, format: ReturnFormat, bytes: [UInt8])]? {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return nil }
        let paths =
            isDir.boolValue
            ? try fm.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") && $0 != "datapackage.json" }.sorted().map { path + "/" + $0 }
            : [path]
        var found: [(String, ReturnFormat, [UInt8])] = []
        var others: [String] = []
        for p in paths {
            guard let data = fm.contents(atPath: p) else { continue }
            let name = URL(fileURLWithPath: p).lastPathComponent
            let bytes = [UInt8](data)
            switch ReturnFormat.recognise(bytes: bytes) {
            case .some(let f) where readable(f): found.append((name, f, bytes))
            case .some(let f): others.append("\(name) (\(f.name))")
            case .none: others.append(name)
            }
        }
        guard !found.isEmpty else { return nil }
        if !others.isEmpty {
            throw ReturnReadError(
                file: URL(fileURLWithPath: path).lastPathComponent,
                problem:
                    "it holds statutory returns beside files that are not returns Dots reads (\(others.joined(separator: ", "))): prepare the returns from a folder of their own, and other extracts separately"
            )
        }
        return found.map { (name: $0.0, format: $0.1, bytes: $0.2) }
    }

    static func readable(_ format: ReturnFormat) -> Bool {
        switch format {
        case .cinCensusXML, .ssda903CSV, .ssda903XML, .policeStreetCrimeCSV, .policeStopAndSearchCSV, .workbook: true
        default: false
        }
    }

    /// Reads every return in `path` into one extract.
    public static func read(
        _ files: [(name: String, format: ReturnFormat, bytes: [UInt8])], la: String?, postcodeAreas: [String: String] = PostcodeDistricts.referenceAreas,
        asAt: CalendarDate? = nil, districts: BoundarySet? = nil
    ) throws -> ReturnExtract {
        var out = ReturnExtract()
        var laCode = la
        for file in files where file.format == .cinCensusXML {
            let extract = try CINCensusReader().read(Data(file.bytes), file: file.name, la: laCode)
            laCode = laCode ?? extract.rows[.people]?.first?["person_id"].flatMap { $0.split(separator: "-").first.map(String.init) }
            out.merge(extract)
        }
        var tables: [SSDA903Reader.Table] = []
        for file in files where file.format == .ssda903XML {
            let (read, lea) = try SSDA903XML.tables(Data(file.bytes), file: file.name)
            if let la, let lea, la != lea {
                throw ReturnReadError(file: file.name, problem: "it names local authority \(lea), not \(la) as --la-code says")
            }
            laCode = laCode ?? lea
            for t in read {
                if let earlier = tables.first(where: { $0.name == t.name }) {
                    throw ReturnReadError(file: file.name, problem: "it holds the SSDA903 \(t.name) table, and so does \(earlier.file): keep one")
                }
                tables.append(t)
            }
        }
        for file in files {
            guard case .ssda903CSV(let table) = file.format else { continue }
            if let earlier = tables.first(where: { $0.name == table }) {
                throw ReturnReadError(file: file.name, problem: "it is the SSDA903 \(table) table, and so is \(earlier.file): keep one")
            }
            tables.append(.init(name: table, file: file.name, bytes: file.bytes))
        }
        for file in files where file.format == .workbook {
            let extract = try AnnexAReader().read(file.bytes, file: file.name, la: laCode, asAt: asAt)
            let period = out.period
            out.merge(extract)
            if let period { out.period = period }
        }
        let crime = files.filter { $0.format == .policeStreetCrimeCSV }
        if !crime.isEmpty {
            let extract = PoliceStreetCrimeReader().read(crime.map { ($0.name, $0.bytes) })
            let period = out.period
            out.merge(extract)
            if let period { out.period = period }
        }
        let stops = files.filter { $0.format == .policeStopAndSearchCSV }
        if !stops.isEmpty {
            let set: BoundarySet
            do { set = try districts ?? ReferenceBoundaries.districts() } catch {
                throw ReturnReadError(file: stops[0].name, problem: "the district boundaries that place each search could not be read: \(error)")
            }
            let extract = PoliceStopSearchReader(districts: set).read(stops.map { ($0.name, $0.bytes) })
            let period = out.period
            out.merge(extract)
            if let period { out.period = period }
        }
        if !tables.isEmpty {
            guard let laCode else {
                throw ReturnReadError(
                    file: tables[0].file,
                    problem:
                        "the SSDA903 tables do not name their local authority: give its three-digit DfE code with --la-code (it prefixes every child's id, so two councils' children never share one)"
                )
            }
            let extract = SSDA903Reader(postcodeAreas: postcodeAreas).read(tables, la: laCode)
            // The CIN census names the year exactly; the 903 tables only by their dates.
            let period = out.period
            out.merge(extract)
            if let period { out.period = period }
        }
        return out
    }
}
