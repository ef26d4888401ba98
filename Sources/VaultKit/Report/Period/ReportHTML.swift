/// `vault report --format html`: one self-contained page (`HTMLPage`: no network, no
/// external styles or fonts, one inline script that only sorts) with inline SVG charts
/// like the reports' figures.
/// It is well-formed XML (XHTML syntax), so a test can parse it.
public enum ReportHTML {
    static let colors = ["#1b7f3b", "#7cb342", "#f2a900", "#c62828", "#6d4c41"]

    public static func render(_ r: PeriodReport) -> String {
        var body = ""
        for section in r.sections {
            body += "<section id=\"\(section.id)\"><h2>\(e(section.title))</h2>\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): body += "<p>\(e(text))</p>\n"
                case .subheading(let text): body += "<h3>\(e(text))</h3>\n"
                case .table(let t): body += table(t.header, t.rows, numeric: t.numeric, sortable: t.sortable)
                case .chart(let chart, let caption):
                    let svg = switch chart {
                    case .bands: bandChart(r)
                    case .batches: batchChart(r)
                    case .histogram: histogram(r)
                    case .bandShares: bandSharesChart(r.history)
                    }
                    body += "<figure>\(svg)<figcaption>\(e(caption))</figcaption></figure>\n"
                }
            }
            body += "</section>\n"
        }
        // The page's table of contents lists these sections (`HTMLPage.sections(of:)`).
        let header = "<h1>\(e(r.title))</h1>\n<p class=\"meta\">评价期 \(e(r.period.start?.description ?? "?")) 至 \(e(r.period.end?.description ?? "?"))；指标体系 \(e(r.schema.title))</p>\n"
        return HTMLPage.render(title: r.title, header: header, body: body)
    }

    /// Escapes text for HTML/XML (`Escape.html`: control characters shown as escapes).
    static func e(_ text: String) -> String { Escape.html(text) }

    static func pct(_ value: FixedDecimal?) -> String { value.map { "\($0)%" } ?? "–" }

    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>, sortable: Bool = false) -> String {
        HTMLPage.table(header, rows, numeric: numeric, sortable: sortable)
    }

    /// Horizontal bars: each band's share of evaluated alliances.
    static func bandChart(_ r: PeriodReport) -> String {
        let bands = r.statistics.bands
        let rowHeight = 32, labelWidth = 110, width = 560
        var svg = HTMLPage.svgOpen(width: width, height: bands.count * rowHeight + 10, label: "各等级联盟占比")
        for (i, b) in bands.enumerated() {
            let share = b.percentOfEvaluated?.doubleValue ?? 0
            let length = Int((share / 100 * Double(width - labelWidth - 90)).rounded())
            let y = i * rowHeight + 5
            svg += "<text x=\"0\" y=\"\(y + 20)\">\(e(b.band.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 10)\" fill=\"\(colors[i % colors.count])\" />"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 20)\">\(b.count) 家 \(pct(b.percentOfEvaluated))</text>"
        }
        return svg + "</svg>"
    }

    /// One stacked bar per batch: the band composition of its evaluated alliances.
    static func batchChart(_ r: PeriodReport) -> String {
        let batches = r.statistics.batches.filter { $0.evaluated > 0 }
        let rowHeight = 34, labelWidth = 110, barWidth = 420, width = 560
        let legendY = batches.count * rowHeight + 10
        var svg = HTMLPage.svgOpen(width: width, height: legendY + 30, label: "各批次等级构成")
        for (i, batch) in batches.enumerated() {
            let y = i * rowHeight + 5
            svg += "<text x=\"0\" y=\"\(y + 20)\">\(e(PeriodReport.batchLabel(batch.batch)))（\(batch.evaluated)）</text>"
            var x = Double(labelWidth)
            for (j, b) in batch.bands.enumerated() where b.count > 0 {
                let length = Double(b.count) / Double(batch.evaluated) * Double(barWidth)
                svg += "<rect x=\"\(Int(x.rounded()))\" y=\"\(y + 4)\" width=\"\(max(1, Int(length.rounded())))\" height=\"\(rowHeight - 12)\" fill=\"\(colors[j % colors.count])\"><title>\(e(b.band.label)) \(b.count) 家</title></rect>"
                if length > 22 { svg += "<text x=\"\(Int((x + length / 2).rounded()) - 6)\" y=\"\(y + 20)\" style=\"fill:#fff\">\(b.count)</text>" }
                x += length
            }
        }
        var x = labelWidth
        for (j, band) in r.schema.bands.enumerated() {
            svg += "<rect x=\"\(x)\" y=\"\(legendY + 6)\" width=\"12\" height=\"12\" fill=\"\(colors[j % colors.count])\" />"
            svg += "<text x=\"\(x + 16)\" y=\"\(legendY + 17)\">\(e(band.label))</text>"
            x += 16 + UTF8Columns.displayWidth(of: band.label, characters: band.label.unicodeScalars.count) * 7 + 14
        }
        return svg + "</svg>"
    }

    /// Columns: how many evaluated alliances scored in each ten-point range.
    static func histogram(_ r: PeriodReport) -> String {
        let bins = r.histogram
        let top = max(1, bins.max() ?? 1)
        let width = 560, height = 220, left = 30, bottom = 190, columnWidth = 50
        var svg = HTMLPage.svgOpen(width: width, height: height, label: "评分分布")
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(left + columnWidth * 10)\" y2=\"\(bottom)\" stroke=\"#888\" />"
        for (i, count) in bins.enumerated() {
            let h = Int((Double(count) / Double(top) * 160).rounded())
            let x = left + i * columnWidth
            svg += "<rect x=\"\(x + 6)\" y=\"\(bottom - h)\" width=\"\(columnWidth - 12)\" height=\"\(h)\" fill=\"#3f6fb5\" />"
            if count > 0 { svg += "<text x=\"\(x + columnWidth / 2 - 5)\" y=\"\(bottom - h - 4)\">\(count)</text>" }
            svg += "<text x=\"\(x + 4)\" y=\"\(bottom + 16)\">\(i * 10)–\(i == 9 ? 100 : i * 10 + 9)</text>"
        }
        return svg + "</svg>"
    }
}
