/// A period that names a schema `schemas/` does not have.
public enum UnknownSchemaRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-schema",
        summary: "a period names a schema that schemas/ does not have",
        rationale: "a period's schema gives its record kinds, indicators and bands; without it the period's records cannot be checked",
        severity: .error,
        triggering: [
            RuleExample("vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 ↓schema=tset\n"),
        ],
        nonTriggering: [
            RuleExample("vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 schema=test\n"),
        ])

    static func diagnostic(_ file: BoundFile, _ record: Record, _ schema: String, known: [String]) -> Diagnostic {
        let hint = Suggest.closest(to: schema, in: known).map { "did you mean \"\($0)\"?" }
            ?? "schemas known: \(known.joined(separator: ", ")); add schemas/\(schema).txt"
        return file.site(record).diagnostic(description, at: file.offset(of: "schema", in: record),
                                            "unknown schema \"\(schema)\"", hint: hint)
    }
}
