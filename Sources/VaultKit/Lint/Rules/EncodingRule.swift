/// Bytes that are not UTF-8 text: invalid sequences, NUL and control bytes, a
/// byte-order mark in the middle of a file.
public enum EncodingRule: Rule {
    public static let description = RuleDescription(
        id: "encoding",
        summary: "a line holds bytes that are not UTF-8 text",
        rationale: "the vault is UTF-8 text so that every tool and reviewer sees the same characters; a file saved in GBK or a binary file dropped in the vault is caught line by line",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=↓\u{0}\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"第一次↓\u{FEFF}理事会\"\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"第一次理事会\"\t# 制表符可以\n"),
        ])
}
