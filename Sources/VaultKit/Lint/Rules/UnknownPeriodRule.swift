/// A record file named after a period the vault does not define.
public enum UnknownPeriodRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-period",
        summary: "an alliance's record file is for a period the vault does not define",
        rationale: "records belong to an evaluation period with dates and a schema; without one they cannot be checked or scored",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2019.txt", "↓2019-03-01 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n"),
        ])

    static func diagnostic(path: String, period: String, known: [String]) -> Diagnostic {
        let hint = Suggest.closest(to: period, in: known).map { "did you mean \($0)? or " } ?? ""
        return description.fileDiagnostic(path, "\"\(path)\" is for period \(period), which vault/periods/ does not define",
                                          hint: hint + "add vault/periods/\(period).txt (periods known: \(known.joined(separator: ", ")))")
    }
}
