/// Whether an alliance took part in a period's evaluation. Not evaluated is a
/// status of its own, never a score of zero.
public enum Participation: String, Sendable, CaseIterable {
    /// The period is open and the alliance has entered nothing yet (what `vault period new` writes).
    case open
    /// The alliance has entered its records; the secretariat has not yet said whether they are complete.
    case entered
    case evaluated
    /// Entered data, but incompletely: not evaluated.
    case incomplete
    case noData = "no-data"
    /// The vault holds nothing about the alliance for this period.
    case unknown
}

/// The stages of the expert review, in order.
public enum Stage: String, Sendable, CaseIterable, Comparable {
    case initial, cross, recheck

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One expert's review of one alliance at one stage.
public struct StageReview: Sendable {
    public var expert: String
    public var stage: Stage
    /// The expert's total: their indicator scores where given, the rubric's elsewhere.
    public var total: Points
    /// The indicator scores the expert set, by indicator id.
    public var scores: [String: Points]
    public var note: String?
    public var path: String
    public var line: Int
    /// Not counted (`ReviewEligibility`): the expert belongs to the alliance, or is not
    /// on the panel. Lint reports it; the score leaves it out.
    public var conflict: Bool
    /// Why it is not counted, as lint says it.
    public var exclusion: Message? = nil
}

/// Where an alliance's score came from.
public enum ScoreSource: Sendable, Equatable {
    /// The score a report published: for historical periods it is the score.
    case published
    /// The expert review, at the stage that decides.
    case reviews(Stage)
    /// The rubric applied to the records (no reviews).
    case rubric
    case none
}

/// One indicator's points for one alliance.
public struct IndicatorResult: Sendable {
    /// The indicator's index in the period schema's `indicators` (an index, not a copy:
    /// there is one of these per alliance and indicator).
    public var index: Int
    /// From the records by the rubric.
    public var rubric: Points
    /// After the deciding review stage (the rubric's points where no expert set them).
    public var final: Points
    public var measure: Int64
    /// The lines of the alliance's record file (`AllianceResult.path`) that are the evidence.
    public var evidence: [Int32]
}

/// Whether an alliance holds an award (A-level) at a period.
public enum AwardStatus: Sendable, Equatable {
    case earned
    case notEarned
    /// No break in the run, but the vault does not know the band of these periods.
    case unknown([UnknownPeriod])
}

/// An alliance's result for one period.
public struct AllianceResult: Sendable {
    public var id: String
    public var code: String?
    public var name: String
    public var batch: String?
    public var status: Participation
    /// The alliance's record file for the period, if it has one.
    public var path: String?
    /// Whether the record file holds a `published` line: the period's figures come from a
    /// published table, not from the vault's own reviews.
    public var fromPublishedTable = false
    public var group: String?
    public var indicators: [IndicatorResult] = []
    public var reviews: [StageReview] = []
    public var stageScores: [Stage: Points] = [:]
    public var score: Points?
    public var source: ScoreSource = .none
    /// Computed from the score by the period's bands; the published band where no score is known.
    public var band: Band?
    public var rank: Int?
    /// The published sequence number, which orders ties.
    public var seq: Int64?
    /// The name and code as the period's source printed them (a report reproduces them as printed).
    public var printedName: String?
    public var printedCode: String?
    public var awards: [String: AwardStatus] = [:]
    /// The result line `vault score --write` wrote last, if any.
    public var written: WrittenResult?
    /// The alliance's position in the vault's sorted alliance list: the same in every
    /// period, so awards compare periods by position, not by hashing Chinese ids.
    var ordinal = -1
}

/// A `result` line as it stands in a record file.
public struct WrittenResult: Sendable, Equatable {
    public var status: String
    public var score: String?
    public var band: String?
    public var rank: Int64?
    public var path: String
    public var line: Int
    public var lineStart: Int
    /// Further `result` lines (a union merge can leave two); the writer removes them.
    public var extraLineStarts: [Int] = []
}

/// A scored period: every alliance the vault knows, evaluated ones first in rank order.
public struct PeriodResult: Sendable {
    public var period: Period
    public var schema: Schema?
    public var alliances: [AllianceResult] {
        get { storage }
        set {
            storage = newValue
            index = Self.index(newValue)
        }
    }
    private var storage: [AllianceResult]
    /// Whether the vault holds any evaluation result for this period (else its bands are unknown).
    public var hasResults: Bool
    /// Positions in `alliances` by id: awards look alliances up across periods, so this must not be a scan.
    private var index: [String: Int]

    public init(period: Period, schema: Schema?, alliances: [AllianceResult], hasResults: Bool) {
        self.period = period
        self.schema = schema
        storage = alliances
        self.hasResults = hasResults
        index = Self.index(alliances)
    }

    /// Sets one award's status for every alliance, in `alliances` order. Ids and order
    /// stay, so the index is kept (rebuilding it hashed every Chinese id again).
    mutating func setAward(_ award: String, _ statuses: [AwardStatus]) {
        for position in storage.indices { storage[position].awards[award] = statuses[position] }
    }

    static func index(_ alliances: [AllianceResult]) -> [String: Int] {
        Dictionary(alliances.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func alliance(_ id: String) -> AllianceResult? { index[id].map { alliances[$0] } }

    public var ranked: [AllianceResult] { alliances.filter { $0.rank != nil } }
}
