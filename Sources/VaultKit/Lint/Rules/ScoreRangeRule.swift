/// A published score the period's schema cannot mean: below 0 or above the schema's total.
public enum ScoreRangeRule: FileRule {
    public static let description = RuleDescription(
        id: "score-range",
        summary: "a published score is below 0 or above the schema's total",
        rationale: "a score lies between 0 and the methodology's total; one outside is an entry error (a sign, a misplaced point, a figure from another column) and is not used for band, rank or statistics",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated ↓score=-5 source=report:annex\n"),
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated ↓score=960 band=high source=report:annex\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=100 band=high source=report:annex\n"),
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=0 band=low source=report:annex\n"),
        ])

    /// Whether `score` lies in 0…`schema.total`: the scorer uses no other published score.
    static func inRange(_ score: FixedDecimal, _ schema: Schema) -> Bool {
        score.mantissa >= 0 && !(FixedDecimal(mantissa: schema.total, scale: 0) < score)
    }

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        // Only alliance record files hold `published` records (no path test: a prefix test on a
        // Chinese path costs more than the rule), and the period is looked up only for a score.
        let published = file.records(of: "published")
        guard !published.isEmpty else { return [] }
        var found: [Diagnostic] = []
        for record in published {
            guard let score = file.decimal(record, "score") else { continue }
            guard let period = vault.periods[file.stem], let schema = period.schema else { return [] }
            guard !inRange(score, schema) else { continue }
            found.append(file.site(record).diagnostic(description, at: file.offset(of: "score", in: record),
                "score=\(score) is outside 0…\(schema.total), the range of schema \(schema.id) (period \(period.id)); it is not used",
                hint: "check the figure against the source; a score lies between 0 and the schema's total"))
        }
        return found
    }
}
