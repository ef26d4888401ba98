import VaultKit

/// `vault report PERIOD [--format text|md|json|html] [--output FILE]`.
struct ReportCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        guard let project = ScoredProject.open(directory, period: parsed.positionals[0]) else { return .usage }
        let id = parsed.positionals[0]
        _ = try project.period(id)
        guard let report = PeriodReport(period: id, vault: project.vault, results: project.results) else { return .usage }
        let text: String = switch parsed.values["--format"] ?? "text" {
        case "md": ReportDocument.render(report, style: .markdown)
        case "json": ReportJSON.render(report)
        case "html": ReportHTML.render(report)
        default: ReportDocument.render(report, style: .text)
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
}
