/// A result written by `vault score --write` that the records and reviews no longer produce.
public enum StaleResultRule: ScoredRule {
    public static let description = RuleDescription(
        id: "stale-result",
        summary: "a written result no longer matches what the records and reviews produce",
        rationale: "results are committed so a pull request shows the score change beside the record change, like a lock file; a stale one hides that change",
        summaryZH: "已写入的评分结果与记录和评审现在算出的不一致",
        rationaleZH: "评分结果随记录一起提交，像锁文件一样，让合并请求在记录改动旁显示得分的变化；过时的结果会掩盖这一变化",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "participation status=evaluated group=A\n2023-03-01 meeting type=council title=A\n↓result status=evaluated score=10 band=low rank=1\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "participation status=evaluated group=A\n2023-03-01 meeting type=council title=A\nresult status=evaluated score=6 band=low rank=1\n"),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (periodID, result) in results.sorted(by: { $0.key < $1.key }) where result.schema != nil {
            for a in result.alliances {
                guard let written = a.written, let file = vault.alliances[a.id]?.records[periodID] else { continue }
                let old = ResultWriter.line(for: written)
                let new = ResultWriter.line(for: a)
                guard old != new else { continue }
                let site = DiagnosticSite(text: file.parsed.text, line: written.line, lineStart: written.lineStart)
                found.append(site.diagnostic(description, at: written.lineStart, staleLine(["old": .text(old), "new": .text(new)]),
                                             hint: writeAgain(["period": .text(periodID)])))
            }
            guard let table = vault.resultTables[periodID] else { continue }
            let expected = ScoreTable.tsv(result)
            let actual = table.string(Span(start: 0, end: table.bytes.count))
            guard expected != actual else { continue }
            let oldLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let newLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(oldLines, newLines).enumerated().first { $1.0 != $1.1 }?.offset ?? min(oldLines.count, newLines.count)
            let old = line < oldLines.count ? String(oldLines[line]) : "(end of file)"
            let new = line < newLines.count ? String(newLines[line]) : "(end of file)"
            func said(_ text: String, _ present: Bool) -> MessageArgument { present ? .text(text) : .message(endOfFile()) }
            found.append(Diagnostic(ruleID: description.id, severity: description.severity,
                                    location: SourceLocation(path: table.path, line: line + 1, column: 1),
                                    message: staleTable(["old": said(old, line < oldLines.count), "new": said(new, line < newLines.count)]),
                                    hint: writeAgain(["period": .text(periodID)]), lineText: old))
        }
        return found
    }


    static let staleLine = MessageTemplate(
        "stale-result.line", en: "stale result: \"{old}\" is now \"{new}\"", zh: "评分结果已过时：“{old}”现在应为“{new}”")
    static let staleTable = MessageTemplate(
        "stale-result.table", en: "stale result table: \"{old}\" is now \"{new}\"", zh: "评分结果表已过时：“{old}”现在应为“{new}”")
    static let endOfFile = MessageTemplate("stale-result.end-of-file", en: "(end of file)", zh: "（文件末尾）")
    static let writeAgain = MessageTemplate(
        "stale-result.hint", en: "run `vault score {period} --write` and commit the change", zh: "请运行 `vault score {period} --write`，并提交这次改动")

    public static let messages = [staleLine, staleTable, endOfFile, writeAgain]
}
