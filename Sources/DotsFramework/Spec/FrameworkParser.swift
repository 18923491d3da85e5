import DotsCore
import Yams

/// Reads a framework file (YAML) and checks it, collecting every problem with its line and a plain fix rather
/// than stopping at the first. Returns the framework only if there are no problems.
public enum FrameworkParser {
    public static let format = "dots-framework/1"

    public static func parse(_ text: String) -> (spec: FrameworkSpec?, problems: [FrameworkProblem]) {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            let line = (error as? YamlError).flatMap(Self.line(of:)) ?? 1
            return (
                nil,
                [
                    FrameworkProblem(
                        line: line, path: "file", message: "this is not valid YAML (\(Self.short(error)))",
                        fix: "check the indentation and that every list item starts with \"- \"")
                ]
            )
        }
        let r = Reader()
        guard let node, let root = r.mapping(node, "file", allowed: ["format", "name", "version", "ages", "disclosure", "themes"]) else {
            return (
                nil,
                r.problems.isEmpty
                    ? [
                        FrameworkProblem(
                            line: 1, path: "file", message: "the file is empty", fix: "start from the default framework (`dots framework default`)")
                    ] : r.problems
            )
        }
        if let f = r.string(root, "format", "file"), f != format {
            r.problem(root["format"]!, "format", "the format is \(f), not \(format)", "write format: \(format)")
        }
        let name = r.string(root, "name", "file") ?? ""
        let version = r.string(root, "version", "file") ?? ""
        var ages: ClosedRange<Int>?
        if let node = root["ages"] {
            let parts = (node.string ?? "").split(separator: "-").compactMap { Int($0.trimmingSpaces) }
            if parts.count == 2, parts[0] >= 0, parts[0] <= parts[1], parts[1] <= 25 {
                ages = parts[0]...parts[1]
            } else {
                r.problem(node, "ages", "ages should be a range like 0-17", "write ages: 0-17 (years at each event), or leave it out to count every age")
            }
        }
        let disclosure = root["disclosure"].map { DisclosureReader(r: r).read($0) } ?? DisclosureSettings()
        var themes: [ThemeSpec] = []
        var ids = Set<String>()
        for (t, themeNode) in r.list(root, "themes", "file").enumerated() {
            let path = "themes[\(t)]"
            guard let theme = r.mapping(themeNode, path, allowed: ["id", "title", "questions"]) else { continue }
            let id = r.identifier(theme, path, &ids) ?? ""
            let title = r.string(theme, "title", path) ?? ""
            var questions: [QuestionSpec] = []
            for (q, questionNode) in r.list(theme, "questions", path).enumerated() {
                let qpath = "\(path).questions[\(q)]"
                guard let question = r.mapping(questionNode, qpath, allowed: ["id", "question", "sources", "indicators"]) else { continue }
                let qid = r.identifier(question, qpath, &ids) ?? ""
                let text = r.string(question, "question", qpath) ?? ""
                let sources = question["sources"].map { r.strings($0, "\(qpath).sources") } ?? []
                // A question may have no indicator yet: it is then answered only from its sources, and shows as a gap.
                let declared = question["indicators"].map { $0.sequence?.isEmpty == true ? [] : r.list(question, "indicators", qpath) } ?? []
                let indicators = declared.enumerated().compactMap { i, n in
                    IndicatorReader(r: r).read(n, "\(qpath).indicators[\(i)]", &ids)
                }
                questions.append(QuestionSpec(id: qid, question: text, sources: sources, indicators: indicators))
            }
            themes.append(ThemeSpec(id: id, title: title, questions: questions))
        }
        guard r.problems.isEmpty else { return (nil, r.problems.sorted { $0.line < $1.line }) }
        // The framework's ages apply to every indicator that does not name its own.
        if let ages {
            for t in themes.indices {
                for q in themes[t].questions.indices {
                    for i in themes[t].questions[q].indicators.indices
                    where !themes[t].questions[q].indicators[i].filters.contains(where: { if case .age = $0 { true } else { false } }) {
                        themes[t].questions[q].indicators[i].filters.append(.age(min: ages.lowerBound, max: ages.upperBound))
                    }
                }
            }
        }
        return (FrameworkSpec(name: name, version: version, themes: themes, ages: ages, disclosure: disclosure), [])
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    static func short(_ error: any Error) -> String {
        let text = String(describing: error)
        return String(text.split(separator: "\n").first ?? Substring(text))
    }
}

/// A YAML mapping read so far: its node (for line numbers) and its values by key.
struct Mapping {
    let node: Node
    let values: [String: Node]
    subscript(key: String) -> Node? { values[key] }
}

/// Reading helpers that record problems as they go.
final class Reader {
    var problems: [FrameworkProblem] = []

    func problem(_ node: Node, _ path: String, _ message: String, _ fix: String) {
        problems.append(FrameworkProblem(line: node.mark?.line ?? 1, path: path, message: message, fix: fix))
    }

    /// A mapping's keys and values; reports keys that are not `allowed`.
    func mapping(_ node: Node, _ path: String, allowed: Set<String>) -> Mapping? {
        guard let m = node.mapping else {
            problem(node, path, "expected a set of `key: value` lines here", "indent the keys of \(path) under it")
            return nil
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.string else { continue }
            if !allowed.contains(key) {
                problem(k, "\(path).\(key)", "\(key) is not a key here", "use one of: \(allowed.sorted().joined(separator: ", "))")
                continue
            }
            out[key] = v
        }
        return Mapping(node: node, values: out)
    }

    func owner(_ m: Mapping) -> Node { m.node }

    func string(_ m: Mapping, _ key: String, _ path: String, required: Bool = true) -> String? {
        guard let n = m[key] else {
            if required { problem(owner(m), path, "\(key) is missing", "add a line `\(key): …` to \(path)") }
            return nil
        }
        guard let s = n.string, !s.trimmingSpaces.isEmpty else {
            problem(n, "\(path).\(key)", "\(key) should be text", "write \(key) as one line of text")
            return nil
        }
        return s
    }

    func identifier(_ m: Mapping, _ path: String, _ seen: inout Set<String>) -> String? {
        guard let id = string(m, "id", path) else { return nil }
        if !id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) || id.first == "-" {
            problem(m["id"]!, "\(path).id", "the id \(id) has characters other than a-z, 0-9 and -", "write ids like who-is-vulnerable")
        }
        if !seen.insert(id).inserted {
            problem(m["id"]!, "\(path).id", "the id \(id) is used twice", "give each theme, question and indicator its own id")
        }
        return id
    }

    func list(_ m: Mapping, _ key: String, _ path: String) -> [Node] {
        guard let n = m[key] else {
            problem(owner(m), path, "\(key) is missing", "add \(key): with at least one item, each starting with \"- \"")
            return []
        }
        guard let s = n.sequence, !s.isEmpty else {
            problem(n, "\(path).\(key)", "\(key) should be a list of at least one item", "start each item with \"- \" on its own line")
            return []
        }
        return Array(s)
    }

    /// A list of text, or one text.
    func strings(_ n: Node, _ path: String) -> [String] {
        if let s = n.string { return [s] }
        guard let seq = n.sequence else {
            problem(n, path, "expected a list", "write [a, b] or one item per line starting with \"- \"")
            return []
        }
        return seq.compactMap { item in
            guard let s = item.string else { problem(item, path, "expected text", "write each item as text"); return nil }
            return s
        }
    }
}
