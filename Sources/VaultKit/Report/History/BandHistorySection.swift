/// The period report's 历年活跃度 section (`BandHistory`): a section of the layout
/// (`ReportLayout.swift`), so text, Markdown and HTML print the same tables, the HTML
/// page adding the chart of band shares across periods (图 4); and its JSON.
extension PeriodReport {
    /// 历年活跃度: the band shares per period and the ranked alliances' bands in each.
    var historySection: ReportSection {
        let h = history
        let bandCount = h.periods.map(\.shares.count).max() ?? 0
        var blocks: [ReportBlock] = [
            .table(ReportTable(header: ["评价期", "参评"] + (0..<bandCount).map { "第 \($0 + 1) 档" }, rows: h.periods.filter(\.hasResults).map { p in
                [p.period, String(p.evaluated)] + p.shares.map { "\($0.band.label) \($0.count)（\(Self.pct($0.percentOfEvaluated))）" }
            }, numeric: [1])),
            .chart(.bandShares, caption: "图 4 各评价期参评联盟的等级构成"),
        ]
        if !h.periodsWithoutResults.isEmpty {
            blocks.append(.paragraph("库内无逐家结果的评价期：\(h.periodsWithoutResults.joined(separator: "、"))。"))
        }
        if !h.rows.isEmpty {
            blocks.append(.subheading("本期参评联盟在各评价期的等级与评分"))
            blocks.append(.table(ReportTable(header: ["序号", "联盟名称"] + h.columns, rows: h.rows.enumerated().map { index, row in
                [String(index + 1), row.name] + row.cells.map(BandHistory.describe)
            }, numeric: [0], sortable: true)))
        }
        blocks.append(.paragraph("来源：" + h.sourceLines.joined(separator: "；") + "。"))
        return ReportSection(id: "history", title: "历年活跃度", blocks: blocks)
    }
}

extension ReportHTML {
    /// One bar per period with results, each band's share of its evaluated alliances
    /// (bands by position: the labels of 2014 and 2016 differ, the order does not).
    static func bandSharesChart(_ h: BandHistory) -> String {
        let periods = h.periods.filter(\.hasResults)
        let rowHeight = 34, labelWidth = 110, barWidth = 260, width = 380
        let legendRows = (h.periods.last(where: \.hasResults)?.shares ?? []).count
        let legendY = periods.count * rowHeight + 8
        var svg = HTMLPage.svgOpen(width: width, height: legendY + legendRows * 20 + 6, label: "各评价期等级构成")
        for (i, p) in periods.enumerated() {
            let y = i * rowHeight + 5
            svg += "<text x=\"0\" y=\"\(y + 20)\">\(e(p.period))（\(p.evaluated)）</text>"
            var x = Double(labelWidth)
            for (j, share) in p.shares.enumerated() where share.count > 0 {
                let length = Double(share.count) / Double(max(1, p.evaluated)) * Double(barWidth)
                svg += "<rect x=\"\(Int(x.rounded()))\" y=\"\(y + 4)\" width=\"\(max(1, Int(length.rounded())))\" height=\"\(rowHeight - 12)\" fill=\"\(colors[j % colors.count])\"><title>\(e(share.band.label)) \(share.count) 家 \(pct(share.percentOfEvaluated))</title></rect>"
                if length > 24 { svg += "<text x=\"\(Int((x + length / 2).rounded()) - 7)\" y=\"\(y + 20)\" style=\"fill:#fff\">\(share.count)</text>" }
                x += length
            }
        }
        // The legend names the bands as the latest period with results labels them.
        for (j, share) in (h.periods.last(where: \.hasResults)?.shares ?? []).enumerated() {
            let y = legendY + j * 20
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"12\" height=\"12\" fill=\"\(colors[j % colors.count])\" />"
            svg += "<text x=\"\(labelWidth + 18)\" y=\"\(y + 15)\">\(e(share.band.label))</text>"
        }
        return svg + "</svg>"
    }
}

extension ReportJSON {
    /// `history`: the band shares per period and the ranked alliances' bands in each.
    static func historyJSON(_ h: BandHistory) -> String {
        let periods = JSONWriter.array(h.periods.map { p in
            JSONWriter.object([
                ("period", JSONWriter.quote(p.period)), ("hasResults", p.hasResults ? "true" : "false"),
                ("evaluated", String(p.evaluated)),
                ("bands", JSONWriter.array(p.shares.map { s in
                    JSONWriter.object([("band", JSONWriter.quote(s.band.id)), ("label", JSONWriter.quote(s.band.label)),
                                       ("count", String(s.count)), ("percentOfEvaluated", s.percentOfEvaluated?.description ?? "null")])
                })),
                ("sources", JSONWriter.array(p.citations.map(JSONWriter.quote))),
            ])
        })
        let alliances = JSONWriter.array(h.rows.map { row in
            JSONWriter.object([("id", JSONWriter.quote(row.id)), ("name", JSONWriter.quote(row.name)),
                               ("periods", JSONWriter.array(zip(h.columns, row.cells).map { column, cell in
                                   JSONWriter.object([("period", JSONWriter.quote(column)), ("band", JSONWriter.optional(cell?.band.id)),
                                                      ("score", cell?.score?.description ?? "null")])
                               }))])
        })
        return JSONWriter.object([("periods", periods), ("alliances", alliances)])
    }
}
