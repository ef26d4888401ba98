/// The data sections of a period's published report, built from the vault: activity
/// totals, the expert panel, overview, batches, the A-level and not-evaluated lists, the
/// results table grouped by band, every figure the sources print with the vault's check,
/// and the bands of every period (历年活跃度).
/// Every output format (text, Markdown, JSON, HTML) renders this one value.
public struct PeriodReport: Sendable {
    public struct BandGroup: Sendable {
        public var band: Band
        public var rows: [AllianceResult]
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

    public var period: Period
    public var title: String
    public var schema: Schema
    public var statistics: PeriodStatistics
    public var groups: [BandGroup]
    public var aLevel: [ALevel]
    public var aLevelLabel: String?
    public var indicatorActivity: [IndicatorActivity]
    /// Score distribution in ten-point bins (0–9, 10–19 … 90–100), for the chart.
    public var histogram: [Int]
    /// Evaluated alliances the source banded without printing a score: outside the histogram.
    public var unscored: Int
    /// Every figure the period's sources print, with the vault's check (`PublishedFigures.swift`).
    public var published: [PublishedFigure]
    public var panel: PanelSection
    /// The not-evaluated list row by row as printed, with the vault's notes.
    public var notEvaluated: NotEvaluatedSection
    /// The designated alliances (`aLevel`) per batch ("1", "2", "3", "later", "unknown"), batches with none left out.
    public var aLevelByBatch: [(batch: String, count: Int)]
    /// Whether the vault holds evaluation results for the period (else the report says what is missing).
    public var hasResults: Bool
    /// Alliances that entered incomplete data (not evaluated).
    public var incomplete: Int
    /// The words for kinds and figures (`FigureWords`).
    let words: FigureWords
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
        let award = schema.awards.first
        aLevelLabel = award?.label
        let order = vault.periodIDs
        var perBatch: [String: Int] = [:]
        aLevel = award.map { award in
            let end = order.firstIndex(of: periodID)!
            let window = Array(order[max(0, end - award.consecutive + 1)...end])
            var designated: [(seq: Int64, result: AllianceResult, name: String?, code: String?)] = []
            for a in result.alliances {
                guard let file = vault.alliances[a.id]?.records[periodID],
                      let record = file.records(of: "designation").first(where: { file.text($0, "award") == award.id }) else { continue }
                designated.append((file.int(record, "seq") ?? Int64.max, a, file.text(record, "name"), file.text(record, "code")))
            }
            for d in designated { perBatch[d.result.batch ?? "unknown", default: 0] += 1 }
            // In the order the source printed them.
            return designated.sorted { ($0.seq, $0.result.id) < ($1.seq, $1.result.id) }.map {
                ALevel(name: $0.name ?? $0.result.name, code: $0.code ?? $0.result.code, periods: window,
                       check: $0.result.awards[award.id] ?? .notEarned)
            }
        } ?? []
        aLevelByBatch = ["1", "2", "3", "later", "unknown"].compactMap { b in perBatch[b].map { (b, $0) } }
        let evaluated = result.alliances.filter { $0.status == .evaluated }
        indicatorActivity = schema.indicators.enumerated().filter { $0.element.group == "2" }.map { index, indicator in
            var counts: [String: Int] = [:]
            for a in evaluated where a.indicators.count > index && !a.indicators[index].evidence.isEmpty {
                counts[a.band?.id ?? "", default: 0] += 1
            }
            return IndicatorActivity(indicator: indicator, alliancesByBand: counts)
        }
        var bins = [Int](repeating: 0, count: 10)
        for a in ranked { if let score = a.score { bins[min(9, max(0, Int(score.hundredths / 1000)))] += 1 } }
        histogram = bins
        unscored = evaluated.filter { $0.score == nil }.count
        words = FigureWords(schema: schema, vault: vault)
        published = PublishedFigure.all(vault, results, period: periodID, words: words)
        panel = PanelSection(period: result.period, vault: vault, result: result)
        notEvaluated = NotEvaluatedSection(period: periodID, vault: vault, result: result, statistics: statistics)
        hasResults = result.hasResults
        incomplete = result.alliances.filter { $0.status == .incomplete }.count
        history = BandHistory(period: periodID, vault: vault, results: results)
    }

    /// The published figures the vault's data does not give (acknowledged or not).
    public var discrepancies: [PublishedFigure] {
        published.filter { if case .differs = $0.check { true } else { false } }
    }

    /// The published figures a section shows, in the sources' order.
    public func published(in section: String) -> [PublishedFigure] { published.filter { $0.section == section } }

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
