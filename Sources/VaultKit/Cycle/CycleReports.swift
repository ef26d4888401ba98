/// What `vault review assign` prints.
public enum ReviewAssignReport {
    /// Each line escaped for a terminal: ids and reasons come from the vault's files.
    public static func text(_ outcome: ReviewAssigner.Outcome) -> String { escapedLines(unescaped(outcome)) }

    static func unescaped(_ outcome: ReviewAssigner.Outcome) -> String {
        let plan = outcome.plan
        let lines = plan.byExpert.reduce(0) { $0 + $1.alliances.count }
        var out = "\(plan.stage.rawValue) stage of \(plan.period): \(plan.alliances.count) alliance\(plan.alliances.count == 1 ? "" : "s"), \(lines) review line\(lines == 1 ? "" : "s") for \(plan.byExpert.count) expert\(plan.byExpert.count == 1 ? "" : "s")\n"
        for (expert, alliances) in plan.byExpert {
            out += "  \(expert): \(alliances.joined(separator: ", "))\n"
        }
        for file in outcome.files {
            var what: [String] = []
            if file.added > 0 { what.append("\(file.added) owed line\(file.added == 1 ? "" : "s") added") }
            if file.removed > 0 { what.append("\(file.removed) owed line\(file.removed == 1 ? "" : "s") no longer owed removed") }
            out += "wrote \(file.path) (\(what.joined(separator: ", ")))\n"
        }
        if outcome.files.isEmpty { out += "nothing to write: every expert already has their lines\n" }
        if !plan.uncovered.isEmpty {
            out += "\(plan.uncovered.count) alliance\(plan.uncovered.count == 1 ? "" : "s") cannot be covered at this stage:\n"
            for u in plan.uncovered { out += "  \(u.alliance): \(u.reason)\n" }
        }
        if lines > 0 {
            out += "next: each expert changes `owed` to `review` on their lines and sets the scores they give (e.g. 2.1=3); `vault status \(plan.period)` shows what is owed\n"
        }
        return out
    }
}

/// What `vault status` prints.
public enum CycleStatusReport {
    static func list(_ ids: [String], limit: Int = 10) -> String {
        ids.prefix(limit).joined(separator: ", ") + (ids.count > limit ? ", … (\(ids.count - limit) more)" : "")
    }

    /// Each line escaped for a terminal: ids, paths and messages come from the vault's files.
    public static func text(_ s: CycleStatus) -> String { escapedLines(unescaped(s)) }

    static func unescaped(_ s: CycleStatus) -> String {
        var out = "period \(s.period)"
        var about: [String] = []
        if let start = s.start, let end = s.end { about.append("\(start) to \(end)") }
        if let schema = s.schema { about.append("schema \(schema)") }
        if let closed = s.entriesClosed {
            about.append("entries closed \(closed)")
        } else if s.alliances.contains(where: { ["open", "entered"].contains($0.status) && !$0.ids.isEmpty }) {
            about.append("entries open")
        }
        out += " (\(about.joined(separator: ", ")))\n"
        let total = s.alliances.reduce(0) { $0 + $1.ids.count }
        let counts = s.alliances.filter { !$0.ids.isEmpty }.map { "\($0.status) \($0.ids.count)" }
        out += "alliances: \(total) with a record file\(counts.isEmpty ? "" : ": " + counts.joined(separator: ", "))\n"
        for (status, ids) in s.unsettledAlliances {
            let what = switch status {
            case "open": "open, nothing entered yet"
            case "entered": "entered, not yet marked evaluated, incomplete or no-data"
            default: "no participation line"
            }
            out += "  \(what): \(list(ids))\n"
        }
        if !s.reviewed {
            out += "reviews: none owed (the period has no expert panel)\n"
        } else {
            out += "reviews:\n"
            for stage in s.stages {
                let name = stage.stage.rawValue
                if stage.alliances == 0 {
                    out += "  \(name): none needed\n"
                    continue
                }
                var line = "  \(name): \(stage.filled) filled in"
                if stage.owedCount > 0 { line += ", \(stage.owedCount) owed" }
                if stage.complete { line += ", done" }
                out += line + "\n"
                for (expert, alliances) in stage.owed {
                    out += "    \(expert) owes \(alliances.count): \(list(alliances))\n"
                }
                if !stage.unassigned.isEmpty {
                    out += "    not assigned: \(list(stage.unassigned)) (run `vault review assign \(s.period) --stage \(name)`)\n"
                }
                for u in stage.uncovered { out += "    cannot be covered: \(u.alliance): \(u.reason)\n" }
            }
        }
        if !s.divergences.isEmpty {
            out += "divergences awaiting re-check:\n"
            for d in s.divergences {
                out += "  \(d.alliance): initial \(d.initial), cross \(d.cross), differ by \((d.initial - d.cross).magnitude) > \(d.threshold)\n"
            }
        }
        if s.staleResults.isEmpty {
            out += "results: up to date\n"
        } else {
            out += "results: \(s.staleResults.count) file\(s.staleResults.count == 1 ? "" : "s") to write (run `vault score \(s.period) --write`): \(list(s.staleResults, limit: 5))\n"
        }
        if s.findings.isEmpty {
            out += "findings: none that block\n"
        } else {
            let errors = s.findings.count { $0.severity == .error }, warnings = s.findings.count - errors
            out += "findings that block (`vault lint --strict`): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            for d in s.findings.prefix(20) {
                out += "  \(d.location): \(d.severity.rawValue): \(d.message.text(.en)) [\(d.ruleID)]\n"
            }
            if s.findings.count > 20 { out += "  … (\(s.findings.count - 20) more: run `vault lint --strict`)\n" }
        }
        out += s.ready ? "ready to publish: yes\n" : "ready to publish: no\n"
        return out
    }

    public static func json(_ s: CycleStatus) -> String {
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
                ("uncovered", J.array(stage.uncovered.map { J.object([("alliance", J.quote($0.alliance)), ("reason", J.quote($0.reason))]) })),
                ("complete", stage.complete ? "true" : "false"),
            ])
        }
        let divergences = s.divergences.map {
            J.object([("alliance", J.quote($0.alliance)), ("initial", "\($0.initial)"), ("cross", "\($0.cross)"), ("threshold", "\($0.threshold)")])
        }
        let findings = s.findings.map {
            J.object([("rule", J.quote($0.ruleID)), ("severity", J.quote($0.severity.rawValue)), ("path", J.quote($0.location.path)),
                      ("line", "\($0.location.line)"), ("column", "\($0.location.column)"), ("message", J.quote($0.message.text(.en)))])
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
