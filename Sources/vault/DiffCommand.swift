import VaultKit

/// `vault diff [BASE [HEAD]]`: what a change moves. BASE defaults to the merge base
/// with the default branch, HEAD to the working tree (written `.`).
struct DiffCommand {
    static let options = OptionSpec(
        valued: ["--format": ["text", "md", "json"], "--author": []],
        positionals: 0...2,
        usage: """
            usage: vault [-C DIR] diff [BASE [HEAD]] [--format text|md|json]

              BASE, HEAD   git revisions; `.` is the working tree. Default: the merge base
                           with the default branch, against the working tree
              --format     text (default), md (a pull-request comment) or json
              --author     the change's author (a handle such as @zhang): flag the files
                           they changed that belong to someone else (docs/ci.md)

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        guard let fs = openProject(directory) else { return .usage }
        let git = Git(directory: fs.root)
        do throws(Git.Failure) {
            let base: String
            if let given = parsed.positionals.first { base = given } else { base = try git.defaultBase() }
            let head = parsed.positionals.count > 1 ? parsed.positionals[1] : "."
            // Against the working tree, the base is read from git only where the two differ.
            let old = head == "." && base != "."
                ? keptUntilExit(Loader.load(try git.filesAgainstWorktree(at: base, worktree: fs)).vault)
                : try load(base, git: git, worktree: fs)
            // Files the change left alone are taken from the base as they were bound.
            let new = head == "."
                ? keptUntilExit(Loader.load(fs, reusing: old).vault)
                : try load(head, git: git, worktree: fs)
            var diff = VaultDiff(base: base == "." ? "working tree" : base, head: head == "." ? "working tree" : head,
                                 old: old, new: new)
            if let author = parsed.values["--author"] { diff.checkOwnership(author: author, owners: Owners(new)) }
            switch parsed.values["--format"] ?? "text" {
            case "md": Terminal.write(DiffReport.markdown(diff))
            case "json": Terminal.write(DiffReport.json(diff))
            default: Terminal.write(DiffReport.text(diff))
            }
            return .clean
        } catch {
            Terminal.error("vault: \(error.message)\n")
            return .usage
        }
    }

    func load(_ revision: String, git: Git, worktree: DiskFileSystem) throws(Git.Failure) -> Vault {
        if revision == "." { return keptUntilExit(Loader.load(worktree).vault) }
        return keptUntilExit(Loader.load(try git.files(at: revision)).vault)
    }
}
