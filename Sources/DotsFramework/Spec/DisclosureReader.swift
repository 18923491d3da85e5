import DotsCore
import Yams

/// Reads the framework file's `disclosure:` section:
///
///     disclosure:
///       threshold: 5          # counts from 1 to this are hidden
///       protection: 3         # no hidden count may be narrowed to a range smaller than this
///       minimum-base: 10      # rates, percentages and medians need at least this many
///       round-to-protect: 5   # publish a whole-area or local authority total rounded rather than hide it; none to hide it
///       partnerships:
///         stoke-scp: {threshold: 10}
///       public-edition: {threshold: 10, minimum-base: 20}   # the least a report's public edition applies
///
/// Every key may be left out (the standard value stays); a partnership names only what it sets more strictly.
struct DisclosureReader {
    let r: Reader
    static let keys: Set<String> = ["threshold", "protection", "minimum-base", "round-to-protect"]

    func read(_ node: Node) -> DisclosureSettings {
        guard let m = r.mapping(node, "disclosure", allowed: Self.keys.union(["partnerships", "public-edition"])) else { return DisclosureSettings() }
        var settings = DisclosureSettings(base: policy(m, "disclosure", onto: .standard))
        if let p = m["public-edition"], let pm = r.mapping(p, "disclosure.public-edition", allowed: Self.keys) {
            settings.publicFloor = policy(pm, "disclosure.public-edition", onto: settings.publicFloor)
        }
        if let p = m["partnerships"] {
            guard let entries = p.mapping else {
                r.problem(p, "disclosure.partnerships", "expected each partnership's id with its rules", "write for example `stoke-scp: {threshold: 10}`")
                return settings
            }
            let known = Set(ReferencePartnership.model.partnerships.map(\.id))
            for (k, v) in entries {
                guard let id = k.string else { continue }
                let path = "disclosure.partnerships.\(id)"
                guard known.contains(id) else {
                    r.problem(k, path, "there is no partnership \(id)", "use one of: \(known.sorted().joined(separator: ", "))")
                    continue
                }
                guard let pm = r.mapping(v, path, allowed: Self.keys) else { continue }
                // A partnership's own rules start from the standard, not the framework's: it names what it wants.
                settings.partnerships[id] = policy(pm, path, onto: .standard)
            }
        }
        return settings
    }

    private func policy(_ m: Mapping, _ path: String, onto start: DisclosurePolicy) -> DisclosurePolicy {
        var p = start
        if let v = number(m, "threshold", path, 1...100, "a whole number from 1 to 100 (DfE and ONS use 5 or 10)") { p.threshold = v }
        if let v = number(m, "protection", path, 1...100, "a whole number from 1 to 100 (3 is usual)") { p.protectionLevel = v }
        if let v = number(m, "minimum-base", path, 0...10_000, "a whole number, 0 or more (10 is usual)") { p.minimumBase = v }
        if let n = m["round-to-protect"] {
            if n.string == "none" {
                p.roundToProtect = nil
            } else if let v = number(m, "round-to-protect", path, 2...100, "a whole number from 2 to 100 (5 is usual), or none to hide instead") {
                p.roundToProtect = v
            }
        }
        return p
    }

    private func number(_ m: Mapping, _ key: String, _ path: String, _ range: ClosedRange<Int>, _ expected: String) -> Int? {
        guard let n = m[key] else { return nil }
        guard let v = n.int, range.contains(v) else {
            r.problem(n, "\(path).\(key)", "\(key) is \(n.string ?? "not a number"), not \(expected)", "write \(key): followed by \(expected)")
            return nil
        }
        return v
    }
}
