/// `vault report --alliance ID --format json`: the shape docs/formats.md lists
/// under "history".
public enum HistoryJSON {
    public static func render(_ h: AllianceHistory) -> String {
        JSONWriter.document([
            ("alliance", JSONWriter.object([("id", JSONWriter.quote(h.id)), ("name", JSONWriter.quote(h.name)),
                                            ("code", JSONWriter.optional(h.code)), ("batch", JSONWriter.optional(h.batch))])),
            ("periods", JSONWriter.array(h.entries.map(entry))),
        ]) + "\n"
    }

    static func source(_ s: AllianceHistory.Source?) -> String {
        guard let s else { return "null" }
        return JSONWriter.object([("citation", JSONWriter.optional(s.citation)), ("path", JSONWriter.optional(s.path)),
                                  ("line", s.line.map(String.init) ?? "null"), ("note", JSONWriter.quote(s.note))])
    }

    static func entry(_ e: AllianceHistory.Entry) -> String {
        let awards = e.awards.map { a in
            let (status, missing): (String, [String]) = switch a.status {
            case .earned: ("earned", [])
            case .notEarned: ("not-earned", [])
            case .unknown(let periods): ("unknown", periods.map { $0.message.text(.en) })
            }
            return JSONWriter.object([("award", JSONWriter.quote(a.id)), ("label", JSONWriter.quote(a.label)),
                                      ("status", JSONWriter.quote(status)),
                                      ("periodsWithoutResults", JSONWriter.array(missing.map(JSONWriter.quote))),
                                      ("designation", source(a.designation))])
        }
        let honours = e.honours.map { o in
            JSONWriter.object([("title", JSONWriter.quote(o.title)), ("date", JSONWriter.optional(o.date?.description)),
                               ("source", source(o.source))])
        }
        return JSONWriter.object([
            ("period", JSONWriter.quote(e.period)), ("start", JSONWriter.optional(e.start?.description)),
            ("end", JSONWriter.optional(e.end?.description)), ("hasResults", e.periodHasResults ? "true" : "false"),
            ("status", JSONWriter.quote(e.status.rawValue)),
            ("printedName", JSONWriter.optional(e.printedName)), ("printedCode", JSONWriter.optional(e.printedCode)),
            ("score", e.score?.description ?? "null"), ("scoreSource", source(e.scoreSource)),
            ("band", JSONWriter.optional(e.band?.id)), ("bandLabel", JSONWriter.optional(e.band?.label)),
            ("bandSource", source(e.bandSource)),
            ("rank", e.rank.map(String.init) ?? "null"), ("rankedCount", String(e.rankedCount)), ("rankSource", source(e.rankSource)),
            ("awards", JSONWriter.array(awards)), ("honours", JSONWriter.array(honours)),
        ])
    }
}
