/// An evaluated alliance without reviews at the initial or cross stage, in a
/// period whose scores come from reviews.
public enum MissingStageRule: ScoredRule {
    public static let description = RuleDescription(
        id: "missing-stage",
        summary: "an evaluated alliance lacks its initial or cross review",
        rationale: "every evaluated alliance goes through the grouped initial review and the cross-group review; a missing stage means a score decided by fewer eyes than the rules require",
        severity: .error,
        triggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "", "vault/alliances/示例/2023.txt": "↓participation status=evaluated group=A\n"])),
        ],
        nonTriggering: [
            RuleExample(ExampleProject.reviewedPeriod),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (periodID, result) in results.sorted(by: { $0.key < $1.key }) where !result.period.reviews.isEmpty {
            // In a period scored from a published table, only the alliances the reviews mention
            // can owe a stage: the others' standing is the published one.
            for a in result.alliances where a.status == .evaluated && a.source != .published
                && (!a.fromPublishedTable || !a.reviews.isEmpty) {
                let counted = Set(a.reviews.filter { !$0.conflict }.map(\.stage))
                let missing = [Stage.initial, .cross].filter { !counted.contains($0) }
                guard !missing.isEmpty, let file = vault.alliances[a.id]?.records[periodID] else { continue }
                let names = missing.map(\.rawValue).joined(separator: " and ")
                let record = file.records.first { file.kindID(of: $0) == "participation" } ?? file.records.first
                let diagnostic = record.map {
                    file.site($0).diagnostic(description, at: Int($0.start),
                        "\(a.id) is evaluated in \(periodID) but has no \(names) review",
                        hint: "add review lines (stage=\(missing[0].rawValue)) in vault/reviews/\(periodID)/EXPERT.txt")
                }
                if let diagnostic { found.append(diagnostic) }
            }
        }
        return found
    }
}
