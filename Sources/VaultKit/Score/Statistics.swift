/// The figures the reports publish for a period, computed from the vault: the
/// library API that reports and assertions use, and `vault stats PERIOD`.
public struct PeriodStatistics: Sendable {
    /// A percentage rounded half up to two decimals.
    public typealias Percent = FixedDecimal

    public struct BandCount: Sendable {
        public var band: Band
        public var count: Int
        public var percentOfEvaluated: Percent?
        public var percentOfInScope: Percent?
    }

    public struct Batch: Sendable {
        /// "1", "2", "3", "later", or "unknown" for alliances whose batch the vault does not know.
        public var batch: String
        /// The batch's roster where the period states it.
        public var inScope: Int?
        public var evaluated: Int
        public var bands: [BandCount]
    }

    public struct ActivityTotal: Sendable {
        public var kind: String
        public var title: String?
        /// The value of the kind's `type` field, when totals are broken down by it.
        public var type: String?
        /// Summed over every file of the period: wide, so no sum of legal values overflows.
        public var count: WideInt
        /// Summed money fields, in fen.
        public var funding: WideInt?
    }

    public var period: String
    public var inScope: Int
    /// Whether `inScope` is the period's stated roster (else: alliances the vault knows in the period).
    public var rosterStated: Bool
    public var enteredData: Int
    public var evaluated: Int
    public var notEvaluated: Int
    public var bands: [BandCount]
    public var batches: [Batch]
    /// How many alliances earned each award at this period: a count only where every
    /// alliance's award could be checked; nil (unknown) where the band history has gaps.
    public var awards: [String: Int?]
    /// Per award that cannot be checked: the alliances found to have earned it, how many
    /// more could have, and the periods whose results the vault lacks.
    public var awardsUnknown: [String: AwardUnknown] = [:]

    public struct AwardUnknown: Sendable {
        public var earned: Int
        public var undecided: Int
        public var periods: [UnknownPeriod]
    }
    public var activity: [ActivityTotal]

    /// `part` (a count, not negative) as a percentage of `whole`; nil when `whole` is not
    /// positive. The share rounded to four decimals is the percentage to two, so the
    /// rounding is `RoundedFigure`'s, which cannot overflow whatever the counts.
    public static func percent(_ part: Int, of whole: Int) -> Percent? {
        guard whole > 0, part >= 0 else { return nil }
        let share = RoundedFigure(WideInt(Int64(part)), over: Int64(whole), scale: 4)
        guard share.whole.0 == 0, share.whole.1 <= 100_000_000_000 else { return nil }
        return FixedDecimal(mantissa: Int64(share.whole.1) * 10_000 + Int64(share.fraction), scale: 2)
    }

    public init(_ result: PeriodResult, vault: Vault) {
        period = result.period.id
        let known = result.alliances.filter { $0.status != .unknown }
        rosterStated = result.period.roster != nil
        inScope = result.period.roster.map(Int.init) ?? known.count
        let evaluatedResults = result.alliances.filter { $0.status == .evaluated }
        evaluated = evaluatedResults.count
        enteredData = result.alliances.filter { $0.status == .evaluated || $0.status == .incomplete || $0.status == .entered }.count
        notEvaluated = inScope - evaluated
        let bandList = result.schema?.bands ?? []
        func counts(_ members: [AllianceResult], inScope: Int?) -> [BandCount] {
            bandList.map { band in
                let count = members.filter { $0.band?.id == band.id }.count
                return BandCount(band: band, count: count, percentOfEvaluated: Self.percent(count, of: members.count),
                                 percentOfInScope: inScope.flatMap { Self.percent(count, of: $0) })
            }
        }
        bands = counts(evaluatedResults, inScope: inScope)
        var batchIDs = ["1", "2", "3", "later"]
        if result.alliances.contains(where: { $0.batch == nil && $0.status == .evaluated }) { batchIDs.append("unknown") }
        batches = batchIDs.map { batch in
            let members = evaluatedResults.filter { ($0.batch ?? "unknown") == batch }
            let roster = result.period.batchRoster[batch].map(Int.init)
            return Batch(batch: batch, inScope: roster, evaluated: members.count, bands: counts(members, inScope: roster))
        }
        var awardCounts: [String: Int?] = [:]
        for award in result.schema?.awards ?? [] {
            let earned = result.alliances.filter { $0.awards[award.id] == .earned }.count
            var undecided = 0
            var missing: Set<UnknownPeriod> = []
            for a in result.alliances {
                if case .unknown(let periods)? = a.awards[award.id] {
                    undecided += 1
                    missing.formUnion(periods)
                }
            }
            awardCounts[award.id] = undecided == 0 ? .some(earned) : .some(nil)
            if undecided > 0 {
                awardsUnknown[award.id] = AwardUnknown(earned: earned, undecided: undecided, periods: missing.sorted())
            }
        }
        awards = awardCounts
        activity = Self.activity(result, vault: vault)
    }

    /// Activity records summed over every alliance's file for the period: per kind
    /// (split by its `type` field where it has one), counting `count=` where given.
    static func activity(_ result: PeriodResult, vault: Vault) -> [ActivityTotal] {
        guard let schema = result.schema else { return [] }
        var totals: [String: ActivityTotal] = [:]
        var order: [String] = []
        for kind in schema.kinds where kind.role == .records {
            if case .enumeration(let cases)? = kind.fields.first(where: { $0.id == "type" })?.type {
                for type in cases {
                    order.append("\(kind.id)/\(type)")
                    totals[order.last!] = ActivityTotal(kind: kind.id, title: kind.title, type: type, count: .zero)
                }
            } else {
                order.append(kind.id)
                totals[kind.id] = ActivityTotal(kind: kind.id, title: kind.title, type: nil, count: .zero)
            }
        }
        for alliance in vault.orderedAlliances {
            guard let file = alliance.records[result.period.id] else { continue }
            for record in file.records {
                let kind = file.kind(of: record)
                let key = kind.fields.contains { $0.id == "type" } ? "\(kind.id)/\(file.text(record, "type") ?? "")" : kind.id
                guard totals[key] != nil else { continue }
                totals[key]!.count += max(0, file.int(record, "count") ?? 1)
                for (index, field) in kind.fields.enumerated() where field.type == .money {
                    if case .money(let fen)? = file.value(record, at: index) {
                        totals[key]!.funding = (totals[key]!.funding ?? .zero) + WideInt(fen)
                    }
                }
            }
        }
        return order.map { totals[$0]! }
    }
}
