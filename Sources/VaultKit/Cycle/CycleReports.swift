/// What `vault review assign` prints.
public enum ReviewAssignReport {
    /// Each line escaped for a terminal: ids and reasons come from the vault's files.
    public static func text(_ outcome: ReviewAssigner.Outcome, language: Language = .en) -> String {
        escapedLines(unescaped(outcome, language))
    }

    static func unescaped(_ outcome: ReviewAssigner.Outcome, _ l: Language) -> String {
        let plan = outcome.plan
        let lines = plan.byExpert.reduce(0) { $0 + $1.alliances.count }
        var out = summary(["stage": .message(ExplainReport.stageName(plan.stage)), "period": .text(plan.period),
                           "alliances": .count(plan.alliances.count), "lines": .count(lines),
                           "experts": .count(plan.byExpert.count)]).text(l) + "\n"
        for (expert, alliances) in plan.byExpert {
            out += CycleStatusReport.item(["name": .text(expert), "items": .list(alliances)]).text(l) + "\n"
        }
        for file in outcome.files {
            var what: [Message] = []
            if file.added > 0 { what.append(added(["count": .count(file.added)])) }
            if file.removed > 0 { what.append(removed(["count": .count(file.removed)])) }
            out += wrote(["path": .text(file.path), "what": .text(Clauses.join(what.map { $0.text(l) }, l))]).text(l) + "\n"
        }
        if outcome.files.isEmpty { out += nothing().text(l) + "\n" }
        if !plan.uncovered.isEmpty {
            out += uncoveredHeading(["count": .count(plan.uncovered.count)]).text(l) + "\n"
            for u in plan.uncovered { out += CycleStatusReport.item(["name": .text(u.alliance), "items": .message(u.reason)]).text(l) + "\n" }
        }
        if lines > 0 { out += next(["period": .text(plan.period)]).text(l) + "\n" }
        return out
    }

    static let summary = MessageTemplate(
        "review-assign.summary",
        en: "{stage} stage of {period}: {alliances} {alliances|alliance|alliances}, {lines} review {lines|line|lines} for {experts} {experts|expert|experts}",
        zh: "{period} {stage}：{alliances} 个联盟，为 {experts} 位专家写出评审行 {lines} 行")
    static let added = MessageTemplate("review-assign.added", en: "{count} owed {count|line|lines} added", zh: "新增应评行 {count} 行")
    static let removed = MessageTemplate(
        "review-assign.removed", en: "{count} owed {count|line|lines} no longer owed removed", zh: "删去不再需要的应评行 {count} 行")
    static let wrote = MessageTemplate("review-assign.wrote", en: "wrote {path} ({what})", zh: "已写出 {path}（{what}）")
    static let nothing = MessageTemplate(
        "review-assign.nothing", en: "nothing to write: every expert already has their lines", zh: "无需写出：每位专家都已有其评审行")
    static let uncoveredHeading = MessageTemplate(
        "review-assign.uncovered", en: "{count} {count|alliance|alliances} cannot be covered at this stage:",
        zh: "本阶段有 {count} 个联盟无专家可评：")
    static let next = MessageTemplate(
        "review-assign.next",
        en: "next: each expert changes `owed` to `review` on their lines and sets the scores they give (e.g. 2.1=3); `vault status {period}` shows what is owed",
        zh: "下一步：每位专家把自己评审行中的 `owed` 改为 `review`，并填上所给分数（如 2.1=3）；`vault status {period}` 可查看尚欠的评审")
    static let messages = [summary, added, removed, wrote, nothing, uncoveredHeading, next]
}

/// What `vault status` prints.
public enum CycleStatusReport {
    static func list(_ ids: [String], limit: Int = 10, _ l: Language) -> String {
        let shown = MessageArgument.list(Array(ids.prefix(limit))).text(l)
        return ids.count > limit ? more(["shown": .text(shown), "more": .count(ids.count - limit)]).text(l) : shown
    }

    /// Each line escaped for a terminal: ids, paths and messages come from the vault's files.
    public static func text(_ s: CycleStatus, language: Language = .en) -> String { escapedLines(unescaped(s, language)) }

    static func unescaped(_ s: CycleStatus, _ l: Language) -> String {
        var about: [String] = []
        if let start = s.start, let end = s.end { about.append(span(["start": .text("\(start)"), "end": .text("\(end)")]).text(l)) }
        if let schema = s.schema { about.append(schemaPart(["schema": .text(schema)]).text(l)) }
        if let closed = s.entriesClosed {
            about.append(entriesClosed(["date": .text(closed)]).text(l))
        } else if s.alliances.contains(where: { ["open", "entered"].contains($0.status) && !$0.ids.isEmpty }) {
            about.append(entriesOpen().text(l))
        }
        var out = heading(["period": .text(s.period), "about": .text(Clauses.join(about, l))]).text(l) + "\n"
        let total = s.alliances.reduce(0) { $0 + $1.ids.count }
        let counts = s.alliances.filter { !$0.ids.isEmpty }.map { "\($0.status) \($0.ids.count)" }
        out += (counts.isEmpty ? alliances(["total": .count(total)]) : alliancesCounted(["total": .count(total), "counts": .list(counts)])).text(l) + "\n"
        for (status, ids) in s.unsettledAlliances {
            let what = switch status {
            case "open": stillOpen()
            case "entered": stillEntered()
            default: noParticipation()
            }
            out += item(["name": .message(what), "items": .text(list(ids, l))]).text(l) + "\n"
        }
        if !s.reviewed {
            out += noPanel().text(l) + "\n"
        } else {
            out += reviewsHeading().text(l) + "\n"
            for stage in s.stages {
                let name = ExplainReport.stageName(stage.stage)
                if stage.alliances == 0 {
                    out += item(["name": .message(name), "items": .message(noneNeeded())]).text(l) + "\n"
                    continue
                }
                var parts = [filled(["count": .count(stage.filled)]).text(l)]
                if stage.owedCount > 0 { parts.append(owedPart(["count": .count(stage.owedCount)]).text(l)) }
                if stage.complete { parts.append(done().text(l)) }
                out += item(["name": .message(name), "items": .text(Clauses.join(parts, l))]).text(l) + "\n"
                for (expert, alliances) in stage.owed {
                    out += owes(["expert": .text(expert), "count": .count(alliances.count), "alliances": .text(list(alliances, l))]).text(l) + "\n"
                }
                if !stage.unassigned.isEmpty {
                    out += unassigned(["alliances": .text(list(stage.unassigned, l)), "period": .text(s.period),
                                       "stage": .text(stage.stage.rawValue)]).text(l) + "\n"
                }
                for u in stage.uncovered { out += uncovered(["alliance": .text(u.alliance), "reason": .message(u.reason)]).text(l) + "\n" }
            }
        }
        if !s.divergences.isEmpty {
            out += divergencesHeading().text(l) + "\n"
            for d in s.divergences {
                out += divergence(["alliance": .text(d.alliance), "initial": .text("\(d.initial)"), "cross": .text("\(d.cross)"),
                                   "difference": .text("\((d.initial - d.cross).magnitude)"), "threshold": .text("\(d.threshold)")]).text(l) + "\n"
            }
        }
        if s.staleResults.isEmpty {
            out += resultsUpToDate().text(l) + "\n"
        } else {
            out += staleResults(["count": .count(s.staleResults.count), "period": .text(s.period),
                                 "files": .text(list(s.staleResults, limit: 5, l))]).text(l) + "\n"
        }
        if s.findings.isEmpty {
            out += noFindings().text(l) + "\n"
        } else {
            let errors = s.findings.count { $0.severity == .error }, warnings = s.findings.count - errors
            out += findingsHeading(["errors": .count(errors), "warnings": .count(warnings)]).text(l) + "\n"
            for d in s.findings.prefix(20) {
                out += "  \(d.location): \(DiagnosticTextReporter.severityWord(d.severity, l)): \(d.message.text(l)) [\(d.ruleID)]\n"
            }
            if s.findings.count > 20 { out += moreFindings(["count": .count(s.findings.count - 20)]).text(l) + "\n" }
        }
        out += (s.ready ? ready() : notReady()).text(l) + "\n"
        return out
    }

    /// `  NAME: ITEMS`, a line of an indented list.
    static let item = MessageTemplate("status.item", en: "  {name}: {items}", zh: "  {name}：{items}")
    static let more = MessageTemplate("status.more", en: "{shown}, … ({more} more)", zh: "{shown} 等（另有 {more} 个）")
    static let span = MessageTemplate("status.span", en: "{start} to {end}", zh: "{start} 至 {end}")
    static let schemaPart = MessageTemplate("status.schema", en: "schema {schema}", zh: "指标体系 {schema}")
    static let entriesClosed = MessageTemplate("status.entries-closed", en: "entries closed {date}", zh: "{date} 截止填报")
    static let entriesOpen = MessageTemplate("status.entries-open", en: "entries open", zh: "正在填报")
    static let heading = MessageTemplate("status.heading", en: "period {period} ({about})", zh: "评价期 {period}（{about}）")
    static let alliances = MessageTemplate(
        "status.alliances", en: "alliances: {total} with a record file", zh: "联盟：{total} 个有记录文件")
    static let alliancesCounted = MessageTemplate(
        "status.alliances.counted", en: "alliances: {total} with a record file: {counts}", zh: "联盟：{total} 个有记录文件：{counts}")
    static let stillOpen = MessageTemplate("status.open", en: "open, nothing entered yet", zh: "open，尚未填报")
    static let stillEntered = MessageTemplate(
        "status.entered", en: "entered, not yet marked evaluated, incomplete or no-data",
        zh: "entered，尚未标为 evaluated、incomplete 或 no-data")
    static let noParticipation = MessageTemplate("status.no-participation", en: "no participation line", zh: "没有 participation 行")
    static let noPanel = MessageTemplate(
        "status.reviews.no-panel", en: "reviews: none owed (the period has no expert panel)", zh: "专家评审：无（该评价期未设评价专家组）")
    static let reviewsHeading = MessageTemplate("status.reviews", en: "reviews:", zh: "专家评审：")
    static let noneNeeded = MessageTemplate("status.stage.none-needed", en: "none needed", zh: "无需评审")
    static let filled = MessageTemplate("status.stage.filled", en: "{count} filled in", zh: "已填 {count} 行")
    static let owedPart = MessageTemplate("status.stage.owed", en: "{count} owed", zh: "尚欠 {count} 行")
    static let done = MessageTemplate("status.stage.done", en: "done", zh: "已完成")
    static let owes = MessageTemplate("status.owes", en: "    {expert} owes {count}: {alliances}", zh: "    {expert} 尚欠 {count} 个：{alliances}")
    static let unassigned = MessageTemplate(
        "status.unassigned", en: "    not assigned: {alliances} (run `vault review assign {period} --stage {stage}`)",
        zh: "    尚未分配：{alliances}（请运行 `vault review assign {period} --stage {stage}`）")
    static let uncovered = MessageTemplate(
        "status.uncovered", en: "    cannot be covered: {alliance}: {reason}", zh: "    无专家可评：{alliance}：{reason}")
    static let divergencesHeading = MessageTemplate("status.divergences", en: "divergences awaiting re-check:", zh: "待复核的分歧：")
    static let divergence = MessageTemplate(
        "status.divergence", en: "  {alliance}: initial {initial}, cross {cross}, differ by {difference} > {threshold}",
        zh: "  {alliance}：分组初评 {initial}，交叉会评 {cross}，相差 {difference} > {threshold}")
    static let resultsUpToDate = MessageTemplate("status.results.up-to-date", en: "results: up to date", zh: "结果：已是最新")
    static let staleResults = MessageTemplate(
        "status.results.stale", en: "results: {count} {count|file|files} to write (run `vault score {period} --write`): {files}",
        zh: "结果：有 {count} 个文件待写出（请运行 `vault score {period} --write`）：{files}")
    static let noFindings = MessageTemplate("status.findings.none", en: "findings: none that block", zh: "问题：没有影响发布的问题")
    static let findingsHeading = MessageTemplate(
        "status.findings", en: "findings that block (`vault lint --strict`): {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}",
        zh: "影响发布的问题（`vault lint --strict`）：{errors} 个错误，{warnings} 个警告")
    static let moreFindings = MessageTemplate(
        "status.findings.more", en: "  … ({count} more: run `vault lint --strict`)", zh: "  ……（另有 {count} 处：请运行 `vault lint --strict`）")
    static let ready = MessageTemplate("status.ready", en: "ready to publish: yes", zh: "可以发布：是")
    static let notReady = MessageTemplate("status.not-ready", en: "ready to publish: no", zh: "可以发布：否")
    static let messages = [item, more, span, schemaPart, entriesClosed, entriesOpen, heading, alliances, alliancesCounted,
                           stillOpen, stillEntered, noParticipation, noPanel, reviewsHeading, noneNeeded, filled, owedPart, done,
                           owes, unassigned, uncovered, divergencesHeading, divergence, resultsUpToDate, staleResults, noFindings,
                           findingsHeading, moreFindings, ready, notReady]

    public static func json(_ s: CycleStatus, language: Language = .en) -> String {
        typealias J = JSONWriter
        func strings(_ items: [String]) -> String { J.array(items.map(J.quote)) }
        let alliances = J.object(s.alliances.map { ($0.status, strings($0.ids)) })
        let stages = s.stages.map { stage in
            J.object([
                ("stage", J.quote(stage.stage.rawValue)),
                ("alliances", "\(stage.alliances)"),
                ("filled", "\(stage.filled)"),
                ("owed", J.array(stage.owed.map { J.object([("expert", J.quote($0.expert)), ("alliances", strings($0.alliances))]) })),
                ("unassigned", strings(stage.unassigned)),
                ("uncovered", J.array(stage.uncovered.map { J.object([("alliance", J.quote($0.alliance)), ("reason", J.quote($0.reason.text(language)))]) })),
                ("complete", stage.complete ? "true" : "false"),
            ])
        }
        let divergences = s.divergences.map {
            J.object([("alliance", J.quote($0.alliance)), ("initial", "\($0.initial)"), ("cross", "\($0.cross)"), ("threshold", "\($0.threshold)")])
        }
        let findings = s.findings.map {
            J.object([("rule", J.quote($0.ruleID)), ("severity", J.quote($0.severity.rawValue)), ("path", J.quote($0.location.path)),
                      ("line", "\($0.location.line)"), ("column", "\($0.location.column)"), ("message", J.quote($0.message.text(language)))])
        }
        return J.document([
            ("period", J.quote(s.period)),
            ("ready", s.ready ? "true" : "false"),
            ("entriesClosed", J.optional(s.entriesClosed)),
            ("alliances", alliances),
            ("reviewed", s.reviewed ? "true" : "false"),
            ("stages", J.array(stages)),
            ("divergences", J.array(divergences)),
            ("staleResults", strings(s.staleResults)),
            ("findings", J.array(findings)),
        ]) + "\n"
    }
}

/// `text` with each line escaped for a terminal (`Escape.terminal`), line ends kept.
func escapedLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { Escape.terminal(String($0)) }.joined(separator: "\n")
}
