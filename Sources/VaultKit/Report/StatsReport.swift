/// `vault stats PERIOD`: the figures the reports publish, as text or JSON.
public enum StatsReport {
    public static func text(_ s: PeriodStatistics) -> String {
        var out = "period \(Escape.terminal(s.period))\n"
        out += "in scope: \(s.inScope)\(s.rosterStated ? "" : " (alliances known to the vault; the period states no roster)")\n"
        out += "entered data: \(s.enteredData)\nevaluated: \(s.evaluated)\nnot evaluated: \(s.notEvaluated)\n"
        out += "\nbands (count, % of evaluated, % of in scope):\n"
        out += indent(TextTable.render(s.bands.map(row), rightAligned: [1, 2, 3]))
        for batch in s.batches where batch.evaluated > 0 || batch.inScope != nil {
            out += "\nbatch \(Escape.terminal(batch.batch)): \(batch.evaluated) evaluated"
            out += batch.inScope.map { " of \($0) in scope\n" } ?? " (roster not stated)\n"
            out += indent(TextTable.render(batch.bands.map(row), rightAligned: [1, 2, 3]))
        }
        for (award, count) in s.awards.sorted(by: { $0.key < $1.key }) { out += "\n\(Escape.terminal(award)): \(count)\n" }
        let active = s.activity.filter { $0.count > 0 }
        if !active.isEmpty {
            out += "\nactivity:\n"
            let rows = active.map { a in
                [a.kind + (a.type.map { "[\($0)]" } ?? ""), String(a.count), a.funding.map { "\(Money.yiYuan($0)) 亿元" } ?? ""]
            }
            out += indent(TextTable.render(rows, rightAligned: [1, 2]))
        }
        return out
    }

    static func row(_ b: PeriodStatistics.BandCount) -> [String] {
        ["\(b.band.label) (\(b.band.id))", String(b.count), b.percentOfEvaluated.map { "\($0)%" } ?? "–",
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
        let awards = JSONWriter.object(s.awards.sorted { $0.key < $1.key }.map { ($0.key, String($0.value)) })
        return JSONWriter.document([
            ("period", JSONWriter.quote(s.period)), ("inScope", String(s.inScope)), ("enteredData", String(s.enteredData)),
            ("evaluated", String(s.evaluated)), ("notEvaluated", String(s.notEvaluated)), ("bands", bands(s.bands)),
            ("batches", batches), ("awards", awards), ("activity", activity),
        ]) + "\n"
    }
}
