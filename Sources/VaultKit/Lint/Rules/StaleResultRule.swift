/// A result written by `vault score --write` that the records and reviews no longer produce.
public enum StaleResultRule: ScoredRule {
    public static let description = RuleDescription(
        id: "stale-result",
        summary: "a written result no longer matches what the records and reviews produce",
        rationale: "results are committed so a pull request shows the score change beside the record change, like a lock file; a stale one hides that change",
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
                found.append(site.diagnostic(description, at: written.lineStart, "stale result: \"\(old)\" is now \"\(new)\"",
                                             hint: "run `vault score \(periodID) --write` and commit the change"))
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
            found.append(Diagnostic(ruleID: description.id, severity: description.severity,
                                    location: SourceLocation(path: table.path, line: line + 1, column: 1),
                                    message: "stale result table: \"\(old)\" is now \"\(new)\"",
                                    hint: "run `vault score \(periodID) --write` and commit the change", lineText: old))
        }
        return found
    }
}
