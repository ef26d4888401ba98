#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a cycle command refused to act: the message, what to do, and the exit status
/// (2: a usage error or a step out of order; 1: findings in the files it reads).
public struct CycleRefusal: Error, Sendable {
    public var message: Message
    public var hint: Message?
    /// Findings in the files the command reads (an expert file edited into an invalid
    /// state): printed as lint prints them; exit status 1.
    public var findings: [Diagnostic] = []

    public init(_ message: Message, hint: Message?, findings: [Diagnostic] = []) {
        self.message = message
        self.hint = hint
        self.findings = findings
    }

    /// The words of another area's error: a message, or a text while that area is moved
    /// into the catalogue.
    static func said(_ message: Message) -> Message { message }

    /// The cycle commands' refusals (`Catalogue`).
    public static var messages: [MessageTemplate] {
        ReviewAssigner.messages + ReviewAssigner.uncoveredMessages + PeriodOpener.messages + Stage.messages + CycleStatus.messages
    }
}

extension Stage {
    /// The stage as the reports name it: 分组初评, 交叉会评, 复核.
    var name: Message {
        switch self {
        case .initial: Self.initialName()
        case .cross: Self.crossName()
        case .recheck: Self.recheckName()
        }
    }

    static let initialName = MessageTemplate("cycle.stage.initial", en: "initial", zh: "分组初评")
    static let crossName = MessageTemplate("cycle.stage.cross", en: "cross", zh: "交叉会评")
    static let recheckName = MessageTemplate("cycle.stage.recheck", en: "recheck", zh: "复核")
    static let bothNames = MessageTemplate("cycle.stage.both", en: "{first} and {rest}", zh: "{first}和{rest}")
    static let messages = [initialName, crossName, recheckName, bothNames]
}

/// What the vault holds about one period's cycle: who takes part, who reviews whom,
/// which review lines are filled in and which are still owed. `ReviewAssigner` and
/// `CycleStatus` both read the period through this, so they never disagree.
public struct PeriodCycle: Sendable {
    /// An alliance with a record file for the period, and its `participation` line.
    public struct Entry: Sendable {
        public var id: String
        /// The `participation status=` word, nil without a participation line.
        public var status: String?
        public var group: String?
        public var path: String
        /// Whether the record file holds records other than participation, published and result lines.
        public var hasRecords: Bool

        /// To be evaluated (or evaluated): reviews are owed for it.
        public var toBeEvaluated: Bool { status == "entered" || status == "evaluated" }
    }

    /// One review or owed line of the period.
    public struct Line: Sendable {
        public var expert: String
        public var alliance: String
        public var stage: Stage
        /// `review` (filled in) or `owed` (assigned, not yet filled in).
        public var filled: Bool
        /// Whether a filled-in review counts (`ReviewEligibility`).
        public var counts: Bool
        public var path: String
        public var line: Int
    }

    public struct Key: Hashable, Sendable {
        public var expert: String
        public var alliance: String
        public var stage: Stage
    }

    public let period: Period
    public let eligibility: ReviewEligibility
    /// Alliances with a record file for the period, in byte order of their ids.
    public let entries: [Entry]
    /// Review and owed lines, by expert in byte order, then in file order.
    public let lines: [Line]
    /// The review groups of the panel, in byte order.
    public let groups: [String]
    /// For each alliance, the experts whose initial or cross review of it counts.
    let reviewers: [String: [String]]
    let panelByGroup: [String: [Expert]]

    public init(_ period: Period, in vault: Vault) {
        self.period = period
        eligibility = ReviewEligibility(period, in: vault)
        var entries: [Entry] = []
        let own: Set<String> = ["participation", "published", "result", "designation"]
        for alliance in vault.orderedAlliances {
            guard let file = alliance.records[period.id] else { continue }
            let participation = file.records(of: "participation").first
            let hasRecords = file.records.contains { !own.contains(file.kindID(of: $0)) }
            entries.append(Entry(id: alliance.id, status: participation.flatMap { file.text($0, "status") },
                                 group: participation.flatMap { file.text($0, "group") }.flatMap { $0.isEmpty ? nil : $0 },
                                 path: file.path, hasRecords: hasRecords))
        }
        self.entries = entries
        var lines: [Line] = []
        for expertID in period.reviews.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let file = period.reviews[expertID]!
            for record in file.records {
                let kind = file.kindID(of: record)
                guard kind == "review" || kind == "owed",
                      let alliance = file.text(record, "alliance"),
                      let stage = file.text(record, "stage").flatMap(Stage.init(rawValue:)) else { continue }
                lines.append(Line(expert: expertID, alliance: alliance, stage: stage, filled: kind == "review",
                                  counts: kind == "review" && eligibility.counts(expert: expertID, alliance: alliance),
                                  path: file.path, line: Int(record.number)))
            }
        }
        self.lines = lines
        var reviewers: [String: [String]] = [:]
        for line in lines where line.counts && line.stage != .recheck { reviewers[line.alliance, default: []].append(line.expert) }
        self.reviewers = reviewers
        var groups: [String] = []
        for expert in period.experts {
            if let group = expert.group, !group.isEmpty, !groups.contains(group) { groups.append(group) }
        }
        self.groups = groups.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var byGroup: [String: [Expert]] = [:]
        var seen = Set<String>()
        for expert in period.experts {
            guard let group = expert.group, !group.isEmpty else { continue }
            if seen.insert(group + "\u{0}" + expert.id).inserted { byGroup[group, default: []].append(expert) }
        }
        panelByGroup = byGroup
    }

    /// The group that reviews an alliance of `group` at `stage`: its own at the
    /// initial stage, the next group of the panel (in byte order, round) at the cross stage.
    public func reviewingGroup(of group: String, at stage: Stage) -> String? {
        guard stage == .cross else { return group }
        guard let index = groups.firstIndex(of: group), groups.count > 1 else { return nil }
        return groups[(index + 1) % groups.count]
    }

    /// The panel's experts of a group, in panel order, each id once.
    func experts(of group: String) -> [Expert] { panelByGroup[group] ?? [] }
}

/// `vault review assign PERIOD --stage initial|cross|recheck`: for each expert, the
/// review lines they owe at that stage, written into `vault/reviews/PERIOD/EXPERT.txt`
/// as `owed alliance=… stage=…` lines the expert turns into `review` lines.
///
/// - initial: each alliance to be evaluated by the experts of its own group
///   (`participation group=`); cross: by the experts of the next group of the panel;
///   recheck: where the initial and cross totals differ by more than the period's
///   `threshold`, by the experts whose initial or cross review of it counted.
/// - An expert is never given an alliance whose review would not count
///   (`ReviewEligibility`, the scorer's and lint's own decision); an alliance no
///   expert can take is named with the reason.
/// - Filled-in `review` lines are never touched; an `owed` line of the stage that the
///   plan no longer holds (the panel changed, the alliance is no longer to be
///   evaluated) is removed; a second run changes no byte.
public enum ReviewAssigner {
    public struct Uncovered: Sendable, Equatable {
        public var alliance: String
        /// Why no expert can take it, in either language (`vault review assign`, `vault status`).
        public var reason: Message
    }

    public struct Plan: Sendable {
        public var period: String
        public var stage: Stage
        /// For each expert of the panel that owes something at this stage (panel order),
        /// the alliances, in byte order.
        public var byExpert: [(expert: String, alliances: [String])]
        /// Alliances to be evaluated that no expert can review at this stage.
        public var uncovered: [Uncovered]
        /// Alliances to be evaluated at this stage (the recheck: the divergent ones).
        public var alliances: [String]
    }

    /// What `write` changed.
    public struct Outcome: Sendable {
        public var plan: Plan
        /// Files written, with the lines added and removed in each.
        public var files: [(path: String, added: Int, removed: Int)]
    }

    /// The review lines owed at `stage` of `periodID`, or why they cannot be assigned now.
    public static func plan(_ vault: Vault, loadFindings: [Diagnostic], period periodID: String,
                            stage: Stage) throws(CycleRefusal) -> Plan {
        let period = try CycleStatus.period(periodID, in: vault)
        // The files the assignment is read from must be what they say.
        let reviewDirectory = "vault/reviews/\(periodID)"
        let broken = loadFindings.filter {
            let path = $0.location.path
            return $0.severity == .error && (path == period.file.path || path == "vault/reviews" || path == reviewDirectory
                                             || path.hasPrefix(reviewDirectory + "/"))
        }.sorted(by: Diagnostic.ordered)
        if !broken.isEmpty {
            throw CycleRefusal(brokenFiles(["period": .text(periodID), "count": .count(broken.count)]), hint: fixBrokenLines(), findings: broken)
        }
        guard period.schema != nil else {
            throw CycleRefusal(noSchema(["period": .text(periodID), "schema": .text(period.schemaID ?? "?")]), hint: runLint())
        }
        guard !period.experts.isEmpty else {
            throw CycleRefusal(noPanel(["period": .text(periodID), "path": .text(period.file.path)]), hint: addPanel())
        }
        let cycle = PeriodCycle(period, in: vault)
        try checkOrder(cycle, stage: stage)
        let evaluated = cycle.entries.filter(\.toBeEvaluated)
        var owed: [String: [String]] = [:]
        var uncovered: [Uncovered] = []
        var alliances: [String] = []
        switch stage {
        case .initial, .cross:
            for entry in evaluated {
                alliances.append(entry.id)
                cover(entry, stage: stage, cycle, &owed, &uncovered)
            }
        case .recheck:
            let place = "\(period.file.path):\(period.file.records.first.map { Int($0.number) } ?? 1)"
            guard let threshold = period.threshold.map(Points.init) else {
                throw CycleRefusal(noThreshold(["period": .text(periodID), "place": .text(place)]), hint: addThreshold())
            }
            let result = Scorer.score(vault, period, detail: false)
            for entry in evaluated {
                guard let a = result.alliance(entry.id), let initial = a.stageScores[.initial], let cross = a.stageScores[.cross],
                      threshold < (initial - cross).magnitude else { continue }
                alliances.append(entry.id)
                cover(recheckOf: entry.id, cycle, &owed, &uncovered)
            }
        }
        var byExpert: [(expert: String, alliances: [String])] = []
        var listed = Set<String>()
        for expert in period.experts where listed.insert(expert.id).inserted {
            if let list = owed[expert.id] { byExpert.append((expert.id, list)) }
        }
        return Plan(period: periodID, stage: stage, byExpert: byExpert, uncovered: uncovered, alliances: alliances)
    }

    /// The experts who review `entry` at the initial or cross stage.
    static func cover(_ entry: PeriodCycle.Entry, stage: Stage, _ cycle: PeriodCycle,
                      _ owed: inout [String: [String]], _ uncovered: inout [Uncovered], firstOnly: Bool = false) {
        let periodID = cycle.period.id
        guard let group = entry.group else {
            uncovered.append(Uncovered(alliance: entry.id, reason: noGroup(["path": .text(entry.path)])))
            return
        }
        guard cycle.groups.contains(group) else {
            let groups = cycle.groups.isEmpty ? panelWithoutGroups() : panelGroups(["groups": .list(cycle.groups)])
            uncovered.append(Uncovered(alliance: entry.id, reason: groupNotOnPanel(["group": .text(group), "path": .text(entry.path),
                                                                                     "period": .text(periodID), "groups": .message(groups)])))
            return
        }
        guard let reviewing = cycle.reviewingGroup(of: group, at: stage) else {
            uncovered.append(Uncovered(alliance: entry.id, reason: oneGroup(["group": .text(group)])))
            return
        }
        assign(entry.id, to: cycle.experts(of: reviewing), who: ofGroup(["group": .text(reviewing)]), cycle, &owed, &uncovered, firstOnly: firstOnly)
    }

    /// The re-check of `alliance`: by the experts whose initial or cross review of it counted.
    static func cover(recheckOf alliance: String, _ cycle: PeriodCycle,
                      _ owed: inout [String: [String]], _ uncovered: inout [Uncovered], firstOnly: Bool = false) {
        let reviewers = Set(cycle.reviewers[alliance] ?? [])
        var seen = Set<String>()
        let panel = cycle.period.experts.filter { reviewers.contains($0.id) && seen.insert($0.id).inserted }
        assign(alliance, to: panel, who: itsReviewers(), cycle, &owed, &uncovered, firstOnly: firstOnly)
    }

    /// Gives `alliance` to every expert of `experts` whose review of it would count.
    /// `firstOnly`: stop at the first expert who may (`vault status` asks only whether anyone may).
    static func assign(_ alliance: String, to experts: [Expert], who: Message, _ cycle: PeriodCycle,
                       _ owed: inout [String: [String]], _ uncovered: inout [Uncovered], firstOnly: Bool = false) {
        var excluded: [Message] = []
        var given = 0
        for expert in experts {
            let exclusions = cycle.eligibility.exclusions(expert: expert.id, alliance: alliance)
            if exclusions.isEmpty {
                owed[expert.id, default: []].append(alliance)
                given += 1
                if firstOnly { return }
            } else {
                excluded.append(expertExcluded(["expert": .text(expert.id),
                                                "reasons": .message(Message.joined(exclusions.map(ReviewEligibility.reason), by: nextReason)!)]))
            }
        }
        guard given == 0 else { return }
        uncovered.append(Uncovered(alliance: alliance,
            reason: experts.isEmpty ? noExpertOf(["who": .message(who)])
                                    : noneMay(["who": .message(who), "excluded": .message(Message.joined(excluded, by: nextReason)!)])))
    }

    /// A stage is assigned only once the one before is filled in.
    static func checkOrder(_ cycle: PeriodCycle, stage: Stage) throws(CycleRefusal) {
        guard stage != .initial else { return }
        let before: [Stage] = stage == .cross ? [.initial] : [.initial, .cross]
        let id = cycle.period.id
        let open = cycle.lines.filter { !$0.filled && before.contains($0.stage) }
        if !open.isEmpty {
            let places = open.prefix(5).map {
                owedLine(["place": .text("\($0.path):\($0.line)"), "expert": .text($0.expert), "alliance": .text($0.alliance), "stage": .message($0.stage.name)])
            }
            let stages = Message.joined(before.map(\.name), by: Stage.bothNames)!
            throw CycleRefusal(stillOwed(["stage": .message(stage.name), "period": .text(id), "count": .count(open.count), "before": .message(stages),
                                          "places": .message(Message.joined(places, by: nextPlace)!),
                                          "more": open.count > 5 ? .message(morePlaces()) : .text("")]),
                               hint: fillInFirst(["period": .text(id)]))
        }
        let previous = before.last!
        if !cycle.lines.contains(where: { $0.filled && $0.stage == previous }) {
            throw CycleRefusal(noneFilled(["stage": .message(stage.name), "period": .text(id), "previous": .message(previous.name)]),
                               hint: assignPrevious(["period": .text(id), "previousID": .text(previous.rawValue)]))
        }
    }

    /// The `owed` line for `alliance` at `stage`, as written.
    public static func line(alliance: String, stage: Stage) -> String {
        "owed alliance=\(Escapes.quoteIfNeeded(alliance)) stage=\(stage.rawValue)"
    }

    /// Writes the plan: each expert's file gains the owed lines it lacks and loses the
    /// owed lines of the stage the plan no longer holds. Atomic per file and under the
    /// project's write lock, like `vault score --write`; a file changed on disk since
    /// the vault was loaded is refused, and nothing is written.
    public static func write(_ plan: Plan, vault: Vault, root: String) throws(CycleRefusal) -> Outcome {
        let period = vault.periods[plan.period]!
        let wanted = Dictionary(plan.byExpert.map { ($0.expert, $0.alliances) }, uniquingKeysWith: { a, _ in a })
        let fs: DiskFileSystem
        let lock: WriteLock
        do throws(FileSystemError) {
            fs = try DiskFileSystem(root: root)
            lock = try WriteLock(fs)
        } catch {
            throw CycleRefusal(error.message, hint: error.hint)
        }
        defer { withExtendedLifetime(lock) {} }
        lock.removeLeftovers(vault.leftovers, in: fs)
        // Every new content is worked out before the first write.
        var writes: [(path: String, bytes: [UInt8], added: Int, removed: Int)] = []
        let experts = Set(wanted.keys).union(period.reviews.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for expert in experts {
            let path = "vault/reviews/\(plan.period)/\(expert).txt"
            let file = period.reviews[expert]
            let before: [UInt8]
            if let file {
                let current: [UInt8]
                do throws(FileSystemError) { current = try fs.read(path) } catch {
                    throw CycleRefusal(error.message, hint: error.hint)
                }
                guard current == Array(file.parsed.text.bytes) else {
                    throw CycleRefusal(changedMeanwhile(["path": .text(path)]), hint: runAgain())
                }
                before = current
            } else {
                before = []
            }
            let (after, added, removed) = updated(before, file: file, stage: plan.stage, alliances: wanted[expert] ?? [])
            if after != before { writes.append((path, after, added, removed)) }
        }
        if !writes.isEmpty {
            // Every target must be writable, and its directories real ones of the project,
            // before the first file is replaced: a refusal then leaves every file as it was.
            for directory in ["vault", "vault/reviews", "vault/reviews/\(plan.period)"] {
                var info = stat()
                guard lstat(root + "/" + directory, &info) == 0 else { continue }
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw CycleRefusal(notOwnDirectory(["directory": .text(directory),
                                                        "what": .message(info.st_mode & S_IFMT == S_IFLNK ? symbolicLink() : notDirectory())]),
                                       hint: makePlainDirectory(["directory": .text(directory)]))
                }
            }
            for write in writes {
                var info = stat()
                let path = root + "/" + write.path
                if lstat(path, &info) == 0 {
                    guard info.st_mode & S_IFMT == S_IFREG else {
                        throw CycleRefusal(notRegular(["path": .text(write.path)]), hint: replaceFile())
                    }
                    guard info.st_mode & S_IWUSR != 0 else {
                        throw CycleRefusal(readOnly(["path": .text(write.path)]), hint: makeWritable())
                    }
                }
            }
            do throws(FileSystemError) {
                try AtomicFile.ensureDirectory("vault/reviews", in: fs)
                try AtomicFile.ensureDirectory("vault/reviews/\(plan.period)", in: fs)
                for write in writes { try AtomicFile.write(write.bytes, to: write.path, in: fs) }
            } catch {
                throw CycleRefusal(error.message, hint: error.hint)
            }
        }
        return Outcome(plan: plan, files: writes.map { ($0.path, $0.added, $0.removed) })
    }

    /// An expert file with the owed lines of `stage` made to be `alliances`: missing
    /// ones appended, ones no longer wanted removed, every other byte kept.
    static func updated(_ bytes: [UInt8], file: BoundFile?, stage: Stage, alliances: [String]) -> ([UInt8], Int, Int) {
        let wanted = Set(alliances)
        var present = Set<String>()
        var drop: [(start: Int, end: Int)] = []
        if let file {
            for record in file.records {
                let kind = file.kindID(of: record)
                guard kind == "review" || kind == "owed", file.text(record, "stage") == stage.rawValue,
                      let alliance = file.text(record, "alliance") else { continue }
                if kind == "owed" && !wanted.contains(alliance) {
                    let start = Int(record.start)
                    var end = start
                    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                    drop.append((start, min(bytes.count, end + 1)))
                } else {
                    present.insert(alliance)
                }
            }
        }
        var out: [UInt8] = []
        var cursor = 0
        for range in drop.sorted(by: { $0.start < $1.start }) {
            out += bytes[cursor..<range.start]
            cursor = range.end
        }
        out += bytes[cursor...]
        let missing = alliances.filter { !present.contains($0) }
        if !missing.isEmpty {
            if let last = out.last, last != 0x0A { out.append(0x0A) }
            for alliance in missing { out += Array((line(alliance: alliance, stage: stage) + "\n").utf8) }
        }
        return (out, missing.count, drop.count)
    }

    static let brokenFiles = MessageTemplate(
        "cycle.review-assign.broken",
        en: "cannot assign reviews of {period}: {count} {count|error|errors} in its period or review files; nothing was written",
        zh: "无法分配 {period} 的评审：其评价期文件或评审文件中有 {count} 处错误；未写入任何文件")
    static let fixBrokenLines = MessageTemplate(
        "cycle.review-assign.broken.hint",
        en: "fix the lines named above (an `owed` line becomes `review alliance=… stage=… 2.1=3 …` once filled in), then run again",
        zh: "请改正上面列出的行（`owed` 行填好后应改为 `review alliance=… stage=… 2.1=3 …`），再运行一次")
    static let noSchema = MessageTemplate(
        "cycle.review-assign.no-schema", en: "period {period} has no usable schema (schema={schema}); nothing was written",
        zh: "评价期 {period} 没有可用的指标体系（schema={schema}）；未写入任何文件")
    static let runLint = MessageTemplate("cycle.review-assign.no-schema.hint", en: "run `vault lint` to see why", zh: "请运行 `vault lint` 查看原因")
    static let noPanel = MessageTemplate(
        "cycle.review-assign.no-panel", en: "period {period} has no expert panel (no `expert` lines in {path}); nothing was written",
        zh: "评价期 {period} 没有评价专家组（{path} 中没有 `expert` 行）；未写入任何文件")
    static let addPanel = MessageTemplate(
        "cycle.review-assign.no-panel.hint", en: "add the panel: expert id=E01 name=\"…\" group=A alliances=… (docs/cycle.md)",
        zh: "请写上评价专家组：expert id=E01 name=\"…\" group=A alliances=…（见 docs/cycle.md）")
    static let noThreshold = MessageTemplate(
        "cycle.review-assign.no-threshold", en: "period {period} has no threshold= on its period line ({place}); nothing was written",
        zh: "评价期 {period} 的 period 行（{place}）没有 threshold=；未写入任何文件")
    static let addThreshold = MessageTemplate(
        "cycle.review-assign.no-threshold.hint",
        en: "add threshold=N (initial and cross totals that differ by more than N points are re-checked)",
        zh: "请加上 threshold=N（分组初评与交叉会评总分相差超过 N 分的要复核）")
    static let stillOwed = MessageTemplate(
        "cycle.review-assign.still-owed",
        en: "cannot assign the {stage} stage of {period}: {count} {before} {count|review is|reviews are} still owed: {places}{more}; nothing was written",
        zh: "无法分配 {period} 的{stage}：还有 {count} 项{before}评审没有填好：{places}{more}；未写入任何文件")
    static let owedLine = MessageTemplate(
        "cycle.review-assign.still-owed.line", en: "{place} ({expert}, {alliance}, {stage})", zh: "{place}（{expert}，{alliance}，{stage}）")
    static let nextPlace = MessageTemplate("cycle.review-assign.still-owed.then", en: "{first}, {rest}", zh: "{first}；{rest}")
    static let morePlaces = MessageTemplate("cycle.review-assign.still-owed.more", en: ", …", zh: "；……")
    static let fillInFirst = MessageTemplate(
        "cycle.review-assign.still-owed.hint",
        en: "the experts fill them in first (change `owed` to `review` and set their scores); `vault status {period}` lists what is owed",
        zh: "请专家先填好这些评审（把 `owed` 改为 `review`，并填上分数）；`vault status {period}` 会列出没有填好的评审")
    static let noneFilled = MessageTemplate(
        "cycle.review-assign.none-filled",
        en: "cannot assign the {stage} stage of {period}: no {previous} review is filled in yet; nothing was written",
        zh: "无法分配 {period} 的{stage}：还没有填好的{previous}评审；未写入任何文件")
    static let assignPrevious = MessageTemplate(
        "cycle.review-assign.none-filled.hint",
        en: "run `vault review assign {period} --stage {previousID}` and have the experts fill in their lines first",
        zh: "请先运行 `vault review assign {period} --stage {previousID}`，并请专家填好各自的评审")
    static let changedMeanwhile = MessageTemplate(
        "cycle.review-assign.changed", en: "{path} changed while the assignment was worked out; nothing was written",
        zh: "分配评审期间 {path} 被改动了；未写入任何文件")
    static let runAgain = MessageTemplate("cycle.review-assign.changed.hint", en: "run the command again", zh: "请再运行一次")
    static let notOwnDirectory = MessageTemplate(
        "cycle.review-assign.not-directory",
        en: "{directory} is {what}; review files are written only into the project's own directories; nothing was written",
        zh: "{directory} {what}；评审文件只写入项目自己的目录；未写入任何文件")
    static let symbolicLink = MessageTemplate("cycle.review-assign.not-directory.link", en: "a symbolic link", zh: "是符号链接")
    static let notDirectory = MessageTemplate("cycle.review-assign.not-directory.other", en: "not a directory", zh: "不是目录")
    static let makePlainDirectory = MessageTemplate(
        "cycle.review-assign.not-directory.hint", en: "make {directory} a plain directory of the project, then run again",
        zh: "请把 {directory} 改成项目中的普通目录，再运行一次")
    static let notRegular = MessageTemplate(
        "cycle.review-assign.not-regular", en: "{path} is not a regular file; nothing was written", zh: "{path} 不是普通文件；未写入任何文件")
    static let replaceFile = MessageTemplate(
        "cycle.review-assign.not-regular.hint", en: "replace it with the expert's review file (or remove it), then run again",
        zh: "请换成该专家的评审文件（或删除它），再运行一次")
    static let readOnly = MessageTemplate(
        "cycle.review-assign.read-only", en: "{path} is read-only; nothing was written", zh: "{path} 是只读的；未写入任何文件")
    static let makeWritable = MessageTemplate(
        "cycle.review-assign.read-only.hint", en: "make it writable (chmod u+w) if it should change, then run again",
        zh: "如果它应当修改，请让它可写（chmod u+w），再运行一次")

    static let messages = [brokenFiles, fixBrokenLines, noSchema, runLint, noPanel, addPanel, noThreshold, addThreshold, stillOwed,
                           owedLine, nextPlace, morePlaces, fillInFirst, noneFilled, assignPrevious, changedMeanwhile, runAgain,
                           notOwnDirectory, symbolicLink, notDirectory, makePlainDirectory, notRegular, replaceFile, readOnly,
                           makeWritable]
}
