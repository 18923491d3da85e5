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
        guard let node, let root = r.mapping(node, "file", allowed: ["format", "name", "version", "ages", "ages-apart", "disclosure", "themes"]) else {
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
        var apart: FrameworkSpec.AgesApart?
        if let node = root["ages-apart"] {
            apart = Self.agesApart(node, r, ages: ages)
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
        // The framework's ages apply to every indicator over an agency's person records that does not name its own; where the framework counts some
        // ages apart, such an indicator over a dataset that holds them gets a companion for those ages.
        var companions: [IndicatorSpec] = []
        if let ages {
            for t in themes.indices {
                for q in themes[t].questions.indices {
                    for i in themes[t].questions[q].indicators.indices
                    where !themes[t].questions[q].indicators[i].filters.contains(where: { if case .age = $0 { true } else { false } })
                        // Rows about contexts record no one's age.
                        && themes[t].questions[q].indicators[i].dataset.isAboutPeople
                    {
                        let own = themes[t].questions[q].indicators[i]
                        themes[t].questions[q].indicators[i].filters.append(.age(min: ages.lowerBound, max: ages.upperBound))
                        if let apart, let companion = Self.companion(of: own, apart: apart.ages), apart.datasets.contains(own.dataset) {
                            companions.append(companion)
                        }
                    }
                }
            }
        }
        return (
            FrameworkSpec(name: name, version: version, themes: themes, ages: ages, disclosure: disclosure, agesApart: apart, companions: companions), []
        )
    }

    /// `ages-apart: {ages: 18-25, datasets: [missing_episodes, …]}`: needs the framework's own `ages`, below or
    /// above which the ages apart lie.
    static func agesApart(_ node: Node, _ r: Reader, ages: ClosedRange<Int>?) -> FrameworkSpec.AgesApart? {
        guard let m = r.mapping(node, "ages-apart", allowed: ["ages", "datasets"]) else { return nil }
        let parts = (m["ages"]?.string ?? "").split(separator: "-").compactMap { Int($0.trimmingSpaces) }
        guard parts.count == 2, parts[0] <= parts[1], parts[1] <= 30 else {
            r.problem(m["ages"] ?? node, "ages-apart.ages", "ages should be a range like 18-25", "write ages: 18-25")
            return nil
        }
        let range = parts[0]...parts[1]
        guard let ages else {
            r.problem(node, "ages-apart", "ages apart need the framework's own ages", "add ages: 0-17 above, or leave ages-apart out")
            return nil
        }
        guard !range.overlaps(ages) else {
            r.problem(
                m["ages"]!, "ages-apart.ages", "\(range.lowerBound)-\(range.upperBound) overlaps the framework's ages",
                "choose ages outside \(ages.lowerBound)-\(ages.upperBound), such as 18-25")
            return nil
        }
        var datasets: [Dataset] = []
        for name in m["datasets"].map({ r.strings($0, "ages-apart.datasets") }) ?? [] {
            guard let d = Dataset(rawValue: name), d != .people else {
                r.problem(
                    m["datasets"]!, "ages-apart.datasets", "\(name) is not a dataset of events", "use dataset names such as missing_episodes (docs/datasets.md)"
                )
                continue
            }
            datasets.append(d)
        }
        if datasets.isEmpty {
            r.problem(node, "ages-apart.datasets", "no datasets are named", "list the datasets that hold these ages, such as [missing_episodes]")
        }
        return FrameworkSpec.AgesApart(ages: range, datasets: datasets)
    }

    /// The indicator over the ages apart: totals and local authorities only (these groups are small), no months
    /// and no target (the target is set for children). Rates per head of the child population have no companion.
    static func companion(of ind: IndicatorSpec, apart ages: ClosedRange<Int>) -> IndicatorSpec? {
        if case .rate = ind.measure { return nil }
        var c = ind
        c.id = "\(ind.id)-ages-\(ages.lowerBound)-\(ages.upperBound)"
        c.title = "\(ind.title): young adults aged \(ages.lowerBound)–\(ages.upperBound), counted apart"
        c.definition =
            "\(ind.definition) Counts young adults aged \(ages.lowerBound) to \(ages.upperBound) at the event (such as care leavers), apart from children."
        c.filters.append(.age(min: ages.lowerBound, max: ages.upperBound))
        c.breakdowns = ind.breakdowns.filter { $0 == .la }
        c.periods = ind.periods.filter { $0 != .month }
        c.target = nil
        c.apartFrom = ind.id
        return c.periods.isEmpty ? nil : c
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
