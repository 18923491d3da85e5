import DotsCore

/// A file named inside a package or mapping must be a plain name in that folder: a manifest that could say
/// `../other-agency/people.csv` would let one submission read files it was never given.
public enum PlainFileName {
    /// Why `name` is not a plain file name, or nil when it is one.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "the file name is empty" }
        if name.utf8.count > 255 { return "the file name is longer than 255 bytes" }
        if name == "." || name == ".." || name.hasPrefix(".") { return "a file name may not start with a dot" }
        if name.contains("/") || name.contains("\\") { return "a file name may not contain a folder (/ or \\)" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == ":" }) {
            return "a file name may not contain control characters or a colon"
        }
        return nil
    }
}

extension DataPackage {
    /// At most one resource per dataset, each a plain file name listed once: checked before any file is read,
    /// so a manifest listing one file hundreds of times cannot make intake read it hundreds of times.
    public func resourceProblems() -> [String] {
        var problems: [String] = []
        if resources.count > Dataset.allCases.count {
            problems.append("datapackage.json lists \(resources.count) resources; a Dots package holds at most \(Dataset.allCases.count), one per dataset.")
        }
        var names = Set<String>(), paths = Set<String>()
        for r in resources.prefix(Dataset.allCases.count + 1) {
            let shown = Excerpt.of(r.path)
            if let p = PlainFileName.problem(r.path) {
                problems.append("datapackage.json lists the path \"\(shown)\": \(p). List each CSV by its own name, in the package folder.")
            }
            if !paths.insert(r.path).inserted { problems.append("datapackage.json lists \(shown) more than once. List each file once.") }
            if !names.insert(r.name).inserted {
                problems.append("datapackage.json lists the dataset \(Excerpt.of(r.name)) more than once. Send one file per dataset.")
            }
        }
        return problems
    }
}
