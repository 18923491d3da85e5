import ArgumentParser
import DotsApp
import DotsCore
import DotsGovernance
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for the Safeguarding Partnership, built from the latest framework run.",
        subcommands: [Build.self, Template.self])

    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a report (HTML, and PDF through headless Chromium when it is installed) into a directory.",
            discussion:
                "The same inputs give the same bytes. The report ends with an evidence appendix: every figure's definition and cell, the submissions with their checksums, the linkage run, the disclosure rules and the report's own hash."
        )
        @Option(help: "dashboard, annual, profile, or a template file (dots report template NAME prints one to adapt).") var template = "dashboard"
        @Option(help: "The partnership (dots partnership list).") var partnership = "joint-ce"
        @Option(help: "The period, as the framework labels it: 2025-26 Q4, 2025-26, 12 months to 2026-03.") var period: String
        @Option(help: "board, or public (stricter disclosure rules).") var edition = "board"
        @Option(help: "The directory to write report.html (and report.pdf) into.") var out = "report"
        @Flag(help: "HTML only, without the PDF.") var noPdf = false
        @Option(help: "The build time stated in the report, such as 2026-04-30T09:00:00Z (default now): rebuilding with the same time gives the same bytes.")
        var builtAt: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let edition = ReportService.Edition(rawValue: edition) else { throw ValidationError("--edition is board or public.") }
            let stated = try builtAt.map { text in
                guard let i = Instant(iso: text) else { throw ValidationError("--built-at takes a UTC time such as 2026-04-30T09:00:00Z, not \(text).") }
                return i
            }
            let spec = try FrameworkService.load()
            let doc = try await store.withStore { hub in
                let service = ReportService(store: hub, spec: spec)
                let text = FileManager.default.fileExists(atPath: template) ? try String(contentsOfFile: template, encoding: .utf8) : template
                return try await service.build(
                    template: try service.template(text), partnership: partnership, period: period, edition: edition, builtAt: stated,
                    by: .commandLine(user: NSUserName()))
            }
            let dir = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let html = dir.appendingPathComponent("report.html")
            try Data(doc.html.utf8).write(to: html)
            print("Wrote \(html.path) (\(doc.cited.count) figures cited).")
            if !doc.emptyRequired.isEmpty {
                note("Not ready to publish: required sections are empty: \(doc.emptyRequired.joined(separator: "; ")).")
            }
            guard !noPdf else { return }
            guard let engine = ChromiumPDF.find() else {
                note("No PDF: Chromium is not installed (apt-get install chromium); the HTML prints to PDF from any browser.")
                return
            }
            let pdf = dir.appendingPathComponent("report.pdf")
            try engine.print(html: html, to: pdf, builtAt: doc.inputs.builtAt)
            print("Wrote \(pdf.path).")
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a shipped report template (dashboard, annual, profile) to adapt.")
        @Argument(help: "dashboard, annual or profile.") var name: String

        func run() throws {
            guard let text = DefaultReportTemplates.all[name] else {
                throw ValidationError("There is no template \(name): use dashboard, annual or profile.")
            }
            print(text)
        }
    }
}
