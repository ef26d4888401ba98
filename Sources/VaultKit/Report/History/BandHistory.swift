/// The period report's history section: the band shares of every period in the
/// results it is given (`vault report` scores every period for it), and each alliance the period ranks with its band and score in
/// each of those periods. Values are the vault's results, whose sources are the
/// published tables each period cites (`citations`).
public struct BandHistory: Sendable {
    public struct Share: Sendable {
        public var band: Band
        public var count: Int
        public var percentOfEvaluated: FixedDecimal?
    }

    public struct PeriodShares: Sendable {
        public var period: String
        public var hasResults: Bool
        public var evaluated: Int
        /// The period's bands, highest first.
        public var shares: [Share]
        /// The `source=` of the records the period's results come from, sorted; empty
        /// where the vault scored the records itself.
        public var citations: [String]
    }

    public struct Row: Sendable {
        public var id: String
        public var name: String
        /// Per period of `columns`: band and score, or nil where the alliance has no band.
        public var cells: [(band: Band, score: Points?)?]
    }

    /// Every period of the vault, oldest first.
    public var periods: [PeriodShares]
    /// The periods with results, the columns of `rows`.
    public var columns: [String]
    /// The alliances the report's period ranks, in rank order.
    public var rows: [Row]

    public init(period periodID: String, vault: Vault, results: [String: PeriodResult]) {
        periods = vault.periodIDs.compactMap { id in
            guard let result = results[id] else { return nil }
            let bands = result.schema?.bands ?? []
            let evaluated = result.alliances.filter { $0.status == .evaluated }
            let shares = bands.map { band in
                let count = evaluated.count { $0.band?.id == band.id }
                return Share(band: band, count: count, percentOfEvaluated: PeriodStatistics.percent(count, of: evaluated.count))
            }
            var citations = Set<String>()
            for a in evaluated where a.fromPublishedTable {
                guard let file = vault.alliances[a.id]?.records[id] else { continue }
                for record in file.records(of: "published") { if let c = file.text(record, "source") { citations.insert(c) } }
            }
            return PeriodShares(period: id, hasResults: result.hasResults, evaluated: evaluated.count,
                                shares: shares, citations: citations.sorted())
        }
        columns = periods.filter(\.hasResults).map(\.period)
        let columns = columns
        rows = (results[periodID]?.ranked ?? []).map { a in
            Row(id: a.id, name: a.printedName ?? a.name, cells: columns.map { column in
                results[column]?.alliance(a.id).flatMap { other in other.band.map { ($0, other.score) } }
            })
        }
    }

    /// The periods without results, for the sentence that says so.
    public var periodsWithoutResults: [String] { periods.filter { !$0.hasResults }.map(\.period) }

    /// A cell in words: `活跃度高 98`.
    static func describe(_ cell: (band: Band, score: Points?)?) -> String {
        guard let cell else { return "–" }
        return cell.band.label + (cell.score.map { " \($0)" } ?? "")
    }

    /// The sources, one line per period with results.
    var sourceLines: [String] {
        periods.filter(\.hasResults).map { p in
            "\(p.period)：" + (p.citations.isEmpty ? "库内按评价指标与专家评审计算" : p.citations.joined(separator: "、"))
        }
    }
}
