/// `vault report --format html`: one self-contained page (`HTMLPage`: no network, no
/// external styles or fonts, one inline script that only sorts) with inline SVG charts
/// like the reports' figures.
/// It is well-formed XML (XHTML syntax), so a test can parse it.
public enum ReportHTML {
    static let colors = ["#1b7f3b", "#7cb342", "#f2a900", "#c62828", "#6d4c41"]

    public static func render(_ r: PeriodReport) -> String {
        var body = ""
        let s = r.statistics
        body += "<section id=\"overview\"><h2>一、总体情况</h2>\n"
        body += "<p>纳入范围 <b>\(s.inScope)</b> 家；填报信息 <b>\(s.enteredData)</b> 家；参加评价 <b>\(s.evaluated)</b> 家；未纳入评价 <b>\(s.notEvaluated)</b> 家。</p>\n"
        let top = r.topTwo
        body += table(["等级", "联盟数", "占参评联盟", "占联盟总数"], s.bands.map {
            [$0.band.label, String($0.count), pct($0.percentOfEvaluated), pct($0.percentOfInScope)]
        } + [["\(s.bands.prefix(2).map(\.band.label).joined(separator: "和"))合计", String(top.count), pct(top.percentOfEvaluated), pct(top.percentOfInScope)]],
                      numeric: [1, 2, 3])
        body += "<figure>\(bandChart(r))<figcaption>图 1 各等级联盟占参评联盟比例</figcaption></figure>\n</section>\n"
        body += "<section id=\"batches\"><h2>二、各批次情况</h2>\n"
        var rows: [[String]] = []
        for batch in s.batches where batch.evaluated > 0 || batch.inScope != nil {
            rows.append([PeriodReport.batchLabel(batch.batch), batch.inScope.map(String.init) ?? "–", String(batch.evaluated)]
                        + batch.bands.map { "\($0.count)（\(pct($0.percentOfEvaluated))）" })
        }
        body += table(["批次", "联盟数", "参评"] + s.bands.map(\.band.label), rows, numeric: Set(1..<(3 + s.bands.count)))
        body += "<figure>\(batchChart(r))<figcaption>图 2 各批次联盟活跃度等级构成</figcaption></figure>\n"
        body += "<figure>\(histogram(r))<figcaption>图 3 参评联盟评分分布</figcaption></figure>\n</section>\n"
        body += "<section id=\"results\"><h2>三、评价结果</h2>\n"
        for group in r.groups {
            body += "<h3>\(e(group.band.label))的联盟（共 \(group.rows.count) 家）</h3>\n"
            if !group.rows.isEmpty {
                body += table(["序号", "联盟名称", "批次", "评分"], group.rows.map {
                    [String($0.rank!), $0.printedName ?? $0.name, $0.printedCode ?? $0.code ?? "", $0.score?.description ?? ""]
                }, numeric: [0, 3], sortable: true)
            }
        }
        body += "</section>\n<section id=\"not-evaluated\"><h2>四、未纳入评价的联盟</h2>\n"
        body += r.notEvaluated.isEmpty ? "<p>（无记录）</p>\n" : table(["序号", "联盟名称", "批次", "原因"],
            r.notEvaluated.enumerated().map { [String($0 + 1), $1.name, $1.code ?? "", $1.reason ?? ""] }, numeric: [0])
        body += "</section>\n<section id=\"a-level\"><h2>五、\(e(r.aLevelLabel ?? "A级活跃度联盟"))</h2>\n"
        if r.aLevel.isEmpty { body += "<p>（本评价期无公布名单）</p>\n" } else {
            body += "<p>连续评价期（\(e(r.aLevel[0].periods.joined(separator: "、")))）活跃度高：</p>\n"
            body += table(["序号", "联盟名称", "批次", "库内核对"], r.aLevel.enumerated().map { index, a in
                let check: String = switch a.check {
                case .earned: "符合"
                case .notEarned: "与库内等级不符"
                case .unknown(let periods): "无法核对（缺 \(periods.joined(separator: "、")) 结果）"
                }
                return [String(index + 1), a.name, a.code ?? "", check]
            }, numeric: [0])
        }
        body += "</section>\n"
        if r.hasActivity {
            body += "<section id=\"activity\"><h2>六、活动数据</h2>\n"
            body += table(["类别", "数量", "经费（亿元）"], s.activity.filter { $0.count > 0 }.map { a in
                [(a.title ?? a.kind) + (a.type.map { "（\($0)）" } ?? ""), String(a.count), a.funding.map { Money.yiYuan($0) } ?? ""]
            }, numeric: [1, 2])
            body += table(["指标"] + r.schema.bands.map(\.label), r.indicatorActivity.map { a in
                ["\(a.indicator.id) \(a.indicator.title)"] + r.schema.bands.map { String(a.alliancesByBand[$0.id] ?? 0) }
            }, numeric: Set(1...r.schema.bands.count))
            body += "</section>\n"
        }
        body += "<section id=\"discrepancies\"><h2>与来源报告不一致之处</h2>\n"
        body += r.discrepancies.isEmpty ? "<p>库内数据与来源报告所列数字一致。</p>\n" : table(["数字", "来源", "来源所印", "库内计算", "位置"],
            r.discrepancies.map { [$0.figure, $0.source, $0.published, $0.vault, "\($0.location.path):\($0.location.line)"] }, numeric: [2, 3])
        body += "</section>\n"
        body += historySection(r)
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
