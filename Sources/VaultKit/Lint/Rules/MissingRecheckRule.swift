/// Initial and cross totals that differ by more than the period's threshold, with no recheck.
public enum MissingRecheckRule: ScoredRule {
    public static let description = RuleDescription(
        id: "missing-recheck",
        summary: "initial and cross review totals differ by more than the period's threshold, and there is no recheck",
        rationale: "large disagreements between the two review stages go to a collective re-check; without one the score rests on the cross review alone",
        severity: .error,
        triggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "↓review alliance=示例 stage=cross 1.1=2\n"])),
        ],
        nonTriggering: [
            // The re-check is assigned, not yet held.
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross 1.1=2\nowed alliance=示例 stage=recheck\n"])),
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross 1.1=2\n",
                                                 "vault/reviews/2023/E2.txt": "review alliance=示例 stage=initial\nreview alliance=示例 stage=recheck 1.1=5 note=复核\n"])),
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross 1.1=3\n"])),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (periodID, result) in results.sorted(by: { $0.key < $1.key }) {
            guard let threshold = result.period.threshold.map(Points.init) else { continue }
            for a in result.alliances {
                // A re-check that is assigned (an owed line) is under way: `vault status` lists it.
                guard let initial = a.stageScores[.initial], let cross = a.stageScores[.cross], a.stageScores[.recheck] == nil,
                      threshold < (initial - cross).magnitude, !owedRecheck(a.id, result.period),
                      let review = a.reviews.first(where: { $0.stage == .cross && !$0.conflict }),
                      let file = result.period.reviews[review.expert] else { continue }
                let record = file.records.first { Int($0.number) == review.line }!
                found.append(file.site(record).diagnostic(description, at: Int(record.start),
                    "\(a.id): initial review \(initial) and cross review \(cross) differ by \((initial - cross).magnitude), more than the threshold of \(threshold) in \(periodID)",
                    hint: "hold the re-check: `vault review assign \(periodID) --stage recheck` gives it to the experts, who record it as stage=recheck lines; `vault explain \(a.id) \(periodID)` shows both stages"))
            }
        }
        return found
    }

    static func owedRecheck(_ alliance: String, _ period: Period) -> Bool {
        period.reviews.values.contains { file in
            file.records(of: "owed").contains { file.text($0, "stage") == "recheck" && file.text($0, "alliance") == alliance }
        }
    }
}
