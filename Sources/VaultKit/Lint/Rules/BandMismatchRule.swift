/// A published score outside the range of the band it was published under.
public enum BandMismatchRule: FileRule {
    public static let description = RuleDescription(
        id: "band-mismatch",
        summary: "a published score lies outside the band it was printed under",
        rationale: "each period's bands are fixed ranges; a score printed in the wrong section of a results table is a contradiction in the source, kept as printed and acknowledged",
        summaryZH: "公布的得分不在它所列档次的分数范围内",
        rationaleZH: "每个评价期的档次都有固定的分数范围；得分印在结果表中不相符的档次下，是来源报告自相矛盾之处，按原样保留并加豁免注释说明",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=84 ↓band=high source=report:annex\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=85 band=high source=report:annex\n"),
        ])

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        guard let period = vault.periods[file.stem], let schema = period.schema else { return [] }
        var found: [Diagnostic] = []
        for record in file.records(of: "published") {
            guard let score = file.decimal(record, "score"), let printed = file.text(record, "band"),
                  let band = schema.band(for: score), band.id != printed else { continue }
            let range = schema.range(of: band.id)
            let printedLabel = schema.bands.first { $0.id == printed }?.label
            found.append(file.site(record).diagnostic(description, at: file.offset(of: "band", in: record),
                printedUnder(["score": .text("\(score)"), "printed": .term(printed, title: printedLabel), "printedRange": .text(schema.range(of: printed)),
                              "range": .text(range), "band": .term(band.id, title: band.label), "period": .text(period.id)]),
                hint: keepAsPrinted()))
        }
        return found
    }

    static let printedUnder = MessageTemplate(
        "band-mismatch.band", en: "score {score} is printed under band {printed} ({printedRange}), but {range} is {band} in period {period}",
        zh: "得分 {score} 列在档次{printed}下（{printedRange}），但在 {period} 评价期，{range} 属于档次{band}")
    static let keepAsPrinted = MessageTemplate(
        "band-mismatch.band.hint", en: "if the source printed it so, keep it and acknowledge it: # vault-allow band-mismatch: REASON",
        zh: "如果来源报告就是这样印的，请按原样保留，并加豁免注释：# vault-allow band-mismatch: 理由")

    public static let messages = [printedUnder, keepAsPrinted]
}

extension Schema {
    /// A band's range as the reports print it: `85–100`, `70–84`, `≤49`.
    func range(of bandID: String) -> String {
        guard let index = bands.firstIndex(where: { $0.id == bandID }) else { return "?" }
        let low = bands[index].min
        if index == 0 { return "≥\(low)" }
        let next = bands[index - 1].min
        let high = FixedDecimal(mantissa: next.mantissa - 1, scale: next.scale)
        return low.mantissa == 0 ? "≤\(high)" : "\(low)–\(high)"
    }
}
