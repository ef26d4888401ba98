import VaultKit

/// `vault period new ID --start YYYY-MM-DD --end YYYY-MM-DD [--schema ID] [--from PERIOD]`.
struct PeriodCommand {
    static let options = OptionSpec(
        valued: ["--start": [], "--end": [], "--schema": [], "--from": []],
        positionals: 2...2,
        usage: """
            usage: vault [-C DIR] period new ID --start YYYY-MM-DD --end YYYY-MM-DD [--schema ID] [--from PERIOD]

              ID         the period id: YYYY, or YYYY-YYYY for several years (the years of --start and --end)
              --start    the period's first day
              --end      the period's last day
              --schema   the indicator schema (default: that of --from, else of the latest period)
              --from     the period to take the schema, review threshold, expert panel and
                         secretariat from (default: schema and threshold of the latest period, no panel)

            Writes vault/periods/ID.txt, with the roster counted from the vault, and
            vault/alliances/*/ID.txt with `participation status=open` for every alliance.
            exit status: 0 written, 2 refused (nothing written)

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        guard parsed.positionals[0] == "new" else {
            let guess = Suggest.closest(to: parsed.positionals[0], in: ["new"]).map { "; did you mean \"\($0)\"?" } ?? ""
            throw UsageError(message: "unknown period command \"\(parsed.positionals[0])\"\(guess)", usage: Self.options.usage)
        }
        guard let start = parsed.values["--start"], let end = parsed.values["--end"] else {
            throw UsageError(message: "period new needs \(parsed.values["--start"] == nil ? "--start" : "--end") YYYY-MM-DD",
                             usage: Self.options.usage)
        }
        guard let fs = openProject(directory) else { return .usage }
        let request = PeriodOpener.Request(id: parsed.positionals[1], start: start, end: end,
                                           schema: parsed.values["--schema"], from: parsed.values["--from"])
        do throws(PeriodOpener.Refusal) {
            let plan = try PeriodOpener.open(request, root: fs.root)
            let t = Escape.terminal
            let batches = plan.batchRoster.map { "\($0.batch == "later" ? "later" : "batch \($0.batch)") \($0.count)" }
            Terminal.write("""
                wrote \(plan.periodPath): \(plan.start) to \(plan.end), schema \(t(plan.schema))\
                \(plan.threshold.map { ", threshold \(t($0))" } ?? "")\(plan.basis.map { " (from \(t($0)))" } ?? "")
                  roster \(plan.roster): \(batches.joined(separator: ", "))

                """)
            if let from = plan.carriedFrom {
                Terminal.write("  carried over from \(t(from)): \(plan.experts) expert\(plan.experts == 1 ? "" : "s"), \(plan.secretariat) secretariat member\(plan.secretariat == 1 ? "" : "s")\n")
            }
            Terminal.write("wrote \(plan.recordFiles.count) record files vault/alliances/*/\(plan.id).txt: participation status=open\n")
            Terminal.write("next: each alliance enters its records and sets status=entered (docs/scoring.md#participation)\n")
            return .clean
        } catch {
            Terminal.failure(error.message, hint: error.hint)
            return .usage
        }
    }
}
