/// A period whose panel members belong to alliances the panel scored, when the vault
/// holds no reviews for it: the published scores cannot show that none scored their own.
public enum PanelOwnAllianceRule: ScoredRule {
    public static let description = RuleDescription(
        id: "panel-own-alliance",
        summary: "panel members belong to alliances the panel scored, and no reviews show who scored what",
        rationale: "panel members come from alliances, and an expert must never score their own; with reviews in the vault, conflict-of-interest checks every one, but a period known only from its published results cannot show it. One finding per period lists each such member with their panel line and the alliance's published line, so the possible conflict is never invisible",
        severity: .info,
        triggering: [
            RuleExample("vault/periods/2023.txt", """
                ↓period start=2023-01-01 end=2023-12-31 schema=test roster=2
                expert id=E1 name=甲 alliances=示例

                """),
        ],
        nonTriggering: [
            // The reviews are in the vault: conflict-of-interest checks them.
            RuleExample(ExampleProject.reviewedPeriod),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            let file = period.file
            guard period.reviews.isEmpty, let result = results[periodID], let periodLine = file.records(of: "period").first else { continue }
            let own = ownAlliancesScored(period, result, vault)
            guard !own.isEmpty else { continue }
            found.append(file.site(periodLine).diagnostic(description, at: Int(periodLine.start),
                "\(own.count) panel members of \(periodID) belong to alliances the panel scored, and the vault holds no reviews, so it cannot show that none scored their own: \(own.joined(separator: "; "))",
                hint: "enter the period's reviews (vault/reviews/\(periodID)/) to check them"))
        }
        return found
    }

    /// "E09 (阮军) 半导体照明 (vault/alliances/半导体照明/2022-2023.txt:2)" for each panel member and
    /// each of their alliances the period evaluated, with the panel line.
    static func ownAlliancesScored(_ period: Period, _ result: PeriodResult, _ vault: Vault) -> [String] {
        let file = period.file
        var own: [String] = []
        for line in file.records(of: "expert") {
            guard let id = file.text(line, "id"), let expert = period.experts.first(where: { $0.id == id }) else { continue }
            let scored = expert.alliances.filter { result.alliance($0)?.status == .evaluated }
            guard !scored.isEmpty else { continue }
            let places = scored.map { alliance -> String in
                guard let records = vault.alliances[alliance]?.records[period.id] else { return alliance }
                let printed = records.records(of: "published").first { records.text($0, "status") == "evaluated" }
                return "\(alliance) (\(records.path)\(printed.map { ":\($0.number)" } ?? ""))"
            }
            own.append("\(id) (\(expert.name), \(file.path):\(line.number)) \(places.joined(separator: ", "))")
        }
        return own
    }
}
