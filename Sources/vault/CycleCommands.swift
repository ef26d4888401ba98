import VaultKit

/// Prints a refusal of a cycle command: its findings as lint prints them (exit
/// status 1), or the message and what to do (exit status 2). Nothing was written.
func refuse(_ refusal: CycleRefusal) -> ExitStatus {
    if !refusal.findings.isEmpty {
        let reporter = DiagnosticTextReporter(color: Terminal.colorOnStdout)
        Terminal.write(refusal.findings.map { reporter.render($0) }.joined())
    }
    // The message quotes arguments and vault text: escaped, it cannot drive the terminal.
    Terminal.error("vault: \(Escape.terminal(refusal.message))\n" + (refusal.hint.map { "  = hint: \(Escape.terminal($0))\n" } ?? ""))
    return refusal.findings.isEmpty ? .usage : .findings
}

/// `vault review assign PERIOD --stage initial|cross|recheck`.
struct ReviewCommand {
    static let options = OptionSpec(
        valued: ["--stage": ["initial", "cross", "recheck"]],
        positionals: 2...2,
        usage: """
            usage: vault [-C DIR] review assign PERIOD --stage initial|cross|recheck

              writes, for each expert of the period's panel, the review lines they owe at the
              stage into vault/reviews/PERIOD/EXPERT.txt, as `owed alliance=… stage=…` lines;
              the expert fills one in by changing `owed` to `review` and setting the scores
              (docs/cycle.md)

              --stage   initial: each alliance to be evaluated by the experts of its group
                        cross: by the experts of the other group (after the initial stage)
                        recheck: where initial and cross differ by more than the threshold

            never assigns an expert an alliance they belong to; names the alliances no expert
            can take; keeps every filled-in line; a second run changes nothing.
            exit status: 0 written (or nothing to do), 1 findings in the files it reads,
            2 usage error or a stage out of order (nothing is written)

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        guard parsed.positionals[0] == "assign" else {
            let guess = Suggest.closest(to: parsed.positionals[0], in: ["assign"]).map { "; did you mean \"\($0)\"?" } ?? ""
            throw UsageError(message: "unknown review command \"\(parsed.positionals[0])\"\(guess)", usage: Self.options.usage)
        }
        guard let stage = parsed.values["--stage"].flatMap(Stage.init(rawValue:)) else {
            throw UsageError(message: "which stage? (--stage initial, cross or recheck)", usage: Self.options.usage)
        }
        guard let fs = openProject(directory) else { return .usage }
        let loaded = keptUntilExit(Loader.load(fs))
        do throws(CycleRefusal) {
            let plan = try ReviewAssigner.plan(loaded.vault, loadFindings: loaded.diagnostics, period: parsed.positionals[1], stage: stage)
            let outcome = try ReviewAssigner.write(plan, vault: loaded.vault, root: fs.root)
            Terminal.write(ReviewAssignReport.text(outcome))
            return .clean
        } catch {
            return refuse(error)
        }
    }
}

/// `vault status [PERIOD] [--format text|json]`.
struct StatusCommand {
    static let options = OptionSpec(
        valued: ["--format": ["text", "json"]],
        positionals: 0...1,
        usage: """
            usage: vault [-C DIR] status [PERIOD] [--format text|json]

              what is left before the period (default: the latest) can be published:
              alliances whose participation is not settled, reviews owed per stage and
              per expert, divergences awaiting re-check, results to write, and the
              findings in the period's files that fail `vault lint --strict`

            exit status: 0 ready to publish, 1 something is owed, 2 usage error

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        guard let fs = openProject(directory) else { return .usage }
        do throws(CycleRefusal) {
            let status = keptUntilExit(try CycleStatus.compute(fs, period: parsed.positionals.first))
            Terminal.write(parsed.values["--format"] == "json" ? CycleStatusReport.json(status) : CycleStatusReport.text(status))
            return status.ready ? .clean : .findings
        } catch {
            return refuse(error)
        }
    }
}
