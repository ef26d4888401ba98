/// The same alliance printed twice in one table of a report.
public enum RepeatedRowRule: FileRule {
    public static let description = RuleDescription(
        id: "repeated-row",
        summary: "a table prints the same alliance twice",
        rationale: "a repeated row inflates the table's count; both rows are kept as printed, the alliance is counted once, and the repeat is acknowledged",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=incomplete seq=15 source=report:annex-2\n↓published status=incomplete seq=17 source=report:annex-2\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "published status=incomplete seq=15 source=report:annex-2\n"),
        ])

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        var first: [String: Int32] = [:]
        var found: [Diagnostic] = []
        for record in file.records(of: "published") {
            let table = file.text(record, "source") ?? ""
            let line = record.number
            if let earlier = first[table] {
                found.append(file.site(record).diagnostic(description, at: Int(record.start),
                    "\(table) prints this alliance again (first on line \(earlier))",
                    hint: "keep both rows as printed and acknowledge it: # vault-allow repeated-row: REASON"))
            } else {
                first[table] = line
            }
        }
        return found
    }
}
