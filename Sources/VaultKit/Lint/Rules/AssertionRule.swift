/// A figure a source published (`assert`) that the vault's data does not give.
public enum AssertionRule: ScoredRule {
    public static let description = RuleDescription(
        id: "assertion",
        summary: "a published figure disagrees with what the vault computes",
        rationale: "every aggregate a report states is checked against the vault, like a balance assertion; a mismatch is either an entry error in the vault or an error in the report, which is then acknowledged where it stands",
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
                case .disagrees(let computed):
                    found.append(site.diagnostic(description, at: Int(outcome.record.start),
                        "\(outcome.claim.source) states \(outcome.claim.label) = \(outcome.claim.value); the vault gives \(computed)",
                        hint: "check the records behind it (`vault stats \(periodID)`); if the source is wrong, keep its figure and acknowledge it: # vault-allow assertion: REASON"))
                }
            }
            let unchecked = outcomes.filter { $0.verdict == .unchecked }.count
            if unchecked > 0, let line = period.file.records(of: "period").first {
                let info = description.with(severity: .info)
                found.append(period.file.site(line).diagnostic(info, at: Int(line.start),
                    "\(unchecked) published figures of period \(periodID) cannot be checked: the vault holds no evaluation results for it",
                    hint: "enter the period's results table to check them"))
            }
        }
        return found
    }
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
        let figures = Figures(result: result, vault: vault)
        return asserts.map { record in
            let claim = Claim(file: period.file, record: record)
            if claim.stat != "designations" && claim.stat != "in-scope" && !result.hasResults {
                return Outcome(record: record, claim: claim, verdict: .unchecked)
            }
            switch figures.value(of: claim) {
            case .failure(let problem): return Outcome(record: record, claim: claim, verdict: .invalid(problem))
            case .success(let actual):
                let verdict: Verdict = claim.value.agrees(with: actual) ? .agrees : .disagrees(actual.rounded(like: claim.value))
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

    init(file: BoundFile, record: Record) {
        stat = file.text(record, "stat") ?? ""
        value = file.decimal(record, "value") ?? FixedDecimal(0)
        bands = (file.text(record, "band") ?? "").split(separator: "+").map(String.init)
        batch = file.text(record, "batch")
        min = file.decimal(record, "min")
        award = file.text(record, "award")
        kind = file.text(record, "kind")
        type = file.text(record, "type")
        source = file.text(record, "source") ?? "the source"
    }

    /// How the figure reads in a message: `band-count[high+fairly-high, batch 1]`.
    public var label: String {
        var qualifiers: [String] = []
        if !bands.isEmpty { qualifiers.append(bands.joined(separator: "+")) }
        if let batch { qualifiers.append("batch \(batch)") }
        if let min { qualifiers.append("≥\(min)") }
        if let award { qualifiers.append(award) }
        if let kind { qualifiers.append(kind + (type.map { "[\($0)]" } ?? "")) }
        return qualifiers.isEmpty ? stat : "\(stat)[\(qualifiers.joined(separator: ", "))]"
    }
}

/// The vault's side of each `stat`.
public struct Figures {
    public struct Problem: Error, Equatable {
        var field: String
        var message: String
        var hint: String
    }

    let result: PeriodResult
    let stats: PeriodStatistics
    let vault: Vault

    init(result: PeriodResult, vault: Vault) {
        self.result = result
        self.vault = vault
        stats = PeriodStatistics(result, vault: vault)
    }

    func value(of claim: Claim) -> Result<Ratio, Problem> {
        let known = Set(result.schema?.bands.map(\.id) ?? [])
        if let unknown = claim.bands.first(where: { !known.contains($0) }) {
            return .failure(Problem(field: "band", message: "unknown band \"\(unknown)\" in an assertion",
                                    hint: "bands of this period: \(known.sorted().joined(separator: ", "))"))
        }
        let evaluated = result.alliances.filter { $0.status == .evaluated }
        func inBands(_ list: [AllianceResult]) -> Int { list.filter { claim.bands.contains($0.band?.id ?? "") }.count }
        let batchMembers = evaluated.filter { ($0.batch ?? "unknown") == claim.batch }
        func needs(_ field: String, _ present: Bool) -> Problem? {
            present ? nil : Problem(field: "stat", message: "stat=\(claim.stat) needs \(field)=", hint: "add \(field)=… (docs/format.md)")
        }
        switch claim.stat {
        case "in-scope": return .success(Ratio(stats.inScope))
        case "entered-data": return .success(Ratio(stats.enteredData))
        case "evaluated": return .success(Ratio(stats.evaluated))
        case "not-evaluated": return .success(Ratio(stats.notEvaluated))
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
            default:
                guard let roster = result.period.batchRoster[claim.batch!] else {
                    return .failure(Problem(field: "batch", message: "period \(result.period.id) states no roster for batch \(claim.batch!)",
                                            hint: "add roster\(claim.batch! == "later" ? "-later" : claim.batch!)=N to the period line"))
                }
                return .success(Ratio(count, of: Int(roster)))
            }
        case "count-at-least":
            guard let min = claim.min.map(Points.init) else { return .failure(needs("min", false)!) }
            let pool = claim.batch == nil ? evaluated : batchMembers
            return .success(Ratio(pool.filter { ($0.score ?? .zero) >= min && $0.score != nil }.count))
        case "designations":
            guard let award = claim.award else { return .failure(needs("award", false)!) }
            var count = 0
            for alliance in vault.orderedAlliances {
                guard let file = alliance.records[result.period.id] else { continue }
                if file.records(of: "designation").contains(where: { file.text($0, "award") == award }) { count += 1 }
            }
            return .success(Ratio(count))
        case "activity-count", "activity-funding":
            guard let kind = claim.kind else { return .failure(needs("kind", false)!) }
            let matching = stats.activity.filter { $0.kind == kind && (claim.type == nil || $0.type == claim.type) }
            guard !matching.isEmpty else {
                return .failure(Problem(field: "kind", message: "no activity kind \"\(kind)\(claim.type.map { "[\($0)]" } ?? "")\" in schema \(result.schema?.id ?? "")",
                                        hint: "kinds: \(Set(stats.activity.map(\.kind)).sorted().joined(separator: ", "))"))
            }
            if claim.stat == "activity-count" { return .success(Ratio(numerator: matching.reduce(.zero) { $0 + $1.count }, denominator: 1)) }
            let fen = matching.reduce(WideInt.zero) { $0 + ($1.funding ?? .zero) }
            return .success(Ratio(numerator: fen, denominator: 10_000_000_000))
        default:
            return .failure(Problem(field: "stat", message: "unknown stat \"\(claim.stat)\"", hint: "see docs/format.md"))
        }
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
