/// An alliance printed under a code other than its own.
public enum CodeDriftRule: VaultRule {
    public static let description = RuleDescription(
        id: "code-drift",
        summary: "a report printed an alliance under a code other than its own",
        rationale: "the same alliance under two codes breaks every per-batch figure and every cross-report comparison; the printed code is kept as printed, the alliance's own code is in alliance.txt, and the difference is acknowledged",
        summaryZH: "报告印出的联盟编号与该联盟自己的编号不同",
        rationaleZH: "同一联盟用两个编号，会打乱每一项分批次的数字和跨年度报告的比较；印出的编号按原样保留，联盟自己的编号写在 alliance.txt 中，两者的差异加豁免注释说明",
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
                        printedCode(["alliance": .text(id), "printed": .text(printed), "own": .text(own)]), hint: keepCode()))
                }
            }
        }
        return found
    }

    static let printedCode = MessageTemplate(
        "code-drift.code", en: "{alliance} is printed with code {printed}; its code is {own} (vault/alliances/{alliance}/alliance.txt)",
        zh: "{alliance} 印出的编号是 {printed}；它的编号是 {own}（vault/alliances/{alliance}/alliance.txt）")
    static let keepCode = MessageTemplate(
        "code-drift.code.hint", en: "keep the code as printed and acknowledge it: # vault-allow code-drift: REASON",
        zh: "请保留印出的编号，并加豁免注释：# vault-allow code-drift: 理由")

    public static let messages = [printedCode, keepCode]
}
