/// Bytes that are not UTF-8 text: invalid sequences, NUL and control bytes, a
/// byte-order mark in the middle of a file.
public enum EncodingRule: Rule {
    public static let description = RuleDescription(
        id: "encoding",
        summary: "a line holds bytes that are not UTF-8 text",
        rationale: "the vault is UTF-8 text so that every tool and reviewer sees the same characters; a file saved in GBK or a binary file dropped in the vault is caught line by line",
        summaryZH: "一行中有不是 UTF-8 文本的字节",
        rationaleZH: "vault 的文件都是 UTF-8 文本，这样每个工具、每位审阅人看到的字符都一样；存成 GBK 的文件或误放进来的二进制文件会逐行查出",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=↓\u{0}\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"第一次↓\u{FEFF}理事会\"\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"第一次理事会\"\t# 制表符可以\n"),
        ])

    // Said by `Encoding` (the line parser's byte checks), only for a line with bad bytes.
    static let bomInside = MessageTemplate(
        "encoding.bom", en: "byte-order mark inside the file", zh: "文件中间有字节顺序标记（BOM）")
    static let bomInsideHint = MessageTemplate(
        "encoding.bom.hint", en: "remove the invisible U+FEFF character (often left by joining files)",
        zh: "请删除这个看不见的 U+FEFF 字符（多半是拼接文件时留下的）")
    static let invalidByte = MessageTemplate(
        "encoding.invalid", en: "invalid UTF-8 byte 0x{byte}", zh: "无效的 UTF-8 字节 0x{byte}")
    static let invalidByteHint = MessageTemplate(
        "encoding.invalid.hint", en: "save the file as UTF-8 (it may be in GBK or another encoding)",
        zh: "请将文件另存为 UTF-8（它可能是 GBK 或其他编码）")
    static let nul = MessageTemplate(
        "encoding.nul", en: "NUL byte in a text file", zh: "文本文件中有 NUL 字节")
    static let nulHint = MessageTemplate(
        "encoding.nul.hint", en: "this looks like a binary file; vault files are UTF-8 text", zh: "这看起来是二进制文件；vault 的文件都应是 UTF-8 文本")
    static let control = MessageTemplate(
        "encoding.control", en: "control character 0x{byte} in a text file", zh: "文本文件中有控制字符 0x{byte}")
    static let controlHint = MessageTemplate(
        "encoding.control.hint", en: "remove it; only tabs, spaces and printable text may appear in a line",
        zh: "请删除它；一行中只能有制表符、空格和可打印的文字")

    public static let messages = [bomInside, bomInsideHint, invalidByte, invalidByteHint, nul, nulHint, control, controlHint]
}
