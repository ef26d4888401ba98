/// A record kind the file's place does not allow: not in the core kinds for that
/// file, nor in the period's schema.
public enum UnknownKindRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-kind",
        summary: "a record's kind is not declared for this file",
        rationale: "a misspelt kind would otherwise be evidence that silently never counts",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 ↓meting type=council title=A\n"),
            RuleExample("vault/alliances/示例/alliance.txt", "alliance code=110 batch=1 name=示例\n↓published status=evaluated source=x\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\npublished status=evaluated score=90 source=report:annex\n"),
        ])

    static func diagnostic(site: DiagnosticSite, kind: Span, parsed: ParsedFile, known: [String], place: String) -> Diagnostic {
        let name = parsed.text.excerpt(kind)
        let hint = Suggest.closest(to: name, in: known).map { "did you mean \"\($0)\"?" }
            ?? "kinds allowed in \(place): \(known.sorted().joined(separator: ", "))"
        return site.diagnostic(description, at: Int(kind.start), "unknown record kind \"\(name)\" in \(place)", hint: hint)
    }
}
