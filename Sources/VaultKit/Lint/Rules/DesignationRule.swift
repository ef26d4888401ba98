/// A published award (A-level) that the vault's own band history contradicts,
/// or cannot check because it does not know a period's bands.
public enum DesignationRule: ScoredRule {
    public static let description = RuleDescription(
        id: "designation",
        summary: "a published award disagrees with the band history the vault holds",
        rationale: "A-level means the top band in consecutive evaluation periods; an award given to an alliance the vault has in another band, or not evaluated, in one of those periods is a contradiction to acknowledge. Periods whose bands the vault does not know are reported once each, as information",
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
            var unknownSpans: [String: [String: Int]] = [:]   // award → unknown period → designations
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
                            "unknown award \"\(awardID)\" in schema \(schema.id)",
                            hint: "awards: \(schema.awards.map(\.id).joined(separator: ", "))"))
                        continue
                    }
                    switch standing.awards[award.id] ?? .notEarned {
                    case .earned: break
                    case .unknown(let periods):
                        for unknown in periods { unknownSpans[award.id, default: [:]][unknown, default: 0] += 1 }
                    case .notEarned:
                        found.append(file.site(record).diagnostic(description, at: Int(record.start),
                            "\(id) is designated \(award.id) at \(periodID), but \(breakingPeriod(id, award, periodID, order, results))",
                            hint: "if the source says so, keep the designation and acknowledge it: # vault-allow designation: REASON"))
                    }
                }
            }
            for (awardID, spans) in unknownSpans.sorted(by: { $0.key < $1.key }) {
                for (unknown, count) in spans.sorted(by: { $0.key < $1.key }) {
                    let info = description.with(severity: .info)
                    let target = vault.periods[unknown] ?? result.period
                    guard let line = target.file.records(of: "period").first else { continue }
                    found.append(target.file.site(line).diagnostic(info, at: Int(line.start),
                        "the vault holds no results for \(unknown), so \(count) \(awardID) designations at \(periodID) are checked without it",
                        hint: "enter the results of \(unknown) to check them fully"))
                }
            }
        }
        return found
    }

    /// The first period of the award's window in which the alliance was not in the award's band.
    static func breakingPeriod(_ id: String, _ award: Award, _ periodID: String, _ order: [String],
                               _ results: [String: PeriodResult]) -> String {
        let end = order.firstIndex(of: periodID)!
        for period in order[max(0, end - award.consecutive + 1)...end] {
            guard let result = results[period], result.hasResults else { continue }
            guard let a = result.alliance(id), a.status == .evaluated else { return "it was not evaluated in \(period)" }
            if a.band?.id != award.band { return "the vault has it in band \"\(a.band?.id ?? "none")\" in \(period)" }
        }
        return "its band history does not give \(award.band) in \(award.consecutive) consecutive periods"
    }
}
