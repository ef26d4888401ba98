/// Initial and cross totals that differ by more than the period's threshold, with no recheck.
public enum MissingRecheckRule: ScoredRule {
    public static let description = RuleDescription(
        id: "missing-recheck",
        summary: "initial and cross review totals differ by more than the period's threshold, and there is no recheck",
        rationale: "large disagreements between the two review stages go to a collective re-check; without one the score rests on the cross review alone",
        summaryZH: "分组初评与交叉会评的总分相差超过评价期的阈值，却没有复核",
        rationaleZH: "两个评审阶段的评分差距较大时，须提交集体复核；没有复核，得分就只取决于交叉会评",
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
                    differ(["alliance": .text(a.id), "initial": .text("\(initial)"), "cross": .text("\(cross)"),
                            "difference": .text("\((initial - cross).magnitude)"), "threshold": .text("\(threshold)"), "period": .text(periodID)]),
                    hint: holdRecheck(["alliance": .text(a.id), "period": .text(periodID)])))
            }
        }
        return found
    }

    static func owedRecheck(_ alliance: String, _ period: Period) -> Bool {
        period.reviews.values.contains { file in
            file.records(of: "owed").contains { file.text($0, "stage") == "recheck" && file.text($0, "alliance") == alliance }
        }
    }


    static let differ = MessageTemplate(
        "missing-recheck.differ",
        en: "{alliance}: initial review {initial} and cross review {cross} differ by {difference}, more than the threshold of {threshold} in {period}",
        zh: "{alliance}：分组初评 {initial} 分，交叉会评 {cross} 分，相差 {difference} 分，超过 {period} 评价期的阈值 {threshold} 分")
    static let holdRecheck = MessageTemplate(
        "missing-recheck.differ.hint",
        en: "hold the re-check: `vault review assign {period} --stage recheck` gives it to the experts, who record it as stage=recheck lines; `vault explain {alliance} {period}` shows both stages",
        zh: "请组织复核：`vault review assign {period} --stage recheck` 把复核分给专家，由专家以 stage=recheck 行记录；`vault explain {alliance} {period}` 可查看两个阶段的评分")

    public static let messages = [differ, holdRecheck]
}
