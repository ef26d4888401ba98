/// The data sections of a period's published report, built from the vault:
/// overview, batches, the results table grouped by band, the not-evaluated and
/// A-level lists, activity figures and the discrepancies with the source.
/// Every output format (text, Markdown, JSON, HTML) renders this one value.
public struct PeriodReport: Sendable {
    public struct BandGroup: Sendable {
        public var band: Band
        public var rows: [AllianceResult]
    }

    public struct NotEvaluated: Sendable {
        public var name: String
        public var code: String?
        public var status: Participation
        public var reason: String?
    }

    public struct ALevel: Sendable {
        public var name: String
        public var code: String?
        /// The periods whose bands earned it.
        public var periods: [String]
        /// What the vault's band history says: earned, not earned, or unknown.
        public var check: AwardStatus
    }

    /// Per band, how many alliances had activity for each collaborative-innovation indicator.
    public struct IndicatorActivity: Sendable {
        public var indicator: Indicator
        /// Alliances with any evidence, per band id.
        public var alliancesByBand: [String: Int]
    }

    public struct Discrepancy: Sendable {
        public var figure: String
        public var source: String
        public var published: String
        public var vault: String
        public var location: SourceLocation
    }

    public var period: Period
    public var title: String
    public var schema: Schema
    public var statistics: PeriodStatistics
    public var groups: [BandGroup]
    public var notEvaluated: [NotEvaluated]
    public var aLevel: [ALevel]
    public var aLevelLabel: String?
    public var indicatorActivity: [IndicatorActivity]
    public var discrepancies: [Discrepancy]
    /// Score distribution in ten-point bins (0–9, 10–19 … 90–100), for the chart.
    public var histogram: [Int]
    /// Band shares and the ranked alliances' bands across every period (`BandHistory`).
    public var history: BandHistory

    public init?(period periodID: String, vault: Vault, results: [String: PeriodResult]) {
        guard let result = results[periodID], let schema = result.schema else { return nil }
        period = result.period
        self.schema = schema
        title = result.period.file.records(of: "period").first.flatMap { result.period.file.text($0, "title") }
            ?? "\(periodID) 年度产业技术创新战略联盟活跃度评价"
        statistics = PeriodStatistics(result, vault: vault)
        let ranked = result.ranked
        groups = schema.bands.map { band in BandGroup(band: band, rows: ranked.filter { $0.band?.id == band.id }) }
        // In the order the source printed them, then by code.
        let listed = result.alliances.filter { $0.status == .incomplete || $0.status == .noData }
            .sorted { ($0.seq ?? Int64.max, $0.code ?? "~", $0.id) < ($1.seq ?? Int64.max, $1.code ?? "~", $1.id) }
        notEvaluated = listed.map { a in
            let file = vault.alliances[a.id]?.records[periodID]
            let note = file.flatMap { f in f.records(of: "participation").first.flatMap { f.text($0, "note") } }
            return NotEvaluated(name: a.printedName ?? a.name, code: a.printedCode ?? a.code, status: a.status,
                                reason: note ?? (a.status == .incomplete ? "信息填报不完整" : "未填报信息"))
        }
        let award = schema.awards.first
        aLevelLabel = award?.label
        let order = vault.periodIDs
        aLevel = award.map { award in
            let end = order.firstIndex(of: periodID)!
            let window = Array(order[max(0, end - award.consecutive + 1)...end])
            var designated: [(seq: Int64, result: AllianceResult, name: String?, code: String?)] = []
            for a in result.alliances {
                guard let file = vault.alliances[a.id]?.records[periodID],
                      let record = file.records(of: "designation").first(where: { file.text($0, "award") == award.id }) else { continue }
                designated.append((file.int(record, "seq") ?? Int64.max, a, file.text(record, "name"), file.text(record, "code")))
            }
            // In the order the source printed them.
            return designated.sorted { ($0.seq, $0.result.id) < ($1.seq, $1.result.id) }.map {
                ALevel(name: $0.name ?? $0.result.name, code: $0.code ?? $0.result.code, periods: window,
                       check: $0.result.awards[award.id] ?? .notEarned)
            }
        } ?? []
        let evaluated = result.alliances.filter { $0.status == .evaluated }
        indicatorActivity = schema.indicators.enumerated().filter { $0.element.group == "2" }.map { index, indicator in
            var counts: [String: Int] = [:]
            for a in evaluated where a.indicators.count > index && !a.indicators[index].evidence.isEmpty {
                counts[a.band?.id ?? "", default: 0] += 1
            }
            return IndicatorActivity(indicator: indicator, alliancesByBand: counts)
        }
        discrepancies = AssertionCheck.outcomes(vault, results, period: periodID).compactMap { outcome in
            guard case .disagrees(let computed) = outcome.verdict else { return nil }
            let line = outcome.record.number
            return Discrepancy(figure: outcome.claim.label, source: outcome.claim.source,
                               published: outcome.claim.value.description, vault: computed.description,
                               location: SourceLocation(path: result.period.file.path, line: Int(line), column: 1))
        }
        var bins = [Int](repeating: 0, count: 10)
        for a in ranked { if let score = a.score { bins[min(9, max(0, Int(score.hundredths / 1000)))] += 1 } }
        histogram = bins
        history = BandHistory(period: periodID, vault: vault, results: results)
    }

    /// High and fairly-high together (the first two bands), as the reports give them.
    public var topTwo: (count: Int, percentOfEvaluated: FixedDecimal?, percentOfInScope: FixedDecimal?) {
        let count = statistics.bands.prefix(2).reduce(0) { $0 + $1.count }
        return (count, PeriodStatistics.percent(count, of: statistics.evaluated), PeriodStatistics.percent(count, of: statistics.inScope))
    }

    /// Whether the period has activity records to summarise.
    public var hasActivity: Bool { statistics.activity.contains { $0.count > 0 } }

    /// The reports' names for batches.
    public static func batchLabel(_ batch: String) -> String {
        switch batch {
        case "1": "第一批"
        case "2": "第二批"
        case "3": "第三批"
        case "later": "后续参加试点"
        default: "批次不详"
        }
    }
}
