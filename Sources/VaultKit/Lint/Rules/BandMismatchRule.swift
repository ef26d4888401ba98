/// A published score outside the range of the band it was published under.
public enum BandMismatchRule: FileRule {
    public static let description = RuleDescription(
        id: "band-mismatch",
        summary: "a published score lies outside the band it was printed under",
        rationale: "each period's bands are fixed ranges; a score printed in the wrong section of a results table is a contradiction in the source, kept as printed and acknowledged",
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
            found.append(file.site(record).diagnostic(description, at: file.offset(of: "band", in: record),
                "score \(score) is printed under band \"\(printed)\" (\(schema.range(of: printed))), but \(range) is \"\(band.id)\" in period \(period.id)",
                hint: "if the source printed it so, keep it and acknowledge it: # vault-allow band-mismatch: REASON"))
        }
        return found
    }
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
