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
                throw UsageError(message: "--max-length takes a number of characters, at least \(DiffReport.minimumLength), not \"\(Escape.terminal(given))\"",
                                 usage: Commands.usage(of: "diff"))
            }
            guard parsed.values["--format"] == "md" else {
                throw UsageError(message: "--max-length shortens the Markdown comment: use it with --format md", usage: Commands.usage(of: "diff"))
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
            case "md": Terminal.write(DiffReport.markdown(diff, maxLength: maxLength))
            case "json": Terminal.write(DiffReport.json(diff))
            default: Terminal.write(DiffReport.text(diff, paths: invocation.paths(root: fs.root)))
            }
            return .clean
        } catch {
            Terminal.failure(error.message)
            return .usage
        }
    }

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
