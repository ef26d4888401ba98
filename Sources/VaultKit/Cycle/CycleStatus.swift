/// `vault status [PERIOD]`: what is left before a period can be published —
/// alliances whose participation is not settled, reviews owed per stage and per
/// expert, divergences awaiting their re-check, results `score --write` would
/// change, and the lint findings in the period's files that would fail CI.
public struct CycleStatus: Sendable {
    /// One review stage's progress.
    public struct StageProgress: Sendable {
        public var stage: Stage
        /// Alliances that need a counted review at this stage (the recheck: the divergent ones).
        public var alliances: Int
        /// Filled-in reviews of those alliances that count.
        public var filled: Int
        /// `owed` lines not yet filled in, per expert (panel order), alliances in byte order.
        public var owed: [(expert: String, alliances: [String])]
        /// Alliances with neither a counted review nor an owed line at this stage, and
        /// an expert who could take them: `vault review assign` has not been run for them.
        public var unassigned: [String]
        /// Alliances no expert of the panel can review at this stage, and why.
        public var uncovered: [ReviewAssigner.Uncovered]

        public var owedCount: Int { owed.reduce(0) { $0 + $1.alliances.count } }
        public var complete: Bool { owed.isEmpty && unassigned.isEmpty && uncovered.isEmpty }
    }

    public struct Divergence: Sendable {
        public var alliance: String
        public var initial: Points
        public var cross: Points
        public var threshold: Points
    }

    public var period: String
    public var start: Day?
    public var end: Day?
    public var schema: String?
    /// `entries-closed=` of the period line, as written.
    public var entriesClosed: String?
    /// Alliances with a record file for the period, by participation: `open`, `entered`,
    /// `evaluated`, `incomplete`, `no-data`, `published` (no participation line, a
    /// published result) and `none` (neither).
    public var alliances: [(status: String, ids: [String])]
    /// Whether the period is evaluated by the panel (it has experts); otherwise no review is owed.
    public var reviewed: Bool
    public var stages: [StageProgress]
    /// Initial and cross totals differing by more than the threshold, without a counted recheck.
    public var divergences: [Divergence]
    /// Files `vault score PERIOD --write` would change.
    public var staleResults: [String]
    /// Errors and warnings in the period's files (`vault lint --strict` fails on them),
    /// stale results aside (they are `staleResults`).
    public var findings: [Diagnostic]

    /// Participation statuses that are not settled: the alliance still owes its
    /// entries, or the secretariat still owes its decision.
    public static let unsettled = ["open", "entered", "none"]

    /// Whether the vault scores the period itself (some alliance has a participation
    /// line). In a period of the published history a record file without one (a
    /// designation, a news item) is not owed anything.
    public var selfScored: Bool {
        alliances.contains { !["published", "none"].contains($0.status) && !$0.ids.isEmpty }
    }

    public var unsettledAlliances: [(status: String, ids: [String])] {
        alliances.filter { Self.unsettled.contains($0.status) && !$0.ids.isEmpty && ($0.status != "none" || selfScored) }
    }

    /// Nothing owed: the period can be published.
    public var ready: Bool {
        unsettledAlliances.isEmpty && stages.allSatisfy(\.complete) && divergences.isEmpty
            && staleResults.isEmpty && findings.isEmpty
    }

    /// The period `id`, or a refusal naming the closest one.
    static func period(_ id: String, in vault: Vault) throws(CycleRefusal) -> Period {
        guard let period = vault.periods[id] else {
            let known = vault.periodIDs
            let periods = known.isEmpty ? noPeriods() : periodList(["periods": .list(known)])
            throw CycleRefusal(noSuchPeriod(["id": .text(id)]),
                               hint: Suggest.closest(to: id, in: known).map { didYouMean(["guess": .text($0), "periods": .message(periods)]) }
                                   ?? knownPeriods(["periods": .message(periods)]))
        }
        return period
    }

    /// The period `status` reports on when none is named: the one that starts last.
    public static func latestPeriod(in vault: Vault) -> String? {
        vault.periodIDs.max { a, b in
            let x = vault.periods[a]!.start, y = vault.periods[b]!.start
            switch (x, y) {
            case let (x?, y?) where x != y: return x < y
            default: return a < b
            }
        }
    }

    /// Loads the project and works out the period's status. Only the period's files
    /// are linted (and the periods its awards look back on scored), so this costs
    /// less than a `vault lint` of the whole vault.
    public static func compute(_ fs: any FileSystem, period requested: String?) throws(CycleRefusal) -> CycleStatus {
        // Record files of other periods are loaded (the identity and cross-alliance
        // rules need them) but not checked one by one.
        let wantedStem = requested
        let loaded = StageTimer.measure("load") { Loader.load(fs, checkingEachRecordFile: { file, vault in
            let id = wantedStem ?? latestPeriod(in: vault)
            return file.stem == id ? Linter.checkFile(file, in: vault) : []
        }) }
        let vault = loaded.vault
        guard let id = requested ?? latestPeriod(in: vault) else {
            throw CycleRefusal(vaultWithoutPeriod(), hint: openPeriod())
        }
        let period = try Self.period(id, in: vault)
        let (results, findings) = StageTimer.measure("score and findings") { scoreAndLint(loaded, period) }
        return StageTimer.measure("status") { CycleStatus(vault, period: period, results: results, findings: findings) }
    }

    init(_ vault: Vault, period: Period, results: [String: PeriodResult], findings: [Diagnostic]) {
        let id = period.id
        self.period = id
        start = period.start
        end = period.end
        schema = period.schemaID
        entriesClosed = period.file.records(of: "period").first.flatMap { period.file.text($0, "entries-closed") }
        let cycle = PeriodCycle(period, in: vault)
        var buckets: [String: [String]] = [:]
        for entry in cycle.entries {
            let status = entry.status ?? (vault.alliances[entry.id]?.records[id].map { !$0.records(of: "published").isEmpty } == true ? "published" : "none")
            buckets[status, default: []].append(entry.id)
        }
        alliances = ["open", "entered", "evaluated", "incomplete", "no-data", "published", "none"].map { ($0, buckets[$0] ?? []) }
        reviewed = !period.experts.isEmpty
        let result = results[id]
        var divergences: [Divergence] = []
        var stages: [StageProgress] = []
        if reviewed {
            let threshold = period.threshold.map(Points.init)
            var divergent: [String] = []
            for entry in cycle.entries where entry.toBeEvaluated {
                guard let threshold, let a = result?.alliance(entry.id), let initial = a.stageScores[.initial],
                      let cross = a.stageScores[.cross], threshold < (initial - cross).magnitude else { continue }
                divergent.append(entry.id)
                if a.stageScores[.recheck] == nil {
                    divergences.append(Divergence(alliance: entry.id, initial: initial, cross: cross, threshold: threshold))
                }
            }
            let evaluated = cycle.entries.filter(\.toBeEvaluated).map(\.id)
            for stage in Stage.allCases {
                stages.append(Self.progress(cycle, stage: stage, scope: stage == .recheck ? divergent : evaluated, vault: vault))
            }
        }
        self.divergences = divergences
        self.stages = stages
        staleResults = result.map { Self.pendingWrites($0, vault: vault) } ?? []
        self.findings = findings.filter { $0.ruleID != StaleResultRule.description.id }
    }

    /// How far `stage` has got for the alliances of `scope`.
    static func progress(_ cycle: PeriodCycle, stage: Stage, scope: [String], vault: Vault) -> StageProgress {
        let inScope = Set(scope)
        var counted = Set<String>()
        var filled = 0
        var owed: [String: [String]] = [:]
        var withOwed = Set<String>()
        for line in cycle.lines where line.stage == stage && inScope.contains(line.alliance) {
            if line.filled {
                if line.counts { filled += 1; counted.insert(line.alliance) }
            } else {
                owed[line.expert, default: []].append(line.alliance)
                withOwed.insert(line.alliance)
            }
        }
        var byExpert: [(expert: String, alliances: [String])] = []
        var seen = Set<String>()
        for expert in cycle.period.experts where seen.insert(expert.id).inserted {
            if let list = owed.removeValue(forKey: expert.id) { byExpert.append((expert.id, list)) }
        }
        // Owed lines of experts no longer on the panel are still owed (lint names them).
        for expert in owed.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { byExpert.append((expert, owed[expert]!)) }
        // The alliances nobody has (counted review or owed line): assignable, or not coverable.
        let open = scope.filter { !counted.contains($0) && !withOwed.contains($0) }
        var unassigned: [String] = []
        var uncovered: [ReviewAssigner.Uncovered] = []
        if !open.isEmpty {
            let coverage = ReviewAssigner.coverage(cycle, stage: stage, alliances: open, vault: vault)
            for alliance in open {
                if let reason = coverage[alliance] { uncovered.append(ReviewAssigner.Uncovered(alliance: alliance, reason: reason)) }
                else { unassigned.append(alliance) }
            }
        }
        return StageProgress(stage: stage, alliances: scope.count, filled: filled, owed: byExpert,
                             unassigned: unassigned, uncovered: uncovered)
    }

    /// The files `vault score PERIOD --write` would change, found as it finds them.
    static func pendingWrites(_ result: PeriodResult, vault: Vault) -> [String] {
        guard result.schema != nil else { return [] }
        var paths: [String] = []
        for alliance in result.alliances {
            guard let path = alliance.path,
                  alliance.written.map({ ResultWriter.line(for: $0) != ResultWriter.line(for: alliance) || !$0.extraLineStarts.isEmpty }) ?? true,
                  let file = vault.alliances[alliance.id]?.records[result.period.id] else { continue }
            // Without a result line, the writer appends one: no need to work out the new bytes.
            guard alliance.written != nil else { paths.append(path); continue }
            let bytes = Array(file.parsed.text.bytes)
            if ResultWriter.updated(bytes, result: alliance) != bytes { paths.append(path) }
        }
        if result.hasResults {
            let table = Array(ScoreTable.tsv(result).utf8)
            if vault.resultTables[result.period.id].map({ Array($0.bytes) }) != table { paths.append("vault/results/\(result.period.id).tsv") }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The period scored (with the periods its awards look back on), and the errors
    /// and warnings `vault lint` reports in the period's files: its period file, its
    /// record, review and result files, its schema, and the `alliance.txt` of each
    /// alliance it holds. The rules are run as lint runs them, in one parallel pass
    /// with the scoring; only the period's files are checked one by one.
    static func scoreAndLint(_ loaded: Loader.Result, _ period: Period) -> ([String: PeriodResult], [Diagnostic]) {
        let vault = loaded.vault
        let id = period.id
        var metadata = Set<String>()
        for alliance in vault.orderedAlliances where alliance.records[id] != nil {
            if let path = alliance.metadata?.path { metadata.insert(path) }
        }
        let suffix = "/\(id).txt", reviews = "vault/reviews/\(id)/"
        let own: Set<String> = [period.file.path, "vault/results/\(id).tsv", period.schemaID.map { "schemas/\($0).txt" } ?? ""]
        func relevant(_ path: String) -> Bool {
            own.contains(path) || path.hasPrefix(reviews) || metadata.contains(path)
                || (path.hasPrefix("vault/alliances/") && path.hasSuffix(suffix))
        }
        enum Part {
            case results([String: PeriodResult])
            case findings([Diagnostic])
        }
        let unchecked = vault.boundFiles.filter { !loaded.checked.contains(ObjectIdentifier($0)) && relevant($0.path) }
        // nil: the scoring, the longest job, first.
        let jobs: [Linter.Job?] = [nil] + Rules.vaultRules.map { Linter.Job.vaultRule($0) } + [Linter.Job.files(unchecked[...])]
        let parts = parallelMap(jobs) { job -> Part in
            guard let job else { return .results(Scorer.score(vault, period: id)) }
            if case .findings(let found) = job.run(vault) { return .findings(found) }
            return .findings([])
        }
        var results: [String: PeriodResult] = [:]
        var diagnostics = loaded.diagnostics
        for part in parts {
            switch part {
            case .results(let scored): results = scored
            case .findings(let found): diagnostics += found
            }
        }
        diagnostics += parallelMap(Rules.scoredRules) { $0.check(vault, results) }.joined()
        diagnostics = SuppressionFilter.apply(to: diagnostics, files: vault.files)
        return (results, Array(Set(diagnostics.filter { $0.severity != .info && relevant($0.location.path) })).sorted(by: Diagnostic.ordered))
    }
}

extension ReviewAssigner {
    /// For each of `alliances`, why no expert can review it at `stage`; an alliance
    /// missing from the answer can be assigned.
    static func coverage(_ cycle: PeriodCycle, stage: Stage, alliances: [String], vault: Vault) -> [String: Message] {
        var owed: [String: [String]] = [:]
        var uncovered: [Uncovered] = []
        let byID = Dictionary(cycle.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for alliance in alliances {
            guard let entry = byID[alliance] else { continue }
            if stage == .recheck {
                cover(recheckOf: alliance, cycle, &owed, &uncovered, firstOnly: true)
            } else {
                cover(entry, stage: stage, cycle, &owed, &uncovered, firstOnly: true)
            }
        }
        return Dictionary(uncovered.map { ($0.alliance, $0.reason) }, uniquingKeysWith: { a, _ in a })
    }
}

extension CycleStatus {
    static let noSuchPeriod = MessageTemplate(
        "cycle.no-period", en: "no period \"{id}\" in vault/periods/", zh: "vault/periods/ 中没有评价期“{id}”")
    static let didYouMean = MessageTemplate(
        "cycle.no-period.hint", en: "did you mean {guess}? periods: {periods}", zh: "是不是 {guess}？现有评价期：{periods}")
    static let knownPeriods = MessageTemplate("cycle.no-period.known", en: "periods: {periods}", zh: "现有评价期：{periods}")
    static let periodList = MessageTemplate("cycle.no-period.list", en: "{periods}", zh: "{periods}")
    static let noPeriods = MessageTemplate("cycle.no-period.none", en: "none", zh: "无")
    static let vaultWithoutPeriod = MessageTemplate(
        "cycle.no-periods", en: "the vault has no period (vault/periods/ is empty)", zh: "数据库中还没有评价期（vault/periods/ 为空）")
    static let openPeriod = MessageTemplate(
        "cycle.no-periods.hint", en: "open one with `vault period new ID --start YYYY-MM-DD --end YYYY-MM-DD` (docs/cycle.md)",
        zh: "请用 `vault period new ID --start YYYY-MM-DD --end YYYY-MM-DD` 开启一个评价期（见 docs/cycle.md）")
    static let messages = [noSuchPeriod, didYouMean, knownPeriods, periodList, noPeriods, vaultWithoutPeriod, openPeriod]
}
