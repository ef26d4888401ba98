/// `vault report --format json`: the stable shape documented in docs/report.md.
public enum ReportJSON {
    public static func render(_ r: PeriodReport) -> String {
        let s = r.statistics
        func pct(_ value: FixedDecimal?) -> String { value?.description ?? "null" }
        let bands = JSONWriter.array(s.bands.map { b in
            JSONWriter.object([("band", JSONWriter.quote(b.band.id)), ("label", JSONWriter.quote(b.band.label)),
                               ("count", String(b.count)), ("percentOfEvaluated", pct(b.percentOfEvaluated)),
                               ("percentOfInScope", pct(b.percentOfInScope))])
        })
        let batches = JSONWriter.array(s.batches.map { batch in
            JSONWriter.object([
                ("batch", JSONWriter.quote(batch.batch)), ("inScope", batch.inScope.map(String.init) ?? "null"),
                ("evaluated", String(batch.evaluated)),
                ("bands", JSONWriter.array(batch.bands.map { b in
                    JSONWriter.object([("band", JSONWriter.quote(b.band.id)), ("count", String(b.count)),
                                       ("percentOfEvaluated", pct(b.percentOfEvaluated)), ("percentOfInScope", pct(b.percentOfInScope))])
                })),
            ])
        })
        let results = JSONWriter.array(r.groups.flatMap(\.rows).map { a in
            JSONWriter.object([("rank", String(a.rank!)), ("code", JSONWriter.optional(a.printedCode ?? a.code)),
                               ("name", JSONWriter.quote(a.printedName ?? a.name)),
                               ("score", a.score?.description ?? "null"), ("band", JSONWriter.optional(a.band?.id))])
        })
        let notEvaluated = JSONWriter.array(r.notEvaluated.map { n in
            JSONWriter.object([("name", JSONWriter.quote(n.name)), ("code", JSONWriter.optional(n.code)),
                               ("status", JSONWriter.quote(n.status.rawValue)), ("reason", JSONWriter.optional(n.reason))])
        })
        let aLevel = JSONWriter.array(r.aLevel.map { a in
            let check: String, missing: [String]
            switch a.check {
            case .earned: (check, missing) = ("earned", [])
            case .notEarned: (check, missing) = ("not-earned", [])
            case .unknown(let periods): (check, missing) = ("unknown", periods)
            }
            return JSONWriter.object([("name", JSONWriter.quote(a.name)), ("code", JSONWriter.optional(a.code)),
                                      ("periods", JSONWriter.array(a.periods.map(JSONWriter.quote))),
                                      ("check", JSONWriter.quote(check)),
                                      ("periodsWithoutResults", JSONWriter.array(missing.map(JSONWriter.quote)))])
        })
        let activity = JSONWriter.array(s.activity.filter { $0.count > 0 }.map { a in
            JSONWriter.object([("kind", JSONWriter.quote(a.kind)), ("type", JSONWriter.optional(a.type)), ("count", String(a.count)),
                               ("fundingYiYuan", a.funding.map { Money.yiYuan($0) } ?? "null")])
        })
        let discrepancies = JSONWriter.array(r.discrepancies.map { d in
            JSONWriter.object([("figure", JSONWriter.quote(d.figure)), ("source", JSONWriter.quote(d.source)),
                               ("published", d.published), ("vault", d.vault),
                               ("path", JSONWriter.quote(d.location.path)), ("line", String(d.location.line))])
        })
        let top = r.topTwo
        return JSONWriter.document([
            ("period", JSONWriter.quote(r.period.id)), ("title", JSONWriter.quote(r.title)),
            ("inScope", String(s.inScope)), ("enteredData", String(s.enteredData)),
            ("evaluated", String(s.evaluated)), ("notEvaluated", String(s.notEvaluated)),
            ("bands", bands),
            ("highAndFairlyHigh", JSONWriter.object([("count", String(top.count)), ("percentOfEvaluated", pct(top.percentOfEvaluated)),
                                                     ("percentOfInScope", pct(top.percentOfInScope))])),
            ("batches", batches), ("results", results), ("notEvaluatedList", notEvaluated),
            ("aLevel", aLevel), ("activity", activity), ("discrepancies", discrepancies),
            ("history", historyJSON(r.history)),
        ]) + "\n"
    }
}
