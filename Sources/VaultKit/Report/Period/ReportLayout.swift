/// A table of the report, before any format: text, Markdown and HTML render the same
/// cells, so the formats cannot drift apart (a test compares them).
public struct ReportTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Right-aligned (numeric) columns.
    public var numeric: Set<Int>
    /// Whether the HTML page lets a reader sort it by any column (`HTMLPage`); text and
    /// Markdown print it in this order.
    public var sortable = false
}

/// The HTML page's charts; text and Markdown carry their data in the tables beside them.
public enum ReportChart: Sendable { case bands, batches, histogram, bandShares }

public enum ReportBlock: Sendable {
    case paragraph(String)
    case subheading(String)
    case table(ReportTable)
    case chart(ReportChart, caption: String)
}

/// One section of the report, with the stable `id` the HTML page gives its `<section>`.
public struct ReportSection: Sendable {
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]
}

extension PeriodReport {
    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// The sections in the published report's order: activity totals (前言), the panel
    /// (二、3 and annex 1), scope and bands (二、4–5, 三、1), batches (三、1–9), the A-level
    /// list (五, annex 4), the alliances not evaluated (七, annex 2), the results (annex 3),
    /// the figures the vault reads differently, and the vault's own 历年活跃度.
    public var sections: [ReportSection] {
        let built = [activitySection, panelSection, overviewSection, batchesSection, aLevelSection,
                     notEvaluatedSection, resultsSection, discrepanciesSection, historySection].compactMap { $0 }
        return built.enumerated().map { index, section in
            var numbered = section
            numbered.title = "\(Self.numerals[min(index, Self.numerals.count - 1)])、\(section.title)"
            return numbered
        }
    }

    static func pct(_ value: FixedDecimal?) -> String { value.map { "\($0)%" } ?? "–" }

    /// What the report says in place of tables when the vault has no results for the period.
    var missingResults: String {
        "库内没有 \(period.id) 评价期的评价结果：各联盟该期的记录文件里既无来源所印的结果行（published），也无专家评审记录，故无等级、批次与名单可列；来源所印的结果数字列在各节，标为无法核对。"
    }

    /// `value` with the marks of the published figures whose assertion label is `key`:
    /// ✓ where the source prints the same, ≠ and the printed value where it does not.
    func checked(_ value: String, _ key: String) -> String {
        var marks: [String] = []
        for figure in published where figure.stat == key {
            let mark = switch figure.check {
            case .agrees: "✓"
            case .differs: "≠来源\(figure.shown)"
            default: "–"
            }
            if !marks.contains(mark) { marks.append(mark) }
        }
        return marks.isEmpty ? value : value + " " + marks.joined(separator: " ")
    }

    /// The published figures of a section, each with the vault's value and its mark.
    func figuresBlock(_ section: String) -> [ReportBlock] {
        let figures = published(in: section)
        guard !figures.isEmpty else { return [] }
        return [.subheading("来源所印数字与库内核对"), .table(ReportTable(
            header: ["数字", "来源位置", "来源所印", "库内", "核对", "说明", "附注"],
            rows: figures.map { [$0.label, $0.source, $0.shown, $0.vault ?? "–", $0.check.mark, $0.check.reason ?? "", $0.note ?? ""] },
            numeric: [2, 3]))]
    }

    var activitySection: ReportSection? {
        var blocks: [ReportBlock] = figuresBlock("activity")
        if hasActivity {
            blocks.append(.subheading("库内活动记录合计"))
            blocks.append(.table(ReportTable(header: ["类别", "数量", "经费（亿元）"], rows: statistics.activity.filter { $0.count > 0 }.map { a in
                [words.kind(a.kind, type: a.type), String(describing: a.count), a.funding.map { Money.yiYuan($0) } ?? ""]
            }, numeric: [1, 2])))
            // Per band only where there are bands: without results every count would be a meaningless 0.
            if hasResults {
                blocks.append(.paragraph("各等级联盟开展协同创新活动的家数："))
                let bands = schema.bands
                blocks.append(.table(ReportTable(header: ["指标"] + bands.map(\.label), rows: indicatorActivity.map { activity in
                    ["\(activity.indicator.id) \(activity.indicator.title)"] + bands.map { String(activity.alliancesByBand[$0.id] ?? 0) }
                }, numeric: Set(1...max(1, bands.count)))))
            }
        } else if !blocks.isEmpty {
            blocks.insert(.paragraph("来源所印的是联盟动态信息数据库的总量；库内没有本评价期各联盟的活动记录，这些总量无从由库内数据得出。"), at: 0)
        }
        return blocks.isEmpty ? nil : ReportSection(id: "activity", title: "活动总量", blocks: blocks)
    }

    var panelSection: ReportSection? {
        var blocks: [ReportBlock] = []
        if panel.members.isEmpty {
            if published(in: "panel").isEmpty { return nil }
            blocks.append(.paragraph("库内没有本评价期专家组的名单（来源未列名）。"))
        } else {
            blocks.append(.paragraph("评价专家组 \(checked(String(panel.members.count), "experts")) 人，依来源名单的次序："))
            blocks.append(.table(ReportTable(
                header: ["序号", "职务", "姓名", "单位及职务", "所属联盟本期结果", "其他来源所记关联"],
                rows: panel.members.enumerated().map { index, m in
                    [String(index + 1), m.role, m.name, m.affiliation ?? "", m.alliances.joined(separator: "；"), m.ties.joined(separator: "；")]
                }, numeric: [0])))
        }
        return ReportSection(id: "panel", title: "评价专家组", blocks: blocks + figuresBlock("panel"))
    }

    var overviewSection: ReportSection {
        let s = statistics
        var scope = "评价对象 \(checked(String(s.inScope), "in-scope")) 家" + (s.rosterStated ? "" : "（该评价期未给出联盟总数，按库中联盟计）")
        let rosters = s.batches.compactMap { b in b.inScope.map { "\(Self.batchLabel(b.batch)) \(checked(String($0), "in-scope[batch \(b.batch)]")) 家" } }
        if !rosters.isEmpty { scope += "（" + rosters.joined(separator: "、") + "）" }
        var blocks: [ReportBlock] = []
        if !hasResults {
            blocks.append(.paragraph(scope + "。"))
            blocks.append(.paragraph(missingResults))
        } else {
            blocks.append(.paragraph(scope + "；录入信息 \(checked(String(s.enteredData), "entered-data")) 家，其中参评 \(checked(String(s.evaluated), "evaluated")) 家、信息填报不完整 \(checked(String(incomplete), "incomplete")) 家；未填报数据 \(checked(String(s.inScope - s.enteredData), "no-data")) 家；未参与评价 \(checked(String(s.notEvaluated), "not-evaluated")) 家。"))
            var rows = s.bands.map { b in
                [b.band.label, checked(String(b.count), "band-count[\(b.band.id)]"),
                 checked(Self.pct(b.percentOfEvaluated), "band-percent-of-evaluated[\(b.band.id)]"),
                 checked(Self.pct(b.percentOfInScope), "band-percent-of-in-scope[\(b.band.id)]")]
            }
            let top = topTwo
            let key = s.bands.prefix(2).map(\.band.id).joined(separator: "+")
            rows.append(["\(s.bands.prefix(2).map(\.band.label).joined(separator: "和"))合计", checked(String(top.count), "band-count[\(key)]"),
                         checked(Self.pct(top.percentOfEvaluated), "band-percent-of-evaluated[\(key)]"),
                         checked(Self.pct(top.percentOfInScope), "band-percent-of-in-scope[\(key)]")])
            blocks.append(.table(ReportTable(header: ["等级", "联盟数", "占参评联盟", "占联盟总数"], rows: rows, numeric: [1, 2, 3])))
            blocks.append(.chart(.bands, caption: "图 1 各等级联盟占参评联盟比例"))
        }
        return ReportSection(id: "overview", title: "总体情况", blocks: blocks + figuresBlock("overview"))
    }

    var batchesSection: ReportSection {
        let s = statistics
        guard hasResults else { return ReportSection(id: "batches", title: "各批次情况", blocks: [.paragraph(missingResults)] + figuresBlock("batches")) }
        var rows: [[String]] = []
        for batch in s.batches where batch.evaluated > 0 || batch.inScope != nil {
            let b0 = "batch \(batch.batch)"
            for (index, b) in batch.bands.enumerated() {
                let id = b.band.id
                let bandTotal = s.bands[index].count
                rows.append([Self.batchLabel(batch.batch), batch.inScope.map(String.init) ?? "–",
                             checked(String(batch.evaluated), "batch-evaluated[\(b0)]"), b.band.label,
                             checked(String(b.count), "batch-band-count[\(id), \(b0)]"),
                             checked(Self.pct(b.percentOfEvaluated), "batch-band-percent-of-batch-evaluated[\(id), \(b0)]"),
                             checked(Self.pct(b.percentOfInScope), "batch-band-percent-of-batch[\(id), \(b0)]"),
                             checked(Self.pct(PeriodStatistics.percent(b.count, of: bandTotal)), "batch-band-percent-of-band[\(id), \(b0)]"),
                             checked(Self.pct(PeriodStatistics.percent(b.count, of: s.evaluated)), "batch-band-percent-of-evaluated[\(id), \(b0)]"),
                             checked(Self.pct(PeriodStatistics.percent(b.count, of: s.inScope)), "batch-band-percent-of-in-scope[\(id), \(b0)]")])
            }
        }
        let table = ReportTable(header: ["批次", "联盟数", "参评", "等级", "家数", "占本批参评", "占本批联盟", "占该等级联盟", "占参评联盟", "占联盟总数"],
                                rows: rows, numeric: [1, 2, 4, 5, 6, 7, 8, 9])
        return ReportSection(id: "batches", title: "各批次情况", blocks: [
            .paragraph("每批参评联盟的等级构成；“占该等级联盟”除以该等级的全部参评联盟（含后续参加试点的联盟）。"),
            .table(table), .chart(.batches, caption: "图 2 各批次联盟活跃度等级构成"),
        ] + figuresBlock("batches"))
    }

    var aLevelSection: ReportSection {
        let title = aLevelLabel ?? "A级活跃度联盟"
        guard let first = aLevel.first else {
            return ReportSection(id: "a-level", title: title, blocks: [.paragraph("（本评价期无公布名单）")] + figuresBlock("a-level"))
        }
        let award = schema.awards.first?.id ?? ""
        var blocks: [ReportBlock] = [.paragraph("连续 \(first.periods.count) 个评价期（\(first.periods.joined(separator: "、"))）活跃度高：共 \(checked(String(aLevel.count), "designations[\(award)]")) 家。")]
        blocks.append(.table(ReportTable(header: ["批次", "家数"], rows: aLevelByBatch.map {
            [Self.batchLabel($0.batch), checked(String($0.count), "designations[batch \($0.batch), \(award)]")]
        }, numeric: [1])))
        blocks.append(.table(ReportTable(header: ["序号", "联盟名称", "批次", "库内核对"], rows: aLevel.enumerated().map { index, a in
            let check: String = switch a.check {
            case .earned: "符合"
            case .notEarned: "与库内等级不符"
            case .unknown(let periods): "无法核对（缺 \(periods.map { $0.message.text(.zh) }.joined(separator: "、")) 结果）"
            }
            return [String(index + 1), a.name, a.code ?? "", check]
        }, numeric: [0])))
        return ReportSection(id: "a-level", title: title, blocks: blocks + figuresBlock("a-level"))
    }

    var notEvaluatedSection: ReportSection {
        guard hasResults else { return ReportSection(id: "not-evaluated", title: "未纳入评价的联盟", blocks: [.paragraph(missingResults)]) }
        let n = notEvaluated
        let printed = n.rows.filter { $0.seq != nil }.count
        var summary = "未参与评价 \(checked(String(statistics.notEvaluated), "not-evaluated")) 家（评价对象 \(statistics.inScope) 家减参评 \(statistics.evaluated) 家）。"
        if printed > 0 { summary += "来源（\(n.sources.joined(separator: "、"))）列出 \(printed) 行；" }
        summary += "库内知其名的未参评联盟 \(n.named) 家"
        summary += n.unnamed > 0 ? "；其余 \(n.unnamed) 家没有任何来源列出名字，库内无从列出。" : "。"
        var blocks: [ReportBlock] = [.paragraph(summary)]
        if n.rows.isEmpty { blocks.append(.paragraph("（无记录）")) } else {
            blocks.append(.table(ReportTable(header: ["序号", "联盟名称", "批次", "原因", "库内读法"], rows: n.rows.map {
                [$0.seq.map(String.init) ?? "–", $0.name, $0.code ?? "", $0.reason, $0.notes.isEmpty ? "一致" : $0.notes.joined(separator: "；")]
            }, numeric: [0])))
        }
        return ReportSection(id: "not-evaluated", title: "未纳入评价的联盟", blocks: blocks)
    }

    var resultsSection: ReportSection {
        guard hasResults else { return ReportSection(id: "results", title: "评价结果", blocks: [.paragraph(missingResults)]) }
        var blocks: [ReportBlock] = []
        for group in groups {
            blocks.append(.subheading("\(group.band.label)的联盟（共 \(checked(String(group.rows.count), "band-count[\(group.band.id), as printed]")) 家）"))
            if group.rows.isEmpty { continue }
            blocks.append(.table(ReportTable(header: ["序号", "联盟名称", "批次", "评分"], rows: group.rows.map {
                [String($0.rank ?? 0), $0.printedName ?? $0.name, $0.printedCode ?? $0.code ?? "", $0.score?.description ?? "未印"]
            }, numeric: [0, 3], sortable: true)))
        }
        blocks.append(.subheading("评分分布"))
        var rows = histogram.enumerated().map { i, count in ["\(i * 10)–\(i == 9 ? 100 : i * 10 + 9)", String(count)] }
        if unscored > 0 { rows.append(["来源未印评分", String(unscored)]) }
        blocks.append(.table(ReportTable(header: ["分数段", "联盟数"], rows: rows, numeric: [1])))
        let left = unscored > 0 ? "（另有 \(unscored) 家参评联盟来源只列等级、未印评分，不在图中）" : ""
        blocks.append(.chart(.histogram, caption: "图 3 参评联盟评分分布\(left)"))
        return ReportSection(id: "results", title: "评价结果", blocks: blocks)
    }

    var discrepanciesSection: ReportSection {
        let list = discrepancies
        guard !list.isEmpty else {
            let unchecked = published.filter { $0.check == .unchecked }.count
            let text = unchecked == 0 ? "库内数据与来源报告所列数字一致。"
                : "来源所印 \(published.count) 个数字中，\(unchecked) 个因库内无本期评价结果无法核对，其余与库内数据一致。"
            return ReportSection(id: "discrepancies", title: "与来源报告不一致之处", blocks: [.paragraph(text)])
        }
        let unexplained = list.filter { $0.check == .differs(reason: nil) }.count
        return ReportSection(id: "discrepancies", title: "与来源报告不一致之处", blocks: [
            .paragraph("来源所印 \(published.count) 个数字中，\(list.count) 个与库内数据不符（\(unexplained) 个未说明）："),
            .table(ReportTable(header: ["数字", "来源位置", "来源所印", "库内", "核对", "说明", "位置"], rows: list.map {
                [$0.label, $0.source, $0.shown, $0.vault ?? "–", $0.check.mark, $0.check.reason ?? "", "\($0.location.path):\($0.location.line)"]
            }, numeric: [2, 3])),
        ])
    }
}
