/// One alliance across every period the vault holds (`vault report --alliance ID`):
/// per period its status, score, band, rank and awards, and for each value where it
/// comes from: the record that holds it and the source that record cites, or how the
/// vault computed it. Every output format renders this one value.
public struct AllianceHistory: Sendable {
    /// Where a value comes from. A value a source printed has its `citation` (the
    /// record's `source=`, such as `report-2017:annex`), `path` and `line` (the record);
    /// a value the vault computed has no citation or line and says how in `note`.
    public struct Source: Sendable, Equatable {
        public var citation: String?
        /// The alliance's record file for the period, where it has one.
        public var path: String?
        public var line: Int?
        public var note: String
    }

    /// An award of the period's schema (A-level), what the vault's band history says,
    /// and the source's designation when one named the alliance.
    public struct Award: Sendable {
        public var id: String
        public var label: String
        public var status: AwardStatus
        public var designation: Source?
    }

    /// A prize or honour an `award` record holds (`award title=… source=…`).
    public struct Honour: Sendable {
        public var title: String
        public var date: Day?
        public var source: Source
    }

    public struct Entry: Sendable {
        public var period: String
        public var start: Day?
        public var end: Day?
        /// Whether the vault holds results of any alliance for the period.
        public var periodHasResults: Bool
        public var status: Participation
        /// The name and code as the period's source printed them, where it printed them.
        public var printedName: String?
        public var printedCode: String?
        public var score: Points?
        public var scoreSource: Source?
        public var band: Band?
        public var bandSource: Source?
        public var rank: Int?
        /// How many alliances the period ranks.
        public var rankedCount: Int
        public var rankSource: Source?
        public var awards: [Award]
        public var honours: [Honour]
        /// The bands of the period's schema, highest first (the chart marks where each begins).
        public var bands: [Band]
    }

    public var id: String
    public var name: String
    public var code: String?
    public var batch: String?
    /// Every period of the vault, oldest first.
    public var entries: [Entry]

    public init?(alliance id: String, vault: Vault, results: [String: PeriodResult]) {
        guard let alliance = vault.alliances[id] else { return nil }
        self.id = id
        name = alliance.name ?? id
        code = alliance.code
        batch = alliance.batch
        entries = vault.periodIDs.compactMap { periodID in
            guard let result = results[periodID] else { return nil }
            return Self.entry(id, result, file: alliance.records[periodID])
        }
    }

    static func entry(_ id: String, _ result: PeriodResult, file: BoundFile?) -> Entry {
        let a = result.alliance(id)
        func cited(_ record: Record, _ file: BoundFile, _ note: String) -> Source {
            Source(citation: file.text(record, "source"), path: file.path, line: Int(record.number), note: note)
        }
        // The record the scorer reads: the list that evaluated the alliance, else the first.
        let published = file.flatMap { f in
            (f.records(of: "published").first { f.text($0, "status") == "evaluated" } ?? f.records(of: "published").first).map { (f, $0) }
        }
        let citedPublished = { (note: String) in published.map { cited($0.1, $0.0, note) } }
        let computed = { (note: String) in Source(citation: nil, path: file?.path, line: nil, note: note) }
        let schemaName = result.schema.map { "指标体系 \($0.id) " } ?? "该期指标体系"

        var scoreSource: Source?
        switch a?.source ?? .none {
        case .published: scoreSource = citedPublished("来源所印")
        case .reviews(let stage): scoreSource = computed("\(Self.stageLabel(stage))专家评分均值")
        case .rubric: scoreSource = computed("按评价指标由库内记录计算（无专家评审）")
        case .none: scoreSource = nil
        }
        var bandSource: Source?
        if let band = a?.band {
            let printed = published.flatMap { $0.0.text($0.1, "band") }
            if a?.score == nil, published != nil {
                bandSource = citedPublished("来源所印（无可用评分）")
            } else if published != nil, printed == band.id {
                bandSource = citedPublished("来源所印，与评分按\(schemaName)划分的等级一致")
            } else if published != nil, let printed {
                bandSource = citedPublished("评分按\(schemaName)划分的等级；来源印为\(result.schema?.bands.first { $0.id == printed }?.label ?? printed)")
            } else {
                bandSource = computed("评分按\(schemaName)划分的等级")
            }
        }
        let rankSource = a?.rank.map { _ in
            let seq = published.flatMap { $0.0.int($0.1, "seq") }
            return computed("库内按评分排序，共 \(result.ranked.count) 家，同分按来源顺序"
                            + (seq.map { "；来源序号 \($0)" } ?? ""))
        }
        let awards = (result.schema?.awards ?? []).map { award in
            let designation = file.flatMap { f in
                f.records(of: "designation").first { f.text($0, "award") == award.id }.map { cited($0, f, "来源公布") }
            }
            return Award(id: award.id, label: award.label, status: a?.awards[award.id] ?? .notEarned, designation: designation)
        }
        let honours = file.map { f in
            f.records(of: "award").compactMap { r in
                f.text(r, "title").map { Honour(title: $0, date: r.date, source: cited(r, f, "库内记录")) }
            }
        } ?? []
        return Entry(period: result.period.id, start: result.period.start, end: result.period.end,
                     periodHasResults: result.hasResults, status: a?.status ?? .unknown,
                     printedName: a?.printedName, printedCode: a?.printedCode,
                     score: a?.score, scoreSource: scoreSource, band: a?.band, bandSource: bandSource,
                     rank: a?.rank, rankedCount: result.ranked.count, rankSource: rankSource,
                     awards: awards, honours: honours, bands: result.schema?.bands ?? [])
    }

    /// A source as one line of text: `report-2017:annex (vault/alliances/TD/2017.txt:3)`.
    public static func describe(_ source: Source?) -> String {
        guard let source else { return "" }
        let place = source.path.map { path in source.line.map { "\(path):\($0)" } ?? path }
        return [source.citation, source.note, place].compactMap { $0 }.joined(separator: "；")
    }

    /// The reports' names for the review stages.
    public static func stageLabel(_ stage: Stage) -> String {
        switch stage {
        case .initial: "分组初评"
        case .cross: "交叉会评"
        case .recheck: "复核"
        }
    }

    /// The award's status in words, as the period report's A-level check says it.
    public static func describe(_ status: AwardStatus) -> String {
        switch status {
        case .earned: "获得"
        case .notEarned: "未获得"
        case .unknown(let periods): "无法判断（缺 \(periods.map { $0.message.text(.zh) }.joined(separator: "、")) 结果）"
        }
    }
}
