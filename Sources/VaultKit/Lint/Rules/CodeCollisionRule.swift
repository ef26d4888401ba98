/// Two alliances under one code: in their metadata, or as printed in one period's
/// published lists.
public enum CodeCollisionRule: VaultRule {
    public static let description = RuleDescription(
        id: "code-collision",
        summary: "two alliances carry the same code",
        rationale: "codes identify alliances in the reports; when two share one, a report row cannot be traced to its alliance. The reports do print colliding codes: keep them as printed and acknowledge each with a reason",
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
        var byCode: [String: [Use]] = [:]
        for alliance in vault.orderedAlliances {
            let id = alliance.id
            guard let file = alliance.metadata, let record = file.records(of: "alliance").first,
                  let code = file.text(record, "code") else { continue }
            byCode[code, default: []].append(Use(alliance: id, file: file, record: record))
        }
        var found = report(byCode, what: "code")
        for period in vault.periodIDs {
            var printed: [String: [Use]] = [:]
            for alliance in vault.orderedAlliances {
                let id = alliance.id
                guard let file = alliance.records[period] else { continue }
                for record in file.records(of: "published") {
                    guard let code = file.text(record, "code") else { continue }
                    printed[code, default: []].append(Use(alliance: id, file: file, record: record))
                }
            }
            found += report(printed, what: "printed code in period \(period)")
        }
        return found
    }

    static func report(_ uses: [String: [Use]], what: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (code, list) in uses where Set(list.map(\.alliance)).count > 1 {
            for use in list {
                let others = list.filter { $0.alliance != use.alliance }
                    .map { "\($0.alliance) (\($0.file.path):\($0.record.number))" }
                found.append(use.file.site(use.record).diagnostic(description, at: use.file.offset(of: "code", in: use.record),
                    "\(what) \(code) is also used by \(others.joined(separator: ", "))",
                    hint: "if the source printed it so, keep it and acknowledge it: # vault-allow code-collision: REASON"))
            }
        }
        return found
    }
}
