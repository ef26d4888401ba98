/// Every alliance on the roster of a period the vault scores itself says where it
/// stands (`participation status=…`), and once entries are closed it is evaluated,
/// incomplete or no-data (docs/scoring.md#participation).
public enum ParticipationRule: VaultRule {
    public static let description = RuleDescription(
        id: "participation",
        summary: "an alliance's record file lacks its participation status, or is still open or entered after entries closed",
        rationale: "a record file without a status is silently left out of scoring; after the secretariat closes entries, every alliance must be evaluated, incomplete or no-data before the period can be scored",
        summaryZH: "联盟的记录文件没有写明参评状态，或在填报截止后仍为 open 或 entered",
        rationaleZH: "没有参评状态的记录文件会被悄悄排除在评分之外；秘书处截止填报后，每个联盟都必须是 evaluated（参评）、incomplete（信息填报不完整）或 no-data（未填报），评价期才能评分",
        severity: .error,
        triggering: [
            RuleExample(["vault/alliances/乙/alliance.txt": "alliance code=111 batch=1 name=\"乙产业技术创新战略联盟\" short=乙\n",
                         "vault/alliances/乙/2023.txt": "↓2023-03-01 meeting type=council title=\"第一次理事会\"\n"]),
            RuleExample(["vault/periods/2023.txt": "period start=2023-01-01 end=2023-12-31 schema=test roster=2 entries-closed=2023-12-31\n",
                         "vault/alliances/示例/2023.txt": "participation ↓status=entered group=A\n2023-03-01 meeting type=council title=\"第一次理事会\"\n"]),
        ],
        nonTriggering: [
            RuleExample(["vault/alliances/乙/alliance.txt": "alliance code=111 batch=1 name=\"乙产业技术创新战略联盟\" short=乙\n",
                         "vault/alliances/乙/2023.txt": "participation status=entered\n2023-03-01 meeting type=council title=\"第一次理事会\"\n"]),
            RuleExample(["vault/periods/2023.txt": "period start=2023-01-01 end=2023-12-31 schema=test roster=2 entries-closed=2023-12-31\n",
                         "vault/alliances/示例/2023.txt": "participation status=evaluated group=A\n2023-03-01 meeting type=council title=\"第一次理事会\"\n"]),
        ])

    /// Whether the vault scores `period` itself: no record file of it holds a `published`
    /// line (a published table), and something says the vault runs it: a participation
    /// line, a review file or `entries-closed=`. Historical periods that only hold facts
    /// (2014, 2018, 2019 in the shipped vault) are neither.
    public static func scoredByVault(_ files: [BoundFile], _ period: Period) -> Bool {
        var started = !period.reviews.isEmpty || period.entriesClosed != nil
        for file in files {
            if !file.records(of: "published").isEmpty { return false }
            if !started, file.writes(kind: "participation") { started = true }
        }
        return started
    }

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var byPeriod: [String: [BoundFile]] = [:]
        for alliance in vault.orderedAlliances {
            for (periodID, file) in alliance.records { byPeriod[periodID, default: []].append(file) }
        }
        var found: [Diagnostic] = []
        for (periodID, files) in byPeriod {
            guard let period = vault.periods[periodID], scoredByVault(files, period) else { continue }
            for file in files {
                let alliance = file.path.split(separator: "/").dropFirst(2).first.map(String.init) ?? file.path
                let lines = file.records(of: "participation")
                guard let line = lines.first else {
                    // A participation line with an error is reported where it stands (bad-value …).
                    if file.writes(kind: "participation") { continue }
                    found.append(description.fileDiagnostic(file.path,
                        noParticipation(["alliance": .text(alliance), "period": .text(periodID)]), hint: addParticipation()))
                    continue
                }
                guard let closed = period.entriesClosed, let status = file.text(line, "status"),
                      status == Participation.open.rawValue || status == Participation.entered.rawValue else { continue }
                found.append(file.site(line).diagnostic(description, at: file.offset(of: "status", in: line),
                    stillOpen(["alliance": .text(alliance), "status": .text(status), "period": .text(periodID), "closed": .text("\(closed)")]),
                    hint: settleStatus(["period": .text(periodID)])))
            }
        }
        return found
    }


    static let noParticipation = MessageTemplate(
        "participation.missing", en: "{alliance} has a record file for {period} but no participation line, so it is left out of scoring",
        zh: "{alliance} 有 {period} 评价期的记录文件，但没有 participation 行，因此未纳入评分")
    static let addParticipation = MessageTemplate(
        "participation.missing.hint",
        en: "add `participation status=entered` (or open, incomplete, no-data, evaluated: docs/scoring.md#participation) as the file's first line",
        zh: "请在文件第一行写上 `participation status=entered`（或 open、incomplete、no-data、evaluated，见 docs/scoring.md#participation）")
    static let stillOpen = MessageTemplate(
        "participation.after-close", en: "{alliance} is still \"{status}\" in {period}, whose entries closed on {closed}",
        zh: "{alliance} 在 {period} 评价期仍为“{status}”，而该评价期已于 {closed} 截止填报")
    static let settleStatus = MessageTemplate(
        "participation.after-close.hint",
        en: "set status=evaluated (its entries are complete), incomplete or no-data; or remove entries-closed= from vault/periods/{period}.txt to reopen entries",
        zh: "请改为 status=evaluated（填报完整）、incomplete 或 no-data；如要重新开放填报，请删去 vault/periods/{period}.txt 中的 entries-closed=")

    public static let messages = [noParticipation, addParticipation, stillOpen, settleStatus]
}
