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
            let guess = Suggest.period(for: id, in: Array(vault.periods.values)).map { "; did you mean \($0)?" } ?? ""
            throw UsageError(message: "no period \"\(id)\" in vault/periods/\(guess) (periods: \(known.joined(separator: ", ")))",
                             usage: "")
        }
        guard result.schema != nil else {
            let schemaID = result.period.schemaID
            let why = schemaID.flatMap { vault.schemaErrors[$0] }
                .map { "schema \"\(schemaID!)\" has errors; first: \($0.location): \($0.message)" }
                ?? schemaID.map { "schema \"\($0)\" is not in schemas/" }
                ?? "\(result.period.file.path) has no valid period line naming its schema"
            throw UsageError(message: "period \(id) cannot be scored: \(why); run `vault lint` to see every finding", usage: "")
        }
        return result
    }
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
                for path in changed { Terminal.write("wrote \(Escape.terminal(shown(path)))\n") }
                Terminal.write(changed.isEmpty ? "results are up to date\n" : "\(changed.count) files written\n")
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
        default: Terminal.write(ScoreTable.text(result))
        }
        return .clean
    }
}

/// `vault explain ALLIANCE PERIOD`.
struct ExplainCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        guard let project = ScoredProject.open(directory, period: parsed.positionals[1]) else { return .usage }
        let result = try project.period(parsed.positionals[1])
        let wanted = parsed.positionals[0]
        let alliance: AllianceResult
        switch AllianceLookup.find(wanted, in: project.vault) {
        case .found(let id):
            guard let found = result.alliance(id) else {
                throw UsageError(message: "alliance \(id) has no records for period \(result.period.id)", usage: "")
            }
            alliance = found
        case .ambiguous(let ids):
            throw UsageError(message: "\"\(wanted)\" names several alliances: \(ids.joined(separator: ", ")); give one of their ids", usage: "")
        case .notFound(let closest, let via):
            let guess = closest.map { "; did you mean \($0)\(via.map { " (\($0))" } ?? "")?" } ?? ""
            throw UsageError(message: "no alliance \"\(wanted)\" in vault/alliances/ by id, code, name, former name or short name\(guess)", usage: "")
        }
        Terminal.write(ExplainReport.text(alliance, in: result))
        return .clean
    }
}

/// `vault stats PERIOD [--format text|json]`.
struct StatsCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        guard let project = ScoredProject.open(directory, period: parsed.positionals[0]) else { return .usage }
        let stats = PeriodStatistics(try project.period(parsed.positionals[0]), vault: project.vault)
        Terminal.write(parsed.values["--format"] == "json" ? StatsReport.json(stats) : StatsReport.text(stats))
        return .clean
    }
}
