/// The score stage: records and reviews become indicator, stage and final
/// scores, bands, ranks and awards, for every period of the vault.
/// The rules are written out in docs/scoring.md.
public enum Scorer {
    /// Every period's result, with awards (which need the periods before).
    /// Without `detail`, alliances whose published score is the score get no
    /// indicator breakdown (lint needs their standing, not their rubric points).
    public static func score(_ vault: Vault, detail: Bool = true) -> [String: PeriodResult] {
        let ids = vault.periodIDs
        let periods = parallelMap(ids) { score(vault, vault.periods[$0]!, detail: detail) }
        var results = Dictionary(uniqueKeysWithValues: zip(ids, periods))
        Awards.apply(to: &results, order: ids)
        return results
    }

    /// Period `id` in full, with the periods its awards look back on scored as lint
    /// scores them (standings, no indicator breakdown) and the others left out: what
    /// `score`, `explain`, `stats` and `report` for one period need, at a fraction of
    /// the cost of every period in detail. Empty when `id` is not a period.
    public static func score(_ vault: Vault, period id: String) -> [String: PeriodResult] {
        let order = vault.periodIDs
        guard let end = order.firstIndex(of: id), let period = vault.periods[id] else { return [:] }
        let lookBack = (period.schema?.awards.map(\.consecutive).max() ?? 1) - 1
        let window = Array(order[max(0, end - lookBack)..<end])
        let scored = parallelMap(window + [id]) { score(vault, vault.periods[$0]!, detail: $0 == id) }
        var results = Dictionary(uniqueKeysWithValues: zip(window + [id], scored))
        Awards.apply(to: &results, order: order)
        return results
    }

    /// One period's result without awards.
    static func score(_ vault: Vault, _ period: Period, detail: Bool = true) -> PeriodResult {
        let evaluator = period.schema.map { RubricEvaluator(schema: $0, table: Loader.recordTable($0)) }
        let reviews = ReviewCollector.collect(period, in: vault)
        var alliances: [AllianceResult] = []
        alliances.reserveCapacity(vault.orderedAlliances.count)
        for (ordinal, alliance) in vault.orderedAlliances.enumerated() {
            let id = alliance.id
            let file = alliance.records[period.id]
            // Looked up once, and not at all in a period without reviews (most of them).
            let ownReviews = reviews.isEmpty ? nil : reviews[id]
            guard file != nil || ownReviews != nil else { continue }
            var result = AllianceResult(id: id, code: alliance.code, name: alliance.name ?? id, batch: alliance.batch,
                                        status: .unknown)
            result.ordinal = ordinal
            var published = false
            if let file {
                result.path = file.path
                published = readStatus(file, into: &result, schema: period.schema)
                result.fromPublishedTable = published
            }
            if let evaluator, let schema = period.schema, detail || result.source != .published || ownReviews != nil {
                let outcomes = evaluator.evaluate(file)
                result.indicators = outcomes.enumerated().map { index, outcome in
                    IndicatorResult(index: index, rubric: outcome.points, final: outcome.points, measure: outcome.measure,
                                    evidence: outcome.evidence.map { $0.number })
                }
                applyReviews(ownReviews ?? [], to: &result, schema: schema)
            }
            // A published record without a score (the 2022-2023 inactive list) means the score is not known,
            // not that the rubric should invent one.
            if result.score == nil, result.status == .evaluated, result.source == .none, !published, !result.indicators.isEmpty {
                result.score = result.indicators.reduce(Points.zero) { $0 + $1.rubric }
                result.source = .rubric
            }
            if let score = result.score, let band = period.schema?.band(for: score.decimal) { result.band = band }
            alliances.append(result)
        }
        rank(&alliances)
        return PeriodResult(period: period, schema: period.schema, alliances: alliances,
                            hasResults: alliances.contains { $0.status == .evaluated })
    }

    /// Status, published score, band and sequence, and the written result line.
    /// Returns whether the file has a `published` record.
    @discardableResult
    static func readStatus(_ file: BoundFile, into result: inout AllianceResult, schema: Schema?) -> Bool {
        // Only the three kinds read here are visited (each in file order), not every record.
        let published = file.records(of: "published")
        for record in file.records(of: "participation") {
            result.status = file.text(record, "status").flatMap(Participation.init(rawValue:)) ?? .unknown
            result.group = file.text(record, "group")
        }
        for record in file.records(of: "result") {
            if result.written != nil {
                result.written!.extraLineStarts.append(Int(record.start))
                continue
            }
            result.written = WrittenResult(status: file.text(record, "status") ?? "", score: file.text(record, "score"),
                                           band: file.text(record, "band"), rank: file.int(record, "rank"),
                                           path: file.path, line: Int(record.number), lineStart: Int(record.start))
        }
        // An alliance printed in two lists of one period counts as evaluated if any list evaluated it.
        let chosen = published.first { file.text($0, "status") == "evaluated" } ?? published.first
        guard let chosen else { return false }
        if result.status == .unknown {
            result.status = file.text(chosen, "status").flatMap(Participation.init(rawValue:)) ?? .unknown
        }
        result.seq = file.int(chosen, "seq")
        result.printedName = file.text(chosen, "name")
        result.printedCode = file.text(chosen, "code")
        // A score outside 0…total is reported (score-range) and not used: the score is then unknown.
        if let score = file.decimal(chosen, "score"), schema.map({ ScoreRangeRule.inRange(score, $0) }) ?? true {
            result.score = Points(score)
            result.source = .published
        } else if let bandID = file.text(chosen, "band"), let band = schema?.bands.first(where: { $0.id == bandID }) {
            result.band = band
        }
        return true
    }

    /// Review totals per stage, the deciding stage, and the indicator points it gives.
    /// Reviews with a conflict of interest are left out.
    static func applyReviews(_ raw: [ReviewCollector.Raw], to result: inout AllianceResult, schema: Schema) {
        guard !raw.isEmpty else { return }
        // Reviews of an alliance whose score a report published cannot change it: they are
        // listed (explain shows them) but not counted, so no stage or recheck is owed.
        let counts = result.source != .published
        let ids = schema.indicators.map(\.id)
        let rubric = Dictionary(uniqueKeysWithValues: result.indicators.map { (ids[$0.index], $0.rubric) })
        result.reviews = raw.map { r in
            let total = result.indicators.reduce(Points.zero) { $0 + (r.scores[ids[$1.index]] ?? $1.rubric) }
            return StageReview(expert: r.expert, stage: r.stage, total: total, scores: r.scores, note: r.note,
                               path: r.path, line: r.line, conflict: r.conflict, exclusion: r.exclusion)
        }
        let counted = counts ? result.reviews.filter { !$0.conflict } : []
        for stage in Stage.allCases {
            if let mean = Points.mean(counted.filter { $0.stage == stage }.map(\.total)) { result.stageScores[stage] = mean }
        }
        guard result.source != .published,
              let deciding = Stage.allCases.reversed().first(where: { result.stageScores[$0] != nil }) else { return }
        let decisive = counted.filter { $0.stage == deciding }
        for index in result.indicators.indices {
            let id = ids[result.indicators[index].index]
            result.indicators[index].final = Points.mean(decisive.map { $0.scores[id] ?? rubric[id]! })!
        }
        result.score = result.stageScores[deciding]
        result.source = .reviews(deciding)
    }

    /// Ranks evaluated alliances: by score, ties in published order, then by code;
    /// evaluated alliances without a known score follow in published order.
    static func rank(_ alliances: inout [AllianceResult]) {
        /// What ranking compares, taken out of each result once: comparing whole results copied them.
        struct Key {
            var score: Points?
            var seq: Int64?
            var code: String?
            var id: String
        }
        func before(_ a: Key, _ b: Key) -> Bool {
            switch (a.score, b.score) {
            case let (x?, y?) where x != y: return y < x
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            switch (a.seq, b.seq) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.code != b.code { return (a.code ?? "~") < (b.code ?? "~") }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        // Indices are sorted, not results: a result is a large struct, and sorting moved each
        // many times. The order is then applied in place, by swaps, so no result is copied
        // (a copy retained each of its strings and arrays).
        let keys = alliances.map { Key(score: $0.score, seq: $0.seq, code: $0.code, id: $0.id) }
        let evaluated = alliances.indices.filter { alliances[$0].status == .evaluated }.sorted { before(keys[$0], keys[$1]) }
        let order = evaluated + alliances.indices.filter { alliances[$0].status != .evaluated }
        permute(&alliances, order)
        for position in evaluated.indices { alliances[position].rank = position + 1 }
    }

    /// Rearranges `items` so that position `p` holds what was at `order[p]`, following
    /// each cycle of the permutation with swaps.
    static func permute<T>(_ items: inout [T], _ order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            var position = start
            while order[position] != start {
                items.swapAt(position, order[position])
                placed[position] = true
                position = order[position]
            }
            placed[position] = true
        }
    }
}

/// Gathers a period's review lines by alliance.
enum ReviewCollector {
    struct Raw: Sendable {
        var expert: String
        var stage: Stage
        var scores: [String: Points]
        var note: String?
        var path: String
        var line: Int
        /// Not counted (`ReviewEligibility`): a conflict of interest, or an expert not on the panel.
        var conflict: Bool
        var exclusion: Message?
    }

    /// Whether a review counts is `ReviewEligibility`'s decision, the one lint reports.
    static func collect(_ period: Period, in vault: Vault) -> [String: [Raw]] {
        var byAlliance: [String: [Raw]] = [:]
        guard !period.reviews.isEmpty else { return byAlliance }
        let eligibility = ReviewEligibility(period, in: vault)
        for expertID in period.reviews.keys.sorted() {
            let file = period.reviews[expertID]!
            for record in file.records where file.kindID(of: record) == "review" {
                guard let alliance = file.text(record, "alliance"),
                      let stage = file.text(record, "stage").flatMap(Stage.init(rawValue:)) else { continue }
                var scores: [String: Points] = [:]
                // A score outside 0…max is reported (indicator-score) and not used: the rubric's points stand.
                for indicator in period.schema?.indicators ?? [] {
                    if let value = file.decimal(record, indicator.id), IndicatorScoreRule.inRange(value, indicator) {
                        scores[indicator.id] = Points(value)
                    }
                }
                let exclusions = eligibility.exclusions(expert: expertID, alliance: alliance)
                byAlliance[alliance, default: []].append(Raw(expert: expertID, stage: stage, scores: scores,
                                                             note: file.text(record, "note"), path: file.path,
                                                             line: Int(record.number), conflict: !exclusions.isEmpty,
                                                             exclusion: exclusions.first.map(ReviewEligibility.reason)))
            }
        }
        return byAlliance
    }
}

/// A-level and other awards: a band held in N consecutive evaluation periods.
enum Awards {
    static func apply(to results: inout [String: PeriodResult], order: [String]) {
        // Awards read only the standings of other periods, which awards do not change:
        // every period's statuses are worked out in parallel, then written.
        let standings = results
        let count = (results.values.lazy.compactMap { $0.alliances.lazy.map(\.ordinal).max() }.max() ?? -1) + 1
        let computed = parallelMap(Array(order.enumerated())) { position, periodID in
            statuses(for: periodID, at: position, order: order, results: standings, alliances: count)
        }
        for (periodID, byAward) in zip(order, computed) {
            for (award, byAlliance) in byAward { results[periodID]!.setAward(award, byAlliance) }
        }
    }

    /// Each award's status for each alliance of the period, in the period's order.
    static func statuses(for periodID: String, at position: Int, order: [String],
                         results: [String: PeriodResult], alliances count: Int) -> [(award: String, byAlliance: [AwardStatus])] {
        guard let schema = results[periodID]?.schema else { return [] }
        let ordinals = results[periodID]!.alliances.map(\.ordinal)
        return schema.awards.map { award in
            let window = Array(order[max(0, position - award.consecutive + 1)...position])
            let missing = award.consecutive - window.count
            // Per window period, once per award: who was evaluated in the award's band, by
            // ordinal (nil: the period has no results). Reaching into each period's results
            // for every alliance copied them; a set of ids hashed each Chinese id.
            let inBand: [(id: String, alliances: [Bool]?)] = window.map { id in
                guard let result = results[id], result.hasResults else { return (id, nil) }
                var member = [Bool](repeating: false, count: count)
                for alliance in result.alliances where alliance.ordinal >= 0 && alliance.status == .evaluated && alliance.band?.id == award.band {
                    member[alliance.ordinal] = true
                }
                return (id, member)
            }
            return (award.id, ordinals.map { status(of: $0, window: inBand, missingBefore: missing) })
        }
    }

    /// An alliance's award status over `window`: the alliances in the award's band
    /// in each period, nil for a period without results.
    static func status(of ordinal: Int, window: [(id: String, alliances: [Bool]?)], missingBefore: Int) -> AwardStatus {
        var unknown: [UnknownPeriod] = missingBefore > 0 ? [.before(count: missingBefore, first: window.first?.id ?? "")] : []
        for (period, inBand) in window {
            guard let inBand else {
                unknown.append(.period(period))
                continue
            }
            guard ordinal >= 0, inBand[ordinal] else { return .notEarned }
        }
        return unknown.isEmpty ? .earned : .unknown(unknown)
    }
}
