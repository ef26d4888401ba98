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
            let guess = Suggest.closest(to: id, in: known).map { "; did you mean \($0)?" } ?? ""
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
    static let options = OptionSpec(
        flags: ["--write"],
        valued: ["--format": ["text", "tsv", "json"]],
        positionals: 0...1,
        usage: """
            usage: vault [-C DIR] score PERIOD [--format text|tsv|json]
                   vault [-C DIR] score [PERIOD] --write

              --format   text (default), tsv (rank code name score band) or json
              --write    write each alliance's result line into its period file and
                         vault/results/PERIOD.tsv (all periods when none is given)

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        guard let project = ScoredProject.open(directory, period: parsed.positionals.first) else { return .usage }
        if parsed.flags.contains("--write") {
            var results = project.results
            if let id = parsed.positionals.first { results = [id: try project.period(id)] }
            do throws(FileSystemError) {
                let changed = try ResultWriter.write(results, root: project.root, leftovers: project.vault.leftovers,
                                                      refused: project.vault.refusedEntries)
                for path in changed { Terminal.write("wrote \(Escape.terminal(path))\n") }
                Terminal.write(changed.isEmpty ? "results are up to date\n" : "\(changed.count) files written\n")
                return .clean
            } catch {
                Terminal.failure(error.message, hint: error.hint)
                return .usage
            }
        }
        guard let id = parsed.positionals.first else {
            throw UsageError(message: "which period? (periods: \(project.vault.periodIDs.joined(separator: ", ")))",
                             usage: Self.options.usage)
        }
        let result = try project.period(id)
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
    static let options = OptionSpec(
        positionals: 2...2,
        usage: """
            usage: vault [-C DIR] explain ALLIANCE PERIOD

              ALLIANCE   an alliance id (its directory name in vault/alliances) or its code

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        guard let project = ScoredProject.open(directory, period: parsed.positionals[1]) else { return .usage }
        let result = try project.period(parsed.positionals[1])
        let wanted = parsed.positionals[0]
        guard let alliance = result.alliance(wanted) ?? result.alliances.first(where: { $0.code == wanted }) else {
            let known = project.vault.allianceIDs
            let guess = Suggest.closest(to: wanted, in: known).map { "; did you mean \($0)?" } ?? ""
            let exists = project.vault.alliances[wanted] != nil
            throw UsageError(message: exists ? "alliance \(wanted) has no records for period \(result.period.id)"
                                             : "no alliance \"\(wanted)\" in vault/alliances/\(guess)", usage: "")
        }
        Terminal.write(ExplainReport.text(alliance, in: result))
        return .clean
    }
}

/// `vault stats PERIOD [--format text|json]`.
struct StatsCommand {
    static let options = OptionSpec(
        valued: ["--format": ["text", "json"]],
        positionals: 1...1,
        usage: """
            usage: vault [-C DIR] stats PERIOD [--format text|json]

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        guard let project = ScoredProject.open(directory, period: parsed.positionals[0]) else { return .usage }
        let stats = PeriodStatistics(try project.period(parsed.positionals[0]), vault: project.vault)
        Terminal.write(parsed.values["--format"] == "json" ? StatsReport.json(stats) : StatsReport.text(stats))
        return .clean
    }
}
