import DotsCore

/// Checks a whole submission: the package, then `people` first, then each event file against it.
public struct SubmissionValidator {
    /// Which schemas apply: the agency's raw extract (`dots prepare`) or a prepared submission (the hub).
    public enum Side: Sendable {
        case agencyExtract, hub

        func schema(_ dataset: Dataset) -> DatasetSchema { self == .hub ? dataset.schema : dataset.extractSchema }
    }

    public let model: PartnershipModel
    public let context: ValidationContext
    public let side: Side

    public init(model: PartnershipModel, context: ValidationContext, side: Side = .hub) {
        self.model = model
        self.side = side
        var context = context
        context.refuseClearIdentifiers = side == .hub
        self.context = context
    }

    /// - Parameter existingPersons: person ids the agency already has on the hub, which events may also refer to.
    /// - Parameter currentKeyID: the linkage key fingerprint of the hub's current submissions, if any.
    public func validate(_ source: SubmissionSource, existingPersons: Set<String> = [], currentKeyID: String? = nil) -> IntakeReport {
        validateWithPeople(source, existingPersons: existingPersons, currentKeyID: currentKeyID).report
    }

    /// As `validate`, also returning the person ids of the submission's people file, if it has one: the agency's
    /// people once it is accepted (a people file replaces the agency's people; it does not add to them).
    public func validateWithPeople(_ source: SubmissionSource, existingPersons: Set<String> = [], currentKeyID: String? = nil) -> (
        report: IntakeReport, people: Set<String>?
    ) {
        var report = IntakeReport()
        let label = source.label
        if source.files.isEmpty {
            report.add(IntakeIssue(.emptyFile, file: label, rule: "there are no CSV files to submit"))
        }
        let agency = source.agency.flatMap { model.agency(id: $0) }
        if source.agency == nil {
            report.add(IntakeIssue(.unknownAgency, file: label, rule: "no agency was given (use --agency)"))
        } else if agency == nil {
            report.add(
                IntakeIssue(
                    .unknownAgency, file: label, value: source.agency,
                    rule: "\(source.agency!) is not an agency of the partnership: " + model.agencies.map(\.id).joined(separator: ", ")))
        }
        if let current = currentKeyID, let key = source.keyID, current != key {
            // A warning, not an error: during a key rotation agencies re-submit one by one. Linking refuses to run
            // until every current people submission shares one key.
            report.add(
                IntakeIssue(
                    .keyMismatch, severity: .warning, file: label, value: key,
                    rule:
                        "the package was prepared with linkage key \(key), but the hub's other submissions use \(current); they cannot be linked together until all agencies use one key"
                ))
        }
        var seen = Set<Dataset>()
        var unread: Set<String> = []
        for file in source.files {
            // A return or workbook Dots does not read is named as what it is, never read as CSV.
            let format = ReturnFormat.recognise(bytes: file.bytes)
            if let format, file.dataset == nil || !format.isCSV {
                report.add(IntakeIssue(.unknownDataset, file: file.name, rule: format.rule))
                unread.insert(file.name)
                continue
            }
            guard let ds = file.dataset else {
                report.add(
                    IntakeIssue(
                        .unknownDataset, file: file.name,
                        rule: "the file's name and columns match none of: " + Dataset.allCases.map(\.rawValue).joined(separator: ", ")))
                continue
            }
            if !seen.insert(ds).inserted {
                report.add(IntakeIssue(.packageInvalid, file: file.name, rule: "the submission has two \(ds.rawValue) files"))
            }
            if let agency, !agency.datasets.contains(ds) {
                report.add(
                    IntakeIssue(
                        .datasetNotExpected, file: file.name,
                        rule: "\(agency.name) is not recorded as submitting \(ds.rawValue) (it submits "
                            + agency.datasets.map(\.rawValue).joined(separator: ", ") + ")"))
            }
            if let declared = file.declaredHash, declared != "sha256:" + file.checksum {
                report.add(
                    IntakeIssue(
                        .packageInvalid, file: file.name, rule: "the file has changed since it was prepared (its checksum does not match datapackage.json)"))
            }
        }
        // People first, so events can be checked against the persons in the same submission. A people file
        // replaces the agency's people, so the events beside it may refer only to the people in it.
        let ordered = source.files.filter { $0.dataset != nil && !unread.contains($0.name) }.sorted { $0.dataset! < $1.dataset! }
        var persons = existingPersons
        var people: Set<String>?
        for file in ordered {
            var ctx = context
            ctx.agencyKind = agency?.kind
            ctx.knownPersons = file.dataset == .people ? nil : persons
            if file.dataset == .people { ctx.period = nil }
            let outcome = TableValidator(schema: side.schema(file.dataset!), context: ctx).validate(file: file.name, bytes: file.bytes, into: &report)
            if let i = report.files.lastIndex(where: { $0.file == file.name }) { report.files[i].checksum = file.checksum }
            if file.dataset == .people {
                persons = outcome.personIDs
                people = outcome.personIDs
            }
        }
        return (report, people)
    }
}
