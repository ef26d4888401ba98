/// A suppression without a reason, or naming a rule that does not exist.
public enum BadSuppressionRule: Rule {
    public static let description = RuleDescription(
        id: "bad-suppression",
        summary: "a suppression has no reason or names an unknown rule",
        rationale: "an acknowledged contradiction must say why it stands, so a reviewer can judge it; an unknown rule id is usually a typo that suppresses nothing",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A  ↓# vault-allow duplicate-record\n"),
            RuleExample("vault/alliances/示例/2023.txt", "↓# vault-allow duplicate-recrod: 来源重复\n2023-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n# vault-allow duplicate-record: 报告附件重复印了这一行\n2023-03-01 meeting type=council title=A\n"),
        ])
}
