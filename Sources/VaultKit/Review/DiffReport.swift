/// `vault diff` output: text for a terminal, Markdown for a pull-request comment,
/// JSON for tools.
public enum DiffReport {
    static func standing(_ s: VaultDiff.Standing, _ l: Language = .en) -> String {
        guard s.status == "evaluated" else { return s.status }
        return Clauses.join([s.score.map { scoreIs(["value": .text($0)]).text(l) }, s.band.map { bandIs(["value": .text($0)]).text(l) },
                                     s.rank.map { rankIs(["value": .text(String($0))]).text(l) }].compactMap { $0 }, l)
    }

    /// `score 96 → 98, band high, rank 3 → 2`: only what moved gets an arrow.
    static func movement(_ c: VaultDiff.AllianceChange, _ l: Language = .en) -> String {
        let o = c.old, n = c.new
        if o.status != n.status { return "\(standing(o, l)) → \(standing(n, l))" }
        var parts: [String] = []
        func part(_ name: MessageTemplate, _ x: String?, _ y: String?) {
            if x != y { parts.append(name(["value": .text("\(x ?? "–") → \(y ?? "–")")]).text(l)) } else if let x { parts.append(name(["value": .text(x)]).text(l)) }
        }
        part(scoreIs, o.score, n.score)
        part(bandIs, o.band, n.band)
        part(rankIs, o.rank.map(String.init), n.rank.map(String.init))
        return Clauses.join(parts, l)
    }

    /// A side of the diff as the text says it: a revision, or the working tree.
    static func side(_ name: String, _ l: Language) -> String { name == "working tree" ? workingTree().text(l) : name }

    /// An award's standing (`earned`, `not earned`, `unknown`, as the JSON says it) in `l`.
    static func award(_ word: String, _ l: Language) -> String {
        switch word {
        case "earned": ExplainReport.earned().text(l)
        case "not earned": ExplainReport.notEarned().text(l)
        case "unknown": awardUnknown().text(l)
        default: word
        }
    }

    /// Every name, path and line of the vault is shown terminal-escaped: none starts a
    /// line of its own or sends an escape sequence. Paths are shown by `paths` (from
    /// the user's directory, for the command line).
    public static func text(_ d: VaultDiff, paths: PathDisplay = .projectRelative, language l: Language = .en) -> String {
        let t = Escape.terminal
        let base = MessageArgument.text(t(side(d.base, l))), head = MessageArgument.text(t(side(d.head, l)))
        guard !d.isEmpty else { return noChanges(["base": base, "head": head]).text(l) + "\n" }
        var out = changesHeading(["base": base, "head": head]).text(l) + "\n"
        for c in d.changes {
            let name = c.code.map { ScoreTable.labelled(["label": .text(t(c.alliance)), "id": .text(t($0))]).text(l) } ?? t(c.alliance)
            out += "\n" + Clauses.entry(["name": .text("\(t(c.period)) \(name)"), "value": .text(t(movement(c, l)))]).text(l) + "\n"
            for a in c.awards { out += "  " + Clauses.entry(["name": .text(t(a.award)), "value": .text("\(award(a.old, l)) → \(award(a.new, l))")]).text(l) + "\n" }
            for i in c.indicators { out += "  " + Clauses.entry(["name": .text("\(t(i.id)) \(t(i.title))"), "value": .text("\(i.old) → \(i.new)")]).text(l) + "\n" }
            for line in c.lines { out += "  \(line.kind == .added ? "+" : "-") \(t(paths(line.path))):\(line.line)  \(t(line.text))\n" }
        }
        for r in d.trespasses {
            let owners = r.owners.isEmpty ? secretariat().text(l) : Owners.describe(r.owners)
            out += "\n" + trespass(["path": .text(t(paths(r.path))), "owners": .text(t(owners))]).text(l) + "\n"
        }
        for s in d.schemas {
            out += "\n" + schemaChanged(["schema": .text(t(s.schema)), "periods": .list(s.periods.map(t))]).text(l) + "\n"
            for line in s.lines { out += "  \(line.kind == .added ? "+" : "-") \(t(paths(line.path))):\(line.line)  \(t(line.text))\n" }
        }
        return out
    }

    static let scoreIs = MessageTemplate("diff.score", en: "score {value}", zh: "得分 {value}")
    static let bandIs = MessageTemplate("diff.band", en: "band {value}", zh: "档次 {value}")
    static let rankIs = MessageTemplate("diff.rank", en: "rank {value}", zh: "排名 {value}")
    static let workingTree = MessageTemplate("diff.working-tree", en: "working tree", zh: "工作区")
    static let awardUnknown = MessageTemplate("diff.award.unknown", en: "unknown", zh: "无法判定")
    static let noChanges = MessageTemplate(
        "diff.no-changes", en: "no score, band, rank or award changes between {base} and {head}",
        zh: "{base} 与 {head} 之间得分、档次、排名和称号都没有变化")
    static let changesHeading = MessageTemplate("diff.changes", en: "changes from {base} to {head}:", zh: "从 {base} 到 {head} 的变化：")
    static let trespass = MessageTemplate(
        "diff.trespass", en: "warning: {path} is maintained by {owners}, not the author", zh: "警告：{path} 由 {owners} 维护，不是本次改动的作者")
    static let secretariat = MessageTemplate(
        "diff.owners.secretariat", en: "the secretariat (no `secretariat` line of vault/periods/ names anyone)",
        zh: "秘书处（vault/periods/ 中没有 `secretariat` 行写明具体人员）")
    static let schemaChanged = MessageTemplate(
        "diff.schema", en: "schema {schema} changed (used by {periods}):", zh: "指标体系 {schema} 有改动（用于评价期 {periods}）：")

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
    public static func markdown(_ d: VaultDiff, maxLength: Int? = nil, language l: Language = .en) -> String {
        let m = Escape.markdownInline
        guard !d.isEmpty else { return mdNoChanges().text(l) + "\n" }
        let moved = Set(d.changes.map { "\($0.period)/\($0.alliance)" }).count
        let title = mdTitle(["moved": .count(moved)]).text(l) + "\n\n"
        let warnings = d.trespasses.map {
            mdTrespass(["path": .text(code($0.path)),
                        "owners": .text($0.owners.isEmpty ? secretariat().text(l) : $0.owners.map(owner).joined(separator: " "))]).text(l) + "\n\n"
        }
        let tableHead = mdColumns().text(l) + "\n|---|---|---:|---|---:|---|\n"
        func arrow(_ x: String?, _ y: String?) -> String { x == y ? m(x ?? "") : "\(m(x ?? "–")) → **\(m(y ?? "–"))**" }
        let rows = d.changes.map { c in
            let awards = c.awards.map { Clauses.entry(["name": .text(m($0.award)), "value": .text("\(award($0.old, l)) → \(award($0.new, l))")]).text(l) }.joined(separator: "; ")
            let status = c.old.status == c.new.status ? "" : " (\(c.old.status) → \(c.new.status))"
            return "| \(m(c.period)) | \(m(c.name))\(status) | \(arrow(c.old.score, c.new.score)) | \(arrow(c.old.band, c.new.band)) | "
                + "\(arrow(c.old.rank.map(String.init), c.new.rank.map(String.init))) | \(awards) |\n"
        }
        let whys = d.changes.filter { !$0.indicators.isEmpty || !$0.lines.isEmpty }.map { c in
            var out = "**\(m(c.period)) \(m(c.name))**\n\n"
            for i in c.indicators { out += "- " + Clauses.entry(["name": .text("\(m(i.id)) \(m(i.title))"), "value": .text("\(i.old) → \(i.new)")]).text(l) + "\n" }
            for l in c.lines { out += "- `\(l.kind == .added ? "+" : "-")` \(code("\(l.path):\(l.line)")) \(m(l.text))\n" }
            return out + "\n"
        }
        let detailsOpen = "\n<details><summary>\(mdWhy().text(l))</summary>\n\n", detailsClose = "</details>\n"
        let schemas = d.schemas.map { s in
            var out = "\n" + mdSchema(["schema": .text(m(s.schema)), "periods": .text(m(MessageArgument.list(s.periods).text(l)))]).text(l) + "\n\n"
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
            let parts = [(w, warnings.count, mdOwnership), (r, rows.count, mdResults),
                         (y, whys.count, mdExplanations), (s, schemas.count, mdSchemaChanges)]
                .filter { $0.1 > 0 }.map { $0.2(["shown": .count($0.0), "total": .count($0.1)]).text(l) }
            return "\n" + mdShortened(["length": .count(maxLength), "parts": .list(parts)]).text(l) + "\n"
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

    static let mdNoChanges = MessageTemplate(
        "diff.md.no-changes", en: "**vault diff**: no score, band, rank or award changes.", zh: "**vault diff**：得分、档次、排名和称号都没有变化。")
    static let mdTitle = MessageTemplate(
        "diff.md.title", en: "### vault diff: {moved} {moved|result|results} moved", zh: "### vault diff：{moved} 个结果有变化")
    static let mdTrespass = MessageTemplate(
        "diff.md.trespass", en: "> ⚠️ {path} is maintained by {owners}, not the author of this change.",
        zh: "> ⚠️ {path} 由 {owners} 维护，不是本次改动的作者。")
    static let mdColumns = MessageTemplate(
        "diff.md.columns", en: "| period | alliance | score | band | rank | awards |", zh: "| 评价期 | 联盟 | 得分 | 档次 | 排名 | 称号 |")
    static let mdWhy = MessageTemplate("diff.md.why", en: "why", zh: "原因")
    static let mdSchema = MessageTemplate(
        "diff.md.schema", en: "**schema {schema}** changed (periods {periods}):", zh: "**指标体系 {schema}** 有改动（评价期 {periods}）：")
    static let mdOwnership = MessageTemplate("diff.md.shown.ownership", en: "{shown} of {total} ownership warnings", zh: "维护人警告 {total} 条中的 {shown} 条")
    static let mdResults = MessageTemplate("diff.md.shown.results", en: "{shown} of {total} results", zh: "结果 {total} 个中的 {shown} 个")
    static let mdExplanations = MessageTemplate("diff.md.shown.explanations", en: "{shown} of {total} explanations", zh: "原因说明 {total} 条中的 {shown} 条")
    static let mdSchemaChanges = MessageTemplate("diff.md.shown.schemas", en: "{shown} of {total} schema changes", zh: "指标体系改动 {total} 处中的 {shown} 处")
    static let mdShortened = MessageTemplate(
        "diff.md.shortened", en: "> **Shortened** to {length} characters: shown {parts}. The whole diff: `vault diff --format md`.",
        zh: "> **已缩短**至 {length} 个字符：显示了{parts}。完整内容：`vault diff --format md`。")

    static let messages = [scoreIs, bandIs, rankIs, workingTree, awardUnknown, noChanges, changesHeading, trespass, secretariat,
                           schemaChanged, mdNoChanges, mdTitle, mdTrespass, mdColumns, mdWhy, mdSchema, mdOwnership, mdResults,
                           mdExplanations, mdSchemaChanges, mdShortened]

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
