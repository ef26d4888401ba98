/// An alliance printed under a code other than its own.
public enum CodeDriftRule: VaultRule {
    public static let description = RuleDescription(
        id: "code-drift",
        summary: "a report printed an alliance under a code other than its own",
        rationale: "the same alliance under two codes breaks every per-batch figure and every cross-report comparison; the printed code is kept as printed, the alliance's own code is in alliance.txt, and the difference is acknowledged",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=90 ↓code=109 source=report:annex\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=90 code=110 source=report:annex\n"),
        ])

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for alliance in vault.orderedAlliances {
            let id = alliance.id
            guard let own = alliance.code else { continue }
            for periodID in alliance.records.keys.sorted() {
                let file = alliance.records[periodID]!
                for record in Array(file.records(of: "published")) + file.records(of: "designation") {
                    guard let printed = file.text(record, "code"), printed != own else { continue }
                    found.append(file.site(record).diagnostic(description, at: file.offset(of: "code", in: record),
                        "\(id) is printed with code \(printed); its code is \(own) (vault/alliances/\(id)/alliance.txt)",
                        hint: "keep the code as printed and acknowledge it: # vault-allow code-drift: REASON"))
                }
            }
        }
        return found
    }
}
