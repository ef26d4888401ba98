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
            return report(uses, what: "printed code in period \(period)")
        }
        return report(metadata, what: "code") + printed.joined()
    }

    static func report(_ uses: [(code: String, use: Use)], what: String) -> [Diagnostic] {
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
                    .map { "\($0.alliance) (\($0.file.path):\($0.record.number))" }
                found.append(use.file.site(use.record).diagnostic(description, at: use.file.offset(of: "code", in: use.record),
                    "\(what) \(code) is also used by \(others.joined(separator: ", "))",
                    hint: "if the source printed it so, keep it and acknowledge it: # vault-allow code-collision: REASON"))
            }
        }
        return found
    }
}
