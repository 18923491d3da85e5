import DotsCore

/// One change to the themes on a piece of free text: every change is kept (who, when, against which codebook
/// version), and the current coding of a text is the log read in order.
public struct CodingEvent: Sendable, Codable, Equatable, Identifiable {
    public enum Action: String, Sendable, Codable { case add, remove }

    public var id: String
    public var recordID: String
    /// The free-text item coded (`what_helped`, `what_worse`, `anything_else`).
    public var item: String
    public var theme: String
    public var action: Action
    public var coder: String
    public var coderAccount: String?
    public var codebookVersion: Int
    public var at: Instant
    /// Coded blind, as the second coder of the agreement sample: kept apart from the working coding.
    public var sample: Bool
    /// Its place in the log, given by the store as it is appended: orders changes made in the same second.
    public var seq: Int = 0

    public init(
        id: String, recordID: String, item: String, theme: String, action: Action, coder: String, coderAccount: String?, codebookVersion: Int,
        at: Instant, sample: Bool = false
    ) {
        self.id = id
        self.recordID = recordID
        self.item = item
        self.theme = theme
        self.action = action
        self.coder = coder
        self.coderAccount = coderAccount
        self.codebookVersion = codebookVersion
        self.at = at
        self.sample = sample
    }

    /// The text coded: a record's item.
    public var unit: TextUnit { TextUnit(recordID: recordID, item: item) }
}

public struct TextUnit: Sendable, Hashable, Codable, Comparable {
    public var recordID: String
    public var item: String
    public init(recordID: String, item: String) {
        self.recordID = recordID
        self.item = item
    }
    public static func < (l: TextUnit, r: TextUnit) -> Bool { (l.recordID, l.item) < (r.recordID, r.item) }
}

public enum Codings {
    /// The log in the order it was written.
    public static func inOrder(_ events: [CodingEvent]) -> [CodingEvent] { events.sorted { ($0.at, $0.seq, $0.id) < ($1.at, $1.seq, $1.id) } }

    /// The themes on each text, from the log in time order; the working coding unless `sample`.
    public static func current(_ events: [CodingEvent], sample: Bool = false) -> [TextUnit: Set<String>] {
        var out: [TextUnit: Set<String>] = [:]
        for e in inOrder(events) where e.sample == sample {
            switch e.action {
            case .add: out[e.unit, default: []].insert(e.theme)
            case .remove: out[e.unit, default: []].remove(e.theme)
            }
        }
        return out
    }

    /// The themes each coder (by account, or name) gave each text, from the log in time order.
    public static func byCoder(_ events: [CodingEvent]) -> [String: [TextUnit: Set<String>]] {
        var out: [String: [TextUnit: Set<String>]] = [:]
        for e in inOrder(events) {
            let who = e.coderAccount ?? e.coder
            switch e.action {
            case .add: out[who, default: [:]][e.unit, default: []].insert(e.theme)
            case .remove: out[who, default: [:]][e.unit, default: []].remove(e.theme)
            }
        }
        return out
    }
}
