import VaultKit

/// `vault period new ID --start YYYY-MM-DD --end YYYY-MM-DD [--schema ID] [--from PERIOD]`.
struct PeriodCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        guard let start = parsed.values["--start"], let end = parsed.values["--end"] else {
            throw UsageError(message: "period new needs \(parsed.values["--start"] == nil ? "--start" : "--end") YYYY-MM-DD",
                             usage: Commands.usage(of: "period new"))
        }
        guard let fs = openProject(directory) else { return .usage }
        let request = PeriodOpener.Request(id: parsed.positionals[0], start: start, end: end,
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
            Terminal.failure(error.message.text(Terminal.language), hint: error.hint?.text(Terminal.language))
            return .usage
        }
    }
}
