/// The lint stage: load, run every rule, apply suppressions, sort.
public enum Linter {
    public struct Options: Sendable {
        /// When false, every suppression is ignored (`--no-suppressions`).
        public var suppressions = true
        public init(suppressions: Bool = true) { self.suppressions = suppressions }
    }

    public struct Result: Sendable {
        /// Sorted by path, line, column, rule.
        public var diagnostics: [Diagnostic]
        public var files: Int
        public var vault: Vault

        public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }
    }

    public static func lint(_ fs: any FileSystem, options: Options = Options()) -> Result {
        // The per-file rules run inside the loader's parallel pass, while each file is in cache.
        let loaded = StageTimer.measure("load") { Loader.load(fs, checkingEachRecordFile: checkFile) }
        return StageTimer.measure("lint") { lint(loaded, options: options) }
    }

    public static func lint(_ loaded: Loader.Result, options: Options = Options()) -> Result {
        let vault = loaded.vault
        var diagnostics = loaded.diagnostics
        // Scoring, the whole-vault rules and the per-file rules do not depend on
        // one another: one parallel pass runs them all, the longest jobs first.
        let unchecked = StageTimer.measure("unchecked") { vault.boundFiles.filter { !loaded.checked.contains(ObjectIdentifier($0)) } }
        let outcomes = StageTimer.measure("rules and score") { parallelMap(jobs(vault, unchecked)) { job in job.run(vault) } }
        var results: [String: PeriodResult] = [:]
        for outcome in outcomes {
            switch outcome {
            case .findings(let found): diagnostics += found
            case .period(let id, let result): results[id] = result
            }
        }
        StageTimer.measure("awards") { Awards.apply(to: &results, order: vault.periodIDs) }
        let scored = StageTimer.measure("scored rules") {
            parallelMap(Rules.scoredRules) { rule in StageTimer.measure("  \(rule.description.id)") { rule.check(vault, results) } }
        }
        diagnostics += scored.joined()
        if options.suppressions {
            diagnostics = StageTimer.measure("suppressions") { SuppressionFilter.apply(to: diagnostics, files: vault.files) }
        }
        diagnostics = StageTimer.measure("sort") { Array(Set(diagnostics)).sorted(by: Diagnostic.ordered) }
        diagnostics = capped(diagnostics)
        return Result(diagnostics: diagnostics, files: vault.files.count, vault: vault)
    }

    /// How many findings one line reports; the rest are summed up in one more finding
    /// ("N more problems on this line not shown"). The binder, where a line of 100,000
    /// bad fields would make 100,000 findings, stops building them at this count.
    public static let findingsPerLine = 20

    /// The finding that stands for `hidden` findings not shown on a line, `first` being
    /// the first of them: it keeps that one's rule, severity and place, so a line's
    /// errors still fail the run.
    static func summary(of first: Diagnostic, hidden: Int) -> Diagnostic {
        var summary = first
        summary.message = hiddenOnLine(["hidden": .count(hidden)])
        summary.hint = hiddenOnLineHint(["limit": .count(findingsPerLine)])
        summary.hidden = hidden
        return summary
    }

    /// Whether the next finding of a line whose findings start at `first` in
    /// `diagnostics` is to be built: the first `findingsPerLine` and one more, which
    /// `summarise` turns into the summary; each later one is only counted on it.
    /// Out of line: only a line with a problem calls it.
    @inline(never)
    static func shows(_ diagnostics: inout [Diagnostic], lineFrom first: Int) -> Bool {
        guard diagnostics.count - first > findingsPerLine else { return true }
        diagnostics[diagnostics.count - 1].hidden += 1
        return false
    }

    /// Turns the last finding of a line that `shows` capped into its summary.
    @inline(never)
    static func summarise(_ diagnostics: inout [Diagnostic]) {
        let last = diagnostics.count - 1
        diagnostics[last] = summary(of: diagnostics[last], hidden: diagnostics[last].hidden + 1)
    }

    static let hiddenOnLine = MessageTemplate(
        "lint.hidden-on-line",
        en: "{hidden} more {hidden|problem|problems} on this line not shown",
        zh: "本行另有 {hidden} 处问题未显示")
    static let hiddenOnLineHint = MessageTemplate(
        "lint.hidden-on-line.hint",
        en: "a line reports at most {limit} findings; fix these and run `vault lint` again",
        zh: "每行最多报告 {limit} 处问题；请先改正这些，再运行 `vault lint`")

    /// The linter's own messages (`Catalogue`).
    static let messages = [hiddenOnLine, hiddenOnLineHint]

    /// Sorted findings with at most `findingsPerLine` on one line, and one summary after
    /// them for the rest (folding in a summary the binder made). One pass, and none on
    /// a vault whose lines each have few findings.
    static func capped(_ sorted: [Diagnostic]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var index = 0
        while index < sorted.count {
            var end = index + 1
            while end < sorted.count, sorted[end].location.line == sorted[index].location.line,
                  sorted[end].location.path == sorted[index].location.path { end += 1 }
            let line = sorted[index..<end]
            let summaries = line.count { $0.hidden > 0 }
            guard summaries > 0 || line.count > findingsPerLine else {
                out += line
                index = end
                continue
            }
            var shown = 0
            var hidden = 0
            var first: Diagnostic?
            var severity = Severity.info
            for d in line {
                if d.hidden == 0, shown < findingsPerLine {
                    out.append(d)
                    shown += 1
                    continue
                }
                hidden += d.hidden == 0 ? 1 : d.hidden
                if first == nil || (d.hidden == 0 && first!.hidden > 0) { first = d }
                if d.severity.rank < severity.rank { severity = d.severity }
            }
            if let first {
                var summary = summary(of: first, hidden: hidden)
                summary.severity = severity
                out.append(summary)
            }
            index = end
        }
        return out
    }

    /// Every per-file rule on one file.
    @Sendable static func checkFile(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        Rules.fileRules.flatMap { $0.check(file, in: vault) }
    }

    /// One unit of the parallel pass.
    enum Job {
        /// Scoring one period (awards, which look across periods, come after the pass).
        case score(String)
        case vaultRule(any VaultRule.Type)
        /// The per-file rules on some files.
        case files(ArraySlice<BoundFile>)

        enum Outcome {
            case findings([Diagnostic])
            case period(String, PeriodResult)
        }

        func run(_ vault: Vault) -> Outcome {
            switch self {
            case .score(let id):
                return .period(id, Scorer.score(vault, vault.periods[id]!, detail: false))
            case .vaultRule(let rule):
                return StageTimer.measure("  \(rule.description.id)") { .findings(rule.check(vault)) }
            case .files(let files):
                return .findings(files.flatMap { checkFile($0, in: vault) })
            }
        }
    }

    /// Each period's scoring and each vault rule first (long jobs), then the files the
    /// loader did not check, in runs of 64, small enough to even out the load at the end.
    /// Periods are jobs of their own: scoring them in a nested parallel pass left a core idle.
    static func jobs(_ vault: Vault, _ files: [BoundFile]) -> [Job] {
        let runs = stride(from: 0, to: files.count, by: 64).map { Job.files(files[$0..<min($0 + 64, files.count)]) }
        return vault.periodIDs.map { .score($0) } + Rules.vaultRules.map { .vaultRule($0) } + runs
    }
}

extension Severity {
    /// 0 for an error, the most severe.
    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }
}

/// Drops the findings a suppression acknowledges, then reports suppressions
/// that have no reason, name an unknown rule, or acknowledge nothing.
enum SuppressionFilter {
    struct Target: Hashable {
        var path: String
        var line: Int
    }

    static func apply(to diagnostics: [Diagnostic], files: [ParsedFile]) -> [Diagnostic] {
        var byTarget: [Target: [Suppression]] = [:]
        for file in files {
            for suppression in file.suppressions where suppression.target > 0 {
                byTarget[Target(path: suppression.location.path, line: suppression.target), default: []].append(suppression)
            }
        }
        var used: Set<Suppression> = []
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            let target = Target(path: diagnostic.location.path, line: diagnostic.location.line)
            if let match = byTarget[target]?.first(where: { $0.rules.contains(diagnostic.ruleID) && !$0.reason.isEmpty }) {
                used.insert(match)
            } else {
                kept.append(diagnostic)
            }
        }
        let known = Rules.ids
        for file in files {
            for suppression in file.suppressions {
                kept += problems(of: suppression, used: used.contains(suppression), known: known)
            }
        }
        return kept
    }

    static func problems(of suppression: Suppression, used: Bool, known: Set<String>) -> [Diagnostic] {
        func finding(_ rule: RuleDescription, _ message: Message, _ hint: Message) -> Diagnostic {
            Diagnostic(ruleID: rule.id, severity: rule.severity, location: suppression.location,
                       message: message, hint: hint, lineText: suppression.lineText)
        }
        typealias Bad = BadSuppressionRule
        if suppression.rules.isEmpty {
            return [finding(Bad.description, Bad.namesNoRule(), Bad.writeRule())]
        }
        let unknown = suppression.rules.filter { !known.contains($0) }
        if !unknown.isEmpty {
            let hint = Suggest.closest(to: unknown[0], in: known.sorted()).map { Bad.didYouMean(["suggestion": .text($0)]) }
                ?? Bad.listRules()
            return [finding(Bad.description, Bad.unknownRule(["rule": .text(unknown[0])]), hint)]
        }
        let rules = MessageArgument.list(suppression.rules)
        if suppression.reason.isEmpty {
            return [finding(Bad.description, Bad.noReason(["rules": rules]),
                            Bad.giveReason(["rules": .text(suppression.rules.joined(separator: ", "))]))]
        }
        if !used {
            typealias Unused = UnusedSuppressionRule
            let message = suppression.target > 0 ? Unused.nothingOnLine(["rules": rules, "line": .text("\(suppression.target)")])
                                                 : Unused.nothingAnywhere(["rules": rules])
            return [finding(Unused.description, message, Unused.removeComment())]
        }
        return []
    }
}
