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

    /// Every name, path and line of the vault is shown terminal-escaped: none starts a
    /// line of its own or sends an escape sequence. Paths are shown by `paths` (from
    /// the user's directory, for the command line).
    public static func text(_ d: VaultDiff, paths: PathDisplay = .projectRelative) -> String {
        let t = Escape.terminal
        guard !d.isEmpty else { return "no score, band, rank or award changes between \(t(d.base)) and \(t(d.head))\n" }
        var out = "changes from \(t(d.base)) to \(t(d.head)):\n"
        for c in d.changes {
            out += "\n\(t(c.period)) \(t(c.alliance))\(c.code.map { " (\(t($0)))" } ?? ""): \(t(movement(c)))\n"
            for a in c.awards { out += "  \(t(a.award)): \(a.old) → \(a.new)\n" }
            for i in c.indicators { out += "  \(t(i.id)) \(t(i.title)): \(i.old) → \(i.new)\n" }
            for l in c.lines { out += "  \(l.kind == .added ? "+" : "-") \(t(paths(l.path))):\(l.line)  \(t(l.text))\n" }
        }
        for r in d.trespasses { out += "\nwarning: \(t(paths(r.path))) is maintained by \(t(r.owners.joined(separator: " "))), not the author\n" }
        for s in d.schemas {
            out += "\nschema \(t(s.schema)) changed (used by \(t(s.periods.joined(separator: ", ")))):\n"
            for l in s.lines { out += "  \(l.kind == .added ? "+" : "-") \(t(paths(l.path))):\(l.line)  \(t(l.text))\n" }
        }
        return out
    }

    /// A path as a Markdown code span: terminal-escaped (a code span cannot hold
    /// backslash escapes) and fenced with more backticks than it holds in a row.
    static func code(_ text: String) -> String {
        let shown = Escape.terminal(text)
        var longest = 0, run = 0
        for c in shown.utf8 { run = c == 0x60 ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = shown.hasPrefix("`") || shown.hasSuffix("`") ? " " : ""
        return fence + pad + shown + pad + fence
    }

    /// An owner named in the comment: a well-formed handle as written (GitHub links and
    /// notifies it), anything else escaped.
    static func owner(_ handle: String) -> String {
        Escape.isCodeownersOwner(handle) ? handle : Escape.markdownInline(handle)
    }

    /// The pull-request comment. Every name, id and line of the vault is
    /// inline-escaped (`Escape.markdownInline`), paths are code spans: no user text
    /// starts a line, adds a table cell, a heading, a link, an image, HTML or a comment
    /// marker, so the comment cannot be made to say something the diff does not.
    ///
    /// With `maxLength` (characters as GitHub counts them, UTF-16 code units; at least
    /// `minimumLength`), a longer comment is shortened to fit: the ownership warnings,
    /// the table's rows, the "why" entries and the schema changes are kept in that
    /// order while they fit, whole (a row, an entry, a section is never cut inside),
    /// and a closing note says how many of each were left out. The result is still one
    /// well-formed document: a table keeps its header, `<details>` is closed.
    public static func markdown(_ d: VaultDiff, maxLength: Int? = nil) -> String {
        let m = Escape.markdownInline
        guard !d.isEmpty else { return "**vault diff**: no score, band, rank or award changes.\n" }
        let moved = Set(d.changes.map { "\($0.period)/\($0.alliance)" }).count
        let title = "### vault diff: \(moved) result\(moved == 1 ? "" : "s") moved\n\n"
        let warnings = d.trespasses.map {
            "> ⚠️ \(code($0.path)) is maintained by \($0.owners.map(owner).joined(separator: " ")), not the author of this change.\n\n"
        }
        let tableHead = "| period | alliance | score | band | rank | awards |\n|---|---|---:|---|---:|---|\n"
        func arrow(_ x: String?, _ y: String?) -> String { x == y ? m(x ?? "") : "\(m(x ?? "–")) → **\(m(y ?? "–"))**" }
        let rows = d.changes.map { c in
            let awards = c.awards.map { "\(m($0.award)): \($0.old) → \($0.new)" }.joined(separator: "; ")
            let status = c.old.status == c.new.status ? "" : " (\(c.old.status) → \(c.new.status))"
            return "| \(m(c.period)) | \(m(c.name))\(status) | \(arrow(c.old.score, c.new.score)) | \(arrow(c.old.band, c.new.band)) | "
                + "\(arrow(c.old.rank.map(String.init), c.new.rank.map(String.init))) | \(awards) |\n"
        }
        let whys = d.changes.filter { !$0.indicators.isEmpty || !$0.lines.isEmpty }.map { c in
            var out = "**\(m(c.period)) \(m(c.name))**\n\n"
            for i in c.indicators { out += "- \(m(i.id)) \(m(i.title)): \(i.old) → \(i.new)\n" }
            for l in c.lines { out += "- `\(l.kind == .added ? "+" : "-")` \(code("\(l.path):\(l.line)")) \(m(l.text))\n" }
            return out + "\n"
        }
        let detailsOpen = "\n<details><summary>why</summary>\n\n", detailsClose = "</details>\n"
        let schemas = d.schemas.map { s in
            var out = "\n**schema \(m(s.schema))** changed (periods \(m(s.periods.joined(separator: ", ")))):\n\n"
            for l in s.lines { out += "- `\(l.kind == .added ? "+" : "-")` \(code("\(l.path):\(l.line)")) \(m(l.text))\n" }
            return out
        }
        func document(_ w: Int, _ r: Int, _ y: Int, _ s: Int, note: String) -> String {
            var out = title + warnings.prefix(w).joined()
            if r > 0 { out += tableHead + rows.prefix(r).joined() }
            if y > 0 { out += detailsOpen + whys.prefix(y).joined() + detailsClose }
            return out + schemas.prefix(s).joined() + note
        }
        let full = document(warnings.count, rows.count, whys.count, schemas.count, note: "")
        guard let maxLength, full.utf16.count > maxLength else { return full }
        func note(_ w: Int, _ r: Int, _ y: Int, _ s: Int) -> String {
            let parts = [(w, warnings.count, "ownership warnings"), (r, rows.count, "results"),
                         (y, whys.count, "explanations"), (s, schemas.count, "schema changes")]
                .filter { $0.1 > 0 }.map { "\($0.0) of \($0.1) \($0.2)" }
            return "\n> **Shortened** to \(maxLength) characters: shown \(parts.joined(separator: ", ")). "
                + "The whole diff: `vault diff --format md`.\n"
        }
        // Room for the note with the largest numbers it can hold, then blocks in order
        // while they fit; the first that does not fit ends the document.
        var budget = maxLength - title.utf16.count
            - note(warnings.count, rows.count, whys.count, schemas.count).utf16.count
        var taken = [0, 0, 0, 0]
        let groups: [(blocks: [String], overhead: Int)] = [
            (warnings, 0), (rows, tableHead.utf16.count), (whys, detailsOpen.utf16.count + detailsClose.utf16.count), (schemas, 0),
        ]
        fill: for (index, group) in groups.enumerated() {
            for block in group.blocks {
                let cost = block.utf16.count + (taken[index] == 0 ? group.overhead : 0)
                guard cost <= budget else { break fill }
                budget -= cost
                taken[index] += 1
            }
        }
        return document(taken[0], taken[1], taken[2], taken[3], note: note(taken[0], taken[1], taken[2], taken[3]))
    }

    /// The smallest `maxLength` accepted: room for the title and the note.
    public static let minimumLength = 1000

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
        return JSONWriter.document([("base", JSONWriter.quote(d.base)), ("head", JSONWriter.quote(d.head)),
                                  ("changes", changes), ("schemas", schemas), ("trespasses", trespasses)]) + "\n"
    }
}
