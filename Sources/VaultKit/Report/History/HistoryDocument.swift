/// Text and Markdown renderings of an `AllianceHistory`: one row per period with the
/// score, band, rank and awards, then every value's source, then the honours.
public enum HistoryDocument {
    public static func render(_ h: AllianceHistory, style: ReportDocument.Style) -> String {
        var w = DocumentWriter(style: style)
        w.heading(w.u(HistoryText.title(h)), level: 1)
        w.line(w.u(HistoryText.identity(h)) + "\n")

        w.heading("一、各评价期结果", level: 2)
        w.table(HistoryText.resultHeader, h.entries.map(HistoryText.resultRow), right: [2, 4])
        if let missing = HistoryText.periodsWithoutResults(h) { w.line(w.u(missing) + "\n") }

        w.heading("二、数值来源", level: 2)
        let sources = HistoryText.sourceRows(h)
        if sources.isEmpty { w.line("（库内无该联盟的评价结果）\n") } else { w.table(["评价期", "数值", "出处"], sources) }

        w.heading("三、获奖、荣誉", level: 2)
        let honours = HistoryText.honourRows(h)
        if honours.isEmpty { w.line("（库内无记录）\n") } else { w.table(["评价期", "日期", "名称", "出处"], honours) }
        return w.out
    }
}

/// The words and rows every rendering of an `AllianceHistory` shares, so the text,
/// Markdown and HTML say the same thing (the JSON carries the same values as data).
enum HistoryText {
    static func title(_ h: AllianceHistory) -> String { "\(h.name) 历年活跃度评价" }

    static func identity(_ h: AllianceHistory) -> String {
        var parts = ["库内编号 \(h.id)"]
        if let code = h.code { parts.append("批次编号 \(code)") }
        if let batch = h.batch { parts.append(PeriodReport.batchLabel(batch)) }
        return parts.joined(separator: "；") + "。库内共 \(h.entries.count) 个评价期。"
    }

    static let resultHeader = ["评价期", "参评情况", "评分", "等级", "排名", "奖项"]

    static func status(_ e: AllianceHistory.Entry) -> String {
        if !e.periodHasResults && e.status == .unknown { return "库内无该期逐家结果" }
        return switch e.status {
        case .evaluated: "参加评价"
        case .incomplete: "信息填报不完整"
        case .noData: "未填报信息"
        case .open: "填报中"
        case .entered: "已填报，待审核"
        case .unknown: "库内无记录"
        }
    }

    /// The awards earned, undecidable or designated; "–" when the period has none of them.
    static func awards(_ e: AllianceHistory.Entry) -> String {
        let shown = e.awards.filter { $0.designation != nil || $0.status != .notEarned }
        if shown.isEmpty { return "–" }
        return shown.map { a in
            "\(a.label)：\(AllianceHistory.describe(a.status))" + (a.designation == nil ? "" : "（来源公布）")
        }.joined(separator: "；")
    }

    static func resultRow(_ e: AllianceHistory.Entry) -> [String] {
        [e.period, status(e), e.score?.description ?? "–", e.band?.label ?? "–",
         e.rank.map { "\($0)/\(e.rankedCount)" } ?? "–", awards(e)]
    }

    static func periodsWithoutResults(_ h: AllianceHistory) -> String? {
        let ids = h.entries.filter { !$0.periodHasResults }.map(\.period)
        return ids.isEmpty ? nil : "库内无逐家结果的评价期：\(ids.joined(separator: "、"))（来源只公布了汇总数字或未收录）。"
    }

    /// One row per sourced value: period, what, where it comes from.
    static func sourceRows(_ h: AllianceHistory) -> [[String]] {
        h.entries.flatMap { e -> [[String]] in
            var rows: [[String]] = []
            if let s = e.scoreSource { rows.append([e.period, "评分", AllianceHistory.describe(s)]) }
            if let s = e.bandSource { rows.append([e.period, "等级", AllianceHistory.describe(s)]) }
            if let s = e.rankSource { rows.append([e.period, "排名", AllianceHistory.describe(s)]) }
            for a in e.awards {
                if let s = a.designation { rows.append([e.period, a.label, AllianceHistory.describe(s)]) }
            }
            return rows
        }
    }

    static func honourRows(_ h: AllianceHistory) -> [[String]] {
        h.entries.flatMap { e in
            e.honours.map { [e.period, $0.date?.description ?? "", $0.title, AllianceHistory.describe($0.source)] }
        }
    }
}
