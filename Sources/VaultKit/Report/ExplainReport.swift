import Foundation

/// `vault explain ALLIANCE PERIOD`: every indicator's points with the records that
/// earned them, the reviews per stage with their notes, the final score and band.
public enum ExplainReport {
    public static func text(_ a: AllianceResult, in result: PeriodResult) -> String {
        let t = Escape.terminal
        var out = "\(t(a.name)) (\(t(a.id))\(a.code.map { ", code \(t($0))" } ?? "")), period \(t(result.period.id))\n"
        out += "status: \(a.status.rawValue)\(a.group.map { ", review group \(t($0))" } ?? "")\n"
        if !a.indicators.isEmpty {
            out += "\nindicators (rubric → final):\n"
            var rows: [[String]] = []
            let indicators = result.schema?.indicators ?? []
            for i in a.indicators {
                let indicator = indicators[i.index]
                let evidence = i.evidence.map { "\(a.path ?? ""):\($0)" }
                rows.append([indicator.id, indicator.title, "\(i.rubric)", "\(i.final)", "/ \(indicator.max)",
                             evidence.isEmpty ? "no evidence" : evidence.joined(separator: " ")])
            }
            out += TextTable.render(rows, rightAligned: [2, 3]).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
            let rubricTotal = a.indicators.reduce(Points.zero) { $0 + $1.rubric }
            out += "  rubric total: \(rubricTotal)\n"
        }
        if !a.reviews.isEmpty {
            out += "\nreviews:\n"
            for stage in Stage.allCases {
                let reviews = a.reviews.filter { $0.stage == stage }
                guard !reviews.isEmpty else { continue }
                out += "  \(stage.rawValue): \(a.stageScores[stage].map { "mean \($0)" } ?? "not counted")\n"
                for r in reviews {
                    let set = r.scores.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
                        .map { "\(t($0))=\(r.scores[$0]!)" }.joined(separator: " ")
                    out += "    \(t(r.expert)) \(r.total)\(set.isEmpty ? "" : " (\(set))")\(r.note.map { " \"\(t($0))\"" } ?? "")"
                    out += " \(t(r.path)):\(r.line)\(r.conflict ? " — not counted: \(t(r.exclusion ?? "conflict of interest"))" : "")\n"
                }
            }
        }
        out += "\nscore: \(a.score.map(\.description) ?? "none")"
        switch a.source {
        case .published: out += " (as published)"
        case .reviews(let stage): out += " (\(stage.rawValue) review)"
        case .rubric: out += " (rubric, no reviews)"
        case .none: break
        }
        out += "\nband: \(a.band.map { "\(t($0.label)) (\(t($0.id)))" } ?? "none")\n"
        out += "rank: \(a.rank.map { "\($0) of \(result.ranked.count)" } ?? "not ranked")\n"
        for (award, status) in a.awards.sorted(by: { $0.key < $1.key }) {
            let text: String = switch status {
            case .earned: "earned"
            case .notEarned: "not earned"
            case .unknown(let periods): "unknown (no results for \(t(periods.joined(separator: ", "))))"
            }
            out += "\(t(award)): \(text)\n"
        }
        return out
    }
}
