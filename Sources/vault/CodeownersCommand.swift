import VaultKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `vault codeowners [--output FILE] [--check]`: a CODEOWNERS file from the vault's
/// maintainer, expert and secretariat records.
struct CodeownersCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        guard let fs = openProject(directory) else { return .usage }
        let vault = Loader.load(fs).vault
        let prefix = (try? Git(directory: fs.root).prefix()) ?? ""
        let owners = Owners(vault)
        // A handle or a path with no exact CODEOWNERS form is refused, never written
        // in part: the file would give the code host a different list of owners.
        let problems = owners.problems(prefix: prefix)
        let shown = invocation.paths(root: fs.root)
        guard problems.isEmpty else {
            for p in problems {
                let l = invocation.language
                Terminal.error("\(Escape.terminal("\(shown(p.location.path)):\(p.location.line):\(p.location.column)")): \(DiagnosticTextReporter.severityWord(.error, l)): \(Escape.terminal(p.message.text(l)))\n"
                               + DiagnosticTextReporter.hintLine(["hint": .text(Escape.terminal(p.hint.text(l)))]).text(l) + "\n")
            }
            Terminal.failure(Self.notWritten(["count": .count(problems.count)]))
            return .usage
        }
        let text = owners.codeowners(prefix: prefix)
        let output = parsed.values["--output"].map { $0.hasPrefix("/") ? $0 : Terminal.currentDirectory + "/" + $0 }
            ?? fs.root + "/CODEOWNERS"
        let current = AtomicFile.current(atPath: output, project: fs)
        // Where the file is, as the user would type it.
        let outputShown = invocation.projectPath(output, root: fs.root).map { shown($0) } ?? output
        if parsed.flags.contains("--check") {
            guard current == Array(text.utf8) else {
                var info = stat()
                let missing = current == nil && lstat(output, &info) != 0 && errno == ENOENT
                Terminal.write((missing ? Self.missing : Self.outOfDate)(["path": .text(Escape.terminal(outputShown))]).text(invocation.language) + "\n")
                return .findings
            }
            Terminal.write(Self.upToDate(["path": .text(Escape.terminal(outputShown))]).text(invocation.language) + "\n")
            return .clean
        }
        guard current != Array(text.utf8) else {
            Terminal.write(Self.upToDate(["path": .text(Escape.terminal(outputShown))]).text(invocation.language) + "\n")
            return .clean
        }
        do throws(FileSystemError) {
            if let refusal = AtomicFile.refusal(vault.refusedEntries) { throw refusal }
            try AtomicFile.write(Array(text.utf8), toPath: output, project: fs)
            Terminal.write(ScoreCommand.wrote(["path": .text(Escape.terminal(outputShown))]).text(invocation.language) + "\n")
            return .clean
        } catch {
            Terminal.failure(error.message, hint: error.hint)
            return .usage
        }
    }

    static let notWritten = MessageTemplate(
        "cli.codeowners.not-written", en: "CODEOWNERS not written: {count} {count|problem|problems} in the vault's owners",
        zh: "未写出 CODEOWNERS：数据库的维护人信息中有 {count} 处问题")
    static let missing = MessageTemplate(
        "cli.codeowners.missing", en: "{path} is missing; run `vault codeowners`", zh: "{path} 不存在；请运行 `vault codeowners`")
    static let outOfDate = MessageTemplate(
        "cli.codeowners.out-of-date", en: "{path} is out of date; run `vault codeowners`", zh: "{path} 已过时；请运行 `vault codeowners`")
    static let upToDate = MessageTemplate("cli.codeowners.up-to-date", en: "{path} is up to date", zh: "{path} 已是最新")
    static let messages = [notWritten, missing, outOfDate, upToDate]
}
