import VaultKit

/// `vault period new ID --start YYYY-MM-DD --end YYYY-MM-DD [--schema ID] [--from PERIOD]`.
struct PeriodCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        guard let start = parsed.values["--start"], let end = parsed.values["--end"] else {
            throw UsageError(message: Self.needsDate(["option": .text(parsed.values["--start"] == nil ? "--start" : "--end")]),
                             usage: Commands.usage(of: "period new"))
        }
        guard let fs = openProject(directory) else { return .usage }
        let request = PeriodOpener.Request(id: parsed.positionals[0], start: start, end: end,
                                           schema: parsed.values["--schema"], from: parsed.values["--from"])
        do throws(PeriodOpener.Refusal) {
            let l = invocation.language
            let plan = try PeriodOpener.open(request, root: fs.root)
            let t = Escape.terminal
            let batches = plan.batchRoster.map {
                ($0.batch == "later" ? Self.later(["count": .count($0.count)]) : Self.batch(["batch": .text($0.batch), "count": .count($0.count)])).text(l)
            }
            let threshold = plan.threshold.map { Self.threshold(["threshold": .text(t($0))]).text(l) } ?? ""
            let basis = plan.basis.map { Self.basis(["from": .text(t($0))]).text(l) } ?? ""
            Terminal.write(Self.wrotePeriod(["path": .text(plan.periodPath), "start": .text("\(plan.start)"), "end": .text("\(plan.end)"),
                                             "schema": .text(t(plan.schema)), "threshold": .text(threshold), "basis": .text(basis)]).text(l) + "\n")
            Terminal.write(Self.roster(["roster": .count(plan.roster), "batches": .list(batches)]).text(l) + "\n")
            if let from = plan.carriedFrom {
                Terminal.write(Self.carried(["from": .text(t(from)), "experts": .count(plan.experts), "secretariat": .count(plan.secretariat)]).text(l) + "\n")
            }
            Terminal.write(Self.wroteRecords(["count": .count(plan.recordFiles.count), "id": .text(plan.id)]).text(l) + "\n")
            Terminal.write(Self.next().text(l) + "\n")
            return .clean
        } catch {
            Terminal.failure(error.message.text(Terminal.language), hint: error.hint?.text(Terminal.language))
            return .usage
        }
    }

    static let needsDate = MessageTemplate(
        "cli.period-new.needs-date", en: "period new needs {option} YYYY-MM-DD", zh: "period new 需要 {option} YYYY-MM-DD")
    static let wrotePeriod = MessageTemplate(
        "cli.period-new.wrote", en: "wrote {path}: {start} to {end}, schema {schema}{threshold}{basis}",
        zh: "已写出 {path}：{start} 至 {end}，指标体系 {schema}{threshold}{basis}")
    static let threshold = MessageTemplate("cli.period-new.threshold", en: ", threshold {threshold}", zh: "，复核阈值 {threshold}")
    static let basis = MessageTemplate("cli.period-new.basis", en: " (from {from})", zh: "（沿用 {from}）")
    static let roster = MessageTemplate("cli.period-new.roster", en: "  roster {roster}: {batches}", zh: "  参评名单 {roster} 个：{batches}")
    static let batch = MessageTemplate("cli.period-new.batch", en: "batch {batch} {count}", zh: "第{batch}批 {count} 个")
    static let later = MessageTemplate("cli.period-new.later", en: "later {count}", zh: "后续加入 {count} 个")
    static let carried = MessageTemplate(
        "cli.period-new.carried",
        en: "  carried over from {from}: {experts} {experts|expert|experts}, {secretariat} secretariat {secretariat|member|members}",
        zh: "  沿用 {from}：专家 {experts} 位，秘书处成员 {secretariat} 位")
    static let wroteRecords = MessageTemplate(
        "cli.period-new.records", en: "wrote {count} record files vault/alliances/*/{id}.txt: participation status=open",
        zh: "已写出 {count} 个记录文件 vault/alliances/*/{id}.txt：participation status=open")
    static let next = MessageTemplate(
        "cli.period-new.next", en: "next: each alliance enters its records and sets status=entered (docs/scoring.md#participation)",
        zh: "下一步：各联盟填报记录，并写上 status=entered（docs/scoring.md#participation）")
    static let messages = [needsDate, wrotePeriod, threshold, basis, roster, batch, later, carried, wroteRecords, next]
}
