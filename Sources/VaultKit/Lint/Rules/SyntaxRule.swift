/// Lines the grammar cannot read. Found by `LineParser`; the line is skipped and
/// the rest of the file is still checked.
public enum SyntaxRule: Rule {
    public static let description = RuleDescription(
        id: "syntax",
        summary: "a line does not follow the record grammar",
        rationale: "a record that cannot be read cannot be checked or scored; every such line is reported, and the rest of the file is still read",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=↓\"第一次理事会\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"第一次↓\\q理事会\"\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council ↓=第一次理事会\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"A\" ↓type=secretariat\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=↓\n"),
            RuleExample("vault/alliances/示例/2023.txt", "↓Meeting type=council title=\"A\"\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council ↓第一次理事会\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "# 评价期内会议\n\n2023-03-01 meeting type=council title=\"第一次 \\\"扩大\\\" 理事会\"  # 线下\n"),
        ])
}
