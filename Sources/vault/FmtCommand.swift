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
                throw UsageError(message: Self.outside(["path": .text(typed), "root": .text(fs.root)]), usage: "")
            }
            paths.append(path)
        }
        if paths.contains("") { paths = [] }  // the root: everything
        let shown = invocation.paths(root: fs.root)
        do throws(FileSystemError) {
            let report = try FormatRun.run(fs, paths: paths, check: check)
            let l = invocation.language
            for path in report.changed {
                Terminal.write((check ? Self.wouldReformat : Self.formatted)(["path": .text(Escape.terminal(shown(path)))]).text(l) + "\n")
            }
            for (path, reason) in report.refused {
                Terminal.failure(Self.notFormatted(["path": .text(shown(path)), "reason": .message(reason)]), hint: Self.mend())
            }
            if report.changed.isEmpty && report.refused.isEmpty { Terminal.write(Self.canonical().text(l) + "\n") }
            return (check && !report.changed.isEmpty) || !report.refused.isEmpty ? .findings : .clean
        } catch {
            Terminal.failure(error.message.text(Terminal.language), hint: error.hint?.text(Terminal.language))
            return .usage
        }
    }

    static let outside = MessageTemplate(
        "cli.fmt.outside", en: "{path} is outside the project at {root}", zh: "{path} 不在项目 {root} 之内")
    static let wouldReformat = MessageTemplate("cli.fmt.would-reformat", en: "would reformat {path}", zh: "格式不规范：{path}")
    static let formatted = MessageTemplate("cli.fmt.formatted", en: "formatted {path}", zh: "已重排格式：{path}")
    static let notFormatted = MessageTemplate(
        "cli.fmt.refused", en: "{path} not formatted: {reason}", zh: "{path} 未重排格式：{reason}")
    static let mend = MessageTemplate(
        "cli.fmt.refused.hint", en: "mend the error (vault lint shows it), then run vault fmt again",
        zh: "先改正错误（`vault lint` 会列出），再运行 `vault fmt`")
    static let canonical = MessageTemplate(
        "cli.fmt.canonical", en: "all files are in canonical form", zh: "所有文件都已是规范格式")
    static let messages = [outside, wouldReformat, formatted, notFormatted, mend, canonical]
}
