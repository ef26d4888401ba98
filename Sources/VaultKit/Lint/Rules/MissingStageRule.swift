/// An evaluated alliance without reviews at the initial or cross stage, in a
/// period whose scores come from reviews. While a stage is under way it is not yet
/// missing: a stage that no review or `owed` line of the period has reached (nor a
/// later one), and an alliance whose review at the stage is still owed (an `owed`
/// line: `vault status` lists them), are not reported.
public enum MissingStageRule: ScoredRule {
    public static let description = RuleDescription(
        id: "missing-stage",
        summary: "an evaluated alliance lacks its initial or cross review",
        rationale: "every evaluated alliance goes through the grouped initial review and the cross-group review; a missing stage means a score decided by fewer eyes than the rules require",
        summaryZH: "参评联盟缺少分组初评或交叉会评的评审记录",
        rationaleZH: "每个参评联盟都要经过分组初评和交叉分组集中会评；缺了一个阶段，得分就由少于评价规则要求的专家决定",
        severity: .error,
        triggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E2.txt": "", "vault/alliances/示例/2023.txt": "↓participation status=evaluated group=A\n"])),
        ],
        nonTriggering: [
            RuleExample(ExampleProject.reviewedPeriod),
            // The cross stage is assigned (owed), not yet filled in.
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "owed alliance=示例 stage=cross\n"])),
            // The initial stage is filled in; the cross stage has not started.
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": ""])),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (periodID, result) in results.sorted(by: { $0.key < $1.key }) where !result.period.reviews.isEmpty {
            // In a period scored from a published table, only the alliances the reviews mention
            // can owe a stage: the others' standing is the published one.
            let (reached, owed) = progress(result.period)
            for a in result.alliances where a.status == .evaluated && a.source != .published
                && (!a.fromPublishedTable || !a.reviews.isEmpty) {
                let counted = Set(a.reviews.filter { !$0.conflict }.map(\.stage))
                // A period scored from a published table is not under way: there a stage is missing as soon as
                // the alliance has a review and lacks it; a period of the vault's own waits until the stage starts.
                let missing = [Stage.initial, .cross].filter { stage in
                    !counted.contains(stage) && (a.fromPublishedTable || reached.contains { $0 >= stage })
                        && !owed.contains(Owed(alliance: a.id, stage: stage))
                }
                guard !missing.isEmpty, let file = vault.alliances[a.id]?.records[periodID] else { continue }
                let stages = Message.joined(missing.map(\.name), by: Stage.bothNames)!
                let record = file.records.first { file.kindID(of: $0) == "participation" } ?? file.records.first
                let diagnostic = record.map {
                    file.site($0).diagnostic(description, at: Int($0.start),
                        noReview(["alliance": .text(a.id), "period": .text(periodID), "stages": .message(stages)]),
                        hint: addReviews(["stage": .text(missing[0].rawValue), "period": .text(periodID)]))
                }
                if let diagnostic { found.append(diagnostic) }
            }
        }
        return found
    }

    struct Owed: Hashable {
        var alliance: String
        var stage: Stage
    }

    /// The stages some review or owed line of the period has reached, and the
    /// reviews still owed.
    static func progress(_ period: Period) -> (reached: Set<Stage>, owed: Set<Owed>) {
        var reached = Set<Stage>()
        var owed = Set<Owed>()
        for file in period.reviews.values {
            for record in file.records(of: "review") {
                if let stage = file.text(record, "stage").flatMap(Stage.init(rawValue:)) { reached.insert(stage) }
            }
            for record in file.records(of: "owed") {
                guard let stage = file.text(record, "stage").flatMap(Stage.init(rawValue:)) else { continue }
                reached.insert(stage)
                if let alliance = file.text(record, "alliance") { owed.insert(Owed(alliance: alliance, stage: stage)) }
            }
        }
        return (reached, owed)
    }


    static let noReview = MessageTemplate(
        "missing-stage.stage", en: "{alliance} is evaluated in {period} but has no {stages} review",
        zh: "{alliance} 在 {period} 评价期参评，但没有{stages}的评审记录")
    static let addReviews = MessageTemplate(
        "missing-stage.stage.hint", en: "add review lines (stage={stage}) in vault/reviews/{period}/EXPERT.txt",
        zh: "请在 vault/reviews/{period}/EXPERT.txt 中补上评审记录（stage={stage}）")

    public static let messages = [noReview, addReviews]
}
