import Foundation

/// `vault explain ALLIANCE PERIOD`: every indicator's points with the records that
/// earned them, the reviews per stage with their notes, the final score and band.
public enum ExplainReport {
    public static func text(_ a: AllianceResult, in result: PeriodResult, language l: Language = .en) -> String {
        let t = Escape.terminal
        var out = (a.code.map { headingWithCode(["name": .text(t(a.name)), "id": .text(t(a.id)), "code": .text(t($0)), "period": .text(t(result.period.id))]) }
            ?? heading(["name": .text(t(a.name)), "id": .text(t(a.id)), "period": .text(t(result.period.id))])).text(l) + "\n"
        out += (a.group.map { statusWithGroup(["status": .text(a.status.rawValue), "group": .text(t($0))]) }
            ?? status(["status": .text(a.status.rawValue)])).text(l) + "\n"
        if !a.indicators.isEmpty {
            out += "\n" + indicatorsHeading().text(l) + "\n"
            var rows: [[String]] = []
            let indicators = result.schema?.indicators ?? []
            for i in a.indicators {
                let indicator = indicators[i.index]
                let evidence = i.evidence.map { "\(a.path ?? ""):\($0)" }
                rows.append([indicator.id, indicator.title, "\(i.rubric)", "\(i.final)", "/ \(indicator.max)",
                             evidence.isEmpty ? noEvidence().text(l) : evidence.joined(separator: " ")])
            }
            out += TextTable.render(rows, rightAligned: [2, 3]).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
            let rubricTotal = a.indicators.reduce(Points.zero) { $0 + $1.rubric }
            out += rubricTotalLine(["total": .text(rubricTotal.description)]).text(l) + "\n"
        }
        if !a.reviews.isEmpty {
            out += "\n" + reviewsHeading().text(l) + "\n"
            for stage in Stage.allCases {
                let reviews = a.reviews.filter { $0.stage == stage }
                guard !reviews.isEmpty else { continue }
                let mean = a.stageScores[stage].map { stageMean(["mean": .text($0.description)]) } ?? notCounted()
                out += stageLine(["stage": .message(stageName(stage)), "mean": .message(mean)]).text(l) + "\n"
                for r in reviews {
                    let set = r.scores.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
                        .map { "\(t($0))=\(r.scores[$0]!)" }.joined(separator: " ")
                    out += "    \(t(r.expert)) \(r.total)\(set.isEmpty ? "" : " (\(set))")\(r.note.map { " \"\(t($0))\"" } ?? "")"
                    let reason = r.exclusion.map { t($0.text(l)) } ?? conflictOfInterest().text(l)
                    out += " \(t(r.path)):\(r.line)\(r.conflict ? excluded(["reason": .text(reason)]).text(l) : "")\n"
                }
            }
        }
        let score = MessageArgument.text(a.score?.description ?? none().text(l))
        let source: Message? = switch a.source {
        case .published: asPublished()
        case .reviews(let stage): fromReviews(["stage": .message(stageName(stage))])
        case .rubric: fromRubric()
        case .none: nil
        }
        out += "\n" + (source.map { scoreLineWithSource(["score": score, "source": .message($0)]) }
            ?? scoreLine(["score": score])).text(l)
        let band = a.band.map { bandValue(["label": .text(t($0.label)), "id": .text(t($0.id))]) } ?? none()
        out += "\n" + bandLine(["band": .message(band)]).text(l) + "\n"
        out += (a.rank.map { rankLine(["rank": .count($0), "count": .count(result.ranked.count)]) } ?? notRanked()).text(l) + "\n"
        for (award, status) in a.awards.sorted(by: { $0.key < $1.key }) {
            let text: Message = switch status {
            case .earned: earned()
            case .notEarned: notEarned()
            case .unknown(let periods): unknownAward(["periods": .list(periods.map { t($0.message.text(l)) })])
            }
            out += Clauses.entry(["name": .text(t(award)), "value": .message(text)]).text(l) + "\n"
        }
        return out
    }

    /// A review stage as the reports name it: 分组初评, 交叉会评, 复核.
    static func stageName(_ stage: Stage) -> Message {
        switch stage {
        case .initial: initialStage()
        case .cross: crossStage()
        case .recheck: recheckStage()
        }
    }

    static let heading = MessageTemplate("explain.heading", en: "{name} ({id}), period {period}", zh: "{name}（{id}），评价期 {period}")
    static let headingWithCode = MessageTemplate(
        "explain.heading.code", en: "{name} ({id}, code {code}), period {period}", zh: "{name}（{id}，批次编号 {code}），评价期 {period}")
    static let status = MessageTemplate("explain.status", en: "status: {status}", zh: "参评状态：{status}")
    static let statusWithGroup = MessageTemplate(
        "explain.status.group", en: "status: {status}, review group {group}", zh: "参评状态：{status}，评审组 {group}")
    static let indicatorsHeading = MessageTemplate(
        "explain.indicators", en: "indicators (rubric → final):", zh: "各项指标（按评分标准 → 最终得分）：")
    static let noEvidence = MessageTemplate("explain.no-evidence", en: "no evidence", zh: "无佐证记录")
    static let rubricTotalLine = MessageTemplate("explain.rubric-total", en: "  rubric total: {total}", zh: "  按评分标准合计：{total}")
    static let reviewsHeading = MessageTemplate("explain.reviews", en: "reviews:", zh: "专家评审：")
    static let stageLine = MessageTemplate("explain.stage", en: "  {stage}: {mean}", zh: "  {stage}：{mean}")
    static let stageMean = MessageTemplate("explain.stage.mean", en: "mean {mean}", zh: "平均 {mean}")
    static let notCounted = MessageTemplate("explain.stage.not-counted", en: "not counted", zh: "不计入")
    static let initialStage = MessageTemplate("explain.stage.initial", en: "initial", zh: "分组初评")
    static let crossStage = MessageTemplate("explain.stage.cross", en: "cross", zh: "交叉会评")
    static let recheckStage = MessageTemplate("explain.stage.recheck", en: "recheck", zh: "复核")
    static let excluded = MessageTemplate("explain.review.excluded", en: " — not counted: {reason}", zh: " — 不计入：{reason}")
    static let conflictOfInterest = MessageTemplate("explain.review.conflict", en: "conflict of interest", zh: "利益冲突，应回避")
    static let scoreLine = MessageTemplate("explain.score", en: "score: {score}", zh: "得分：{score}")
    static let scoreLineWithSource = MessageTemplate("explain.score.source", en: "score: {score} ({source})", zh: "得分：{score}（{source}）")
    static let none = MessageTemplate("explain.none", en: "none", zh: "无")
    static let asPublished = MessageTemplate("explain.source.published", en: "as published", zh: "按公布数据")
    static let fromReviews = MessageTemplate("explain.source.reviews", en: "{stage} review", zh: "{stage}得分")
    static let fromRubric = MessageTemplate("explain.source.rubric", en: "rubric, no reviews", zh: "按评分标准，无专家评审")
    static let bandLine = MessageTemplate("explain.band", en: "band: {band}", zh: "档次：{band}")
    static let bandValue = MessageTemplate("explain.band.value", en: "{label} ({id})", zh: "{label}（{id}）")
    static let rankLine = MessageTemplate("explain.rank", en: "rank: {rank} of {count}", zh: "排名：第 {rank} 名（共 {count} 个）")
    static let notRanked = MessageTemplate("explain.rank.none", en: "rank: not ranked", zh: "排名：未排名")
    static let earned = MessageTemplate("explain.award.earned", en: "earned", zh: "已获得")
    static let notEarned = MessageTemplate("explain.award.not-earned", en: "not earned", zh: "未获得")
    static let unknownAward = MessageTemplate(
        "explain.award.unknown", en: "unknown (no results for {periods})", zh: "无法判定（{periods} 没有结果）")

    static let messages = [heading, headingWithCode, status, statusWithGroup, indicatorsHeading, noEvidence, rubricTotalLine,
                           reviewsHeading, stageLine, stageMean, notCounted, initialStage, crossStage, recheckStage, excluded,
                           conflictOfInterest, scoreLine, scoreLineWithSource, none, asPublished, fromReviews,
                           fromRubric, bandLine, bandValue, rankLine, notRanked, earned, notEarned, unknownAward]
}
