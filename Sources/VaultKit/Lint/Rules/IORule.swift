/// Files and directories the tool cannot or must not read: unreadable files,
/// dangling links, links leading outside the project (refused, never followed).
public enum IORule: Rule {
    public static let description = RuleDescription(
        id: "io",
        summary: "a file cannot be read, or a link leads outside the project",
        rationale: "the vault is checked from its own files only; a link outside the project could make lint read, or a writer change, files nobody reviews",
        severity: .error,
        triggering: [],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n"),
        ])
}
