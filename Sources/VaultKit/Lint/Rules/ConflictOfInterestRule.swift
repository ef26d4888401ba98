/// An expert reviewing an alliance they belong to, by any evidence the vault holds
/// (`ReviewEligibility`, which the scorer asks too), and a panel line whose
/// affiliation names an alliance its `alliances=` leaves out.
public enum ConflictOfInterestRule: VaultRule {
    public static let description = RuleDescription(
        id: "conflict-of-interest",
        summary: "an expert reviews an alliance they belong to",
        rationale: "panel members come from alliances, and the evaluation's rules forbid scoring one's own alliance; the review is left out of the score. Membership is read from every place the vault records it: the expert's alliances= and affiliation=, the alliance's maintainer handles, the other panel lines of the same person, and the alliance's twin directories",
        summaryZH: "专家评审了本人所属的联盟",
        rationaleZH: "评价专家来自各联盟，评价规则不允许专家为本人所属联盟打分；这样的评审不计入得分。是否属于某联盟，从 vault 记录它的每一处读取：专家的 alliances= 和 affiliation=、联盟的维护人账号、同一人的其他专家记录，以及同一联盟的重复目录",
        severity: .error,
        triggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E1.txt": "review ↓alliance=示例 stage=initial\n"])),
            // Membership written only in the affiliation.
            RuleExample(ExampleProject.reviewed([
                "vault/periods/2023.txt": """
                    period start=2023-01-01 end=2023-12-31 schema=test roster=2 threshold=3
                    expert id=E1 name=甲 group=A ↓affiliation=示例产业技术创新战略联盟秘书长
                    expert id=E2 name=乙 group=A
                    expert id=E3 name=丙 group=B

                    """,
            ])),
            // The expert maintains the alliance's files.
            RuleExample(ExampleProject.reviewed([
                "vault/periods/2023.txt": """
                    period start=2023-01-01 end=2023-12-31 schema=test roster=2 threshold=3
                    expert id=E1 name=甲 group=A handle=@jia
                    expert id=E2 name=乙 group=A
                    expert id=E3 name=丙 group=B

                    """,
                "vault/alliances/示例/alliance.txt": "alliance code=110 batch=1 name=\"示例产业技术创新战略联盟\" short=示例\nmaintainer handle=@jia\n",
                "vault/reviews/2023/E1.txt": "review ↓alliance=示例 stage=initial\n",
            ])),
        ],
        nonTriggering: [
            RuleExample(ExampleProject.reviewedPeriod),
        ])

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            guard !period.experts.isEmpty else { continue }
            let eligibility = ReviewEligibility(period, in: vault)
            found += omittedAffiliations(period, eligibility)
            for expertID in period.reviews.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let file = period.reviews[expertID]!
                // An owed line (`vault review assign` never writes one) is checked too: filled in, it would not count.
                for record in Array(file.records(of: "review")) + Array(file.records(of: "owed")) {
                    guard let alliance = file.text(record, "alliance") else { continue }
                    let conflicts = eligibility.exclusions(expert: expertID, alliance: alliance).filter { $0.kind == .conflict }
                    guard !conflicts.isEmpty else { continue }
                    let name = period.experts.first { $0.id == expertID }?.name
                    // Evidence from one panel line is said once with its place.
                    var evidence: [Message] = []
                    var index = 0
                    while index < conflicts.count {
                        var end = index + 1
                        while end < conflicts.count, conflicts[end].panelLine == conflicts[index].panelLine { end += 1 }
                        let words = Message.joined(conflicts[index..<end].map(\.evidence), by: evidenceAnd)!
                        evidence.append(evidenceAt(["reason": .message(words), "place": .text("\(period.file.path):\(conflicts[index].panelLine ?? 1)")]))
                        index = end
                    }
                    let all = MessageArgument.message(Message.joined(evidence, by: evidenceThen)!)
                    found.append(file.site(record).diagnostic(description, at: file.offset(of: "alliance", in: record),
                        name.map { reviewsOwnNamed(["expert": .text(expertID), "name": .text($0), "alliance": .text(alliance), "evidence": all]) }
                            ?? reviewsOwn(["expert": .text(expertID), "alliance": .text(alliance), "evidence": all]),
                        hint: giveToAnotherGroup()))
                }
            }
        }
        return found
    }

    /// A panel line whose affiliation names an alliance that its `alliances=` does not
    /// list: the vault holds the membership, the panel line hides it.
    static func omittedAffiliations(_ period: Period, _ eligibility: ReviewEligibility) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, expert) in period.experts.enumerated() {
            for (alliance, name) in eligibility.affiliated[index] where !expert.alliances.contains(alliance) {
                let at = period.file.offset(of: "affiliation", in: expert.record)
                found.append(period.file.site(expert.record).diagnostic(description, at: at,
                    affiliationUnlisted(["expert": .text(expert.id), "name": .text(expert.name), "affiliation": .text(expert.affiliation ?? ""),
                                         "alliance": .text(alliance), "allianceName": .text(name)]),
                    hint: addToAlliances(["alliance": .text(alliance), "alliances": .text((expert.alliances + [alliance]).joined(separator: ","))])))
            }
        }
        return found
    }

    static let reviewsOwnNamed = MessageTemplate(
        "conflict-of-interest.own-alliance", en: "expert {expert} ({name}) reviews {alliance}, an alliance they belong to: {evidence}",
        zh: "专家 {expert}（{name}）评审的 {alliance} 是其本人所属的联盟：{evidence}")
    static let reviewsOwn = MessageTemplate(
        "conflict-of-interest.own-alliance.unnamed", en: "expert {expert} reviews {alliance}, an alliance they belong to: {evidence}",
        zh: "专家 {expert} 评审的 {alliance} 是其本人所属的联盟：{evidence}")
    static let evidenceAt = MessageTemplate(
        "conflict-of-interest.evidence", en: "{reason} ({place})", zh: "{reason}（{place}）")
    static let evidenceAnd = MessageTemplate(
        "conflict-of-interest.evidence.and", en: "{first} and {rest}", zh: "{first}，且{rest}")
    static let evidenceThen = MessageTemplate(
        "conflict-of-interest.evidence.then", en: "{first}; {rest}", zh: "{first}；{rest}")
    static let giveToAnotherGroup = MessageTemplate(
        "conflict-of-interest.own-alliance.hint",
        en: "give this review to an expert of another group and delete this line; it is not counted",
        zh: "请把这项评审交给其他组的专家，并删去本行；本行的评分不计入")
    static let affiliationUnlisted = MessageTemplate(
        "conflict-of-interest.affiliation",
        en: "expert {expert} ({name}) has affiliation \"{affiliation}\", which names alliance {alliance} (\"{allianceName}\"), but alliances= does not list it; reviews of {alliance} by {expert} are not counted",
        zh: "专家 {expert}（{name}）的 affiliation 为“{affiliation}”，其中提到联盟 {alliance}（“{allianceName}”），但 alliances= 没有列出它；{expert} 对 {alliance} 的评审不计入")
    static let addToAlliances = MessageTemplate(
        "conflict-of-interest.affiliation.hint", en: "add {alliance} to alliances= of this line (alliances={alliances})",
        zh: "请在本行的 alliances= 中加上 {alliance}（alliances={alliances}）")

    public static let messages = [reviewsOwnNamed, reviewsOwn, evidenceAt, evidenceAnd, evidenceThen, giveToAnotherGroup,
                                  affiliationUnlisted, addToAlliances]
}
