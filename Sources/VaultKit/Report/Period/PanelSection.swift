/// The expert panel as the source's annex lists it (`expert` lines of the period file),
/// with the alliances each member's printed affiliation names and how the panel scored
/// them, and the ties other sources record (`tie` lines): a member's link to an alliance
/// the panel evaluated is printed beside the member, never left for the reader to find.
public struct PanelSection: Sendable {
    public struct Member: Sendable {
        public var id: String
        public var name: String
        /// 顾问, 组长, 副组长 or 成员 (the `role=` of the line, in the annex's words).
        public var role: String
        public var affiliation: String?
        /// "住宅科技：本期评分 100，活跃度高": each alliance `alliances=` lists or the affiliation
        /// names (as `ReviewEligibility` reads it), with its result this period.
        public var alliances: [String]
        /// Ties from other sources: "化纤联盟秘书长（bulletin-2019-1:news）：本期 96 分，活跃度高".
        public var ties: [String]
    }

    public var members: [Member]

    init(period: Period, vault: Vault, result: PeriodResult) {
        let file = period.file
        func outcome(_ id: String) -> String {
            guard let a = result.alliance(id) else { return "本期无记录" }
            switch a.status {
            case .evaluated:
                return "本期" + (a.score.map { "评分 \($0)" } ?? "参评") + (a.band.map { "，\($0.label)" } ?? "")
            case .incomplete: return "本期信息填报不完整，未参评"
            case .noData: return "本期未填报数据"
            default: return "本期未参评"
            }
        }
        var ties: [String: [String]] = [:]
        for record in file.records(of: "tie") {
            guard let expert = file.text(record, "expert"), let alliance = file.text(record, "alliance") else { continue }
            let role = file.text(record, "role").map { $0 + "，" } ?? ""
            ties[expert, default: []].append("\(alliance)：\(role)据 \(file.text(record, "source") ?? "其他来源")；\(outcome(alliance))")
        }
        // The alliances `alliances=` lists and those the affiliation names, found as review eligibility finds them.
        let named = ReviewEligibility.affiliations(period.experts, vault)
        members = zip(period.experts, named).map { expert, named in
            var ids: [String] = []
            for id in expert.alliances + named.map(\.alliance) where !ids.contains(id) { ids.append(id) }
            return Member(id: expert.id, name: expert.name, role: Self.role(file.text(expert.record, "role")),
                          affiliation: expert.affiliation,
                          alliances: ids.map { "\($0)：\(outcome($0))" }, ties: ties[expert.id] ?? [])
        }
    }

    static func role(_ id: String?) -> String {
        switch id {
        case "advisor"?: "顾问"
        case "leader"?: "组长"
        case "deputy"?: "副组长"
        case "member"?: "成员"
        case let other?: other
        case nil: "成员"
        }
    }
}
