/// A suppression that acknowledges no finding.
public enum UnusedSuppressionRule: Rule {
    public static let description = RuleDescription(
        id: "unused-suppression",
        summary: "a suppression acknowledges nothing",
        rationale: "once the data or a rule changes, a stale acknowledgement would hide the next real finding on that line",
        summaryZH: "豁免注释没有豁免任何问题",
        rationaleZH: "数据或规则变了以后，过时的豁免注释会掩盖这一行下一次出现的真正问题",
        severity: .warning,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "↓# vault-allow duplicate-record: 以为重复\n2023-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n2023-03-01 meeting type=council title=A  # vault-allow duplicate-record: 报告重复印了这一行\n"),
        ])

    static let nothingOnLine = MessageTemplate(
        "unused-suppression.line", en: "suppression of {rules} acknowledges nothing on line {line}",
        zh: "第 {line} 行没有 {rules} 的问题，这条豁免注释不起作用")
    static let nothingAnywhere = MessageTemplate(
        "unused-suppression.any-line", en: "suppression of {rules} acknowledges nothing on any line",
        zh: "没有哪一行有 {rules} 的问题，这条豁免注释不起作用")
    static let removeComment = MessageTemplate(
        "unused-suppression.hint", en: "remove the comment if the finding is gone", zh: "这一问题已不存在的话，请删去这条注释")

    public static let messages = [nothingOnLine, nothingAnywhere, removeComment]
}
