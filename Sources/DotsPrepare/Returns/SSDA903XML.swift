import DotsCore
import Foundation

/// The SSDA903 return as the DfE's XML (EXPSSDA903) into the tables the CSV return has, so one reader serves both.
/// Read as Data to Insight's validator reads it: each child is an element holding a `CHILDID`; its own leaf
/// elements are the Header's (and UASC's) columns; each `EPISODE` under it is an Episodes row (`PL` is PLACE), each
/// `AMISSING` a Missing row, carrying the child's columns too.
enum SSDA903XML {
    static func tables(_ data: Data, file: String) throws -> (tables: [SSDA903Reader.Table], la: String?) {
        let root: XMLNode
        do { root = try XMLNode.parse(data) } catch let e as XMLTreeError {
            throw ReturnReadError(file: file, problem: e.description)
        }
        var children: [XMLNode] = []
        var la: String?
        func walk(_ node: XMLNode) {
            if node.children.contains(where: { $0.name == "CHILDID" && $0.children.isEmpty }) {
                children.append(node)
                return
            }
            if node.name == "LEA", node.children.isEmpty { la = la ?? node.value("") }
            node.children.forEach(walk)
        }
        walk(root)
        func leaves(_ node: XMLNode) -> [String: String] {
            var values: [String: String] = [:]
            for c in node.children where c.children.isEmpty {
                let name = c.name == "CHILDID" ? "CHILD" : c.name == "PL" ? "PLACE" : c.name
                values[name] = c.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return values
        }
        func descendants(_ node: XMLNode, named name: String) -> [XMLNode] {
            node.children.flatMap { $0.name == name ? [$0] : descendants($0, named: name) }
        }
        var header: [(Int, [String: String])] = [], episodes: [(Int, [String: String])] = [], missing: [(Int, [String: String])] = []
        for child in children {
            let own = leaves(child)
            header.append((child.line, own))
            for e in descendants(child, named: "EPISODE") { episodes.append((e.line, own.merging(leaves(e)) { _, new in new })) }
            for m in descendants(child, named: "AMISSING") { missing.append((m.line, own.merging(leaves(m)) { _, new in new })) }
        }
        var tables = [SSDA903Reader.Table(name: "Header", file: file, rows: header)]
        if !episodes.isEmpty { tables.append(.init(name: "Episodes", file: file, rows: episodes)) }
        if !missing.isEmpty { tables.append(.init(name: "Missing", file: file, rows: missing)) }
        return (tables, la)
    }
}
