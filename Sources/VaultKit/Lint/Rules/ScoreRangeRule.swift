/// A published score the period's schema cannot mean: below 0 or above the schema's total.
public enum ScoreRangeRule: FileRule {
    public static let description = RuleDescription(
        id: "score-range",
        summary: "a published score is below 0 or above the schema's total",
        rationale: "a score lies between 0 and the methodology's total; one outside is an entry error (a sign, a misplaced point, a figure from another column) and is not used for band, rank or statistics",
        summaryZH: "公布的得分低于 0 或高于指标体系的总分",
        rationaleZH: "得分在 0 与评价方法的总分之间；超出范围的是录入错误（正负号、小数点位置、抄了别的列），不用于档次、排名和统计",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated ↓score=-5 source=report:annex\n"),
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated ↓score=960 band=high source=report:annex\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=100 band=high source=report:annex\n"),
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=0 band=low source=report:annex\n"),
        ])

    /// Whether `score` lies in 0…`schema.total`: the scorer uses no other published score.
    static func inRange(_ score: FixedDecimal, _ schema: Schema) -> Bool {
        score.mantissa >= 0 && !(FixedDecimal(mantissa: schema.total, scale: 0) < score)
    }

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        // Only alliance record files hold `published` records (no path test: a prefix test on a
        // Chinese path costs more than the rule), and the period is looked up only for a score.
        let published = file.records(of: "published")
        guard !published.isEmpty else { return [] }
        var found: [Diagnostic] = []
        for record in published {
            guard let score = file.decimal(record, "score") else { continue }
            guard let period = vault.periods[file.stem], let schema = period.schema else { return [] }
            guard !inRange(score, schema) else { continue }
            found.append(file.site(record).diagnostic(description, at: file.offset(of: "score", in: record),
                outside(["score": .text("\(score)"), "total": .text("\(schema.total)"), "schema": .text(schema.id), "period": .text(period.id)]),
                hint: checkSource()))
        }
        return found
    }

    static let outside = MessageTemplate(
        "score-range.outside", en: "score={score} is outside 0…{total}, the range of schema {schema} (period {period}); it is not used",
        zh: "score={score} 超出指标体系 {schema} 的分值范围 0…{total}（{period} 评价期），不予采用")
    static let checkSource = MessageTemplate(
        "score-range.outside.hint", en: "check the figure against the source; a score lies between 0 and the schema's total",
        zh: "请对照来源报告核对这个数字；得分应在 0 与指标体系总分之间")

    public static let messages = [outside, checkSource]
}
