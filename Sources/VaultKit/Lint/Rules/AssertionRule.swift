/// A figure a source published (`assert`) that the vault's data does not give.
public enum AssertionRule: ScoredRule {
    public static let description = RuleDescription(
        id: "assertion",
        summary: "a published figure disagrees with what the vault computes",
        rationale: "every aggregate a report states is checked against the vault, like a balance assertion; a mismatch is either an entry error in the vault or an error in the report, which is then acknowledged where it stands",
        summaryZH: "公布数据与 vault 算出的数字不符",
        rationaleZH: "报告中的每一个汇总数字都要与 vault 核对，就像记账时的余额断言；不符的，要么是 vault 录入有误，要么是报告本身有误，后者在原处加豁免注释说明",
        severity: .error,
        triggering: [
            RuleExample("vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 schema=test roster=2\n↓assert stat=band-percent-of-in-scope band=low value=49 source=report:section-1\n"),
            RuleExample("vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 schema=test roster=2\n↓assert stat=evaluated value=2 source=report:section-1\n"),
        ],
        nonTriggering: [
            RuleExample("vault/periods/2023.txt", """
                period start=2023-01-01 end=2023-12-31 schema=test roster=2
                assert stat=evaluated value=1 source=report:section-1
                assert stat=band-percent-of-in-scope band=low value=50 source=report:section-1
                assert stat=band-percent-of-in-scope band=low value=50.0 source=report:section-1
                assert stat=band-count band=high+low value=1 source=report:section-1
                assert stat=activity-count kind=meeting type=council value=1 source=report:section-1

                """),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            let outcomes = AssertionCheck.outcomes(vault, results, period: periodID)
            for outcome in outcomes {
                let site = period.file.site(outcome.record)
                switch outcome.verdict {
                case .unchecked, .agrees: continue
                case .invalid(let problem):
                    found.append(site.diagnostic(description, at: period.file.offset(of: problem.field, in: outcome.record),
                                                 problem.message, hint: problem.hint))
                case .notHeld:
                    found.append(site.diagnostic(description, at: Int(outcome.record.start),
                        notHeld(["source": outcome.claim.sourceArgument, "what": outcome.claim.what.map(MessageArgument.text) ?? .message(aFigure()),
                                 "value": .text("\(outcome.claim.value)")]),
                        hint: keepUnheld()))
                case .disagrees(let computed):
                    found.append(site.diagnostic(description, at: Int(outcome.record.start),
                        disagrees(["source": outcome.claim.sourceArgument, "figure": .message(outcome.claim.figure),
                                   "value": .text("\(outcome.claim.value)"), "computed": .text("\(computed)")]),
                        hint: checkRecords(["period": .text(periodID)])))
                }
            }
            let unchecked = outcomes.filter { $0.verdict == .unchecked }.count
            if unchecked > 0, let line = period.file.records(of: "period").first {
                let info = description.with(severity: .info)
                found.append(period.file.site(line).diagnostic(info, at: Int(line.start),
                    cannotCheck(["count": .count(unchecked), "period": .text(periodID)]), hint: enterResults()))
            }
        }
        return found
    }

    static let notHeld = MessageTemplate(
        "assertion.not-in-vault", en: "{source} states {what} = {value}; the vault holds nothing that counts it",
        zh: "{source} 公布的{what} = {value}；vault 中没有可以核算它的记录")
    static let aFigure = MessageTemplate("assertion.not-in-vault.a-figure", en: "a figure", zh: "数字")
    static let keepUnheld = MessageTemplate(
        "assertion.not-in-vault.hint",
        en: "keep the figure as printed and acknowledge it with the reason the vault cannot hold it: # vault-allow assertion: REASON",
        zh: "请按原样保留这个数字，并在豁免注释中写明 vault 为何无法收录它：# vault-allow assertion: 理由")
    static let disagrees = MessageTemplate(
        "assertion.disagrees", en: "{source} states {figure} = {value}; the vault gives {computed}",
        zh: "{source} 公布 {figure} = {value}；vault 算得 {computed}")
    static let checkRecords = MessageTemplate(
        "assertion.disagrees.hint",
        en: "check the records behind it (`vault stats {period}`); if the source is wrong, keep its figure and acknowledge it: # vault-allow assertion: REASON",
        zh: "请核对算出这个数字的记录（`vault stats {period}`）；如果是来源报告有误，请保留它公布的数字，并加豁免注释：# vault-allow assertion: 理由")
    static let cannotCheck = MessageTemplate(
        "assertion.unchecked",
        en: "{count} published figures of period {period} cannot be checked: the vault holds no evaluation results for it",
        zh: "{period} 评价期有 {count} 项公布数据无法核对：vault 中没有该评价期的评价结果")
    static let enterResults = MessageTemplate(
        "assertion.unchecked.hint", en: "enter the period's results table to check them", zh: "请录入该评价期的评价结果表，以便核对")

    public static let messages = [notHeld, aFigure, keepUnheld, disagrees, checkRecords, cannotCheck, enterResults]
        + Claim.messages + Figures.messages
}

/// Checks a period's `assert` lines against the vault: used by lint and by reports.
public enum AssertionCheck {
    public enum Verdict: Equatable {
        case agrees
        /// The vault's figure, rounded to the printed precision.
        case disagrees(RoundedFigure)
        /// The period has no results to check a result figure against.
        case unchecked
        case invalid(Figures.Problem)
        /// `stat=not-in-vault`: the source counts something the vault does not hold.
        case notHeld
    }

    public struct Outcome {
        public var record: Record
        public var claim: Claim
        public var verdict: Verdict
    }

    public static func outcomes(_ vault: Vault, _ results: [String: PeriodResult], period periodID: String) -> [Outcome] {
        guard let period = vault.periods[periodID], let result = results[periodID], result.schema != nil else { return [] }
        let asserts = period.file.records(of: "assert")
        guard !asserts.isEmpty else { return [] }
        let printed = asserts.contains { period.file.text($0, "banding") == "printed" }
        let figures = Figures(result: result, vault: vault, printedBands: printed)
        return asserts.map { record in
            let claim = Claim(file: period.file, record: record)
            if claim.stat == "not-in-vault" { return Outcome(record: record, claim: claim, verdict: .notHeld) }
            let independent = Claim.independentOfResults.contains(claim.stat)
                || (claim.stat == "alliances-with" && claim.bands.isEmpty && claim.batch == nil)
            if !independent && !result.hasResults {
                return Outcome(record: record, claim: claim, verdict: .unchecked)
            }
            switch figures.value(of: claim) {
            case .failure(let problem): return Outcome(record: record, claim: claim, verdict: .invalid(problem))
            case .success(let actual):
                let holds = claim.approx == "at-least" ? Figures.isAtMost(claim.value, actual) : claim.value.agrees(with: actual)
                let verdict: Verdict = holds ? .agrees : .disagrees(actual.rounded(like: claim.value))
                return Outcome(record: record, claim: claim, verdict: verdict)
            }
        }
    }
}

/// One `assert` line, read.
public struct Claim {
    public var stat: String
    public var value: FixedDecimal
    public var bands: [String]
    public var batch: String?
    public var min: FixedDecimal?
    public var award: String?
    public var kind: String?
    public var type: String?
    public var source: String
    /// `printed`: alliances counted in the band they are printed under, not the band their score falls in.
    public var banding: String?
    /// `at-least`: the source printed a lower bound ("30 多", "数十").
    public var approx: String?
    /// What a `not-in-vault` figure counts, in words.
    public var what: String?
    /// Whether the line names its source (`source=`); else `source` is "the source".
    var namesSource: Bool

    /// Stats that do not need the period's results.
    static let independentOfResults: Set<String> = ["designations", "in-scope", "experts", "evaluation-number", "not-in-vault"]

    init(file: BoundFile, record: Record) {
        stat = file.text(record, "stat") ?? ""
        value = file.decimal(record, "value") ?? FixedDecimal(0)
        bands = (file.text(record, "band") ?? "").split(separator: "+").map(String.init)
        batch = file.text(record, "batch")
        min = file.decimal(record, "min")
        award = file.text(record, "award")
        kind = file.text(record, "kind")
        type = file.text(record, "type")
        let named = file.text(record, "source")
        source = named ?? "the source"
        namesSource = named != nil
        banding = file.text(record, "banding")
        approx = file.text(record, "approx")
        what = file.text(record, "what")
    }

    /// How the figure reads in a message: `band-count[high+fairly-high, batch 1]`.
    public var label: String { figure.text(.en) }

    /// The figure in either language: `band-count[high+fairly-high, 第 1 批]`.
    public var figure: Message {
        var qualifiers: [Message] = []
        if !bands.isEmpty { qualifiers.append(Self.term(["term": .text(bands.joined(separator: "+"))])) }
        if let batch { qualifiers.append(Self.batchQualifier(["batch": .text(batch)])) }
        if let min { qualifiers.append(Self.atLeastScore(["min": .text("\(min)")])) }
        if let award { qualifiers.append(Self.term(["term": .text(award)])) }
        if let kind { qualifiers.append(Self.term(["term": .text(kind + (type.map { "[\($0)]" } ?? ""))])) }
        if banding == "printed" { qualifiers.append(Self.asPrinted()) }
        if approx == "at-least" { qualifiers.append(Self.atLeast()) }
        guard let joined = Message.joined(qualifiers, by: Self.nextQualifier) else { return Self.plain(["stat": .text(stat)]) }
        return Self.qualified(["stat": .text(stat), "qualifiers": .message(joined)])
    }

    /// Who states the figure: the line's `source=`, else "the source".
    var sourceArgument: MessageArgument { namesSource ? .text(source) : .message(Self.theSource()) }

    static let plain = MessageTemplate("assertion.figure", en: "{stat}", zh: "{stat}")
    static let qualified = MessageTemplate("assertion.figure.qualified", en: "{stat}[{qualifiers}]", zh: "{stat}[{qualifiers}]")
    static let nextQualifier = MessageTemplate("assertion.figure.then", en: "{first}, {rest}", zh: "{first}, {rest}")
    static let term = MessageTemplate("assertion.figure.term", en: "{term}", zh: "{term}")
    static let batchQualifier = MessageTemplate("assertion.figure.batch", en: "batch {batch}", zh: "批次 {batch}")
    static let atLeastScore = MessageTemplate("assertion.figure.min", en: "≥{min}", zh: "≥{min}")
    static let asPrinted = MessageTemplate("assertion.figure.as-printed", en: "as printed", zh: "按印出的档次")
    static let atLeast = MessageTemplate("assertion.figure.at-least", en: "at least", zh: "至少")
    static let theSource = MessageTemplate("assertion.the-source", en: "the source", zh: "来源报告")

    static let messages = [plain, qualified, nextQualifier, term, batchQualifier, atLeastScore, asPrinted, atLeast, theSource]
}

/// The vault's side of each `stat`.
public struct Figures {
    public struct Problem: Error, Equatable {
        var field: String
        var message: Message
        var hint: Message
    }

    let result: PeriodResult
    let stats: PeriodStatistics
    let vault: Vault

    /// Each alliance's printed band by id, read once when some assertion counts by it.
    var printed: [String: String] = [:]

    init(result: PeriodResult, vault: Vault, printedBands: Bool = false) {
        self.result = result
        self.vault = vault
        stats = PeriodStatistics(result, vault: vault)
        if printedBands { printed = self.printedBands() }
    }

    func value(of claim: Claim) -> Result<Ratio, Problem> {
        let known = Set(result.schema?.bands.map(\.id) ?? [])
        if let unknown = claim.bands.first(where: { !known.contains($0) }) {
            return .failure(Problem(field: "band", message: Self.unknownBand(["band": .text(unknown)]),
                                    hint: Self.bandList(["bands": .list(known.sorted())])))
        }
        let evaluated = result.alliances.filter { $0.status == .evaluated }
        func inBands(_ list: [AllianceResult]) -> Int {
            list.filter { claim.bands.contains((claim.banding == "printed" ? printed[$0.id] : $0.band?.id) ?? "") }.count
        }
        func inBatch(_ alliance: AllianceResult) -> Bool {
            claim.batch == "pilot" ? ["1", "2", "3"].contains(alliance.batch ?? "") : (alliance.batch ?? "unknown") == claim.batch
        }
        let batchMembers = evaluated.filter(inBatch)
        func roster(_ batch: String) -> Result<Int, Problem> {
            let ids = batch == "pilot" ? ["1", "2", "3"] : [batch]
            guard ids.allSatisfy({ result.period.batchRoster[$0] != nil }) else {
                return .failure(Problem(field: "batch", message: Self.noRoster(["period": .text(result.period.id), "batch": .text(batch)]),
                                        hint: batch == "pilot" ? Self.addPilotRosters()
                                            : Self.addRoster(["field": .text("roster\(batch == "later" ? "-later" : batch)")])))
            }
            // Rosters are any int a file holds: added without trapping, a sum past Int64 is refused.
            var total: Int64 = 0
            for id in ids {
                let (sum, overflow) = total.addingReportingOverflow(result.period.batchRoster[id]!)
                guard !overflow, sum >= 0 else {
                    return .failure(Problem(field: "batch", message: Self.rostersOverflow(["batch": .text(batch)]), hint: Self.checkRosters()))
                }
                total = sum
            }
            return .success(Int(total))
        }
        func needs(_ field: String, _ present: Bool) -> Problem? {
            present ? nil : Problem(field: "stat", message: Self.needsField(["stat": .text(claim.stat), "field": .text(field)]),
                                    hint: Self.addField(["field": .text(field)]))
        }
        switch claim.stat {
        case "in-scope":
            guard let batch = claim.batch else { return .success(Ratio(stats.inScope)) }
            return roster(batch).map { Ratio($0) }
        case "entered-data": return .success(Ratio(stats.enteredData))
        case "evaluated": return .success(Ratio(stats.evaluated))
        case "not-evaluated": return .success(Ratio(stats.notEvaluated))
        case "no-data": return .success(Ratio(stats.inScope - stats.enteredData))
        case "incomplete": return .success(Ratio(result.alliances.filter { $0.status == .incomplete }.count))
        case "lowest-score":
            guard let lowest = evaluated.compactMap(\.score).min() else { return .success(Ratio(0)) }
            return .success(Ratio(numerator: .init(lowest.hundredths), denominator: 100))
        case "experts": return .success(Ratio(result.period.experts.count))
        case "evaluation-number":
            return .success(Ratio(vault.periodIDs.firstIndex(of: result.period.id).map { $0 + 1 } ?? 0))
        case "batch-evaluated-percent-of-batch":
            if let problem = needs("batch", claim.batch != nil) { return .failure(problem) }
            return roster(claim.batch!).map { Ratio(batchMembers.count, of: $0) }
        case "batch-band-percent-of-batch-evaluated", "batch-band-percent-of-evaluated", "batch-band-percent-of-in-scope":
            if let problem = needs("batch", claim.batch != nil) ?? needs("band", !claim.bands.isEmpty) { return .failure(problem) }
            let count = inBands(batchMembers)
            switch claim.stat {
            case "batch-band-percent-of-batch-evaluated": return .success(Ratio(count, of: batchMembers.count))
            case "batch-band-percent-of-evaluated": return .success(Ratio(count, of: evaluated.count))
            default: return .success(Ratio(count, of: stats.inScope))
            }
        case "alliances-with":
            guard let kinds = claim.kind?.split(separator: "+").map(String.init), !kinds.isEmpty else { return .failure(needs("kind", false)!) }
            // Without a band or batch: every alliance with a record file for the period (a bulletin's count of award winners).
            let pool = claim.bands.isEmpty && claim.batch == nil
                ? result.alliances.filter { $0.path != nil }
                : (claim.batch == nil ? evaluated : batchMembers).filter { claim.bands.isEmpty || inBands([$0]) == 1 }
            return .success(Ratio(pool.filter { alliance in
                guard let file = vault.alliances[alliance.id]?.records[result.period.id] else { return false }
                return kinds.contains { kind in
                    file.records(of: kind).contains { claim.type == nil || file.text($0, "type") == claim.type }
                }
            }.count))
        case "activity-count" where claim.kind?.contains("+") == true:
            var total = 0
            let kinds = claim.kind!.split(separator: "+").map(String.init)
            guard !kinds.isEmpty else { return .failure(needs("kind", false)!) }
            for kind in kinds {
                var single = claim
                single.kind = kind
                switch value(of: single) {
                case .failure(let problem): return .failure(problem)
                case .success(let part):
                    let (sum, overflow) = total.addingReportingOverflow(Int(part.rounded(to: 0).description) ?? 0)
                    guard !overflow else {
                        return .failure(Problem(field: "kind", message: Self.countsOverflow(["kind": .text(claim.kind!)]), hint: Self.checkCounts()))
                    }
                    total = sum
                }
            }
            return .success(Ratio(total))
        case "band-count", "band-percent-of-evaluated", "band-percent-of-in-scope":
            if let problem = needs("band", !claim.bands.isEmpty) { return .failure(problem) }
            let count = inBands(evaluated)
            switch claim.stat {
            case "band-count": return .success(Ratio(count))
            case "band-percent-of-evaluated": return .success(Ratio(count, of: evaluated.count))
            default: return .success(Ratio(count, of: stats.inScope))
            }
        case "batch-evaluated":
            if let problem = needs("batch", claim.batch != nil) { return .failure(problem) }
            return .success(Ratio(batchMembers.count))
        case "batch-band-count", "batch-band-percent-of-band", "batch-band-percent-of-batch":
            if let problem = needs("batch", claim.batch != nil) ?? needs("band", !claim.bands.isEmpty) { return .failure(problem) }
            let count = inBands(batchMembers)
            switch claim.stat {
            case "batch-band-count": return .success(Ratio(count))
            case "batch-band-percent-of-band": return .success(Ratio(count, of: inBands(evaluated)))
            default: return roster(claim.batch!).map { Ratio(count, of: $0) }
            }
        case "count-at-least":
            guard let min = claim.min.map(Points.init) else { return .failure(needs("min", false)!) }
            let pool = claim.batch == nil ? evaluated : batchMembers
            return .success(Ratio(pool.filter { ($0.score ?? .zero) >= min && $0.score != nil }.count))
        case "designations":
            guard let award = claim.award else { return .failure(needs("award", false)!) }
            var count = 0
            for alliance in vault.orderedAlliances {
                if claim.batch != nil, !(claim.batch == "pilot" ? ["1", "2", "3"].contains(alliance.batch ?? "") : alliance.batch == claim.batch) { continue }
                guard let file = alliance.records[result.period.id] else { continue }
                if file.records(of: "designation").contains(where: { file.text($0, "award") == award }) { count += 1 }
            }
            return .success(Ratio(count))
        case "activity-count", "activity-funding":
            guard let kind = claim.kind else { return .failure(needs("kind", false)!) }
            let matching = stats.activity.filter { $0.kind == kind && (claim.type == nil || $0.type == claim.type) }
            guard !matching.isEmpty else {
                return .failure(Problem(field: "kind", message: Self.noActivityKind(["kind": .text(kind + (claim.type.map { "[\($0)]" } ?? "")),
                                                                                      "schema": .text(result.schema?.id ?? "")]),
                                        hint: Self.kindList(["kinds": .list(Set(stats.activity.map(\.kind)).sorted())])))
            }
            if claim.stat == "activity-count" { return .success(Ratio(numerator: matching.reduce(.zero) { $0 + $1.count }, denominator: 1)) }
            let fen = matching.reduce(WideInt.zero) { $0 + ($1.funding ?? .zero) }
            return .success(Ratio(numerator: fen, denominator: 10_000_000_000))
        default:
            return .failure(Problem(field: "stat", message: Self.unknownStat(["stat": .text(claim.stat)]), hint: Self.seeFormat()))
        }
    }
}

extension Figures {
    static let unknownBand = MessageTemplate(
        "assertion.unknown-band", en: "unknown band \"{band}\" in an assertion", zh: "assert 行中有本评价期没有的档次“{band}”")
    static let bandList = MessageTemplate("assertion.unknown-band.hint", en: "bands of this period: {bands}", zh: "本评价期的档次：{bands}")
    static let noRoster = MessageTemplate(
        "assertion.no-roster", en: "period {period} states no roster for batch {batch}", zh: "{period} 评价期没有给出批次 {batch} 的联盟数")
    static let addPilotRosters = MessageTemplate(
        "assertion.no-roster.pilot.hint", en: "add roster1=, roster2= and roster3= to the period line",
        zh: "请在 period 行加上 roster1=、roster2= 和 roster3=")
    static let addRoster = MessageTemplate("assertion.no-roster.hint", en: "add {field}=N to the period line", zh: "请在 period 行加上 {field}=N")
    static let rostersOverflow = MessageTemplate(
        "assertion.roster-overflow", en: "the rosters of batch {batch} add up to more than any count",
        zh: "批次 {batch} 的联盟数加起来超出了可以计数的范围")
    static let checkRosters = MessageTemplate(
        "assertion.roster-overflow.hint", en: "check roster1=, roster2=, roster3= on the period line",
        zh: "请核对 period 行的 roster1=、roster2=、roster3=")
    static let needsField = MessageTemplate("assertion.needs-field", en: "stat={stat} needs {field}=", zh: "stat={stat} 需要写明 {field}=")
    static let addField = MessageTemplate("assertion.needs-field.hint", en: "add {field}=… (docs/format.md)", zh: "请加上 {field}=…（见 docs/format.md）")
    static let countsOverflow = MessageTemplate(
        "assertion.count-overflow", en: "the activity counts of {kind} add up to more than any count",
        zh: "{kind} 的活动数加起来超出了可以计数的范围")
    static let checkCounts = MessageTemplate(
        "assertion.count-overflow.hint", en: "check the count= fields of the period's records", zh: "请核对该评价期各记录的 count= 字段")
    static let noActivityKind = MessageTemplate(
        "assertion.unknown-kind", en: "no activity kind \"{kind}\" in schema {schema}", zh: "指标体系 {schema} 中没有活动记录类型“{kind}”")
    static let kindList = MessageTemplate("assertion.unknown-kind.hint", en: "kinds: {kinds}", zh: "可用的记录类型：{kinds}")
    static let unknownStat = MessageTemplate("assertion.unknown-stat", en: "unknown stat \"{stat}\"", zh: "未知的 stat“{stat}”")
    static let seeFormat = MessageTemplate("assertion.unknown-stat.hint", en: "see docs/format.md", zh: "见 docs/format.md")

    static let messages = [unknownBand, bandList, noRoster, addPilotRosters, addRoster, rostersOverflow, checkRosters, needsField,
                           addField, countsOverflow, checkCounts, noActivityKind, kindList, unknownStat, seeFormat]

    /// Whether `printed` is at most `actual` (a printed lower bound such as "30 多"): compared at two
    /// decimals more than printed, which is exact for the counts such bounds are given for.
    static func isAtMost(_ printed: FixedDecimal, _ actual: Ratio) -> Bool {
        (Double(actual.rounded(to: printed.scale + 2).description) ?? 0) >= (Double(printed.description) ?? 0)
    }

    /// Each alliance's band as its `published` evaluated line prints it, by id (for `banding=printed`).
    func printedBands() -> [String: String] {
        var bands: [String: String] = [:]
        for alliance in vault.orderedAlliances {
            guard let file = alliance.records[result.period.id] else { continue }
            let line = file.records(of: "published").first { file.text($0, "status") == "evaluated" && file.text($0, "band") != nil }
            if let line, let band = file.text(line, "band") { bands[alliance.id] = band }
        }
        return bands
    }
}

/// An exact figure: a count, a percentage or an amount, kept as a fraction so it
/// can be rounded to whatever precision a source printed. The numerator is wide
/// (a sum over every file of a period) and rounding never overflows (`RoundedFigure`).
struct Ratio: CustomStringConvertible {
    var numerator: WideInt
    /// Positive: 1, a count of alliances or a roster (an `int`, below 10^18), or 10^10 fen.
    var denominator: Int64

    init(numerator: WideInt, denominator: Int64) {
        self.numerator = numerator
        self.denominator = max(denominator, 1)
    }

    init(_ count: Int) { self.init(numerator: WideInt(Int64(count)), denominator: 1) }

    /// `part` as a percentage of `whole` (0 when the whole is 0); `part` is a count of alliances.
    init(_ part: Int, of whole: Int) {
        self.init(numerator: WideInt(Int64(part) * 100), denominator: Int64(max(whole, 1)))
    }

    /// Rounded half up to `scale` decimals (a printed value has at most 11).
    func rounded(to scale: Int) -> RoundedFigure { RoundedFigure(numerator, over: denominator, scale: min(scale, 18)) }

    func rounded(like printed: FixedDecimal) -> RoundedFigure { rounded(to: max(printed.scale, denominator == 1 ? 0 : 2)) }

    var description: String { rounded(to: 2).description }
}

extension FixedDecimal {
    /// Whether `actual`, rounded to this value's printed precision, is this value.
    func agrees(with actual: Ratio) -> Bool { actual.rounded(to: scale).equals(self) }
}
