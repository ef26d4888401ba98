import VaultKit

/// Prints a refusal of a cycle command: its findings as lint prints them (exit
/// status 1), or the message and what to do (exit status 2). Nothing was written.
func refuse(_ refusal: CycleRefusal, color: Bool) -> ExitStatus {
    if !refusal.findings.isEmpty {
        let reporter = DiagnosticTextReporter(color: color, language: Terminal.language)
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

    static let help = Text(en: """
        Writes, for each expert of the period's panel, the review lines they owe at the
        stage into vault/reviews/PERIOD/EXPERT.txt, as `owed alliance=… stage=…` lines;
        the expert fills one in by changing `owed` to `review` and setting the scores
        (docs/cycle.md). Never assigns an expert an alliance they belong to; names the
        alliances no expert can take; keeps every filled-in line; a second run changes
        nothing.

        exit status: 0 written (or nothing to do), 1 findings in the files it reads,
        2 usage error or a stage out of order (nothing is written)
        """, zh: """
        为评价专家组的每位专家，把其在该阶段应填的评审行写入
        vault/reviews/PERIOD/EXPERT.txt，每行为 `owed alliance=… stage=…`；
        专家把 `owed` 改为 `review` 并填上分数即完成一行（docs/cycle.md）。
        不会把专家所在的联盟分给本人评审；列出没有专家可评的联盟；
        保留已填好的行；再运行一次不会有任何改动。

        退出状态：0 已写出（或无事可做），1 所读文件中有问题，
        2 用法错误或评审阶段顺序不对（未写任何文件）
        """)

    static let whichStage = MessageTemplate(
        "cli.review.which-stage", en: "which stage? (--stage initial, cross or recheck)",
        zh: "哪个评审阶段？（--stage initial、cross 或 recheck）")

    func run() throws(UsageError) -> ExitStatus {
        guard let stage = invocation.values["--stage"].flatMap(Stage.init(rawValue:)) else {
            throw UsageError(message: Self.whichStage(), usage: "")
        }
        guard let fs = openProject(directory) else { return .usage }
        let loaded = keptUntilExit(Loader.load(fs))
        do throws(CycleRefusal) {
            let plan = try ReviewAssigner.plan(loaded.vault, loadFindings: loaded.diagnostics, period: invocation.positionals[0], stage: stage)
            let outcome = try ReviewAssigner.write(plan, vault: loaded.vault, root: fs.root)
            Terminal.write(ReviewAssignReport.text(outcome, language: invocation.language))
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

    static let help = Text(en: """
        What is left before the period (default: the one that starts last) can be
        published: alliances whose participation is not settled, reviews owed per stage
        and per expert, divergences awaiting re-check, results to write, and the findings
        in the period's files that fail `vault lint --strict` (docs/cycle.md).

        exit status: 0 ready to publish, 1 something is owed, 2 usage error
        """, zh: """
        评价期（默认：开始最晚的一个）发布之前还差什么：参评情况未定的联盟、
        各评审阶段和各位专家尚欠的评审、待复核的分歧、待写出的结果，
        以及该评价期文件中过不了 `vault lint --strict` 的问题（docs/cycle.md）。

        退出状态：0 可以发布，1 尚有未完成事项，2 用法错误
        """)

    func run() throws(UsageError) -> ExitStatus {
        guard let fs = openProject(directory) else { return .usage }
        do throws(CycleRefusal) {
            let status = keptUntilExit(try CycleStatus.compute(fs, period: invocation.positionals.first))
            Terminal.write(invocation.values["--format"] == "json" ? CycleStatusReport.json(status, language: invocation.language)
                           : CycleStatusReport.text(status, language: invocation.language))
            return status.ready ? .clean : .findings
        } catch {
            return refuse(error, color: invocation.color)
        }
    }
}
