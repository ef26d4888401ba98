/// A record file named after a period the vault does not define.
public enum UnknownPeriodRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-period",
        summary: "an alliance's record file is for a period the vault does not define",
        rationale: "records belong to an evaluation period with dates and a schema; without one they cannot be checked or scored",
        summaryZH: "联盟的记录文件对应的评价期在 vault 中没有定义",
        rationaleZH: "记录属于某个有起止日期和指标体系的评价期；没有这个评价期，记录就无法检查和计分",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2019.txt", "↓2019-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n"),
        ])

    static func diagnostic(path: String, period: String, known: [String]) -> Diagnostic {
        let hint = Suggest.closest(to: period, in: known).map {
            didYouMeanOrAdd(["suggestion": .text($0), "period": .text(period), "periods": .list(known)])
        } ?? addPeriod(["period": .text(period), "periods": .list(known)])
        return description.fileDiagnostic(path, undefined(["path": .text(path), "period": .text(period)]), hint: hint)
    }

    static let undefined = MessageTemplate(
        "unknown-period.period", en: "\"{path}\" is for period {period}, which vault/periods/ does not define",
        zh: "“{path}”属于评价期 {period}，但 vault/periods/ 中没有定义这个评价期")
    static let addPeriod = MessageTemplate(
        "unknown-period.period.hint", en: "add vault/periods/{period}.txt (periods known: {periods})",
        zh: "请新建 vault/periods/{period}.txt（已有的评价期：{periods}）")
    static let didYouMeanOrAdd = MessageTemplate(
        "unknown-period.period.hint-suggest", en: "did you mean {suggestion}? or add vault/periods/{period}.txt (periods known: {periods})",
        zh: "是不是 {suggestion}？或者新建 vault/periods/{period}.txt（已有的评价期：{periods}）")

    public static let messages = [undefined, addPeriod, didYouMeanOrAdd]
}
