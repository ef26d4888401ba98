/// A suppression without a reason, or naming a rule that does not exist.
public enum BadSuppressionRule: Rule {
    public static let description = RuleDescription(
        id: "bad-suppression",
        summary: "a suppression has no reason or names an unknown rule",
        rationale: "an acknowledged contradiction must say why it stands, so a reviewer can judge it; an unknown rule id is usually a typo that suppresses nothing",
        summaryZH: "豁免注释没有写理由，或写的规则不存在",
        rationaleZH: "加了豁免注释的矛盾必须说明为何保留，审阅的人才能判断；不存在的规则 id 通常是拼写错误，什么也豁免不了",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A  ↓# vault-allow duplicate-record\n"),
            RuleExample("vault/alliances/示例/2023.txt", "↓# vault-allow duplicate-recrod: 来源重复\n2023-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n# vault-allow duplicate-record: 报告附件重复印了这一行\n2023-03-01 meeting type=council title=A\n"),
        ])

    static let namesNoRule = MessageTemplate("bad-suppression.no-rule", en: "suppression names no rule", zh: "豁免注释没有写明规则")
    static let writeRule = MessageTemplate(
        "bad-suppression.no-rule.hint", en: "write # vault-allow RULE-ID: REASON", zh: "请写成 # vault-allow 规则id: 理由")
    static let unknownRule = MessageTemplate(
        "bad-suppression.unknown-rule", en: "suppression names unknown rule \"{rule}\"", zh: "豁免注释中的规则“{rule}”不存在")
    static let didYouMean = MessageTemplate(
        "bad-suppression.unknown-rule.hint", en: "did you mean \"{suggestion}\"?", zh: "是否应为“{suggestion}”？")
    static let listRules = MessageTemplate(
        "bad-suppression.unknown-rule.list.hint", en: "rule ids are listed by `vault rules`", zh: "`vault rules` 会列出所有规则的 id")
    static let noReason = MessageTemplate(
        "bad-suppression.no-reason", en: "suppression of {rules} gives no reason", zh: "对 {rules} 的豁免注释没有写理由")
    static let giveReason = MessageTemplate(
        "bad-suppression.no-reason.hint", en: "say why the finding stands: # vault-allow {rules}: REASON",
        zh: "请说明为何保留这一问题：# vault-allow {rules}: 理由")

    public static let messages = [namesNoRule, writeRule, unknownRule, didYouMean, listRules, noReason, giveReason]
}
