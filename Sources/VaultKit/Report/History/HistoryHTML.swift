/// `vault report --alliance ID --format html`: the alliance's history as a page
/// (`HTMLPage`), with a chart of its score and band in every period.
public enum HistoryHTML {
    public static func render(_ h: AllianceHistory) -> String {
        let e = Escape.html
        let header = "<h1>\(e(HistoryText.title(h)))</h1>\n<p class=\"meta\">\(e(HistoryText.identity(h)))</p>\n"
        var body = "<section id=\"history\"><h2>一、各评价期结果</h2>\n"
        body += HTMLPage.table(HistoryText.resultHeader, h.entries.map(HistoryText.resultRow), numeric: [2, 4], sortable: true)
        if let missing = HistoryText.periodsWithoutResults(h) { body += "<p>\(e(missing))</p>\n" }
        body += "<figure>\(chart(h))<figcaption>图 1 各评价期评分与等级（竖线为该期各等级的起点分）</figcaption></figure>\n</section>\n"
        body += "<section id=\"sources\"><h2>二、数值来源</h2>\n"
        let sources = HistoryText.sourceRows(h)
        body += sources.isEmpty ? "<p>（库内无该联盟的评价结果）</p>\n" : HTMLPage.table(["评价期", "数值", "出处"], sources, numeric: [])
        body += "</section>\n<section id=\"honours\"><h2>三、获奖、荣誉</h2>\n"
        let honours = HistoryText.honourRows(h)
        body += honours.isEmpty ? "<p>（库内无记录）</p>\n" : HTMLPage.table(["评价期", "日期", "名称", "出处"], honours, numeric: [])
        body += "</section>\n"
        return HTMLPage.render(title: HistoryText.title(h), header: header, body: body)
    }

    /// One row per period: a bar as long as the score (0–100), coloured by its band,
    /// with ticks where the period's bands begin; "库内无结果" where the vault has none.
    static func chart(_ h: AllianceHistory) -> String {
        let rowHeight = 30, labelWidth = 76, barWidth = 200, width = 380
        let height = h.entries.count * rowHeight + 24
        var svg = HTMLPage.svgOpen(width: width, height: height, label: "各评价期评分")
        let e = Escape.html
        for (i, entry) in h.entries.enumerated() {
            let y = i * rowHeight
            svg += "<text x=\"0\" y=\"\(y + 19)\">\(e(entry.period))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 6)\" width=\"\(barWidth)\" height=\"\(rowHeight - 12)\" fill=\"#f0f0f0\" />"
            for band in entry.bands.dropLast() {
                let x = labelWidth + Int((band.min.doubleValue / 100 * Double(barWidth)).rounded())
                svg += "<line x1=\"\(x)\" y1=\"\(y + 3)\" x2=\"\(x)\" y2=\"\(y + rowHeight - 3)\" stroke=\"#999\" />"
            }
            guard let score = entry.score else {
                let text = entry.band.map { "\($0.label)（未印评分）" } ?? (entry.periodHasResults ? HistoryText.status(entry) : "库内无结果")
                svg += "<text x=\"\(labelWidth + 6)\" y=\"\(y + 19)\" style=\"fill:#555\">\(e(text))</text>"
                continue
            }
            let index = entry.band.flatMap { b in entry.bands.firstIndex { $0.id == b.id } } ?? 0
            let length = max(1, Int((min(100, max(0, Double(score.hundredths) / 100)) / 100 * Double(barWidth)).rounded()))
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 6)\" width=\"\(length)\" height=\"\(rowHeight - 12)\" fill=\"\(ReportHTML.colors[index % ReportHTML.colors.count])\" />"
            svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 19)\">\(score) \(e(entry.band?.label ?? ""))</text>"
        }
        let axis = h.entries.count * rowHeight + 16
        for tick in [0, 50, 100] {
            let x = labelWidth + tick * barWidth / 100
            svg += "<text x=\"\(x - (tick == 0 ? 0 : tick == 100 ? 20 : 8))\" y=\"\(axis)\" style=\"fill:#555\">\(tick)</text>"
        }
        return svg + "</svg>"
    }
}
