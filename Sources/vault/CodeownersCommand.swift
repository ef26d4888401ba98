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
                Terminal.error("\(Escape.terminal("\(shown(p.location.path)):\(p.location.line):\(p.location.column)")): error: \(Escape.terminal(p.message.text(Terminal.language)))\n  = hint: \(Escape.terminal(p.hint.text(Terminal.language)))\n")
            }
            Terminal.error("vault: CODEOWNERS not written: \(problems.count) \(problems.count == 1 ? "problem" : "problems") in the vault's owners\n")
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
                Terminal.write("\(Escape.terminal(outputShown)) is \(missing ? "missing" : "out of date"); run `vault codeowners`\n")
                return .findings
            }
            Terminal.write("\(Escape.terminal(outputShown)) is up to date\n")
            return .clean
        }
        guard current != Array(text.utf8) else {
            Terminal.write("\(Escape.terminal(outputShown)) is up to date\n")
            return .clean
        }
        do throws(FileSystemError) {
            if let refusal = AtomicFile.refusal(vault.refusedEntries) { throw refusal }
            try AtomicFile.write(Array(text.utf8), toPath: output, project: fs)
            Terminal.write("wrote \(Escape.terminal(outputShown))\n")
            return .clean
        } catch {
            Terminal.error("vault: \(Escape.terminal(error.message.text(Terminal.language)))\n" + (error.hint.map { "  = hint: \(Escape.terminal($0.text(Terminal.language)))\n" } ?? ""))
            return .usage
        }
    }
}
