import DotsCore
import Foundation

/// The partnership's themes for free text, versioned: each publication is a new version, every earlier one kept,
/// so a coding always says which definitions it was made against.
public struct Codebook: Sendable, Codable, Equatable {
    public struct Theme: Sendable, Codable, Equatable, Identifiable {
        public var id: String
        public var name: String
        public var definition: String
        /// Short made-up examples of text that fits (never real words from a young person).
        public var examples: [String]
        /// Words and phrases that suggest the theme; a trailing `*` matches any ending ("worr*": worry, worried).
        public var keywords: [String]

        public init(id: String, name: String, definition: String, examples: [String], keywords: [String]) {
            self.id = id
            self.name = name
            self.definition = definition
            self.examples = examples
            self.keywords = keywords
        }
    }

    public var version: Int
    public var themes: [Theme]
    public var publishedBy: String
    public var publishedAt: Instant
    public var note: String

    public init(version: Int, themes: [Theme], publishedBy: String, publishedAt: Instant, note: String) {
        self.version = version
        self.themes = themes
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
        self.note = note
    }

    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }

    /// Problems that stop a codebook being published: ids unique and well formed, names and definitions present.
    public static func check(_ themes: [Theme]) -> [String] {
        var problems: [String] = []
        if themes.isEmpty { problems.append("A codebook needs at least one theme") }
        var seen: Set<String> = []
        for (i, t) in themes.enumerated() {
            let at = "Theme \(i + 1)"
            if t.id.isEmpty || !t.id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) || !t.id.allSatisfy(\.isASCII) {
                problems.append("\(at): its id must be lower-case letters, digits and dashes (it has \"\(t.id)\")")
            }
            if !seen.insert(t.id).inserted { problems.append("\(at): the id \(t.id) is used twice") }
            if t.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(at): give it a name") }
            if t.definition.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(at) (\(t.name)): give it a definition") }
        }
        return problems
    }
}
