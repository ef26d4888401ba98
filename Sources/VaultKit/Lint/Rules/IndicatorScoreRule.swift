/// An expert's indicator score above the indicator's maximum, or for an
/// indicator the period's schema does not have.
public enum IndicatorScoreRule: VaultRule {
    public static let description = RuleDescription(
        id: "indicator-score",
        summary: "a review scores an indicator below 0 or above its maximum, or an unknown indicator",
        rationale: "an indicator's 0…max is part of the methodology; a score outside it, or for an indicator that does not exist, would distort the total, so it is not used",
        severity: .error,
        triggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross ↓1.1=12\n",
                                                 "vault/reviews/2023/E2.txt": "review alliance=示例 stage=initial 1.1=9\n"])),
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross\nreview alliance=示例 stage=recheck ↓1.2=3\n"])),
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross ↓1.1=-4\n",
                                                 "vault/reviews/2023/E2.txt": "review alliance=示例 stage=initial 1.1=8\n"])),
        ],
        nonTriggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross 1.1=8 note=\"会议纪要不全\"\n"])),
        ])

    /// Whether an expert's score lies in 0…max: the scorer uses no other.
    static func inRange(_ value: FixedDecimal, _ indicator: Indicator) -> Bool {
        value.mantissa >= 0 && !(indicator.max < value)
    }

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            guard let schema = period.schema else { continue }
            for expertID in period.reviews.keys.sorted() {
                let file = period.reviews[expertID]!
                for record in file.records {
                    for indicator in schema.indicators {
                        guard let value = file.decimal(record, indicator.id), !inRange(value, indicator) else { continue }
                        let place = value.mantissa < 0 ? "below 0" : "above the indicator's maximum of \(indicator.max)"
                        found.append(file.site(record).diagnostic(description, at: file.offset(of: indicator.id, in: record),
                            "\(indicator.id)=\(value) is \(place) (\(indicator.title)); the score is not used",
                            hint: "score \(indicator.id) between 0 and \(indicator.max)"))
                    }
                }
            }
        }
        return found
    }

    /// A review field that names no indicator of the schema (reported while binding).
    static func unknownIndicator(site: DiagnosticSite, field: RawField, kind: KindSpec, parsed: ParsedFile) -> Diagnostic {
        let key = parsed.text.excerpt(field.key)
        let indicators = kind.fields.dropFirst(3).map(\.id)
        return site.diagnostic(description, at: Int(field.key.start), "unknown indicator \"\(key)\" in a review",
                               hint: Suggest.closest(to: key, in: indicators).map { "did you mean \"\($0)\"?" }
                                   ?? "indicators: \(indicators.joined(separator: ", "))")
    }
}
