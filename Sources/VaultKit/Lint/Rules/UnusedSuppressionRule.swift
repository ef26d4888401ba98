/// A suppression that acknowledges no finding.
public enum UnusedSuppressionRule: Rule {
    public static let description = RuleDescription(
        id: "unused-suppression",
        summary: "a suppression acknowledges nothing",
        rationale: "once the data or a rule changes, a stale acknowledgement would hide the next real finding on that line",
        severity: .warning,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "↓# vault-allow duplicate-record: 以为重复\n2023-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n2023-03-01 meeting type=council title=A  # vault-allow duplicate-record: 报告重复印了这一行\n"),
        ])
}
