/// A review of an alliance the vault does not have, a review file of an expert
/// who is not on the period's panel, or a panel member belonging to an unknown alliance.
public enum UnknownReferenceRule: VaultRule {
    public static let description = RuleDescription(
        id: "unknown-reference",
        summary: "a review or panel entry names an alliance or expert the vault does not have",
        rationale: "a review that cannot be traced to an alliance and a panel member cannot be counted, and a conflict of interest cannot be checked",
        summaryZH: "评审或专家名单中提到的联盟或专家在 vault 中不存在",
        rationaleZH: "无法对应到联盟和评审专家的评审不能计入，利益冲突也无法核查",
        severity: .error,
        triggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross\nreview ↓alliance=示列 stage=cross\n"])),
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E9.txt": "↓review alliance=示例 stage=cross\n"])),
        ],
        nonTriggering: [
            RuleExample(ExampleProject.reviewedPeriod),
        ])

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let alliances = vault.allianceIDs
        // Made on the first unknown reference only.
        var skeletons: [String: String]? = nil
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            for expert in period.experts {
                for alliance in expert.alliances where vault.alliances[alliance] == nil {
                    found.append(period.file.site(expert.record).diagnostic(description,
                        at: period.file.offset(of: "alliances", in: expert.record),
                        unknown(alliance, &skeletons, vault, plain: expertUnknown, noted: expertUnknownLookAlike, [.init(name: "expert", value: .text(expert.id))]),
                        hint: hint(alliance, alliances)))
                }
            }
            guard !period.reviews.isEmpty else { continue }
            let eligibility = ReviewEligibility(period, in: vault)
            for expertID in period.reviews.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let file = period.reviews[expertID]!
                // Whether the expert's reviews count is the scorer's decision too.
                if !eligibility.isOnPanel(expertID), let first = file.records.first {
                    let known = period.experts.map(\.id).sorted()
                    found.append(file.site(first).diagnostic(description, at: Int(first.start),
                        notOnPanel(["path": .text(file.path), "expert": .text(expertID), "period": .text(periodID)]),
                        hint: Suggest.closest(to: expertID, in: known).map { didYouMeanFile(["name": .text($0)]) }
                            ?? addExpert(["period": .text(periodID)])))
                }
                for record in file.records {
                    guard let alliance = file.text(record, "alliance") else { continue }
                    let unresolved = eligibility.exclusions(expert: expertID, alliance: alliance).filter { $0.kind == .unresolvedMembership }
                    if let first = unresolved.first {
                        found.append(file.site(record).diagnostic(description, at: file.offset(of: "alliance", in: record),
                            notCounted(["alliance": .text(alliance), "expert": .text(expertID), "evidence": .message(first.evidence),
                                        "place": .text("\(period.file.path):\(first.panelLine ?? 1)")]),
                            hint: correctMembership(["expert": .text(expertID), "path": .text(period.file.path)])))
                    }
                    guard vault.alliances[alliance] == nil else { continue }
                    found.append(file.site(record).diagnostic(description, at: file.offset(of: "alliance", in: record),
                        unknown(alliance, &skeletons, vault, plain: reviewUnknown, noted: reviewUnknownLookAlike, []),
                        hint: hint(alliance, alliances)))
                }
            }
        }
        return found
    }

    /// The finding on an unknown alliance `reference`: `noted`, with a note naming the
    /// alliance it looks like, when it differs from one only by look-alike characters.
    static func unknown(_ reference: String, _ skeletons: inout [String: String]?, _ vault: Vault,
                        plain: MessageTemplate, noted: MessageTemplate, _ arguments: [MessageArgument.Named]) -> Message {
        if skeletons == nil { skeletons = Self.skeletons(vault) }
        var named = arguments
        named.append(.init(name: "alliance", value: .text(reference)))
        guard let match = lookAlike(reference, in: skeletons!) else { return Message(template: plain, arguments: named) }
        named.append(.init(name: "note", value: .message(looksLike(["match": .text(match), "codePoints": .text(Identity.codePoints(reference))]))))
        return Message(template: noted, arguments: named)
    }

    static func hint(_ alliance: String, _ known: [String]) -> Message {
        Suggest.hint(for: alliance, in: known, otherwise: allianceIDs())
    }

    static let expertUnknown = MessageTemplate(
        "unknown-reference.expert-alliance",
        en: "expert {expert} belongs to unknown alliance \"{alliance}\"; the reviews by {expert} are not counted until it names an alliance of the vault",
        zh: "专家 {expert} 所属的联盟“{alliance}”不存在；改为 vault 中已有的联盟之前，{expert} 的评审不计入")
    static let expertUnknownLookAlike = MessageTemplate(
        "unknown-reference.expert-alliance-look-alike",
        en: "expert {expert} belongs to unknown alliance \"{alliance}\" ({note}); the reviews by {expert} are not counted until it names an alliance of the vault",
        zh: "专家 {expert} 所属的联盟“{alliance}”不存在（{note}）；改为 vault 中已有的联盟之前，{expert} 的评审不计入")
    static let reviewUnknown = MessageTemplate(
        "unknown-reference.review-alliance", en: "review of unknown alliance \"{alliance}\"; it is not counted",
        zh: "评审的联盟“{alliance}”不存在；这条评审不计入")
    static let reviewUnknownLookAlike = MessageTemplate(
        "unknown-reference.review-alliance-look-alike", en: "review of unknown alliance \"{alliance}\" ({note}); it is not counted",
        zh: "评审的联盟“{alliance}”不存在（{note}）；这条评审不计入")
    static let looksLike = MessageTemplate(
        "unknown-reference.look-alike",
        en: "it looks like alliance \"{match}\" but differs by compatibility characters or look-alike punctuation: {codePoints}",
        zh: "它看起来像联盟“{match}”，但兼容字符或形近标点不同：{codePoints}")
    static let allianceIDs = MessageTemplate(
        "unknown-reference.alliance.hint", en: "alliance ids are the directory names in vault/alliances/", zh: "联盟标识就是 vault/alliances/ 下的目录名")
    static let notOnPanel = MessageTemplate(
        "unknown-reference.panel",
        en: "{path} holds reviews of expert \"{expert}\", who is not on the panel of period {period}; they are not counted",
        zh: "{path} 中是专家“{expert}”的评审，但该专家不在评价期 {period} 的专家名单中；这些评审不计入")
    static let didYouMeanFile = MessageTemplate(
        "unknown-reference.panel.hint-suggest", en: "did you mean {name}.txt?", zh: "是不是 {name}.txt？")
    static let addExpert = MessageTemplate(
        "unknown-reference.panel.hint", en: "add an expert line to vault/periods/{period}.txt", zh: "请在 vault/periods/{period}.txt 中加上一行 expert")
    static let notCounted = MessageTemplate(
        "unknown-reference.membership", en: "review of {alliance} by {expert} is not counted: {evidence} ({place})",
        zh: "{expert} 对 {alliance} 的评审不计入：{evidence}（{place}）")
    static let correctMembership = MessageTemplate(
        "unknown-reference.membership.hint", en: "correct alliances= of {expert} in {path} to the alliances' directory names",
        zh: "请把 {path} 中 {expert} 的 alliances= 改为联盟的目录名")

    public static let messages = [expertUnknown, expertUnknownLookAlike, reviewUnknown, reviewUnknownLookAlike, looksLike, allianceIDs,
                                  notOnPanel, didYouMeanFile, addExpert, notCounted, correctMembership]

    /// The alliance `reference` looks like, when it differs from one only by
    /// compatibility characters or look-alike punctuation (a reference is compared in NFC).
    static func lookAlike(_ reference: String, in skeletons: [String: String]) -> String? {
        let skeleton = Identity.skeleton(reference)
        guard skeleton != reference || !Identity.isNFC(reference) else { return nil }
        return skeletons[skeleton]
    }

    /// Alliance ids by skeleton, the first in byte order for each.
    static func skeletons(_ vault: Vault) -> [String: String] {
        var out: [String: String] = [:]
        for id in vault.allianceIDs where out[Identity.skeleton(id)] == nil { out[Identity.skeleton(id)] = id }
        return out
    }
}
