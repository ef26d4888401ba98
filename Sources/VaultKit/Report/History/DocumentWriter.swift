/// Text or Markdown under construction: headings, tables and lines, each escaped for
/// its style (terminal escapes for text, inline Markdown for Markdown). The period
/// report and the alliance history write through it, so they escape alike.
struct DocumentWriter {
    let style: ReportDocument.Style
    var out = ""

    init(style: ReportDocument.Style) { self.style = style }

    /// User text (a title, a label, a period id) for this style. Table cells are escaped by `table`.
    func u(_ text: String) -> String {
        style == .markdown ? Escape.markdownInline(text) : Escape.terminal(text)
    }

    /// `text` is already escaped (`u`).
    mutating func heading(_ text: String, level: Int) {
        switch style {
        case .markdown: out += (level == 1 ? "" : "\n") + String(repeating: "#", count: level) + " " + text + "\n\n"
        case .text:
            let rule = String(repeating: level == 1 ? "=" : "-", count: UTF8Columns.displayWidth(of: text, characters: text.unicodeScalars.count))
            out += (level == 1 ? "" : "\n") + text + "\n" + rule + "\n\n"
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

    /// `text` is already escaped (`u`).
    mutating func line(_ text: String) { out += text + "\n" }
}
