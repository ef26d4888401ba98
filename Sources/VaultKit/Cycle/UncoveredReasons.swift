/// Why an alliance to be evaluated has no expert at a stage: said by
/// `vault review assign` and `vault status`, in the language chosen.
extension ReviewAssigner {
    static let noGroup = MessageTemplate(
        "cycle.uncovered.no-group", en: "its participation line ({path}) has no group=: add its review group",
        zh: "参评记录（{path}）没有 group=：请填写该联盟的评审分组")
    static let groupNotOnPanel = MessageTemplate(
        "cycle.uncovered.group-not-on-panel", en: "no expert of group {group} ({path}) is on the panel of {period} ({groups})",
        zh: "{period} 评价期的评价专家组中没有 {group} 组的专家（{path}；{groups}）")
    static let panelWithoutGroups = MessageTemplate(
        "cycle.uncovered.panel-without-groups", en: "the panel has no group=", zh: "专家名单未写 group=")
    static let panelGroups = MessageTemplate("cycle.uncovered.panel-groups", en: "groups: {groups}", zh: "现有分组：{groups}")
    static let oneGroup = MessageTemplate(
        "cycle.uncovered.one-group", en: "the panel has one review group ({group}); the cross stage needs another",
        zh: "评价专家组只有一个评审分组（{group}）；交叉会评需要另一个分组")
    static let ofGroup = MessageTemplate("cycle.uncovered.of-group", en: "group {group}", zh: "{group} 组的专家")
    static let itsReviewers = MessageTemplate(
        "cycle.uncovered.its-reviewers", en: "its initial and cross reviewers", zh: "该联盟分组初评和交叉会评的评审专家")
    static let noExpertOf = MessageTemplate(
        "cycle.uncovered.no-expert", en: "no expert of {who} is on the panel", zh: "评价专家组中没有{who}")
    static let noneMay = MessageTemplate(
        "cycle.uncovered.none-may", en: "no expert of {who} may review it ({excluded})",
        zh: "{who}都不能评审该联盟（{excluded}）")
    static let expertExcluded = MessageTemplate("cycle.uncovered.expert", en: "{expert}: {reasons}", zh: "{expert}：{reasons}")
    static let nextReason = MessageTemplate("cycle.uncovered.then", en: "{first}; {rest}", zh: "{first}；{rest}")

    static let uncoveredMessages = [noGroup, groupNotOnPanel, panelWithoutGroups, panelGroups, oneGroup, ofGroup, itsReviewers,
                                    noExpertOf, noneMay, expertExcluded, nextReason]
}
