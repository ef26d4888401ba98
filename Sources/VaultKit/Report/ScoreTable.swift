/// `vault score PERIOD`: the ranked table, as text, TSV or JSON.
public enum ScoreTable {
    /// The exact TSV columns, documented in docs/scoring.md.
    public static let tsvHeader = "rank\tcode\tname\tscore\tband"

    /// `rank code name score band`, tab-separated, one evaluated alliance a line in rank
    /// order, empty score (or code) where none is known. This is also `vault/results/PERIOD.tsv`.
    public static func tsv(_ result: PeriodResult) -> String {
        var out = tsvHeader + "\n"
        for a in result.ranked {
            let cells = [String(a.rank!), a.code ?? "", a.name, a.score?.description ?? "", a.band?.id ?? ""]
            out += cells.map { Escape.terminal($0.replacingTabsAndNewlines()) }.joined(separator: "\t") + "\n"
        }
        return out
    }

    public static func json(_ result: PeriodResult) -> String {
        let rows = result.ranked.map { a in
            JSONWriter.object([
                ("rank", String(a.rank!)),
                ("code", JSONWriter.optional(a.code)),
                ("name", JSONWriter.quote(a.name)),
                ("score", a.score.map(\.description) ?? "null"),
                ("band", JSONWriter.optional(a.band?.id)),
            ])
        }
        return JSONWriter.document([("period", JSONWriter.quote(result.period.id)), ("results", JSONWriter.array(rows))]) + "\n"
    }

    /// Aligned columns for a terminal, with the bands' labels.
    public static func text(_ result: PeriodResult, language: Language = .en) -> String {
        let header = columns([:]).text(language).split(separator: "\t").map(String.init)
        let rows = result.ranked.map { a in
            [String(a.rank!), a.code ?? "", a.name, a.score?.description ?? "",
             a.band.map { labelled(["label": .text($0.label), "id": .text($0.id)]).text(language) } ?? ""]
        }
        var out = heading(["period": .text(Escape.terminal(result.period.id)), "count": .count(result.ranked.count)]).text(language) + "\n\n"
        out += TextTable.render([header] + rows, rightAligned: [0, 3])
        let others = result.alliances.filter { $0.rank == nil && $0.status != .unknown }
        if !others.isEmpty {
            let items = others.map { labelled(["label": .text(Escape.terminal($0.name)), "id": .text($0.status.rawValue)]).text(language) }
            out += "\n" + notEvaluated(["alliances": .list(items)]).text(language) + "\n"
        }
        return out
    }

    static let columns = MessageTemplate("score.columns", en: "rank\tcode\tname\tscore\tband", zh: "排名\t编号\t联盟名称\t得分\t档次")
    static let heading = MessageTemplate("score.heading", en: "period {period}: {count} evaluated", zh: "评价期 {period}：纳入评价 {count} 个联盟")
    /// A label with the id it stands for: a band, an alliance's participation status.
    static let labelled = MessageTemplate("score.labelled", en: "{label} ({id})", zh: "{label}（{id}）")
    static let notEvaluated = MessageTemplate("score.not-evaluated", en: "not evaluated: {alliances}", zh: "未纳入评价：{alliances}")
    static let messages = [columns, heading, labelled, notEvaluated]
}

/// Columns aligned by display width (CJK characters take two cells). Every cell is
/// shown terminal-escaped (`Escape.terminal`), and aligned as shown.
public enum TextTable {
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let rows = rows.map { $0.map(Escape.terminal) }
        guard let columns = rows.map(\.count).max() else { return "" }
        func width(_ text: String) -> Int { UTF8Columns.displayWidth(of: text, characters: text.unicodeScalars.count) }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) } }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - width(cell))
                line += (i == 0 ? "" : "  ") + (rightAligned.contains(i) ? pad + cell : cell + pad)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}

extension String {
    func replacingTabsAndNewlines() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" || $0 == "\n" ? " " : $0 }))
    }
}
