/// Two alliances under one code: in their metadata, or as printed in one period's
/// published lists.
public enum CodeCollisionRule: VaultRule {
    public static let description = RuleDescription(
        id: "code-collision",
        summary: "two alliances carry the same code",
        rationale: "codes identify alliances in the reports; when two share one, a report row cannot be traced to its alliance. The reports do print colliding codes: keep them as printed and acknowledge each with a reason",
        summaryZH: "两个联盟使用了同一个编号",
        rationaleZH: "报告中用编号指代联盟；两个联盟共用一个编号时，报告中的一行就无法对应到联盟。报告确实印过重复的编号：请照印刷保留，并逐一用豁免注释写明理由",
        severity: .error,
        triggering: [
            RuleExample(["vault/alliances/示例/alliance.txt": "alliance ↓code=110 batch=1 name=示例\n",
                         "vault/alliances/另一/alliance.txt": "alliance code=110 batch=1 name=另一\n"]),
            RuleExample(["vault/alliances/示例/2023.txt": "published status=evaluated score=90 ↓code=201 source=report:annex\n",
                         "vault/alliances/示例/alliance.txt": "alliance name=示例\n",
                         "vault/alliances/另一/alliance.txt": "alliance name=另一\n",
                         "vault/alliances/另一/2023.txt": "published status=evaluated score=80 code=201 source=report:annex\n"]),
        ],
        nonTriggering: [
            RuleExample(["vault/alliances/另一/alliance.txt": "alliance code=111 batch=1 name=另一\n",
                         "vault/alliances/示例/2023.txt": "published status=evaluated score=90 code=110 source=report:annex\n",
                         "vault/alliances/另一/2023.txt": "published status=evaluated score=80 code=111 source=report:annex\n"]),
        ])

    /// One place a code is written: the alliance, the file and record, for the message and location.
    struct Use {
        var alliance: String
        var file: BoundFile
        var record: Record
    }

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var metadata: [(code: String, use: Use)] = []
        for alliance in vault.orderedAlliances {
            guard let file = alliance.metadata, let record = file.records(of: "alliance").first,
                  let code = file.text(record, "code") else { continue }
            metadata.append((code, Use(alliance: alliance.id, file: file, record: record)))
        }
        // Each period's printed codes are checked on their own, so the periods run in parallel.
        let printed = parallelMap(vault.periodIDs) { period in
            var uses: [(code: String, use: Use)] = []
            for alliance in vault.orderedAlliances {
                guard let file = alliance.records[period] else { continue }
                for record in file.records(of: "published") {
                    guard let code = file.text(record, "code") else { continue }
                    uses.append((code, Use(alliance: alliance.id, file: file, record: record)))
                }
            }
            return report(uses, what: printedCode, period: period)
        }
        return report(metadata, what: code, period: nil) + printed.joined()
    }

    /// `what`: the message for a metadata code or a period's printed code (`period`).
    static func report(_ uses: [(code: String, use: Use)], what: MessageTemplate, period: String?) -> [Diagnostic] {
        // Most codes are written once: the first use of each code is kept, and a list
        // of uses is made only for a code that comes again (a list for every code was
        // an allocation per alliance).
        var first: [String: Int] = [:]
        first.reserveCapacity(uses.count)
        var repeated: [String: [Int]] = [:]
        for (index, entry) in uses.enumerated() {
            if let earlier = first[entry.code] {
                repeated[entry.code, default: [earlier]].append(index)
            } else {
                first[entry.code] = index
            }
        }
        var found: [Diagnostic] = []
        for (code, indices) in repeated {
            let list = indices.map { uses[$0].use }
            guard Set(list.map(\.alliance)).count > 1 else { continue }
            for use in list {
                let others = list.filter { $0.alliance != use.alliance }
                    .map { useAt(["alliance": .text($0.alliance), "place": .text("\($0.file.path):\($0.record.number)")]) }
                found.append(use.file.site(use.record).diagnostic(description, at: use.file.offset(of: "code", in: use.record),
                    what(["code": .text(code), "period": .text(period ?? ""), "others": .messages(others)]), hint: keepAndAllow()))
            }
        }
        return found
    }

    static let code = MessageTemplate(
        "code-collision.code", en: "code {code} is also used by {others}", zh: "编号 {code} 也被{others}使用")
    static let printedCode = MessageTemplate(
        "code-collision.printed", en: "printed code in period {period} {code} is also used by {others}",
        zh: "评价期 {period} 公布的编号 {code} 也被{others}使用")
    static let useAt = MessageTemplate("code-collision.use", en: "{alliance} ({place})", zh: "{alliance}（{place}）")
    static let keepAndAllow = MessageTemplate(
        "code-collision.code.hint", en: "if the source printed it so, keep it and acknowledge it: # vault-allow code-collision: REASON",
        zh: "如果来源报告就是这样印的，请照印刷保留，并加豁免注释：# vault-allow code-collision: 理由")

    public static let messages = [code, printedCode, useAt, keepAndAllow]
}
