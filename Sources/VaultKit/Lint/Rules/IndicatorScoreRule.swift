/// An expert's indicator score above the indicator's maximum, or for an
/// indicator the period's schema does not have.
public enum IndicatorScoreRule: VaultRule {
    public static let description = RuleDescription(
        id: "indicator-score",
        summary: "a review scores an indicator below 0 or above its maximum, or an unknown indicator",
        rationale: "an indicator's 0…max is part of the methodology; a score outside it, or for an indicator that does not exist, would distort the total, so it is not used",
        summaryZH: "评审记录中某项指标的得分低于 0 或高于该指标满分，或打分的指标不存在",
        rationaleZH: "每项指标 0 到满分的分值范围是评价方法的一部分；超出范围的得分、或给并不存在的指标打的分会扭曲总分，因此不予采用",
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
                        let arguments: KeyValuePairs<String, MessageArgument> = [
                            "indicator": .text(indicator.id), "value": .text("\(value)"), "max": .text("\(indicator.max)"), "title": .text(indicator.title)]
                        found.append(file.site(record).diagnostic(description, at: file.offset(of: indicator.id, in: record),
                            (value.mantissa < 0 ? belowZero : aboveMaximum)(arguments),
                            hint: scoreInRange(["indicator": .text(indicator.id), "max": .text("\(indicator.max)")])))
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
        return site.diagnostic(description, at: Int(field.key.start), unknown(["key": .text(key)]),
                               hint: Suggest.closest(to: key, in: indicators).map { didYouMean(["suggestion": .text($0)]) }
                                   ?? indicatorList(["indicators": .list(Array(indicators))]))
    }

    static let belowZero = MessageTemplate(
        "indicator-score.below-zero", en: "{indicator}={value} is below 0 ({title}); the score is not used",
        zh: "{indicator}={value} 低于 0（{title}），该得分不予采用")
    static let aboveMaximum = MessageTemplate(
        "indicator-score.above-maximum", en: "{indicator}={value} is above the indicator's maximum of {max} ({title}); the score is not used",
        zh: "{indicator}={value} 超过该指标的满分 {max}（{title}），该得分不予采用")
    static let scoreInRange = MessageTemplate(
        "indicator-score.range.hint", en: "score {indicator} between 0 and {max}", zh: "请在 0 到 {max} 之间为 {indicator} 打分")
    static let unknown = MessageTemplate(
        "indicator-score.unknown", en: "unknown indicator \"{key}\" in a review", zh: "评审记录中有指标体系里没有的指标“{key}”")
    static let didYouMean = MessageTemplate(
        "indicator-score.unknown.hint", en: "did you mean \"{suggestion}\"?", zh: "是否应为“{suggestion}”？")
    static let indicatorList = MessageTemplate(
        "indicator-score.unknown.indicators.hint", en: "indicators: {indicators}", zh: "指标体系中的指标：{indicators}")

    public static let messages = [belowZero, aboveMaximum, scoreInRange, unknown, didYouMean, indicatorList]
}
