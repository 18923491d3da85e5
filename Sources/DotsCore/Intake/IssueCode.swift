/// Stable codes for every problem intake can find. The raw values never change once published:
/// machines match on them. `docs/error-codes.md` is generated from this list (`dots schema docs`).
public enum IssueCode: String, Sendable, Codable, CaseIterable {
    // The file as a whole.
    case fileUnreadable = "file-unreadable"
    case emptyFile = "empty-file"
    case encodingError = "encoding-error"
    case wrongDelimiter = "wrong-delimiter"
    case unclosedQuote = "unclosed-quote"
    case blankHeader = "blank-header"
    case duplicateColumn = "duplicate-column"
    case missingColumn = "missing-column"
    case extraColumn = "extra-column"
    case clearIdentifier = "clear-identifier"
    case unknownDataset = "unknown-dataset"
    // A submission package.
    case packageInvalid = "package-invalid"
    case periodInvalid = "period-invalid"
    case periodOverlap = "period-overlap"
    case unknownAgency = "unknown-agency"
    case datasetNotExpected = "dataset-not-expected"
    case keyMismatch = "key-mismatch"
    case orphanedEvents = "orphaned-events"
    // A row.
    case rowWidth = "row-width"
    case duplicateKey = "duplicate-key"
    case unknownPerson = "unknown-person"
    case outsidePeriod = "outside-period"
    // A cell.
    case missingValue = "missing-value"
    case typeError = "type-error"
    case codeError = "code-error"
    case formatError = "format-error"
    case rangeError = "range-error"
    case tooLong = "too-long"
    // Across cells of one row.
    case endBeforeStart = "end-before-start"
    case dateInFuture = "date-in-future"
    case inconsistentValues = "inconsistent-values"
    // Identifier checks in `dots prepare` (warnings: the row still goes, without that identifier).
    case invalidNHSNumber = "invalid-nhs-number"
    case invalidIdentifier = "invalid-identifier"
    case unknownPostcode = "unknown-postcode"
    case returnRule = "return-rule"
    case repeatedRow = "repeated-row"

    public var title: String {
        switch self {
        case .fileUnreadable: "File cannot be read"
        case .emptyFile: "File is empty"
        case .encodingError: "File is not UTF-8"
        case .wrongDelimiter: "Columns are not separated by commas"
        case .unclosedQuote: "A quoted value is never closed"
        case .blankHeader: "A column has no name"
        case .duplicateColumn: "A column name appears twice"
        case .missingColumn: "A required column is missing"
        case .extraColumn: "A column is not in the schema"
        case .clearIdentifier: "The file contains clear identifiers"
        case .unknownDataset: "The dataset is not recognised"
        case .packageInvalid: "The submission package is not valid"
        case .periodInvalid: "The period is not valid"
        case .periodOverlap: "The period overlaps an earlier submission"
        case .unknownAgency: "The agency is not recognised"
        case .datasetNotExpected: "The agency does not submit this dataset"
        case .keyMismatch: "Prepared with a different linkage key"
        case .orphanedEvents: "Replacing the people would leave records without a person"
        case .rowWidth: "A row has the wrong number of values"
        case .duplicateKey: "A record id appears twice"
        case .unknownPerson: "A person id is not in the people dataset"
        case .outsidePeriod: "An event falls outside the period"
        case .missingValue: "A required value is blank"
        case .typeError: "A value is not of the right type"
        case .codeError: "A value is not in the code list"
        case .formatError: "A value is not in the right format"
        case .rangeError: "A value is out of range"
        case .tooLong: "A value is too long"
        case .endBeforeStart: "A later date is before an earlier one"
        case .dateInFuture: "A date is in the future"
        case .inconsistentValues: "Two values contradict each other"
        case .invalidNHSNumber: "An NHS number fails its check"
        case .invalidIdentifier: "An identifier is malformed"
        case .unknownPostcode: "A postcode is outside the known areas"
        case .returnRule: "A DfE validation rule of the return fails"
        case .repeatedRow: "A row repeats another under a different id"
        }
    }

    /// Plain-English advice that fits every instance of the problem.
    public var fix: String {
        switch self {
        case .fileUnreadable: "Check the path and that the file is not open elsewhere, then try again."
        case .emptyFile: "Export the file again; it needs a header row naming the columns."
        case .encodingError: "Save the file as CSV UTF-8 (in Excel: Save As, 'CSV UTF-8 (Comma delimited)')."
        case .wrongDelimiter: "Save the file as comma-separated values, not semicolon- or tab-separated."
        case .unclosedQuote: "Close the quotation mark that opens this value, or remove it; a quote inside a value is written twice (\"\")."
        case .blankHeader: "Give every column a name in the header row, or delete the empty column."
        case .duplicateColumn: "Delete or rename one of the two columns."
        case .missingColumn:
            "Add the column, with this exact name, to the header row; it may be blank where the value is not required. If the extract calls it something else, map it with `dots prepare --mapping` (docs/intake.md)."
        case .extraColumn:
            "Delete the column, or rename it to one of the schema's columns (see `dots schema show`); `dots prepare --mapping` does both for an agency's own extract."
        case .clearIdentifier:
            "Run `dots prepare` inside your agency first: it replaces identifiers with keyed pseudonyms. Never send names, dates of birth, NHS numbers or postcodes to the hub."
        case .unknownDataset:
            "Name the file after its dataset (for example missing_episodes.csv). A single CSV can also be named with `dots ingest --dataset`; an agency's own extract with other column names is mapped with `dots prepare --mapping` (docs/intake.md)."
        case .packageInvalid: "Create the package again with `dots prepare`; do not edit datapackage.json by hand."
        case .periodInvalid: "Write the period as 2025-26 (financial year), 2025-26 Q1, 2025-04 (month) or 2025-04-01/2026-03-31."
        case .periodOverlap: "Resubmit for exactly the same period to replace the earlier submission, or choose a period that does not overlap it."
        case .unknownAgency: "Use one of the agency ids listed by `dots partnership show`."
        case .datasetNotExpected: "Check the agency and dataset; ask the partnership admin if the agency has started recording it."
        case .keyMismatch: "Prepare the extract again with the partnership's current linkage key; records prepared with another key cannot be linked."
        case .orphanedEvents:
            "A people file replaces all of the agency's people. Include everyone the agency's other current submissions refer to (prepare people from the same extract as the events), or resubmit those datasets in the same package."
        case .rowWidth: "Make the row have one value for every column; a comma inside a value needs the value in quotation marks."
        case .duplicateKey: "Give each record its own id, or remove the repeated row."
        case .unknownPerson:
            "Include the person in the people file of the same submission, or submit the people file first. To prepare events without a people file, name the agency's last package with `dots prepare --people-from`."
        case .outsidePeriod: "Submit the event with the period it belongs to, or widen the submission's period."
        case .missingValue: "Fill in the value; it is required for every row."
        case .typeError: "Write the value in the format the column needs (see the rule)."
        case .codeError: "Use one of the listed codes (see `dots schema show` for labels)."
        case .formatError: "Write the value in the format the column needs (see the rule)."
        case .rangeError: "Check the value; it is outside what the column allows."
        case .tooLong: "Shorten the value."
        case .endBeforeStart: "Check both dates: the later event cannot happen before the earlier one. Swapped day and month is a common cause."
        case .dateInFuture: "Check the date; it is after the day the file was received."
        case .inconsistentValues: "Check both values; one cannot be larger than the other."
        case .invalidNHSNumber: "Check the NHS number at source; the row is prepared without it."
        case .invalidIdentifier: "Check the identifier at source; the row is prepared without it."
        case .unknownPostcode: "Check the postcode; the row is prepared without a home area."
        case .repeatedRow:
            "If both rows are the same event recorded twice, remove one at source; if they are two events, record what tells them apart (the time, the place)."
        case .returnRule:
            "Correct the record in the case-management system and export the return again; the rule is the DfE's own, numbered as in its validation guidance (docs/returns.md)."
        }
    }
}
