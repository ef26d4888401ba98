/// Text the tool reads but that breaks the conventions diffs rely on: CRLF line
/// ends and a byte-order mark at the start of a file.
public enum TextConventionRule: Rule {
    public static let description = RuleDescription(
        id: "text-convention",
        summary: "a file uses CRLF line ends or starts with a byte-order mark",
        rationale: "files are read anyway, but mixed conventions make every line of a diff change; reported once per file",
        severity: .warning,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A↓\r\n"),
            RuleExample("vault/alliances/示例/2023.txt", "↓\u{FEFF}2023-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n"),
        ])
}
