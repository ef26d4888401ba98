/// Files and directories where the layout has no place for them.
public enum LayoutRule: Rule {
    public static let description = RuleDescription(
        id: "layout",
        summary: "a file or directory breaks the vault's layout",
        rationale: "a file in the wrong place is never read, so its data would silently not count; the layout is in docs/format.md",
        severity: .error,
        triggering: [
            RuleExample("vault/notes.txt", "↓随手记\n"),
            RuleExample("vault/alliances/示例/2023年.txt", "↓2023-03-01 meeting type=council title=A\n"),
            RuleExample(["vault/alliances/示例/2023.txt/x.txt": "\n"], removing: ["vault/alliances/示例/2023.txt"],
                        expectedAt: "vault/alliances/示例/2023.txt:1:1"),
            RuleExample(["vault/alliances/README.txt": "↓\n"]),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/README.md", "# 说明\n"),
            RuleExample("vault/alliances/示例/.2023.txt.swp", "x"),
        ])
}
