/// Every figure the period's sources printed (its `assert` lines), as the report shows it:
/// in words, with the vault's own value and a "checked against the vault" mark. The
/// verdict is `AssertionCheck`'s, the one lint uses, so the report and lint never disagree.
public struct PublishedFigure: Sendable {
    /// The mark beside the figure.
    public enum Check: Sendable, Equatable {
        /// The vault's data gives the printed figure.
        case agrees
        /// The vault gives another value; `reason` is the acknowledgement (`# vault-allow
        /// assertion: REASON`) where the vault explains the difference, nil where nothing does.
        case differs(reason: String?)
        /// The period has no results to check it against.
        case unchecked
        /// The vault holds nothing that counts it (`stat=not-in-vault`).
        case notHeld(reason: String?)
        /// The assert line is malformed (lint reports it).
        case invalid(String)

        /// The mark in words, as every format prints it.
        public var mark: String {
            switch self {
            case .agrees: "✓ 符合"
            case .differs(let reason): reason == nil ? "✗ 不符（未说明）" : "≠ 不符（已说明）"
            case .unchecked: "– 无法核对（库内无该期评价结果）"
            case .notHeld: "– 库内不存"
            case .invalid: "✗ 断言有误"
            }
        }

        /// Why: the acknowledgement's reason for a difference or a figure the vault cannot hold,
        /// the assertion's problem; nil where the mark says all.
        public var reason: String? {
            switch self {
            case .differs(let reason): reason
            case .notHeld(let reason): reason ?? "来源所计之物库内没有记录"
            case .invalid(let message): message
            case .agrees, .unchecked: nil
            }
        }

        /// A stable word for JSON: agrees, differs, unchecked, not-held, invalid.
        public var word: String {
            switch self {
            case .agrees: "agrees"
            case .differs: "differs"
            case .unchecked: "unchecked"
            case .notHeld: "not-held"
            case .invalid: "invalid"
            }
        }
    }

    /// The figure in words (`第一批 活跃度高 占本批联盟`).
    public var label: String
    /// The assertion's own label (`batch-band-percent-of-batch[high, batch 1]`), for people who grep the vault.
    public var stat: String
    /// The source and the place in it (`report-2022-2023:section-3.6`).
    public var source: String
    /// The printed number (a count, percentage or amount).
    public var published: String
    /// The source printed a lower bound ("30 多").
    public var atLeast: Bool
    /// The printed figure as the report shows it: the number, with 多 after a lower bound.
    public var shown: String { atLeast ? published + " 多" : published }
    /// What the vault gives, rounded like the printed figure; nil where it gives nothing.
    public var vault: String?
    public var check: Check
    public var note: String?
    /// The report section it belongs in.
    public var section: String
    public var location: SourceLocation
}

extension PublishedFigure {
    /// The period's published figures in file order (the sources' order).
    static func all(_ vault: Vault, _ results: [String: PeriodResult], period periodID: String, words: FigureWords) -> [PublishedFigure] {
        guard let period = vault.periods[periodID] else { return [] }
        let file = period.file
        var reasons: [Int: String] = [:]
        for suppression in file.parsed.suppressions where suppression.target > 0 && suppression.rules.contains(AssertionRule.description.id) {
            reasons[suppression.target] = suppression.reason
        }
        return AssertionCheck.outcomes(vault, results, period: periodID).map { outcome in
            let line = Int(outcome.record.number)
            let claim = outcome.claim
            var vaultValue: String?
            let check: Check
            switch outcome.verdict {
            case .agrees:
                check = .agrees
                vaultValue = claim.value.description
            case .disagrees(let computed):
                check = .differs(reason: reasons[line])
                vaultValue = computed.description
            case .unchecked: check = .unchecked
            case .notHeld: check = .notHeld(reason: reasons[line])
            case .invalid(let problem): check = .invalid(problem.message.text(.zh))
            }
            return PublishedFigure(label: words.label(claim), stat: claim.label, source: claim.source,
                                   published: claim.value.description, atLeast: claim.approx == "at-least",
                                   vault: vaultValue, check: check, note: file.text(outcome.record, "note"),
                                   section: Self.section(of: claim),
                                   location: SourceLocation(path: file.path, line: line, column: 1))
        }
    }

    /// Which report section shows a figure: by what it counts, so that every period's
    /// sources, whatever their numbering, land in the same sections.
    static func section(of claim: Claim) -> String {
        switch claim.stat {
        case "activity-count", "activity-funding", "alliances-with", "not-in-vault": "activity"
        case "experts": "panel"
        case "designations": "a-level"
        case "count-at-least" where claim.batch != nil: "batches"
        case let stat where stat.hasPrefix("batch-"): "batches"
        default: "overview"
        }
    }
}

/// The Chinese words for what an assertion counts, built from the schema's own titles.
struct FigureWords: Sendable {
    let schema: Schema
    /// Indicator titles of every schema, the period's first: a kind's type that the period's
    /// schema scores only as a whole (schema 2014's one project indicator) is named as a
    /// later schema names it.
    let indicators: [Indicator]

    init(schema: Schema, vault: Vault) {
        self.schema = schema
        indicators = schema.indicators + vault.schemas.keys.sorted().filter { $0 != schema.id }.flatMap { vault.schemas[$0]!.indicators }
    }

    func band(_ ids: [String]) -> String {
        ids.map { id in schema.bands.first { $0.id == id }?.label ?? id }.joined(separator: "和")
    }

    static func batch(_ id: String?) -> String {
        switch id {
        case nil: ""
        case "pilot"?: "三批试点"
        case let id?: PeriodReport.batchLabel(id)
        }
    }

    /// A kind with its type, as the indicators name it (`project[type=self-funded]` is 自设协同创新项目).
    func kind(_ kind: String, type: String?) -> String {
        let titled = schema.kinds.first { $0.id == kind }?.title ?? kind
        guard let type else { return titled }
        if let indicator = indicators.first(where: { $0.evidence.contains { $0.kind == kind && $0.field == "type" && $0.value == type } }) {
            return indicator.title
        }
        // A title that lists its types in the enum's order (网站、网页、微信公众号 for website, webpage, wechat).
        let parts = titled.split(separator: "、").map(String.init)
        if case .enumeration(let cases)? = schema.kinds.first(where: { $0.id == kind })?.fields.first(where: { $0.id == "type" })?.type,
           cases.count == parts.count, let index = cases.firstIndex(of: type) {
            return parts[index]
        }
        return "\(titled)（\(type)）"
    }

    func kinds(_ claim: Claim) -> String {
        (claim.kind ?? "").split(separator: "+").map { kind(String($0), type: claim.type) }.joined(separator: "及")
    }

    func label(_ claim: Claim) -> String {
        let batch = Self.batch(claim.batch)
        let bands = band(claim.bands)
        let printed = claim.banding == "printed" ? "（按来源所列等级）" : ""
        let subject = [batch, bands].filter { !$0.isEmpty }.joined(separator: " ")
        let text: String = switch claim.stat {
        case "in-scope": "\(batch.isEmpty ? "评价对象" : batch)联盟数"
        case "entered-data": "录入信息的联盟数"
        case "evaluated": "参评联盟数"
        case "not-evaluated": "未参与评价的联盟数"
        case "incomplete": "信息填报不完整的联盟数"
        case "no-data": "未填报数据的联盟数"
        case "experts": "评价专家人数"
        case "evaluation-number": "第几次评价"
        case "lowest-score": "参评联盟最低分"
        case "band-count": "\(bands)联盟数"
        case "band-percent-of-evaluated": "\(bands)占参评联盟"
        case "band-percent-of-in-scope": "\(bands)占联盟总数"
        case "batch-evaluated": "\(batch)参评联盟数"
        case "batch-evaluated-percent-of-batch": "\(batch)参评占本批联盟"
        case "batch-band-count": "\(subject)联盟数"
        case "batch-band-percent-of-band": "\(subject)占\(bands)联盟"
        case "batch-band-percent-of-batch": "\(subject)占本批联盟"
        case "batch-band-percent-of-batch-evaluated": "\(subject)占本批参评联盟"
        case "batch-band-percent-of-evaluated": "\(subject)占参评联盟"
        case "batch-band-percent-of-in-scope": "\(subject)占联盟总数"
        case "count-at-least": "\(batch.isEmpty ? "" : batch + " ")\(claim.min.map { "\($0) 分以上" } ?? "")的联盟数"
        case "designations":
            // 第一批 A级活跃度联盟数: the award's label already ends in 联盟 in the shipped schemas.
            "\(batch.isEmpty ? "" : batch + " ")\(schema.awards.first { $0.id == claim.award }.map { $0.label.hasSuffix("联盟") ? $0.label : $0.label + "联盟" } ?? claim.award ?? "")数"
        case "activity-count": "\(kinds(claim))数量"
        case "activity-funding": "\(kinds(claim))经费（亿元）"
        case "alliances-with": "\(subject.isEmpty ? "" : subject + " ")开展\(kinds(claim))的联盟数"
        case "not-in-vault": claim.what ?? "来源所计之物"
        default: claim.label
        }
        return text + printed + (claim.approx == "at-least" ? "（约数，至少）" : "")
    }
}
