/// A panel member whom another source ties to an alliance the panel scored, while the
/// panel line's `alliances=` does not list it: a possible conflict of interest that the
/// panel list alone would hide.
public enum PanelTieRule: ScoredRule {
    public static let description = RuleDescription(
        id: "panel-tie",
        summary: "another source ties a panel member to an alliance the panel scored",
        rationale: "an expert must never score their own alliance, and the panel list is not the only source of who works where: a `tie` line records an affiliation another source prints (a bulletin naming the expert an alliance's secretary-general). When the panel scored that alliance and the panel line does not list it, the possible conflict is shown with both sources; it is not used to exclude reviews until a source confirms it for the period.",
        summaryZH: "另有来源把一位评价专家与评价专家组打过分的联盟联系在一起",
        rationaleZH: "专家绝不能为本人所属的联盟打分，而专家名单并不是谁在哪里任职的唯一来源：`tie` 行记录另一来源印出的任职关系（例如简报称该专家任某联盟秘书长）。评价专家组为该联盟打了分、而专家名单中的记录没有列出它时，这一可能的利益冲突连同两处来源一起显示出来；在有来源证实它适用于本评价期之前，不据此排除评审",
        severity: .warning,
        triggering: [
            RuleExample("vault/periods/2023.txt", """
                period start=2023-01-01 end=2023-12-31 schema=test roster=2
                expert id=E1 name=甲 affiliation=协发网秘书长
                ↓tie expert=E1 alliance=示例 role=示例联盟秘书长 source=bulletin:news

                """),
        ],
        nonTriggering: [
            // The panel line already lists the alliance, and the reviews are in the vault:
            // conflict-of-interest covers them.
            RuleExample(ExampleProject.reviewed([
                "vault/periods/2023.txt": """
                    period start=2023-01-01 end=2023-12-31 schema=test roster=2 threshold=3
                    expert id=E1 name=甲 group=A alliances=示例
                    expert id=E2 name=乙 group=A
                    expert id=E3 name=丙 group=B
                    tie expert=E1 alliance=示例 role=示例联盟秘书长 source=bulletin:news

                    """,
            ])),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            let file = period.file
            for tie in file.records(of: "tie") {
                guard let expertID = file.text(tie, "expert"), let allianceID = file.text(tie, "alliance") else { continue }
                let site = file.site(tie)
                guard let expert = period.experts.first(where: { $0.id == expertID }) else {
                    found.append(site.diagnostic(description, at: file.offset(of: "expert", in: tie),
                        notOnPanel(["expert": .text(expertID), "period": .text(periodID)]), hint: useExpertID(["path": .text(file.path)])))
                    continue
                }
                guard vault.alliances[allianceID] != nil else {
                    let near = Suggest.closest(to: allianceID, in: vault.allianceIDs)
                    found.append(site.diagnostic(description, at: file.offset(of: "alliance", in: tie),
                        unknownAlliance(["alliance": .text(allianceID)]),
                        hint: near.map { didYouMean(["suggestion": .text($0)]) } ?? useAllianceID()))
                    continue
                }
                guard !expert.alliances.contains(allianceID),
                      let scored = results[periodID]?.alliance(allianceID), scored.status == .evaluated else { continue }
                let panelLine = file.records(of: "expert").first { file.text($0, "id") == expertID }.map { Int($0.number) } ?? 1
                let role = file.text(tie, "role").map { MessageArgument.message(aside(["text": .text($0)])) } ?? .text("")
                var scoredAt = MessageArgument.text("")
                if let records = vault.alliances[allianceID]?.records[periodID] {
                    let line = records.records(of: "published").first { records.text($0, "status") == "evaluated" }
                    scoredAt = .message(aside(["text": .text("\(records.path)\(line.map { ":\($0.number)" } ?? "")")]))
                }
                let printed = expert.affiliation.map { withAffiliation(["affiliation": .text($0)]) } ?? noAffiliation()
                found.append(site.diagnostic(description, at: Int(tie.start),
                    ties(["source": file.text(tie, "source").map(MessageArgument.text) ?? .message(aSource()), "expert": .text(expertID), "name": .text(expert.name),
                          "alliance": .text(allianceID), "role": role, "period": .text(periodID), "scoredAt": scoredAt,
                          "panel": .text("\(file.path):\(panelLine)"), "printed": .message(printed)]),
                    hint: confirmOrAcknowledge(["alliance": .text(allianceID)])))
            }
        }
        return found
    }


    static let notOnPanel = MessageTemplate(
        "panel-tie.not-on-panel", en: "tie names expert {expert}, who is not on the panel of period {period}",
        zh: "tie 行中的专家 {expert} 不在 {period} 评价期的评价专家组名单中")
    static let useExpertID = MessageTemplate(
        "panel-tie.not-on-panel.hint", en: "use the id of an `expert` line of {path}", zh: "请使用 {path} 中某条 `expert` 行的 id")
    static let unknownAlliance = MessageTemplate(
        "panel-tie.unknown-alliance", en: "tie names alliance {alliance}, which the vault does not hold", zh: "tie 行中的联盟 {alliance} 不在联盟目录中")
    static let didYouMean = MessageTemplate("panel-tie.unknown-alliance.hint", en: "did you mean {suggestion}?", zh: "是否应为 {suggestion}？")
    static let useAllianceID = MessageTemplate(
        "panel-tie.unknown-alliance.id.hint", en: "use an alliance id (a directory of vault/alliances/)",
        zh: "请使用联盟的 id（vault/alliances/ 下的目录名）")
    static let ties = MessageTemplate(
        "panel-tie.tie",
        en: "{source} ties expert {expert} ({name}) to {alliance}{role}, and the panel scored {alliance} in {period}{scoredAt}; the panel line ({panel}) gives {printed} and does not list {alliance} in alliances=",
        zh: "{source} 显示专家 {expert}（{name}）与 {alliance} 有关{role}，而评价专家组在 {period} 为 {alliance} 打了分{scoredAt}；专家名单中的记录（{panel}）{printed}，alliances= 中也没有列出 {alliance}")
    static let aside = MessageTemplate("panel-tie.tie.aside", en: " ({text})", zh: "（{text}）")
    static let aSource = MessageTemplate("panel-tie.tie.some-source", en: "a source", zh: "另一来源")
    static let withAffiliation = MessageTemplate(
        "panel-tie.tie.affiliation", en: "affiliation \"{affiliation}\"", zh: "写的 affiliation 是“{affiliation}”")
    static let noAffiliation = MessageTemplate("panel-tie.tie.no-affiliation", en: "no affiliation", zh: "没有写 affiliation")
    static let confirmOrAcknowledge = MessageTemplate(
        "panel-tie.tie.hint",
        en: "if a source confirms the tie for this period, add {alliance} to the expert's alliances=; if it reflects the published record, acknowledge it: # vault-allow panel-tie: REASON",
        zh: "如有来源证实本评价期确有这一关系，请把 {alliance} 加进该专家的 alliances=；如它与公布的记录一致，请加豁免注释：# vault-allow panel-tie: 理由")

    public static let messages = [notOnPanel, useExpertID, unknownAlliance, didYouMean, useAllianceID, ties, aside, aSource,
                                  withAffiliation, noAffiliation, confirmOrAcknowledge]
}
