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

    static func percent(_ value: FixedDecimal?) -> String { value.map { "\($0)%" } ?? "–" }

    mutating func build() {
        let r = report
        let s = r.statistics
        let title = u(r.title)
        out = style == .markdown ? "# \(title)\n" : "\(title)\n" + String(repeating: "=", count: UTF8Columns.displayWidth(of: title, characters: title.unicodeScalars.count)) + "\n"
        out += "\n"
        line("评价期 \(r.period.start.map(\.description) ?? "?") 至 \(r.period.end.map(\.description) ?? "?")；指标体系 \(u(r.schema.title))。")

        heading("一、总体情况", level: 2)
        line("纳入范围 \(s.inScope) 家\(s.rosterStated ? "" : "（该评价期未给出联盟总数，按库中联盟计）")；填报信息 \(s.enteredData) 家；参加评价 \(s.evaluated) 家；未纳入评价 \(s.notEvaluated) 家。")
        out += "\n"
        var bandRows = s.bands.map { [$0.band.label, String($0.count), Self.percent($0.percentOfEvaluated), Self.percent($0.percentOfInScope)] }
        let top = r.topTwo
        bandRows.append(["\(s.bands.prefix(2).map(\.band.label).joined(separator: "和"))合计", String(top.count),
                         Self.percent(top.percentOfEvaluated), Self.percent(top.percentOfInScope)])
        table(["等级", "联盟数", "占参评联盟", "占联盟总数"], bandRows, right: [1, 2, 3])

        heading("二、各批次情况", level: 2)
        var batchRows: [[String]] = []
        for batch in s.batches where batch.evaluated > 0 || batch.inScope != nil {
            for b in batch.bands {
                batchRows.append([PeriodReport.batchLabel(batch.batch), batch.inScope.map(String.init) ?? "–", String(batch.evaluated),
                                  b.band.label, String(b.count), Self.percent(b.percentOfEvaluated), Self.percent(b.percentOfInScope)])
            }
        }
        table(["批次", "联盟数", "参评", "等级", "家数", "占本批参评", "占本批联盟"], batchRows, right: [1, 2, 4, 5, 6])

        heading("三、评价结果", level: 2)
        for group in r.groups {
            line(style == .markdown ? "**\(u(group.band.label))的联盟（共 \(group.rows.count) 家）**\n" : "\(u(group.band.label))的联盟（共 \(group.rows.count) 家）")
            if group.rows.isEmpty { out += "\n"; continue }
            table(["序号", "联盟名称", "批次", "评分"],
                  group.rows.map { [String($0.rank!), $0.printedName ?? $0.name, $0.printedCode ?? $0.code ?? "", $0.score?.description ?? ""] }, right: [0, 3])
        }

        heading("四、未纳入评价的联盟", level: 2)
        if r.notEvaluated.isEmpty { line("（无记录）\n") } else {
            table(["序号", "联盟名称", "批次", "原因"],
                  r.notEvaluated.enumerated().map { [String($0 + 1), $1.name, $1.code ?? "", $1.reason ?? ""] }, right: [0])
        }

        heading("五、\(u(r.aLevelLabel ?? "A级活跃度联盟"))", level: 2)
        if r.aLevel.isEmpty { line("（本评价期无公布名单）\n") } else {
            line("连续 \(r.aLevel[0].periods.count) 个评价期（\(u(r.aLevel[0].periods.joined(separator: "、")))）活跃度高：\n")
            table(["序号", "联盟名称", "批次", "库内核对"], r.aLevel.enumerated().map { index, a in
                let check: String = switch a.check {
                case .earned: "符合"
                case .notEarned: "与库内等级不符"
                case .unknown(let periods): "无法核对（缺 \(periods.joined(separator: "、")) 结果）"
                }
                return [String(index + 1), a.name, a.code ?? "", check]
            }, right: [0])
        }

        if r.hasActivity {
            heading("六、活动数据", level: 2)
            table(["类别", "数量", "经费（亿元）"], s.activity.filter { $0.count > 0 }.map { a in
                [(a.title ?? a.kind) + (a.type.map { "（\($0)）" } ?? ""), String(a.count), a.funding.map { Money.yiYuan($0) } ?? ""]
            }, right: [1, 2])
            line("各等级联盟开展协同创新活动的家数：\n")
            let bands = r.schema.bands
            table(["指标"] + bands.map(\.label), r.indicatorActivity.map { activity in
                ["\(activity.indicator.id) \(activity.indicator.title)"] + bands.map { String(activity.alliancesByBand[$0.id] ?? 0) }
            }, right: Set(1...bands.count))
        }

        heading("\(r.hasActivity ? "七" : "六")、与来源报告不一致之处", level: 2)
        if r.discrepancies.isEmpty { line("库内数据与来源报告所列数字一致。") } else {
            table(["数字", "来源", "来源所印", "库内计算", "位置"], r.discrepancies.map {
                [$0.figure, $0.source, $0.published, $0.vault, "\($0.location.path):\($0.location.line)"]
            }, right: [2, 3])
        }
        historySection()
    }
}
