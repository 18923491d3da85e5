import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML document as a tree of elements with their text and the line each starts on, for the statutory returns
/// (CIN census, SSDA903 XML): small enough to hold whole, and read by path ("Child/ChildIdentifiers/UPN").
public final class XMLNode: @unchecked Sendable {
    public let name: String
    public let line: Int
    public internal(set) var text = ""
    public internal(set) var children: [XMLNode] = []

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// Child elements named `name` (without namespace prefix).
    public func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    public func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// The trimmed text of the first element down `path` ("ChildIdentifiers/UPN"); nil when absent or blank.
    public func value(_ path: String) -> String? {
        var node: XMLNode? = self
        for part in path.split(separator: "/") { node = node?.first(String(part)) }
        let text = node?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? nil : text
    }

    /// Parses `data`; throws with the line when the XML is not well formed.
    public static func parse(_ data: Data) throws -> XMLNode {
        let builder = XMLTreeBuilder()
        if let failure = parseXML(data, with: builder) { throw XMLTreeError(description: failure) }
        guard let root = builder.root else { throw XMLTreeError(description: "it holds no XML element") }
        return root
    }
}

public struct XMLTreeError: Error, CustomStringConvertible {
    public let description: String
}

final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    private var stack: [XMLNode] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        let node = XMLNode(name: local, line: parser.lineNumber)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { _ = stack.popLast() }
}
