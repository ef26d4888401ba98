/// `vault stats PERIOD`: the figures the reports publish, as text or JSON.
public enum StatsReport {
    public static func text(_ s: PeriodStatistics, language l: Language = .en) -> String {
        var out = period(["period": .text(Escape.terminal(s.period))]).text(l) + "\n"
        out += (s.rosterStated ? inScope : inScopeNoRoster)(["count": .count(s.inScope)]).text(l) + "\n"
        out += entered(["count": .count(s.enteredData)]).text(l) + "\n" + evaluated(["count": .count(s.evaluated)]).text(l) + "\n"
        out += notEvaluated(["count": .count(s.notEvaluated)]).text(l) + "\n"
        out += "\n" + bandsHeading().text(l) + "\n"
        out += indent(TextTable.render(s.bands.map { row($0, l) }, rightAligned: [1, 2, 3]))
        for batch in s.batches where batch.evaluated > 0 || batch.inScope != nil {
            let name = MessageArgument.message(batch.batch == "later" ? laterName() : batchName(["batch": .text(Escape.terminal(batch.batch))]))
            let count = MessageArgument.count(batch.evaluated)
            out += "\n" + (batch.inScope.map { batchOf(["batch": name, "count": count, "inScope": .count($0)]) }
                ?? batchNoRoster(["batch": name, "count": count])).text(l) + "\n"
            out += indent(TextTable.render(batch.bands.map { row($0, l) }, rightAligned: [1, 2, 3]))
        }
        for (award, count) in s.awards.sorted(by: { $0.key < $1.key }) {
            let name = MessageArgument.text(Escape.terminal(award))
            if let count { out += "\n" + awardCount(["award": name, "count": .count(count)]).text(l) + "\n"; continue }
            let u = s.awardsUnknown[award]!
            let periods = MessageArgument.list(u.periods.map { Escape.terminal($0.message.text(l)) })
            out += "\n" + (u.earned > 0 ? awardUnknownEarned(["award": name, "periods": periods, "earned": .count(u.earned), "undecided": .count(u.undecided)])
                : awardUnknown(["award": name, "periods": periods, "undecided": .count(u.undecided)])).text(l) + "\n"
        }
        let active = s.activity.filter { $0.count > 0 }
        if !active.isEmpty {
            out += "\n" + activityHeading().text(l) + "\n"
            let rows = active.map { a in
                [a.kind + (a.type.map { "[\($0)]" } ?? ""), String(a.count), a.funding.map { "\(Money.yiYuan($0)) 亿元" } ?? ""]
            }
            out += indent(TextTable.render(rows, rightAligned: [1, 2]))
        }
        return out
    }

    static let period = MessageTemplate("stats.period", en: "period {period}", zh: "评价期 {period}")
    static let inScope = MessageTemplate("stats.in-scope", en: "in scope: {count}", zh: "应参评：{count}")
    static let inScopeNoRoster = MessageTemplate(
        "stats.in-scope.no-roster", en: "in scope: {count} (alliances known to the vault; the period states no roster)",
        zh: "应参评：{count}（按数据库中的联盟计；评价期文件未写参评名单）")
    static let entered = MessageTemplate("stats.entered", en: "entered data: {count}", zh: "填报数据：{count}")
    static let evaluated = MessageTemplate("stats.evaluated", en: "evaluated: {count}", zh: "纳入评价：{count}")
    static let notEvaluated = MessageTemplate("stats.not-evaluated", en: "not evaluated: {count}", zh: "未纳入评价：{count}")
    static let bandsHeading = MessageTemplate(
        "stats.bands", en: "bands (count, % of evaluated, % of in scope):", zh: "各档次（个数、占纳入评价的比例、占应参评的比例）：")
    static let batchOf = MessageTemplate(
        "stats.batch", en: "batch {batch}: {count} evaluated of {inScope} in scope", zh: "{batch}：应参评 {inScope} 个，纳入评价 {count} 个")
    static let batchNoRoster = MessageTemplate(
        "stats.batch.no-roster", en: "batch {batch}: {count} evaluated (roster not stated)", zh: "{batch}：纳入评价 {count} 个（未写参评名单）")
    static let batchName = MessageTemplate("stats.batch.name", en: "{batch}", zh: "第{batch}批")
    /// The alliances that joined after the pilot batches, as the reports name them.
    static let laterName = MessageTemplate("stats.batch.later", en: "later", zh: "后续加入的联盟")
    static let awardCount = MessageTemplate("stats.award", en: "{award}: {count}", zh: "{award}：{count}")
    static let awardUnknownEarned = MessageTemplate(
        "stats.award.unknown.earned", en: "{award}: unknown (no results for {periods}; {earned} earned, {undecided} more cannot be checked)",
        zh: "{award}：无法判定（{periods} 没有结果；已获得 {earned} 个，另有 {undecided} 个无法核对）")
    static let awardUnknown = MessageTemplate(
        "stats.award.unknown", en: "{award}: unknown (no results for {periods}; {undecided} {undecided|alliance|alliances} cannot be checked)",
        zh: "{award}：无法判定（{periods} 没有结果；{undecided} 个联盟无法核对）")
    static let activityHeading = MessageTemplate("stats.activity", en: "activity:", zh: "活动情况：")
    static let messages = [period, inScope, inScopeNoRoster, entered, evaluated, notEvaluated, bandsHeading, batchOf, batchNoRoster, batchName, laterName,
                           awardCount, awardUnknownEarned, awardUnknown, activityHeading]

    static func row(_ b: PeriodStatistics.BandCount, _ l: Language) -> [String] {
        [ScoreTable.labelled(["label": .text(b.band.label), "id": .text(b.band.id)]).text(l), String(b.count), b.percentOfEvaluated.map { "\($0)%" } ?? "–",
         b.percentOfInScope.map { "\($0)%" } ?? "–"]
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
    }

    public static func json(_ s: PeriodStatistics) -> String {
        func bands(_ list: [PeriodStatistics.BandCount]) -> String {
            JSONWriter.array(list.map { b in
                JSONWriter.object([("band", JSONWriter.quote(b.band.id)), ("label", JSONWriter.quote(b.band.label)),
                                   ("count", String(b.count)),
                                   ("percentOfEvaluated", b.percentOfEvaluated?.description ?? "null"),
                                   ("percentOfInScope", b.percentOfInScope?.description ?? "null")])
            })
        }
        let batches = JSONWriter.array(s.batches.map { b in
            JSONWriter.object([("batch", JSONWriter.quote(b.batch)), ("inScope", b.inScope.map(String.init) ?? "null"),
                               ("evaluated", String(b.evaluated)), ("bands", bands(b.bands))])
        })
        let activity = JSONWriter.array(s.activity.map { a in
            JSONWriter.object([("kind", JSONWriter.quote(a.kind)), ("type", JSONWriter.optional(a.type)),
                               ("count", String(a.count)), ("fundingYiYuan", a.funding.map { Money.yiYuan($0) } ?? "null")])
        })
        let awards = JSONWriter.object(s.awards.sorted { $0.key < $1.key }.map { ($0.key, $0.value.map(String.init) ?? "null") })
        let unknown = JSONWriter.object(s.awardsUnknown.sorted { $0.key < $1.key }.map { award, u in
            (award, JSONWriter.object([("earned", String(u.earned)), ("cannotBeChecked", String(u.undecided)),
                                       ("periodsWithoutResults", JSONWriter.array(u.periods.map { JSONWriter.quote($0.message.text(.en)) }))]))
        })
        return JSONWriter.document([
            ("period", JSONWriter.quote(s.period)), ("inScope", String(s.inScope)), ("enteredData", String(s.enteredData)),
            ("evaluated", String(s.evaluated)), ("notEvaluated", String(s.notEvaluated)), ("bands", bands(s.bands)),
            ("batches", batches), ("awards", awards), ("awardsUnknown", unknown), ("activity", activity),
        ]) + "\n"
    }
}
