import VaultKit

/// Prints a refusal of a cycle command: its findings as lint prints them (exit
/// status 1), or the message and what to do (exit status 2). Nothing was written.
func refuse(_ refusal: CycleRefusal, color: Bool) -> ExitStatus {
    if !refusal.findings.isEmpty {
        let reporter = DiagnosticTextReporter(color: color)
        Terminal.write(refusal.findings.map { reporter.render($0) }.joined())
    }
    // The message quotes arguments and vault text: escaped, it cannot drive the terminal.
    Terminal.failure(refusal.message.text(Terminal.language), hint: refusal.hint?.text(Terminal.language))
    return refusal.findings.isEmpty ? .usage : .findings
}

/// `vault review assign PERIOD --stage initial|cross|recheck`.
struct ReviewAssignCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    static let help = """
        Writes, for each expert of the period's panel, the review lines they owe at the
        stage into vault/reviews/PERIOD/EXPERT.txt, as `owed alliance=… stage=…` lines;
        the expert fills one in by changing `owed` to `review` and setting the scores
        (docs/cycle.md). Never assigns an expert an alliance they belong to; names the
        alliances no expert can take; keeps every filled-in line; a second run changes
        nothing.

        exit status: 0 written (or nothing to do), 1 findings in the files it reads,
        2 usage error or a stage out of order (nothing is written)
        """

    func run() throws(UsageError) -> ExitStatus {
        guard let stage = invocation.values["--stage"].flatMap(Stage.init(rawValue:)) else {
            throw UsageError(message: "which stage? (--stage initial, cross or recheck)", usage: "")
        }
        guard let fs = openProject(directory) else { return .usage }
        let loaded = keptUntilExit(Loader.load(fs))
        do throws(CycleRefusal) {
            let plan = try ReviewAssigner.plan(loaded.vault, loadFindings: loaded.diagnostics, period: invocation.positionals[0], stage: stage)
            let outcome = try ReviewAssigner.write(plan, vault: loaded.vault, root: fs.root)
            Terminal.write(ReviewAssignReport.text(outcome))
            return .clean
        } catch {
            return refuse(error, color: invocation.color)
        }
    }
}

/// `vault status [PERIOD] [--format text|json]`.
struct StatusCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    static let help = """
        What is left before the period (default: the one that starts last) can be
        published: alliances whose participation is not settled, reviews owed per stage
        and per expert, divergences awaiting re-check, results to write, and the findings
        in the period's files that fail `vault lint --strict` (docs/cycle.md).

        exit status: 0 ready to publish, 1 something is owed, 2 usage error
        """

    func run() throws(UsageError) -> ExitStatus {
        guard let fs = openProject(directory) else { return .usage }
        do throws(CycleRefusal) {
            let status = keptUntilExit(try CycleStatus.compute(fs, period: invocation.positionals.first))
            Terminal.write(invocation.values["--format"] == "json" ? CycleStatusReport.json(status) : CycleStatusReport.text(status))
            return status.ready ? .clean : .findings
        } catch {
            return refuse(error, color: invocation.color)
        }
    }
}
