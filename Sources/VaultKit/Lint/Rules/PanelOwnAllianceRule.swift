/// A period whose panel members belong to alliances the panel scored, when the vault
/// holds no reviews for it: the published scores cannot show that none scored their own.
public enum PanelOwnAllianceRule: ScoredRule {
    public static let description = RuleDescription(
        id: "panel-own-alliance",
        summary: "panel members belong to alliances the panel scored, and no reviews show who scored what",
        rationale: "panel members come from alliances, and an expert must never score their own; with reviews in the vault, conflict-of-interest checks every one, but a period known only from its published results cannot show it. One finding per period lists each such member with their panel line and the alliance's published line, so the possible conflict is never invisible",
        summaryZH: "评价专家属于评价专家组打过分的联盟，而没有评审记录表明谁给谁打了分",
        rationaleZH: "评价专家来自各联盟，专家绝不能为本人所属的联盟打分；vault 中有评审记录时，conflict-of-interest 会逐条核对，但只知道公布结果的评价期无法表明这一点。每个评价期报告一次，列出每位这样的专家及其在专家名单中的行和该联盟公布结果的行，让可能的利益冲突不至于无人看见",
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
                ownAlliances(["count": .count(own.count), "period": .text(periodID), "members": .message(Message.joined(own, by: nextMember)!)]),
                hint: enterReviews(["period": .text(periodID)])))
        }
        return found
    }

    /// "E09 (阮军) 半导体照明 (vault/alliances/半导体照明/2022-2023.txt:2)" for each panel member and
    /// each of their alliances the period evaluated, with the panel line.
    static func ownAlliancesScored(_ period: Period, _ result: PeriodResult, _ vault: Vault) -> [Message] {
        let file = period.file
        var own: [Message] = []
        for line in file.records(of: "expert") {
            guard let id = file.text(line, "id"), let expert = period.experts.first(where: { $0.id == id }) else { continue }
            let scored = expert.alliances.filter { result.alliance($0)?.status == .evaluated }
            guard !scored.isEmpty else { continue }
            let places = scored.map { alliance -> Message in
                guard let records = vault.alliances[alliance]?.records[period.id] else { return bare(["alliance": .text(alliance)]) }
                let printed = records.records(of: "published").first { records.text($0, "status") == "evaluated" }
                return allianceAt(["alliance": .text(alliance), "place": .text("\(records.path)\(printed.map { ":\($0.number)" } ?? "")")])
            }
            own.append(member(["expert": .text(id), "name": .text(expert.name), "place": .text("\(file.path):\(line.number)"),
                               "alliances": .message(Message.joined(places, by: nextAlliance)!)]))
        }
        return own
    }

    static let ownAlliances = MessageTemplate(
        "panel-own-alliance.members",
        en: "{count} panel members of {period} belong to alliances the panel scored, and the vault holds no reviews, so it cannot show that none scored their own: {members}",
        zh: "{period} 评价专家组中有 {count} 位专家属于参评联盟，而 vault 中没有评审记录，无法表明无人为本人所属的联盟打分：{members}")
    static let member = MessageTemplate(
        "panel-own-alliance.member", en: "{expert} ({name}, {place}) {alliances}", zh: "{expert}（{name}，{place}）{alliances}")
    static let allianceAt = MessageTemplate("panel-own-alliance.alliance", en: "{alliance} ({place})", zh: "{alliance}（{place}）")
    static let bare = MessageTemplate("panel-own-alliance.alliance.bare", en: "{alliance}", zh: "{alliance}")
    static let nextAlliance = MessageTemplate("panel-own-alliance.alliance.then", en: "{first}, {rest}", zh: "{first}、{rest}")
    static let nextMember = MessageTemplate("panel-own-alliance.member.then", en: "{first}; {rest}", zh: "{first}；{rest}")
    static let enterReviews = MessageTemplate(
        "panel-own-alliance.members.hint", en: "enter the period's reviews (vault/reviews/{period}/) to check them",
        zh: "请录入该评价期的评审记录（vault/reviews/{period}/），以便核对")

    public static let messages = [ownAlliances, member, allianceAt, bare, nextAlliance, nextMember, enterReviews]
}
