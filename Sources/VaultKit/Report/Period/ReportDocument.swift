import Foundation

/// Text and Markdown renderings of a `PeriodReport`: the same sections, with
/// aligned columns for a terminal or pipe tables for a pull request or wiki.
public struct ReportDocument {
    public enum Style: Sendable { case text, markdown }

    let report: PeriodReport
    let style: Style
    var out = ""

    public static func render(_ report: PeriodReport, style: Style) -> String {
        var document = ReportDocument(report: report, style: style)
        document.build()
        return document.out
    }

    /// User text (a title, a label, a period id) for this style: terminal-escaped for
    /// text, inline-Markdown-escaped for Markdown. Table cells are escaped by `table`.
    func u(_ text: String) -> String {
        style == .markdown ? Escape.markdownInline(text) : Escape.terminal(text)
    }

    /// `text` is already escaped (`u`).
    mutating func heading(_ text: String, level: Int) {
        switch style {
        case .markdown: out += "\n" + String(repeating: "#", count: level) + " " + text + "\n\n"
        case .text: out += "\n" + text + "\n" + String(repeating: level == 1 ? "=" : "-", count: UTF8Columns.displayWidth(of: text, characters: text.unicodeScalars.count)) + "\n\n"
        }
    }

    mutating func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) {
        switch style {
        case .markdown:
            out += "| " + header.map(Escape.markdownTableCell).joined(separator: " | ") + " |\n"
            out += "|" + header.indices.map { right.contains($0) ? "---:|" : "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map(Escape.markdownTableCell).joined(separator: " | ") + " |\n" }
        case .text:
            out += TextTable.render([header] + rows, rightAligned: right)
        }
        out += "\n"
    }

    mutating func line(_ text: String) { out += text + "\n" }

    mutating func build() {
        let r = report
        let title = u(r.title)
        out = style == .markdown ? "# \(title)\n" : "\(title)\n" + String(repeating: "=", count: UTF8Columns.displayWidth(of: title, characters: title.unicodeScalars.count)) + "\n"
        out += "\n"
        line("评价期 \(r.period.start.map(\.description) ?? "?") 至 \(r.period.end.map(\.description) ?? "?")；指标体系 \(u(r.schema.title))。")
        for section in r.sections {
            heading(u(section.title), level: 2)
            for block in section.blocks {
                switch block {
                case .paragraph(let text): line(u(text) + "\n")
                case .subheading(let text): line(style == .markdown ? "**\(u(text))**\n" : u(text))
                case .table(let t): table(t.header, t.rows, right: t.numeric)
                // The charts' data is in the tables beside them.
                case .chart: continue
                }
            }
        }
    }
}
