import VaultKit

/// `vault diff [BASE [HEAD]]`: what a change moves. BASE defaults to the merge base
/// with the default branch, HEAD to the working tree (written `.`).
struct DiffCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        var maxLength: Int?
        if let given = parsed.values["--max-length"] {
            guard let n = Int(given), n >= DiffReport.minimumLength else {
                throw UsageError(message: Self.badLength(["minimum": .count(DiffReport.minimumLength), "value": .text(Escape.terminal(given))]),
                                 usage: Commands.usage(of: "diff"))
            }
            guard parsed.values["--format"] == "md" else {
                throw UsageError(message: Self.lengthWithoutMarkdown(), usage: Commands.usage(of: "diff"))
            }
            maxLength = n
        }
        guard let fs = openProject(directory) else { return .usage }
        let git = Git(directory: fs.root)
        do throws(Git.Failure) {
            let base: String
            if let given = parsed.positionals.first { base = given } else { base = try git.defaultBase() }
            let head = parsed.positionals.count > 1 ? parsed.positionals[1] : "."
            let old = try load(base, git: git, worktree: fs, againstWorktree: head == ".")
            let new = try load(head, git: git, worktree: fs, reusing: old)
            var diff = VaultDiff(base: base == "." ? "working tree" : base, head: head == "." ? "working tree" : head,
                                 old: old, new: new)
            if let author = parsed.values["--author"] { diff.checkOwnership(author: author, owners: Owners(new)) }
            switch parsed.values["--format"] ?? "text" {
            case "md": Terminal.write(DiffReport.markdown(diff, maxLength: maxLength, language: invocation.language))
            case "json": Terminal.write(DiffReport.json(diff))
            default: Terminal.write(DiffReport.text(diff, paths: invocation.paths(root: fs.root), language: invocation.language))
            }
            return .clean
        } catch {
            Terminal.failure(error.message)
            return .usage
        }
    }

    static let badLength = MessageTemplate(
        "cli.diff.max-length", en: "--max-length takes a number of characters, at least {minimum}, not \"{value}\"",
        zh: "--max-length 要写字符数，至少 {minimum}，不能是“{value}”")
    static let lengthWithoutMarkdown = MessageTemplate(
        "cli.diff.max-length-without-md", en: "--max-length shortens the Markdown comment: use it with --format md",
        zh: "--max-length 用于缩短 Markdown 评论：请与 --format md 一起使用")
    static let messages = [badLength, lengthWithoutMarkdown]

    /// One side of the diff. The working tree takes the other side's unchanged files as
    /// they were bound; a revision compared with the working tree is read from git only
    /// where the two differ.
    func load(_ revision: String, git: Git, worktree: DiskFileSystem, againstWorktree: Bool = false,
              reusing other: Vault? = nil) throws(Git.Failure) -> Vault {
        if revision == "." { return keptUntilExit(Loader.load(worktree, reusing: other).vault) }
        let files: any FileSystem = againstWorktree
            ? try git.filesAgainstWorktree(at: revision, worktree: worktree) : try git.files(at: revision)
        return keptUntilExit(Loader.load(files).vault)
    }
}
