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
        let q = JSONWriter.quote
        let strings = { (list: [String]) in JSONWriter.array(list.map(q)) }
        let notEvaluated = JSONWriter.array(r.notEvaluated.rows.map { n in
            JSONWriter.object([("seq", n.seq.map(String.init) ?? "null"), ("name", q(n.name)), ("code", JSONWriter.optional(n.code)),
                               ("status", q(n.status)), ("reason", q(n.reason)), ("notes", strings(n.notes))])
        })
        let panel = JSONWriter.array(r.panel.members.map { m in
            JSONWriter.object([("id", q(m.id)), ("name", q(m.name)), ("role", q(m.role)), ("affiliation", JSONWriter.optional(m.affiliation)),
                               ("alliances", strings(m.alliances)), ("ties", strings(m.ties))])
        })
        let published = JSONWriter.array(r.published.map { f in
            return JSONWriter.object([
                ("section", q(f.section)), ("label", q(f.label)), ("figure", q(f.stat)), ("source", q(f.source)),
                ("published", f.published), ("atLeast", f.atLeast ? "true" : "false"), ("vault", f.vault ?? "null"), ("check", q(f.check.word)),
                ("mark", q(f.check.mark)), ("reason", JSONWriter.optional(f.check.reason)), ("note", JSONWriter.optional(f.note)),
                ("path", q(f.location.path)), ("line", String(f.location.line)),
            ])
        })
        let aLevel = JSONWriter.array(r.aLevel.map { a in
            let check: String, missing: [String]
            switch a.check {
            case .earned: (check, missing) = ("earned", [])
            case .notEarned: (check, missing) = ("not-earned", [])
            case .unknown(let periods): (check, missing) = ("unknown", periods.map { $0.message.text(.en) })
            }
            return JSONWriter.object([("name", JSONWriter.quote(a.name)), ("code", JSONWriter.optional(a.code)),
                                      ("periods", JSONWriter.array(a.periods.map(JSONWriter.quote))),
                                      ("check", JSONWriter.quote(check)),
                                      ("periodsWithoutResults", JSONWriter.array(missing.map(JSONWriter.quote)))])
        })
        let activity = JSONWriter.array(s.activity.filter { $0.count > 0 }.map { a in
            JSONWriter.object([("kind", q(a.kind)), ("type", JSONWriter.optional(a.type)), ("label", q(r.words.kind(a.kind, type: a.type))),
                               ("count", String(describing: a.count)), ("fundingYiYuan", a.funding.map { Money.yiYuan($0) } ?? "null")])
        })
        let indicatorActivity = JSONWriter.array(r.indicatorActivity.map { a in
            JSONWriter.object([("indicator", q(a.indicator.id)), ("title", q(a.indicator.title)),
                               ("bands", JSONWriter.array(r.schema.bands.map {
                                   JSONWriter.object([("band", q($0.id)), ("alliances", String(a.alliancesByBand[$0.id] ?? 0))])
                               }))])
        })
        let discrepancies = JSONWriter.array(r.discrepancies.map { d in
            JSONWriter.object([("figure", q(d.stat)), ("label", q(d.label)), ("source", q(d.source)),
                               ("published", d.published), ("vault", d.vault ?? "null"),
                               ("path", q(d.location.path)), ("line", String(d.location.line)), ("mark", q(d.check.mark)),
                               ("reason", JSONWriter.optional(d.check.reason))])
        })
        let byBatch = JSONWriter.array(r.aLevelByBatch.map { JSONWriter.object([("batch", q($0.batch)), ("count", String($0.count))]) })
        let sections = JSONWriter.array(r.sections.map { JSONWriter.object([("id", q($0.id)), ("title", q($0.title))]) })
        let top = r.topTwo
        return JSONWriter.document([
            ("period", JSONWriter.quote(r.period.id)), ("title", JSONWriter.quote(r.title)),
            ("hasResults", r.hasResults ? "true" : "false"), ("sections", sections),
            ("inScope", String(s.inScope)), ("enteredData", String(s.enteredData)),
            ("evaluated", String(s.evaluated)), ("incomplete", String(r.incomplete)), ("noData", String(s.inScope - s.enteredData)),
            ("notEvaluated", String(s.notEvaluated)),
            ("bands", bands),
            ("highAndFairlyHigh", JSONWriter.object([("count", String(top.count)), ("percentOfEvaluated", pct(top.percentOfEvaluated)),
                                                     ("percentOfInScope", pct(top.percentOfInScope))])),
            ("batches", batches), ("results", results),
            ("scoreDistribution", JSONWriter.object([("bins", JSONWriter.array(r.histogram.map(String.init))), ("unscored", String(r.unscored))])),
            ("notEvaluatedList", notEvaluated),
            ("notEvaluatedNamed", String(r.notEvaluated.named)), ("notEvaluatedUnnamed", String(r.notEvaluated.unnamed)),
            ("aLevel", aLevel), ("aLevelByBatch", byBatch), ("panel", panel), ("activity", activity),
            ("indicatorActivity", indicatorActivity), ("published", published), ("discrepancies", discrepancies),
            ("history", historyJSON(r.history)),
        ]) + "\n"
    }
}
