import VaultKit

/// `vault fmt [PATHS] [--check]`: rewrite files in canonical form, or, with
/// `--check`, name the files that would change and exit 1.
struct FmtCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        guard let fs = openProject(directory) else { return .usage }
        let check = parsed.flags.contains("--check")
        // Paths are the user's, from their directory (as printed back to them).
        var paths: [String] = []
        for typed in parsed.positionals {
            guard let path = invocation.projectPath(typed, root: fs.root) else {
                throw UsageError(message: "\(typed) is outside the project at \(fs.root)", usage: "")
            }
            paths.append(path)
        }
        if paths.contains("") { paths = [] }  // the root: everything
        let shown = invocation.paths(root: fs.root)
        do throws(FileSystemError) {
            let report = try FormatRun.run(fs, paths: paths, check: check)
            for path in report.changed { Terminal.write("\(check ? "would reformat" : "formatted") \(Escape.terminal(shown(path)))\n") }
            for (path, reason) in report.refused {
                Terminal.error("vault: \(Escape.terminal(shown(path))) not formatted: \(Escape.terminal(reason.text(Terminal.language)))\n  = hint: mend the error (vault lint shows it), then run vault fmt again\n")
            }
            if report.changed.isEmpty && report.refused.isEmpty { Terminal.write("all files are in canonical form\n") }
            return (check && !report.changed.isEmpty) || !report.refused.isEmpty ? .findings : .clean
        } catch {
            Terminal.failure(error.message.text(Terminal.language), hint: error.hint?.text(Terminal.language))
            return .usage
        }
    }
}
