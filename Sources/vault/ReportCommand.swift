import VaultKit

/// `vault report PERIOD [--format text|md|json|html] [--output FILE]`, and
/// `vault report --alliance ID …`: one alliance across every period.
struct ReportCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        let format = parsed.values["--format"] ?? "text"
        let period = parsed.positionals.first
        let wanted = parsed.values["--alliance"]
        let usage = Commands.usage(of: "report")
        if period != nil && wanted != nil { throw UsageError(message: Self.periodAndAlliance(), usage: usage) }
        guard period != nil || wanted != nil else { return whichPeriod(directory, usage: usage) }
        // A history (an alliance's, or the period report's section) looks at every period, so all are scored.
        guard let project = ScoredProject.open(directory, period: nil) else { return .usage }
        let text: String
        if let wanted {
            let id = try project.allianceID(wanted)
            guard let history = AllianceHistory(alliance: id, vault: project.vault, results: project.results) else { return .usage }
            text = switch format {
            case "md": HistoryDocument.render(history, style: .markdown)
            case "json": HistoryJSON.render(history)
            case "html": HistoryHTML.render(history)
            default: HistoryDocument.render(history, style: .text)
            }
        } else if let id = period {
            _ = try project.period(id)
            guard let report = PeriodReport(period: id, vault: project.vault, results: project.results) else { return .usage }
            text = switch format {
            case "md": ReportDocument.render(report, style: .markdown)
            case "json": ReportJSON.render(report)
            case "html": ReportHTML.render(report)
            default: ReportDocument.render(report, style: .text)
            }
        } else {
            return .usage
        }
        guard let output = parsed.values["--output"] else {
            Terminal.write(text)
            return .clean
        }
        do throws(FileSystemError) {
            let path = output.hasPrefix("/") ? output : Terminal.currentDirectory + "/" + output
            if let refusal = AtomicFile.refusal(project.vault.refusedEntries) { throw refusal }
            try AtomicFile.write(Array(text.utf8), toPath: path, project: DiskFileSystem(root: project.root))
            return .clean
        } catch {
            Terminal.failure(error.message.text(Terminal.language), hint: error.hint?.text(Terminal.language))
            return .usage
        }
    }

    static let periodAndAlliance = MessageTemplate(
        "cli.report.period-and-alliance", en: "give a PERIOD or --alliance ID, not both",
        zh: "评价期 PERIOD 和 --alliance ID 只能给出其一")
    static let messages = [periodAndAlliance]
}
