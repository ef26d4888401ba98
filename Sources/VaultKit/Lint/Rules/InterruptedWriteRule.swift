/// A writer's temporary file left behind when the writer was killed mid-write.
/// The target file is intact (the rename never happened); the leftover is noise.
public enum InterruptedWriteRule: Rule {
    public static let description = RuleDescription(
        id: "interrupted-write",
        summary: "a temporary file left by an interrupted write",
        rationale: "writers replace files by writing a temporary file and renaming it, so an interruption never damages data; it can leave the temporary file, which the next writer removes",
        summaryZH: "写入中断后留下的临时文件",
        rationaleZH: "写入程序先写临时文件再改名替换，所以中断不会损坏数据；但可能留下临时文件，下一次写入时会清除",
        severity: .warning,
        triggering: [
            RuleExample("vault/alliances/示例/.2023.txt.tmp-4242", "↓2023-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/.2023.txt.swp", "x"),
        ])

    static let leftover = MessageTemplate("interrupted-write.leftover", en: "{path} is a temporary file left by an interrupted write", zh: "{path} 是写入中断后留下的临时文件")
    static let leftoverHint = MessageTemplate("interrupted-write.leftover.hint", en: "the file beside it is intact; the next `vault score --write` or `vault fmt` removes this one, or delete it", zh: "旁边的正式文件完好无损；下一次运行 `vault score --write` 或 `vault fmt` 会删除它，也可以手动删除")

    public static let messages = [
        leftover, leftoverHint,
    ]
}
