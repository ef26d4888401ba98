/// A period whose batch rosters do not add up to its roster.
public enum RosterSumRule: ScoredRule {
    public static let description = RuleDescription(
        id: "roster-sum",
        summary: "the batch rosters of a period do not add up to its roster",
        rationale: "a source that states both the number of alliances in scope and the size of each batch contradicts itself when they disagree; every per-batch share and the number not evaluated by batch then rest on a different total than the period's. The rosters stay as printed and the contradiction is shown on the period line",
        summaryZH: "评价期各批次的联盟数加起来不等于该评价期的联盟总数",
        rationaleZH: "来源报告既给出评价范围内的联盟总数、又给出各批次的联盟数，两者不符就是自相矛盾；此时每一项分批次的占比、按批次算出的未纳入评价数，所依据的总数都与评价期的不同。各名单数按原样保留，矛盾显示在 period 行上",
        severity: .error,
        triggering: [
            RuleExample("vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 schema=test ↓roster=2 roster1=2 roster2=1 roster3=0\n"),
        ],
        nonTriggering: [
            RuleExample("vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 schema=test roster=3 roster1=2 roster2=1 roster3=0\n"),
            // No roster-later: later joiners may make up the difference.
            RuleExample("vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 schema=test roster=4 roster1=2 roster2=1 roster3=0\n"),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            guard let roster = period.roster, let line = period.file.records(of: "period").first else { continue }
            let parts = ["1", "2", "3"].compactMap { period.batchRoster[$0] }
            guard parts.count == 3 else { continue }
            let later = period.batchRoster["later"]
            // Any int a file holds: added without trapping; a sum past Int64 is a mismatch too.
            var sum: Int64 = 0
            var overflow = false
            for part in parts + (later.map { [$0] } ?? []) {
                let (next, over) = sum.addingReportingOverflow(part)
                overflow = overflow || over
                sum = next
            }
            if overflow { sum = .max }
            // Without roster-later, alliances that joined later may make up a shortfall, never an excess.
            guard later != nil ? sum != roster : sum > roster else { continue }
            let terms = (parts + (later.map { [$0] } ?? [])).map(String.init).joined(separator: " + ")
            var detail = MessageArgument.text("")
            if let result = results[periodID], result.hasResults {
                let evaluated = Int64(result.alliances.filter { $0.status == .evaluated }.count)
                if !overflow, sum >= evaluated, roster >= evaluated {
                    detail = .message(notEvaluated(["evaluated": .text("\(evaluated)"), "sum": .text("\(sum)"), "batchLeft": .text("\(sum - evaluated)"),
                                                    "roster": .text("\(roster)"), "periodLeft": .text("\(roster - evaluated)")]))
                }
            }
            let message = doesNotAddUp([
                "fields": .text(later == nil ? "roster1 + roster2 + roster3" : "roster1 + roster2 + roster3 + roster-later"), "terms": .text(terms),
                "sum": overflow ? .message(moreThan(["max": .text("\(Int64.max)")])) : .text("\(sum)"), "roster": .text("\(roster)"), "detail": detail])
            found.append(period.file.site(line).diagnostic(description, at: period.file.offset(of: "roster", in: line), message,
                hint: keepRosters()))
        }
        return found
    }

    static let doesNotAddUp = MessageTemplate(
        "roster-sum.sum", en: "{fields} = {terms} = {sum}, but roster = {roster}{detail}", zh: "{fields} = {terms} = {sum}，但 roster = {roster}{detail}")
    static let moreThan = MessageTemplate("roster-sum.sum.overflow", en: "more than {max}", zh: "超过 {max}")
    static let notEvaluated = MessageTemplate(
        "roster-sum.sum.not-evaluated",
        en: "; with {evaluated} evaluated, the batches leave {sum} − {evaluated} = {batchLeft} not evaluated, the period {roster} − {evaluated} = {periodLeft}",
        zh: "；参评 {evaluated} 家，按各批次算，未纳入评价的为 {sum} − {evaluated} = {batchLeft} 家，按评价期总数算为 {roster} − {evaluated} = {periodLeft} 家")
    static let keepRosters = MessageTemplate(
        "roster-sum.sum.hint",
        en: "keep the printed rosters and acknowledge the contradiction above the period line: # vault-allow roster-sum: REASON",
        zh: "请保留印出的名单数，并在 period 行上方加豁免注释说明这一矛盾：# vault-allow roster-sum: 理由")

    public static let messages = [doesNotAddUp, moreThan, notEvaluated, keepRosters]
}
