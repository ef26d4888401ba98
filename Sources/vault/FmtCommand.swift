import VaultKit

/// `vault fmt [PATHS] [--check]`: rewrite files in canonical form, or, with
/// `--check`, name the files that would change and exit 1.
struct FmtCommand {
    static let options = OptionSpec(
        flags: ["--check"],
        positionals: 0...Int.max,
        usage: """
            usage: vault [-C DIR] fmt [PATHS…] [--check]

              PATHS     files or directories, relative to the project root (default: all)
              --check   change nothing; list the files that are not in canonical form and exit 1

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        guard let fs = openProject(directory) else { return .usage }
        let check = parsed.flags.contains("--check")
        let paths = parsed.positionals.map { path -> String in
            var relative = path.hasPrefix(fs.root + "/") ? String(path.dropFirst(fs.root.count + 1)) : path
            while relative.hasPrefix("./") { relative.removeFirst(2) }
            while relative.hasSuffix("/") { relative.removeLast() }
            return relative
        }
        do throws(FileSystemError) {
            let report = try FormatRun.run(fs, paths: paths, check: check)
            for path in report.changed { Terminal.write("\(check ? "would reformat" : "formatted") \(Escape.terminal(path))\n") }
            for (path, reason) in report.refused {
                Terminal.error("vault: \(Escape.terminal(path)) not formatted: \(Escape.terminal(reason))\n  = hint: mend the error (vault lint shows it), then run vault fmt again\n")
            }
            if report.changed.isEmpty && report.refused.isEmpty { Terminal.write("all files are in canonical form\n") }
            return (check && !report.changed.isEmpty) || !report.refused.isEmpty ? .findings : .clean
        } catch {
            Terminal.failure(error.message, hint: error.hint)
            return .usage
        }
    }
}
