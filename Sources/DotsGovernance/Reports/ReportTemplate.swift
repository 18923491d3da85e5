import DotsCore
import Foundation
import Yams

/// A report the partnership publishes, as a declarative, versioned definition it can adapt (as it adapts the
/// framework and the maturity questionnaire): which sections, in which order, with which titles, and which must
/// not be empty. `dots report template NAME` prints a shipped one; `dots report build --template FILE` uses one's own.
public struct ReportTemplate: Sendable, Equatable, Codable {
    public static let format = "dots-report/1"

    public var format: String
    public var id: String
    public var title: String
    public var version: String
    /// Who it is for and how often, in words (printed on the cover).
    public var audience: String
    public var sections: [Section]

    public struct Section: Sendable, Equatable, Codable {
        public var kind: Kind
        public var title: String
        /// The report cannot be published while a required section is empty.
        public var required: Bool?
        /// For `questions`: only these themes (all when absent).
        public var themes: [String]?
        /// For `actions`: actions due within this many days of the period's end (and every overdue one).
        public var horizonDays: Int?
        /// Words printed at the top of the section.
        public var intro: String?

        enum CodingKeys: String, CodingKey {
            case kind, title, required, themes, intro
            case horizonDays = "horizon-days"
        }

        public var isRequired: Bool { required ?? false }
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The cover: partnership, period, date built, framework, disclosure control.
        case summary
        /// Each strategic question: its indicators' figures for the period, the year before, RAG, recent trend, and
        /// approved commentary.
        case questions
        /// Indicators whose latest figure is red, or worse than a year earlier: what has not progressed.
        case notProgressed = "not-progressed"
        /// What the data cannot yet answer, with what would close each gap.
        case gaps
        /// Open actions due in the period or soon after, and those overdue.
        case actions
        /// Each agency's data maturity and its change since the round before.
        case maturity
        /// The data quality of each submission the figures rest on.
        case quality
        /// How children's and families' voice was used: themes by year, quotes that passed every gate, "you said, we did".
        case voice
        /// The data sources, who holds them, and when each was last refreshed.
        case sources
        /// Every figure's definition, the submissions (with checksums) and linkage run, the disclosure rules and the
        /// report's own hash.
        case evidence
    }

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Reads and checks a template (YAML): its format, unique section kinds where they must be, the themes named.
    public static func parse(_ yaml: String, themes known: Set<String>) throws -> ReportTemplate {
        let t: ReportTemplate
        do { t = try YAMLDecoder().decode(ReportTemplate.self, from: yaml) } catch {
            throw Problem(description: "The report template cannot be read: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        var problems: [String] = []
        if t.format != format { problems.append("the format is \(t.format), not \(format)") }
        if t.sections.isEmpty { problems.append("there are no sections") }
        if t.sections.filter({ $0.kind == .evidence }).count != 1 { problems.append("it needs exactly one evidence section (every figure's source)") }
        if t.sections.filter({ $0.kind == .summary }).count > 1 { problems.append("it has two summary sections") }
        for s in t.sections {
            for theme in s.themes ?? [] where !known.contains(theme) {
                problems.append(
                    "section \"\(s.title)\" names theme \(theme), which the framework does not have (it has \(known.sorted().joined(separator: ", ")))")
            }
            if let d = s.horizonDays, !(0...730).contains(d) { problems.append("section \"\(s.title)\": horizon-days must be 0 to 730") }
            if s.title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("a \(s.kind.rawValue) section has no title") }
        }
        guard problems.isEmpty else { throw Problem(description: "The report template \(t.id) \(t.version) is not valid: " + problems.joined(separator: "; ")) }
        return t
    }
}
