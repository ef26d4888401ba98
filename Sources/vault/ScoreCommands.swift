import VaultKit

/// Loads the project and scores it, or says why not.
struct ScoredProject {
    var root: String
    var vault: Vault
    var results: [String: PeriodResult]

    /// With `period`, only that period and the periods its awards look back on are scored.
    static func open(_ directory: String?, period: String?) -> ScoredProject? {
        guard let fs = openProject(directory) else { return nil }
        let vault = keptUntilExit(Loader.load(fs).vault)
        let results = period.map { Scorer.score(vault, period: $0) } ?? Scorer.score(vault)
        return ScoredProject(root: fs.root, vault: vault, results: keptUntilExit(results))
    }

    /// The period's result, or a message with the closest period id.
    func period(_ id: String) throws(UsageError) -> PeriodResult {
        guard let result = results[id] else {
            let known = vault.periodIDs
            let message = Suggest.period(for: id, in: Array(vault.periods.values)).map {
                Self.noPeriodGuess(["period": .text(id), "guess": .text($0), "periods": .list(known)])
            } ?? Self.noPeriod(["period": .text(id), "periods": .list(known)])
            throw UsageError(message: message, usage: "")
        }
        guard result.schema != nil else {
            let schemaID = result.period.schemaID
            let why = schemaID.flatMap { vault.schemaErrors[$0] }
                .map { Self.schemaHasErrors(["schema": .text(schemaID!), "location": .text($0.location.description), "error": .message($0.message)]) }
                ?? schemaID.map { Self.schemaMissing(["schema": .text($0)]) }
                ?? Self.noSchemaLine(["path": .text(result.period.file.path)])
            throw UsageError(message: Self.cannotScore(["period": .text(id), "reason": .message(why)]), usage: "")
        }
        return result
    }

    /// The alliance a user names (`AllianceLookup`), or a message with the closest one:
    /// `explain` and `report --alliance` answer alike.
    func allianceID(_ wanted: String) throws(UsageError) -> String {
        switch AllianceLookup.find(wanted, in: vault) {
        case .found(let id):
            return id
        case .ambiguous(let ids):
            throw UsageError(message: Self.ambiguous(["name": .text(wanted), "ids": .list(ids)]), usage: "")
        case .notFound(let closest, let via):
            let message = switch (closest, via) {
            case (let guess?, let via?): Self.notFoundGuessVia(["name": .text(wanted), "guess": .text(guess), "via": .text(via)])
            case (let guess?, nil): Self.notFoundGuess(["name": .text(wanted), "guess": .text(guess)])
            default: Self.notFound(["name": .text(wanted)])
            }
            throw UsageError(message: message, usage: "")
        }
    }

    static let noPeriod = MessageTemplate(
        "cli.period.unknown", en: "no period \"{period}\" in vault/periods/ (periods: {periods})",
        zh: "vault/periods/ 中没有评价期“{period}”（现有评价期：{periods}）")
    static let noPeriodGuess = MessageTemplate(
        "cli.period.unknown.guess", en: "no period \"{period}\" in vault/periods/; did you mean {guess}? (periods: {periods})",
        zh: "vault/periods/ 中没有评价期“{period}”，是不是要用 {guess}？（现有评价期：{periods}）")
    static let cannotScore = MessageTemplate(
        "cli.period.cannot-score", en: "period {period} cannot be scored: {reason}; run `vault lint` to see every finding",
        zh: "评价期 {period} 无法计分：{reason}；运行 `vault lint` 查看全部问题")
    static let schemaHasErrors = MessageTemplate(
        "cli.period.schema-errors", en: "schema \"{schema}\" has errors; first: {location}: {error}",
        zh: "指标体系“{schema}”有错误，第一处在 {location}：{error}")
    static let schemaMissing = MessageTemplate(
        "cli.period.schema-missing", en: "schema \"{schema}\" is not in schemas/", zh: "schemas/ 中没有指标体系“{schema}”")
    static let noSchemaLine = MessageTemplate(
        "cli.period.no-schema-line", en: "{path} has no valid period line naming its schema",
        zh: "{path} 中没有写明指标体系的有效 period 行")
    // The ids say explain, whose answer these were first; report --alliance shares them.
    static let ambiguous = MessageTemplate(
        "cli.explain.ambiguous", en: "\"{name}\" names several alliances: {ids}; give one of their ids",
        zh: "“{name}”对应多个联盟：{ids}；请写其中一个的编号")
    static let notFound = MessageTemplate(
        "cli.explain.unknown", en: "no alliance \"{name}\" in vault/alliances/ by id, code, name, former name or short name",
        zh: "vault/alliances/ 中按编号、批次编号、全称、曾用名或简称都找不到联盟“{name}”")
    static let notFoundGuess = MessageTemplate(
        "cli.explain.unknown.guess",
        en: "no alliance \"{name}\" in vault/alliances/ by id, code, name, former name or short name; did you mean {guess}?",
        zh: "vault/alliances/ 中按编号、批次编号、全称、曾用名或简称都找不到联盟“{name}”，是不是要找 {guess}？")
    static let notFoundGuessVia = MessageTemplate(
        "cli.explain.unknown.guess-via",
        en: "no alliance \"{name}\" in vault/alliances/ by id, code, name, former name or short name; did you mean {guess} ({via})?",
        zh: "vault/alliances/ 中按编号、批次编号、全称、曾用名或简称都找不到联盟“{name}”，是不是要找 {guess}（{via}）？")
    static let messages = [noPeriod, noPeriodGuess, cannotScore, schemaHasErrors, schemaMissing, noSchemaLine,
                           ambiguous, notFound, notFoundGuess, notFoundGuessVia]
}

/// `vault score [PERIOD] [--format text|tsv|json] [--write]`.
struct ScoreCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        if parsed.positionals.isEmpty && !parsed.flags.contains("--write") {
            return whichPeriod(directory, usage: Commands.usage(of: "score"))
        }
        guard let project = ScoredProject.open(directory, period: parsed.positionals.first) else { return .usage }
        if parsed.flags.contains("--write") {
            var results = project.results
            if let id = parsed.positionals.first { results = [id: try project.period(id)] }
            do throws(FileSystemError) {
                let changed = try ResultWriter.write(results, root: project.root, leftovers: project.vault.leftovers,
                                                      refused: project.vault.refusedEntries)
                let shown = invocation.paths(root: project.root)
                let l = invocation.language
                for path in changed { Terminal.write(Self.wrote(["path": .text(Escape.terminal(shown(path)))]).text(l) + "\n") }
                Terminal.write((changed.isEmpty ? Self.upToDate() : Self.written(["count": .count(changed.count)])).text(l) + "\n")
                return .clean
            } catch {
                Terminal.failure(error.message.text(Terminal.language), hint: error.hint?.text(Terminal.language))
                return .usage
            }
        }
        let result = try project.period(parsed.positionals[0])
        switch parsed.values["--format"] ?? "text" {
        case "tsv": Terminal.write(ScoreTable.tsv(result))
        case "json": Terminal.write(ScoreTable.json(result))
        default: Terminal.write(ScoreTable.text(result, language: invocation.language))
        }
        return .clean
    }

    static let wrote = MessageTemplate("cli.wrote", en: "wrote {path}", zh: "已写出 {path}")
    static let upToDate = MessageTemplate("cli.score.up-to-date", en: "results are up to date", zh: "结果已是最新")
    static let written = MessageTemplate("cli.score.written", en: "{count} files written", zh: "已写出 {count} 个文件")
    static let messages = [wrote, upToDate, written]
}

/// `vault explain ALLIANCE PERIOD`.
struct ExplainCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        guard let project = ScoredProject.open(directory, period: parsed.positionals[1]) else { return .usage }
        let result = try project.period(parsed.positionals[1])
        let id = try project.allianceID(parsed.positionals[0])
        guard let alliance = result.alliance(id) else {
            throw UsageError(message: Self.noRecords(["alliance": .text(id), "period": .text(result.period.id)]), usage: "")
        }
        Terminal.write(ExplainReport.text(alliance, in: result, language: invocation.language))
        return .clean
    }

    static let noRecords = MessageTemplate(
        "cli.explain.no-records", en: "alliance {alliance} has no records for period {period}",
        zh: "联盟 {alliance} 在评价期 {period} 没有记录")
    static let messages = [noRecords]
}

/// `vault stats PERIOD [--format text|json]`.
struct StatsCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        guard let project = ScoredProject.open(directory, period: parsed.positionals[0]) else { return .usage }
        let stats = PeriodStatistics(try project.period(parsed.positionals[0]), vault: project.vault)
        Terminal.write(parsed.values["--format"] == "json" ? StatsReport.json(stats) : StatsReport.text(stats, language: invocation.language))
        return .clean
    }
}
