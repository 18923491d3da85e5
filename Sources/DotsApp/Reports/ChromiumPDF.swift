import DotsCore
import Foundation

/// Prints a report's HTML to PDF with headless Chromium (Debian's `chromium`), the engine the browser tests use.
/// Chromium stamps the PDF with the time it printed; those stamps are replaced with the report's build time, so
/// the same report gives the same bytes.
public struct ChromiumPDF: Sendable {
    public let executable: String

    /// The first of `chromium`, `chromium-browser`, `google-chrome` on the PATH, or nil: reports are then built
    /// as HTML only, and the command says so.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumPDF? {
        let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in dirs where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return ChromiumPDF(executable: "\(dir)/\(name)") }
        }
        return nil
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Prints `html` (a file) to `pdf`, stamped with `builtAt`. A headless Chromium that starts under load now and
    /// then exits without printing: one more attempt, then a clear failure.
    public func print(html: URL, to pdf: URL, builtAt: Instant) throws {
        do { try printOnce(html: html, to: pdf, builtAt: builtAt) } catch { try printOnce(html: html, to: pdf, builtAt: builtAt) }
    }

    func printOnce(html: URL, to pdf: URL, builtAt: Instant) throws {
        try? FileManager.default.removeItem(at: pdf)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("dots-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(profile.path)",
            "--print-to-pdf=\(pdf.path)", html.absoluteString,
        ]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0, var bytes = try? Data(contentsOf: pdf), !bytes.isEmpty else {
            throw Failure(description: "Chromium could not print \(html.lastPathComponent) to PDF (exit \(p.terminationStatus)).")
        }
        bytes = Self.stamped(bytes, at: builtAt)
        try bytes.write(to: pdf)
    }

    /// Replaces every PDF date (`D:YYYYMMDDHHmmSS…`) with the build time, keeping each the same length so the
    /// cross-reference offsets stay right.
    static func stamped(_ data: Data, at instant: Instant) -> Data {
        let stamp = Array(instant.description.filter(\.isNumber).prefix(14).utf8)  // YYYYMMDDHHmmSS
        var bytes = [UInt8](data)
        let marker = Array("(D:".utf8)
        var i = 0
        while i + marker.count + 14 <= bytes.count {
            if bytes[i] == marker[0], bytes[i + 1] == marker[1], bytes[i + 2] == marker[2] {
                let start = i + 3
                var n = 0
                while n < 14, start + n < bytes.count, bytes[start + n] >= 48, bytes[start + n] <= 57 { n += 1 }
                for k in 0..<n where k < stamp.count { bytes[start + k] = stamp[k] }
                i = start + n
            } else {
                i += 1
            }
        }
        return Data(bytes)
    }
}
