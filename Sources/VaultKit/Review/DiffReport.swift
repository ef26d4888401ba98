/// `vault diff` output: text for a terminal, Markdown for a pull-request comment,
/// JSON for tools.
public enum DiffReport {
    static func standing(_ s: VaultDiff.Standing) -> String {
        guard s.status == "evaluated" else { return s.status }
        return [s.score.map { "score \($0)" }, s.band.map { "band \($0)" }, s.rank.map { "rank \($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// `score 96 → 98, band high, rank 3 → 2`: only what moved gets an arrow.
    static func movement(_ c: VaultDiff.AllianceChange) -> String {
        let o = c.old, n = c.new
        if o.status != n.status { return "\(standing(o)) → \(standing(n))" }
        var parts: [String] = []
        func part(_ name: String, _ x: String?, _ y: String?) {
            if x != y { parts.append("\(name) \(x ?? "–") → \(y ?? "–")") } else if let x { parts.append("\(name) \(x)") }
        }
        part("score", o.score, n.score)
        part("band", o.band, n.band)
        part("rank", o.rank.map(String.init), n.rank.map(String.init))
        return parts.joined(separator: ", ")
    }

    public static func text(_ d: VaultDiff) -> String {
        guard !d.isEmpty else { return "no score, band, rank or award changes between \(d.base) and \(d.head)\n" }
        var out = "changes from \(d.base) to \(d.head):\n"
        for c in d.changes {
            out += "\n\(c.period) \(c.alliance)\(c.code.map { " (\($0))" } ?? ""): \(movement(c))\n"
            for a in c.awards { out += "  \(a.award): \(a.old) → \(a.new)\n" }
            for i in c.indicators { out += "  \(i.id) \(i.title): \(i.old) → \(i.new)\n" }
            for l in c.lines { out += "  \(l.kind == .added ? "+" : "-") \(l.path):\(l.line)  \(l.text)\n" }
        }
        for t in d.trespasses { out += "\nwarning: \(t.path) is maintained by \(Owners.describe(t.owners)), not the author\n" }
        for s in d.schemas {
            out += "\nschema \(s.schema) changed (used by \(s.periods.joined(separator: ", "))):\n"
            for l in s.lines { out += "  \(l.kind == .added ? "+" : "-") \(l.path):\(l.line)  \(l.text)\n" }
        }
        return out
    }

    public static func markdown(_ d: VaultDiff) -> String {
        guard !d.isEmpty else { return "**vault diff**: no score, band, rank or award changes.\n" }
        let moved = Set(d.changes.map { "\($0.period)/\($0.alliance)" }).count
        var out = "### vault diff: \(moved) result\(moved == 1 ? "" : "s") moved\n\n"
        for t in d.trespasses { out += "> ⚠️ `\(t.path)` is maintained by \(Owners.describe(t.owners)), not the author of this change.\n\n" }
        out += "| period | alliance | score | band | rank | awards |\n|---|---|---:|---|---:|---|\n"
        func arrow(_ x: String?, _ y: String?) -> String { x == y ? (x ?? "") : "\(x ?? "–") → **\(y ?? "–")**" }
        for c in d.changes {
            let awards = c.awards.map { "\($0.award): \($0.old) → \($0.new)" }.joined(separator: "; ")
            let status = c.old.status == c.new.status ? "" : " (\(c.old.status) → \(c.new.status))"
            out += "| \(c.period) | \(c.name)\(status) | \(arrow(c.old.score, c.new.score)) | \(arrow(c.old.band, c.new.band)) | "
            out += "\(arrow(c.old.rank.map(String.init), c.new.rank.map(String.init))) | \(awards) |\n"
        }
        let explained = d.changes.filter { !$0.indicators.isEmpty || !$0.lines.isEmpty }
        if !explained.isEmpty {
            out += "\n<details><summary>why</summary>\n\n"
            for c in explained {
                out += "**\(c.period) \(c.name)**\n\n"
                for i in c.indicators { out += "- \(i.id) \(i.title): \(i.old) → \(i.new)\n" }
                for l in c.lines { out += "- `\(l.kind == .added ? "+" : "-")` `\(l.path):\(l.line)` \(l.text)\n" }
                out += "\n"
            }
            out += "</details>\n"
        }
        for s in d.schemas {
            out += "\n**schema \(s.schema)** changed (periods \(s.periods.joined(separator: ", "))):\n\n"
            for l in s.lines { out += "- `\(l.kind == .added ? "+" : "-")` `\(l.path):\(l.line)` \(l.text)\n" }
        }
        return out
    }

    public static func json(_ d: VaultDiff) -> String {
        func standing(_ s: VaultDiff.Standing) -> String {
            JSONWriter.object([("status", JSONWriter.quote(s.status)), ("score", s.score ?? "null"),
                               ("band", JSONWriter.optional(s.band)), ("rank", s.rank.map(String.init) ?? "null")])
        }
        func lines(_ list: [VaultDiff.LineChange]) -> String {
            JSONWriter.array(list.map {
                JSONWriter.object([("change", JSONWriter.quote($0.kind.rawValue)), ("path", JSONWriter.quote($0.path)),
                                   ("line", String($0.line)), ("text", JSONWriter.quote($0.text))])
            })
        }
        let changes = JSONWriter.array(d.changes.map { c in
            JSONWriter.object([
                ("period", JSONWriter.quote(c.period)), ("alliance", JSONWriter.quote(c.alliance)),
                ("name", JSONWriter.quote(c.name)), ("code", JSONWriter.optional(c.code)),
                ("old", standing(c.old)), ("new", standing(c.new)),
                ("indicators", JSONWriter.array(c.indicators.map {
                    JSONWriter.object([("id", JSONWriter.quote($0.id)), ("old", $0.old == "–" ? "null" : $0.old),
                                       ("new", $0.new == "–" ? "null" : $0.new)])
                })),
                ("awards", JSONWriter.array(c.awards.map {
                    JSONWriter.object([("award", JSONWriter.quote($0.award)), ("old", JSONWriter.quote($0.old)), ("new", JSONWriter.quote($0.new))])
                })),
                ("lines", lines(c.lines)),
            ])
        })
        let schemas = JSONWriter.array(d.schemas.map { s in
            JSONWriter.object([("schema", JSONWriter.quote(s.schema)), ("periods", JSONWriter.array(s.periods.map(JSONWriter.quote))),
                               ("lines", lines(s.lines))])
        })
        let trespasses = JSONWriter.array(d.trespasses.map {
            JSONWriter.object([("path", JSONWriter.quote($0.path)), ("owners", JSONWriter.array($0.owners.map(JSONWriter.quote)))])
        })
        return JSONWriter.object([("base", JSONWriter.quote(d.base)), ("head", JSONWriter.quote(d.head)),
                                  ("changes", changes), ("schemas", schemas), ("trespasses", trespasses)]) + "\n"
    }
}
