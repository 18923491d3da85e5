import DotsCore
import Foundation

/// The CLI's and web app's exports, as CSV (for spreadsheets; free text made formula-safe) and Markdown (to paste
/// into a board paper). Pure text in, text out.
public enum GovernanceExport {
    public enum Format: String, Sendable, CaseIterable { case csv, md }

    static func agencyName(_ id: String?) -> String {
        guard let id else { return "Partnership" }
        return ReferencePartnership.model.agencyName(id)
    }

    /// Text people typed, for Markdown: a board paper's renderer must show it as written, never as markup.
    /// HTML is written as entities (so `<script>` stays text in any renderer), the Markdown punctuation that could
    /// make links, images, emphasis or table breaks is backslash-escaped, and line breaks become spaces.
    static func md(_ s: String) -> String {
        var out = ""
        for ch in s.split(whereSeparator: \.isNewline).joined(separator: " ") {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            // Enough to stop links and images (`[`), emphasis, code and table breaks; brackets and # are harmless
            // inside a table cell and stay readable.
            case "\\", "`", "*", "_", "[", "]", "|": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.map(md).joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in " --- |" }.joined() + "\n"
        for r in rows { out += "| " + r.map(md).joined(separator: " | ") + " |\n" }
        return out
    }

    // MARK: maturity

    public static func maturity(_ s: MaturitySummary, format: Format) -> String {
        switch format {
        case .csv:
            var out = CSVText.line([
                "round", "agency_id", "agency", "status", "area", "level", "level_number", "answered", "dont_know", "questions", "change_since_previous_round",
            ])
            for row in s.rows {
                if row.results.isEmpty {
                    out += CSVText.line([s.round.id, row.agencyID, agencyName(row.agencyID), row.status?.rawValue ?? "not-started", "", "", "", "", "", "", ""])
                    continue
                }
                for r in row.results {
                    let change = row.change[r.area].flatMap { $0 }.map(String.init) ?? ""
                    out += CSVText.line([
                        s.round.id, row.agencyID, agencyName(row.agencyID), "submitted", r.area.rawValue, r.level?.title ?? "Don't know",
                        r.level.map { String($0.rawValue) } ?? "", String(r.answered), String(r.dontKnow), String(r.questions), change,
                    ])
                }
            }
            return out
        case .md:
            var out = "# Data maturity: \(md(s.round.title))\n\n"
            out += "Self-assessed by each agency against \(s.round.questionnaire.title) \(s.round.questionnaire.version). \(s.round.questionnaire.source) "
            out +=
                "An area's level is the lower median of its answered questions; there is no overall score. \(s.submittedCount) of \(s.rows.count) agencies have submitted.\n\n"
            out += table(
                ["Agency"] + MaturityArea.allCases.map(\.title),
                s.rows.map { row in
                    [agencyName(row.agencyID)]
                        + MaturityArea.allCases.map { area in
                            guard !row.results.isEmpty else { return row.status == .draft ? "(draft)" : "(not submitted)" }
                            let level = row.level(area)?.title ?? "Don't know"
                            return MaturitySummary.changeText(row.change[area]).map { "\(level) (\($0))" } ?? level
                        }
                })
            let ranked = s.areasByStrength.filter { $0.median != nil }
            if let strongest = ranked.first, let weakest = ranked.last, ranked.count > 1 {
                out +=
                    "\nStrongest area: **\(strongest.area.title)** (typically \(strongest.median!.title)). Weakest area: **\(weakest.area.title)** (typically \(weakest.median!.title)).\n"
            }
            if let p = s.previous {
                out += "\nChange is against \(p.title).\n"
            } else {
                out += "\nThis is the first round: there is no earlier one to compare with.\n"
            }
            return out
        }
    }

    // MARK: data map

    public static func dataMap(_ entries: [DataMapEntry], coverage: [QuestionCoverage], format: Format) -> String {
        let sorted = entries.sorted { ($0.agencyID, $0.name) < ($1.agencyID, $1.name) }
        switch format {
        case .csv:
            var out = CSVText.line([
                "id", "agency_id", "agency", "name", "dots_dataset", "system", "recorded", "recording_method", "coverage", "coverage_from",
                "coverage_to", "refresh", "access", "sharing_agreement", "lawful_basis", "quality_issues", "owner", "informs_questions", "updated_at",
            ])
            for e in sorted {
                out += CSVText.textLine([
                    e.id, e.agencyID, agencyName(e.agencyID), e.name, e.dataset?.rawValue ?? "", e.system, e.recorded, e.recordingMethod.rawValue,
                    e.coverage, e.coverageFrom?.description ?? "", e.coverageTo?.description ?? "", e.refresh.rawValue, e.access,
                    e.sharingAgreement, e.lawfulBasis.rawValue, e.qualityIssues, e.owner, e.informs.joined(separator: ";"), e.updatedAt.description,
                ])
            }
            return out
        case .md:
            var out = "# The partnership data map\n\n\(sorted.count) datasets held by \(Set(sorted.map(\.agencyID)).count) agencies.\n\n"
            out += table(
                [
                    "Agency", "Dataset", "Dots dataset", "System", "Recorded as", "Refresh", "Sharing agreement", "Lawful basis", "Known quality issues",
                    "Owner",
                ],
                sorted.map { e in
                    [
                        agencyName(e.agencyID), e.name, e.dataset?.rawValue ?? "", e.system, e.recordingMethod.title, e.refresh.title,
                        e.sharingAgreement.isEmpty ? "None recorded" : e.sharingAgreement, e.lawfulBasis.title, e.qualityIssues, e.owner,
                    ]
                })
            out += "\n## Which data could answer each strategic question\n\n"
            out += table(
                ["Question", "Status", "Submitted", "Held, not submitted", "Not held"],
                coverage.map { q in
                    [
                        q.question, q.status.title,
                        q.datasets.filter { $0.status == .submitted }.map(\.dataset.rawValue).joined(separator: ", "),
                        q.datasets.filter { !$0.heldNotSubmittedBy.isEmpty }.map {
                            "\($0.dataset.rawValue) (\($0.heldNotSubmittedBy.map { agencyName($0) }.joined(separator: ", ")))"
                        }.joined(separator: "; "),
                        q.notHeld.map(\.rawValue).joined(separator: ", "),
                    ]
                })
            return out
        }
    }

    // MARK: actions

    public static func actions(_ actions: [ActionItem], today: CalendarDate, title: String = "Action plan", format: Format) -> String {
        let ordered = ActionView.ordered(actions)
        switch format {
        case .csv:
            var out = CSVText.line([
                "id", "title", "agency_id", "agency", "owner", "due", "status", "overdue", "prompted_by", "prompt_reference", "prompt", "detail", "created_at",
                "updated_at",
            ])
            for a in ordered {
                out += CSVText.textLine([
                    a.id, a.title, a.agencyID ?? "", agencyName(a.agencyID), a.ownerName, a.due.description, a.status.rawValue,
                    a.isOverdue(on: today) ? "yes" : "no", a.prompt.kind.rawValue, a.prompt.reference, a.prompt.text, a.detail,
                    a.createdAt.description, a.updatedAt.description,
                ])
            }
            return out
        case .md:
            let open = ordered.filter { !$0.status.isClosed }
            let overdue = ordered.filter { $0.isOverdue(on: today) }
            var out = "# \(md(title))\n\nAs at \(today): \(open.count) open (\(overdue.count) overdue), \(ordered.count - open.count) closed.\n\n"
            out += table(
                ["Action", "Agency", "Owner", "Due", "Status", "Prompted by"],
                ordered.map { a in
                    [
                        a.title, agencyName(a.agencyID), a.ownerName, a.due.description + (a.isOverdue(on: today) ? " (overdue)" : ""), a.status.title,
                        a.prompt.text.isEmpty ? a.prompt.kind.title : a.prompt.text,
                    ]
                })
            return out
        }
    }
}
