import Crypto
import DotsCore
import Foundation

/// One CSV of a submission, read into memory.
public struct SubmissionFile: Sendable {
    public let name: String
    public let dataset: Dataset?
    public let bytes: [UInt8]
    /// SHA-256 of `bytes`, hex.
    public let checksum: String
    /// The hash `datapackage.json` declared for it, if any.
    public let declaredHash: String?

    public init(name: String, dataset: Dataset?, bytes: [UInt8], checksum: String, declaredHash: String?) {
        self.name = name
        self.dataset = dataset
        self.bytes = bytes
        self.checksum = checksum
        self.declaredHash = declaredHash
    }
}

/// What was handed to `dots ingest`: a prepared package, a folder of CSVs, or one CSV.
public struct SubmissionSource: Sendable {
    public var agency: String?
    public var period: Period?
    public var keyID: String?
    public var files: [SubmissionFile]
    /// Where it came from, for provenance (the folder or file name, never a full path).
    public var label: String

    public init(agency: String?, period: Period?, keyID: String?, files: [SubmissionFile], label: String) {
        self.agency = agency
        self.period = period
        self.keyID = keyID
        self.files = files
        self.label = label
    }

    /// Why a path could not be read at all.
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads `path`. Options given on the command line win over the package's own metadata.
    public static func load(path: String, dataset: Dataset? = nil, agency: String? = nil, period: Period? = nil) throws -> SubmissionSource {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ReadError(description: "\(path): no such file or folder.")
        }
        let url = URL(fileURLWithPath: path)
        let packageURL: URL? =
            isDir.boolValue
            ? (fm.fileExists(atPath: url.appendingPathComponent("datapackage.json").path) ? url.appendingPathComponent("datapackage.json") : nil)
            : (url.lastPathComponent == "datapackage.json" ? url : nil)

        if let packageURL {
            let base = packageURL.deletingLastPathComponent()
            let package = try checkedPackage(try readData(packageURL))
            var files: [SubmissionFile] = []
            for r in package.resources {
                files.append(file(for: r, bytes: try readBytes(base.appendingPathComponent(r.path))))
            }
            return SubmissionSource(
                agency: agency ?? package.dots.agency, period: period ?? package.dots.period,
                keyID: package.dots.keyID, files: files, label: base.lastPathComponent)
        }
        let csvs: [URL] =
            isDir.boolValue
            // Workbooks and XML too: a return left in the folder is named as what it is, not silently left out.
            ? try fm.contentsOfDirectory(at: url, includingPropertiesForKeys: nil).filter {
                ["csv", "xml", "xlsx", "xls"].contains($0.pathExtension.lowercased())
            }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            : [url]
        var files: [SubmissionFile] = []
        for csv in csvs {
            let bytes = try readBytes(csv)
            let ds = csvs.count == 1 && dataset != nil ? dataset : detectDataset(fileName: csv.lastPathComponent, bytes: bytes)
            files.append(SubmissionFile(name: csv.lastPathComponent, dataset: ds, bytes: bytes, checksum: sha256(bytes), declaredHash: nil))
        }
        return SubmissionSource(agency: agency, period: period, keyID: nil, files: files, label: url.lastPathComponent)
    }

    /// Files uploaded through the web app or API: a prepared package (its `datapackage.json` and the CSVs it lists)
    /// or one or more CSVs. The agency given (the uploader's own, for an agency data lead) wins over the package's.
    public static func uploaded(_ uploads: [(name: String, bytes: [UInt8])], agency: String?, period: Period?, label: String) throws -> SubmissionSource {
        // Browsers send only the file's own name, but be sure no folder part is ever used.
        let named = uploads.map { (name: String($0.name.split(separator: "/").last ?? ""), bytes: $0.bytes) }.filter { !$0.name.isEmpty }
        if let manifest = named.first(where: { $0.name == "datapackage.json" }) {
            let package = try checkedPackage(Data(manifest.bytes))
            var files: [SubmissionFile] = []
            for r in package.resources {
                let name = r.path
                guard let upload = named.first(where: { $0.name == name }) else {
                    throw ReadError(
                        description: "datapackage.json lists \(r.path), but it was not uploaded. Choose datapackage.json and every CSV it lists together.")
                }
                files.append(file(for: r, bytes: upload.bytes))
            }
            let listed = Set(package.resources.map(\.path))
            if let stray = named.first(where: { $0.name != "datapackage.json" && !listed.contains($0.name) }) {
                throw ReadError(
                    description: "\(stray.name) is not listed in datapackage.json. Upload a package's files on their own, or plain CSVs without it.")
            }
            return SubmissionSource(
                agency: agency ?? package.dots.agency, period: period ?? package.dots.period,
                keyID: package.dots.keyID, files: files, label: label)
        }
        let files = named.map { u in
            SubmissionFile(name: u.name, dataset: detectDataset(fileName: u.name, bytes: u.bytes), bytes: u.bytes, checksum: sha256(u.bytes), declaredHash: nil)
        }
        return SubmissionSource(agency: agency, period: period, keyID: nil, files: files, label: label)
    }

    static func decodePackage(_ data: Data) throws -> DataPackage {
        do { return try JSONDecoder().decode(DataPackage.self, from: data) } catch {
            throw ReadError(
                description: "datapackage.json is not a valid Dots data package (\(error.localizedDescription)). Create it again with `dots prepare`.")
        }
    }

    /// The manifest, refused before any file it lists is read when a resource is listed twice, there are more than
    /// one per dataset, or a path leaves the package folder.
    static func checkedPackage(_ data: Data) throws -> DataPackage {
        let package = try decodePackage(data)
        let problems = package.resourceProblems()
        guard problems.isEmpty else { throw ReadError(description: problems.prefix(5).joined(separator: " ")) }
        return package
    }

    static func file(for resource: DataPackage.Resource, bytes: [UInt8]) -> SubmissionFile {
        SubmissionFile(name: resource.path, dataset: Dataset(rawValue: resource.name), bytes: bytes, checksum: sha256(bytes), declaredHash: resource.hash)
    }

    /// The dataset a file holds: named in the file name (longest match wins), else the one whose columns its header has.
    public static func detectDataset(fileName: String, bytes: [UInt8]) -> Dataset? {
        let stem = fileName.lowercased().replacingOccurrences(of: "-", with: "_")
        if let named = Dataset.allCases.filter({ stem.contains($0.rawValue) }).max(by: { $0.rawValue.count < $1.rawValue.count }) {
            return named
        }
        var scanner = CSVScanner(bytes: bytes)
        guard scanner.next() == .record else { return nil }
        let header = Set(scanner.fields.map { HeaderMap.normalise(scanner.string($0)) })
        return Dataset.allCases.first { Set($0.schema.fieldNames) == header }
    }

    static func readBytes(_ url: URL) throws -> [UInt8] { [UInt8](try readData(url)) }

    static func readData(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw ReadError(description: "\(url.lastPathComponent) cannot be read: \(error.localizedDescription)")
        }
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
