/// A published award (A-level) that the vault's own band history contradicts,
/// or cannot check because it does not know a period's bands.
public enum DesignationRule: ScoredRule {
    public static let description = RuleDescription(
        id: "designation",
        summary: "a published award disagrees with the band history the vault holds",
        rationale: "A-level means the top band in consecutive evaluation periods; an award given to an alliance the vault has in another band, or not evaluated, in one of those periods is a contradiction to acknowledge. Periods whose bands the vault does not know are reported once each, as information",
        summaryZH: "公布的称号与 vault 中的档次记录不符",
        rationaleZH: "A级活跃度联盟指连续几个评价期都在最高档次；若 vault 中该联盟在其中某一评价期属于其他档次或未参评，却获得了称号，就是需要加豁免注释说明的矛盾。vault 不掌握档次的评价期，每个只作为信息报告一次",
        severity: .error,
        triggering: [
            RuleExample([
                "schemas/test.txt": ExampleProject.base["schemas/test.txt"]! + "award id=a-level label=A级 band=high consecutive=1\n",
                "vault/alliances/示例/2023.txt": "published status=evaluated score=80 source=report:annex-3\n↓designation award=a-level source=report:annex-4\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "schemas/test.txt": ExampleProject.base["schemas/test.txt"]! + "award id=a-level label=A级 band=high consecutive=1\n",
                "vault/alliances/示例/2023.txt": "published status=evaluated score=90 source=report:annex-3\ndesignation award=a-level source=report:annex-4\n",
            ]),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let order = vault.periodIDs
        for periodID in order {
            guard let result = results[periodID], let schema = result.schema else { continue }
            var unknownSpans: [String: [UnknownPeriod: Int]] = [:]   // award → unknown period → designations
            // Designations are few: alliances are walked in order and only a designated
            // one's result is looked up (by id, which hashing every alliance's showed in profiles).
            for alliance in vault.orderedAlliances {
                guard let file = alliance.records[periodID] else { continue }
                let designations = file.records(of: "designation")
                guard !designations.isEmpty, let standing = result.alliance(alliance.id) else { continue }
                let id = alliance.id
                for record in designations {
                    let awardID = file.text(record, "award") ?? ""
                    guard let award = schema.awards.first(where: { $0.id == awardID }) else {
                        found.append(file.site(record).diagnostic(description, at: file.offset(of: "award", in: record),
                            unknownAward(["award": .text(awardID), "schema": .text(schema.id)]),
                            hint: awardList(["awards": .list(schema.awards.map(\.id))])))
                        continue
                    }
                    switch standing.awards[award.id] ?? .notEarned {
                    case .earned: break
                    case .unknown(let periods):
                        for unknown in periods { unknownSpans[award.id, default: [:]][unknown, default: 0] += 1 }
                    case .notEarned:
                        found.append(file.site(record).diagnostic(description, at: Int(record.start),
                            designated(["alliance": .text(id), "award": .text(award.id), "period": .text(periodID),
                                        "reason": .message(breakingPeriod(id, award, periodID, order, results))]),
                            hint: keepDesignation()))
                    }
                }
            }
            for (awardID, spans) in unknownSpans.sorted(by: { $0.key < $1.key }) {
                for (unknown, count) in spans.sorted(by: { $0.key < $1.key }) {
                    let info = description.with(severity: .info)
                    let target = unknown.period.flatMap { vault.periods[$0] } ?? result.period
                    guard let line = target.file.records(of: "period").first else { continue }
                    found.append(target.file.site(line).diagnostic(info, at: Int(line.start),
                        checkedWithout(["unknown": .message(unknown.message), "count": .count(count), "award": .text(awardID), "period": .text(periodID)]),
                        hint: enterResults(["unknown": .message(unknown.message)])))
                }
            }
        }
        return found
    }

    /// The first period of the award's window in which the alliance was not in the award's band.
    static func breakingPeriod(_ id: String, _ award: Award, _ periodID: String, _ order: [String],
                               _ results: [String: PeriodResult]) -> Message {
        let end = order.firstIndex(of: periodID)!
        for period in order[max(0, end - award.consecutive + 1)...end] {
            guard let result = results[period], result.hasResults else { continue }
            guard let a = result.alliance(id), a.status == .evaluated else { return notEvaluated(["period": .text(period)]) }
            if a.band?.id != award.band {
                return a.band.map { inBand(["band": .term($0.id, title: $0.label), "period": .text(period)]) } ?? inNoBand(["period": .text(period)])
            }
        }
        return noRun(["band": .text(award.band), "consecutive": .count(award.consecutive)])
    }

    static let unknownAward = MessageTemplate(
        "designation.unknown-award", en: "unknown award \"{award}\" in schema {schema}", zh: "指标体系 {schema} 中没有称号“{award}”")
    static let awardList = MessageTemplate("designation.unknown-award.hint", en: "awards: {awards}", zh: "可用的称号：{awards}")
    static let designated = MessageTemplate(
        "designation.contradicted", en: "{alliance} is designated {award} at {period}, but {reason}",
        zh: "{alliance} 在 {period} 获得 {award} 称号，但{reason}")
    static let notEvaluated = MessageTemplate(
        "designation.contradicted.not-evaluated", en: "it was not evaluated in {period}", zh: "它在 {period} 未参评")
    static let inBand = MessageTemplate(
        "designation.contradicted.band", en: "the vault has it in band {band} in {period}", zh: "vault 中它在 {period} 属于档次{band}")
    static let inNoBand = MessageTemplate(
        "designation.contradicted.no-band", en: "the vault has it in band \"none\" in {period}", zh: "vault 中它在 {period} 没有档次")
    static let noRun = MessageTemplate(
        "designation.contradicted.history", en: "its band history does not give {band} in {consecutive} consecutive periods",
        zh: "它的档次记录中没有连续 {consecutive} 个评价期处于 {band}")
    static let keepDesignation = MessageTemplate(
        "designation.contradicted.hint", en: "if the source says so, keep the designation and acknowledge it: # vault-allow designation: REASON",
        zh: "如果来源报告确实如此，请保留这一称号，并加豁免注释：# vault-allow designation: 理由")
    static let checkedWithout = MessageTemplate(
        "designation.unknown-period",
        en: "the vault holds no results for {unknown}, so {count} {award} designations at {period} are checked without it",
        zh: "vault 中没有 {unknown} 的评价结果，{period} 的 {count} 项 {award} 称号在核对时缺了这一评价期")
    static let enterResults = MessageTemplate(
        "designation.unknown-period.hint", en: "enter the results of {unknown} to check them fully", zh: "请录入 {unknown} 的评价结果，以便完整核对")

    public static let messages = [unknownAward, awardList, designated, notEvaluated, inBand, inNoBand, noRun, keepDesignation,
                                  checkedWithout, enterResults]
}
