/// A writer's temporary file left behind when the writer was killed mid-write.
/// The target file is intact (the rename never happened); the leftover is noise.
public enum InterruptedWriteRule: Rule {
    public static let description = RuleDescription(
        id: "interrupted-write",
        summary: "a temporary file left by an interrupted write",
        rationale: "writers replace files by writing a temporary file and renaming it, so an interruption never damages data; it can leave the temporary file, which the next writer removes",
        severity: .warning,
        triggering: [
            RuleExample("vault/alliances/示例/.2023.txt.tmp-4242", "↓2023-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/.2023.txt.swp", "x"),
        ])
}
