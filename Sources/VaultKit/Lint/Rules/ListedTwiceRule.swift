/// One alliance in two lists of the same period (evaluated and not evaluated, say).
public enum ListedTwiceRule: FileRule {
    public static let description = RuleDescription(
        id: "listed-twice",
        summary: "an alliance appears in two lists of the same period",
        rationale: "an alliance cannot be both evaluated and not evaluated; the vault counts it as evaluated and keeps both printed rows visible",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=incomplete seq=3 source=report:annex-2\n↓published status=evaluated score=57 seq=63 source=report:annex-3\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=57 seq=63 source=report:annex-3\n"),
        ])

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        let published = file.records(of: "published")
        guard published.count > 1 else { return [] }
        var found: [Diagnostic] = []
        var tables: [String: Int32] = [:]
        for record in published {
            let table = file.text(record, "source") ?? ""
            let line = record.number
            if tables.isEmpty == false, tables[table] == nil {
                let (other, otherLine) = tables.min { $0.value < $1.value }!
                found.append(file.site(record).diagnostic(description, at: Int(record.start),
                    "listed in \(table) and also in \(other) (line \(otherLine)) for the same period",
                    hint: "keep both rows as printed and acknowledge it: # vault-allow listed-twice: REASON"))
            }
            if tables[table] == nil { tables[table] = line }
        }
        return found
    }
}
