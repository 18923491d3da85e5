import DotsCore
import DotsIntake
import Foundation

/// `dots prepare`: checks an agency's raw extract and writes a submission package with no clear identifiers.
/// Runs inside the agency. Nothing is written unless the whole extract passes.
public struct PreparePipeline {
    public let model: PartnershipModel
    public let keyProvider: any LinkageKeyProvider
    public let clock: any TimeSource
    public let postcodeAreas: [String: String]
    /// Full postcode → LSOA, when the agency sends home LSOAs (`dots prepare --home-lsoa`); empty sends none.
    public let postcodeLSOAs: [String: String]

    public init(
        model: PartnershipModel = ReferencePartnership.model, keyProvider: any LinkageKeyProvider,
        clock: any TimeSource = SystemClock(), postcodeAreas: [String: String] = PostcodeDistricts.referenceAreas,
        postcodeLSOAs: [String: String] = [:]
    ) {
        self.postcodeLSOAs = postcodeLSOAs
        self.model = model
        self.keyProvider = keyProvider
        self.clock = clock
        self.postcodeAreas = postcodeAreas
    }

    public struct Result: Sendable {
        public let report: IntakeReport
        /// The package folder, if one was written.
        public let output: String?
        public let keyID: String?
        /// For statutory returns: what each file was and what came of it.
        public var returns: [String] = []
    }

    /// Prepares the extract at `input` (a folder of CSVs or one CSV) into the folder `output`; with a `mapping`,
    /// `input` is the folder holding the files it names. `knownPeople` (the agency's people as last sent,
    /// `PeopleManifest`) are those an extract without a people file may refer to. A folder of statutory returns
    /// (CIN census XML, SSDA903 CSV tables) is read as such (`ReturnFolder`); `la` is the local authority's DfE
    /// code where the returns do not say it, and the period, if not given, is the year the returns cover. With
    /// `carryPeopleFrom` (the agency's last package), a people file keeps the people of that package it does not
    /// name: a year's return lists only that year's children, and the hub's people file is the agency's whole list.
    public func run(
        input: String, output: String, agency: String, period: Period?, mapping: ExtractMapping? = nil,
        expectedKeyID: String? = nil, knownPeople: Set<String> = [], la: String? = nil, carryPeopleFrom: String? = nil
    ) throws -> Result {
        let key = try keyProvider.linkageKey()
        if let expectedKeyID, expectedKeyID != key.id { throw KeyError.wrongKey(found: key.id, expected: expectedKeyID) }
        var period = period
        var returns: ReturnExtract?
        if mapping == nil, let files = try ReturnFolder.files(at: input) {
            returns = try ReturnFolder.read(files, la: la, postcodeAreas: postcodeAreas, asAt: period?.end)
            period = period ?? returns?.period
        }
        let source =
            try returns?.source(agency: agency, period: period, label: URL(fileURLWithPath: input).lastPathComponent)
            ?? mapping?.apply(folder: input, agency: agency, period: period)
            ?? SubmissionSource.load(path: input, agency: agency, period: period)
        let validator = SubmissionValidator(model: model, context: ValidationContext(period: period, now: clock.now()), side: .agencyExtract)
        var report = validator.validate(source, existingPersons: knownPeople)
        for issue in returns?.issues ?? [] { report.add(issue) }
        let summary = returns?.summary ?? []
        guard report.isValid else {
            var result = Result(report: report, output: nil, keyID: key.id)
            result.returns = summary
            return result
        }

        let hasPeople = source.files.contains { $0.dataset == .people }
        let carried = try hasPeople ? carryPeopleFrom.map { try Self.carriedPeople(from: $0, keyID: key.id) } ?? [] : []
        let fm = FileManager.default
        let staging = output + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? fm.removeItem(atPath: staging)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        var resources: [DataPackage.Resource] = []
        let pseudonymiser = PersonPseudonymiser(key: key, postcodeAreas: postcodeAreas, postcodeLSOAs: postcodeLSOAs, today: UKTime.localDate(of: clock.now()))
        do {
            for file in source.files.sorted(by: { $0.dataset! < $1.dataset! }) {
                let ds = file.dataset!
                let name = ds.rawValue + ".csv"
                let path = staging + "/" + name
                if ds == .people {
                    try writePeople(
                        file, to: path, pseudonymiser: pseudonymiser, carried: carried, neverHeld: returns == nil ? [] : ReturnExtract.neverHeld,
                        report: &report)
                } else {
                    // Event files hold no identifiers beyond the agency's own ids; validation has already refused any other column.
                    try Data(file.bytes).write(to: URL(fileURLWithPath: path))
                }
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                resources.append(
                    .init(
                        name: ds.rawValue, path: name, bytes: bytes.count, hash: "sha256:" + SubmissionSource.sha256(bytes),
                        schema: TableSchemaDocument(ds.schema)))
            }
            let now = clock.now()
            let package = DataPackage(
                name:
                    "\(agency)-\(period.map { $0.description.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "/", with: "_") } ?? "extract")",
                title: "\(model.agency(id: agency)?.name ?? agency) submission\(period.map { " for \($0)" } ?? "")",
                created: now.description,
                dots: .init(agency: agency, period: period, keyID: key.id, preparedBy: "dots prepare", preparedAt: now.description),
                resources: resources)
            try package.json().write(to: URL(fileURLWithPath: staging + "/datapackage.json"))
            // Swap in the finished folder last, so a half-written package never appears under the output name.
            if fm.fileExists(atPath: output) { try fm.removeItem(atPath: output) }
            try fm.moveItem(atPath: staging, toPath: output)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        var result = Result(report: report, output: output, keyID: key.id)
        result.returns = summary
        return result
    }

    /// The pseudonymised people rows of the agency's last package, which must have been prepared with the same key
    /// (its pseudonyms would not link otherwise).
    static func carriedPeople(from path: String, keyID: String) throws -> [[String]] {
        let last: SubmissionSource
        do { last = try SubmissionSource.load(path: path) } catch {
            throw PeopleManifest.ReadError(description: "\(path): not a package Dots prepared (\(error)).")
        }
        guard last.keyID == keyID else {
            throw PeopleManifest.ReadError(
                description:
                    "\(path) was prepared with linkage key \(last.keyID ?? "unknown"), not \(keyID): its people cannot be carried into this package. Prepare the whole extract again under the current key."
            )
        }
        guard let people = last.files.first(where: { $0.dataset == .people }) else {
            throw PeopleManifest.ReadError(description: "\(path) holds no people file to carry people from.")
        }
        var scanner = CSVScanner(bytes: people.bytes)
        guard scanner.next() == .record, scanner.fields.map({ scanner.string($0) }) == PeopleSchema.submission.fieldNames else {
            throw PeopleManifest.ReadError(description: "\(path)/people.csv is not a prepared people file of this version of Dots.")
        }
        var rows: [[String]] = []
        while scanner.next() == .record {
            if !scanner.isBlankRecord { rows.append(scanner.fields.indices.map { scanner.string(at: $0) }) }
        }
        return rows
    }

    func writePeople(
        _ file: SubmissionFile, to path: String, pseudonymiser: PersonPseudonymiser, carried: [[String]] = [], neverHeld: Set<String> = [],
        report: inout IntakeReport
    ) throws {
        var written: Set<String> = []
        let writer = try BufferedFileWriter(path: path)
        try writer.write(CSVText.line(PeopleSchema.submission.fieldNames))
        var scanner = CSVScanner(bytes: file.bytes)
        _ = scanner.next()
        let header = scanner.fields.map { HeaderMap.normalise(scanner.string($0)) }
        // A column blank on every row is one finding, not one per row: a return that never carries names (an
        // SSDA903 Header table) would otherwise bury everything else under thousands of "name blank" warnings.
        var blanks: [String: [IntakeIssue]] = [:]
        var rows = 0
        while scanner.next() == .record {
            if scanner.isBlankRecord { continue }
            rows += 1
            var raw: [String: String] = [:]
            for (i, name) in header.enumerated() where i < scanner.fields.count { raw[name] = scanner.string(at: i) }
            let (values, warnings) = pseudonymiser.transform(raw, file: file.name, row: scanner.recordCount)
            for w in warnings {
                if w.code == .missingValue, let column = w.column { blanks[column, default: []].append(w) } else { report.add(w) }
            }
            try writer.write(CSVText.line(PeopleSchema.submission.fieldNames.map { values[$0] ?? "" }))
            written.insert(values["person_id"] ?? "")
        }
        for row in carried where !written.contains(row[0]) { try writer.write(CSVText.line(row)) }
        for (column, warnings) in blanks.sorted(by: { $0.key < $1.key }) {
            if neverHeld.contains(column) {
                continue
            } else if rows > 1, warnings.count == rows {
                report.add(
                    IntakeIssue(
                        .missingValue, severity: .warning, file: file.name, column: column,
                        rule:
                            "\(column.replacingOccurrences(of: "_", with: " ")) is blank on every row (\(rows)): the extract does not hold it, so people will link on other identifiers only"
                    ))
            } else {
                for w in warnings { report.add(w) }
            }
        }
        try writer.close()
    }
}
