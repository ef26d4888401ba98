/// A value that is not of its field's type: a date that does not exist, money
/// without a unit, a word outside an enum, a number too large.
public enum BadValueRule: Rule {
    public static let description = RuleDescription(
        id: "bad-value",
        summary: "a value does not have its field's type",
        rationale: "typed values are what make scores computable; each type's form is in docs/format.md",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "↓2023-02-30 meeting type=council title=A\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A attendees=↓四十\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A funding=↓1200\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=↓councl title=A\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A attendees=↓99999999999999999999\n"),
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=90 band=↓top source=x\n"),
            RuleExample("vault/alliances/示例/alliance.txt", "alliance code=↓1100 batch=1 name=示例\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-02-28 meeting type=council title=A funding=14.63亿元\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A funding=1200.5万元 attendees=40\n"),
        ])

    static func diagnostic(site: DiagnosticSite, field: RawField, spec: FieldSpec, failure: ValueParser.Failure,
                           parsed: ParsedFile) -> Diagnostic {
        site.diagnostic(description, at: Int(field.value.start),
                        "\(spec.id)=\"\(parsed.excerpt(field))\" is not \(failure.expected)", hint: failure.hint)
    }
}
