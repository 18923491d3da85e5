import DotsCore

/// Why the store could not do what was asked, in words a user can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(String, reason: String)
    case periodOverlap(agency: String, dataset: Dataset, period: Period, existing: Period)
    case rowCountMismatch(dataset: Dataset, expected: Int, loaded: Int)
    /// Replacing an agency's people would leave these rows of a dataset referring to nobody.
    case orphanedEvents(agency: String, dataset: Dataset, rows: Int)
    case conflict(String)
    case unexpected(String)
    /// A stored code this version does not know (type, value).
    case unknownCode(String, String)

    public var description: String {
        switch self {
        case .cannotOpen(let location, let reason): "Cannot open the store (\(location)): \(reason)"
        case .periodOverlap(let agency, let dataset, let period, let existing):
            "\(agency)'s \(dataset.rawValue) for \(period) overlaps its current submission for \(existing). Resubmit for exactly \(existing) to replace it, or choose a period that does not overlap."
        case .rowCountMismatch(let dataset, let expected, let loaded):
            "Loading \(dataset.rawValue) stored \(loaded) rows where \(expected) were expected; nothing was kept."
        case .orphanedEvents(let agency, let dataset, let rows):
            "Replacing \(agency)'s people would leave \(rows) \(dataset.rawValue) rows referring to people no longer held; nothing was kept. Include those people in the people file, or resubmit \(dataset.rawValue) with it."
        case .conflict(let text): "Cannot save: \(text)."
        case .unexpected(let text): text
        case .unknownCode(let type, let value):
            "The store holds \(type) \"\(value)\", which this version of Dots does not know: it was written by a newer Dots or by hand. Upgrade Dots, or correct the row."
        }
    }
}
