/// The same alliance printed twice in one table of a report.
public enum RepeatedRowRule: FileRule {
    public static let description = RuleDescription(
        id: "repeated-row",
        summary: "a table prints the same alliance twice",
        rationale: "a repeated row inflates the table's count; both rows are kept as printed, the alliance is counted once, and the repeat is acknowledged",
        summaryZH: "一张表把同一联盟列了两次",
        rationaleZH: "重复的一行会让表中的数目偏多；两行都按原样保留，该联盟只计一次，并加豁免注释说明重复",
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
                    printedAgain(["table": .text(table), "line": .text("\(earlier)")]), hint: keepBoth()))
            } else {
                first[table] = line
            }
        }
        return found
    }

    static let printedAgain = MessageTemplate(
        "repeated-row.again", en: "{table} prints this alliance again (first on line {line})", zh: "{table} 再次列出了该联盟（首次在第 {line} 行）")
    static let keepBoth = MessageTemplate(
        "repeated-row.again.hint", en: "keep both rows as printed and acknowledge it: # vault-allow repeated-row: REASON",
        zh: "请按原样保留这两行，并加豁免注释：# vault-allow repeated-row: 理由")

    public static let messages = [printedAgain, keepBoth]
}
