import Yams

/// A data-maturity questionnaire, shipped as a versioned definition file: for each of the six areas, questions
/// that each describe the five levels in a statement, so an agency picks the statement most like it.
public struct MaturityQuestionnaire: Sendable, Codable, Equatable {
    public struct Question: Sendable, Codable, Equatable {
        public let id: String
        public let text: String
        /// One statement per level, Unaware first.
        public let statements: [String]
    }

    public struct Section: Sendable, Codable, Equatable {
        public let area: MaturityArea
        public let questions: [Question]
    }

    public let id: String
    public let version: String
    public let title: String
    /// The published framework the levels follow, cited.
    public let source: String
    public let areas: [Section]

    public var questions: [Question] { areas.flatMap(\.questions) }

    /// A problem with a definition file, in plain words.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Reads and checks a definition (YAML): every area once, unique question ids, five statements per question.
    public static func parse(_ yaml: String) throws -> MaturityQuestionnaire {
        let q: MaturityQuestionnaire
        do { q = try YAMLDecoder().decode(MaturityQuestionnaire.self, from: yaml) } catch {
            throw Problem(description: "The questionnaire file cannot be read: \(error)")
        }
        var problems: [String] = []
        let areas = q.areas.map(\.area)
        for area in MaturityArea.allCases where !areas.contains(area) { problems.append("area \(area.rawValue) has no section") }
        for area in Set(areas) where areas.filter({ $0 == area }).count > 1 { problems.append("area \(area.rawValue) has two sections") }
        var seen = Set<String>()
        for section in q.areas {
            if section.questions.isEmpty { problems.append("area \(section.area.rawValue) has no questions") }
            for question in section.questions {
                if !seen.insert(question.id).inserted { problems.append("question id \(question.id) is used twice") }
                if question.statements.count != MaturityLevel.allCases.count {
                    problems.append(
                        "question \(question.id) has \(question.statements.count) statements; it needs one per level (\(MaturityLevel.allCases.map(\.title).joined(separator: ", ")))"
                    )
                }
            }
        }
        guard problems.isEmpty else {
            throw Problem(description: "The questionnaire \(q.id) \(q.version) is not valid: " + problems.sorted().joined(separator: "; "))
        }
        return q
    }
}
