/// An expert reviewing an alliance they belong to.
public enum ConflictOfInterestRule: VaultRule {
    public static let description = RuleDescription(
        id: "conflict-of-interest",
        summary: "an expert reviews an alliance they belong to",
        rationale: "panel members come from alliances, and the evaluation's rules forbid scoring one's own alliance; the review is left out of the score",
        severity: .error,
        triggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E1.txt": "review ↓alliance=示例 stage=initial\n"])),
        ],
        nonTriggering: [
            RuleExample(ExampleProject.reviewedPeriod),
        ])

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            for expert in period.experts where !expert.alliances.isEmpty {
                guard let file = period.reviews[expert.id] else { continue }
                for record in file.records {
                    guard let alliance = file.text(record, "alliance"), expert.alliances.contains(alliance) else { continue }
                    let panelLine = expert.record.number
                    found.append(file.site(record).diagnostic(description, at: file.offset(of: "alliance", in: record),
                        "expert \(expert.id) (\(expert.name)) reviews \(alliance), an alliance they belong to (\(period.file.path):\(panelLine))",
                        hint: "give this review to an expert of another group and delete this line; it is not counted"))
                }
            }
        }
        return found
    }
}
