/// One alliance in two lists of the same period (evaluated and not evaluated, say).
public enum ListedTwiceRule: FileRule {
    public static let description = RuleDescription(
        id: "listed-twice",
        summary: "an alliance appears in two lists of the same period",
        rationale: "an alliance cannot be both evaluated and not evaluated; the vault counts it as evaluated and keeps both printed rows visible",
        summaryZH: "同一联盟出现在同一评价期的两份名单中",
        rationaleZH: "一个联盟不能既参评又未纳入评价；vault 按参评计算它，并保留印出的两行，让人看得见",
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
                    listedTwice(["table": .text(table), "other": .text(other), "line": .text("\(otherLine)")]), hint: keepBoth()))
            }
            if tables[table] == nil { tables[table] = line }
        }
        return found
    }

    static let listedTwice = MessageTemplate(
        "listed-twice.listed", en: "listed in {table} and also in {other} (line {line}) for the same period",
        zh: "同一评价期中，既列在 {table} 中，又列在 {other} 中（第 {line} 行）")
    static let keepBoth = MessageTemplate(
        "listed-twice.listed.hint", en: "keep both rows as printed and acknowledge it: # vault-allow listed-twice: REASON",
        zh: "请按原样保留这两行，并加豁免注释：# vault-allow listed-twice: 理由")

    public static let messages = [listedTwice, keepBoth]
}
