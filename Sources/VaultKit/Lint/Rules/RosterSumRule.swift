/// A period whose batch rosters do not add up to its roster.
public enum RosterSumRule: ScoredRule {
    public static let description = RuleDescription(
        id: "roster-sum",
        summary: "the batch rosters of a period do not add up to its roster",
        rationale: "a source that states both the number of alliances in scope and the size of each batch contradicts itself when they disagree; every per-batch share and the number not evaluated by batch then rest on a different total than the period's. The rosters stay as printed and the contradiction is shown on the period line",
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
            var message = "roster1 + roster2 + roster3\(later == nil ? "" : " + roster-later") = \(terms) = \(overflow ? "more than \(Int64.max)" : "\(sum)"), but roster = \(roster)"
            if let result = results[periodID], result.hasResults {
                let evaluated = Int64(result.alliances.filter { $0.status == .evaluated }.count)
                if !overflow, sum >= evaluated, roster >= evaluated { message += "; with \(evaluated) evaluated, the batches leave \(sum) − \(evaluated) = \(sum - evaluated) not evaluated, the period \(roster) − \(evaluated) = \(roster - evaluated)" }
            }
            found.append(period.file.site(line).diagnostic(description, at: period.file.offset(of: "roster", in: line), message,
                hint: "keep the printed rosters and acknowledge the contradiction above the period line: # vault-allow roster-sum: REASON"))
        }
        return found
    }
}
