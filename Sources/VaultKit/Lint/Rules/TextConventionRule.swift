/// Text the tool reads but that breaks the conventions diffs rely on: CRLF line
/// ends and a byte-order mark at the start of a file.
public enum TextConventionRule: Rule {
    public static let description = RuleDescription(
        id: "text-convention",
        summary: "a file uses CRLF line ends or starts with a byte-order mark",
        rationale: "files are read anyway, but mixed conventions make every line of a diff change; reported once per file",
        summaryZH: "文件使用 CRLF 行尾，或以字节顺序标记（BOM）开头",
        rationaleZH: "这样的文件照常读取，但换行约定不一致会让 diff 中每一行都显示为改动；每个文件只报告一次",
        severity: .warning,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A↓\r\n"),
            RuleExample("vault/alliances/示例/2023.txt", "↓\u{FEFF}2023-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n"),
        ])

    static let byteOrderMark = MessageTemplate(
        "text-convention.bom", en: "file starts with a byte-order mark", zh: "文件以字节顺序标记（BOM）开头")
    static let byteOrderMarkHint = MessageTemplate(
        "text-convention.bom.hint", en: "run `vault fmt` to drop it, or save the file as UTF-8 without a BOM",
        zh: "运行 `vault fmt` 去掉它，或将文件另存为不带 BOM 的 UTF-8")
    static let crlf = MessageTemplate(
        "text-convention.crlf", en: "line ends with CRLF", zh: "行尾是 CRLF")
    static let crlfHint = MessageTemplate(
        "text-convention.crlf.hint", en: "run `vault fmt` to rewrite the file with LF line ends", zh: "运行 `vault fmt` 将文件改写为 LF 行尾")

    public static let messages = [byteOrderMark, byteOrderMarkHint, crlf, crlfHint]
}
