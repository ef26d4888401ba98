/// `vault lint --changed BASE`: the findings a change is responsible for. Every
/// finding in a file the change touches is reported, exactly as a full lint
/// reports it; findings elsewhere are reported only when the change brought them
/// (a new code collision, a record a schema edit no longer accepts): those are the
/// findings that lint at BASE did not have. Untouched files' old findings stay quiet;
/// infos and the count of files checked are those of the full lint.
public enum ChangeScope {
    /// Paths (relative to the project root) that differ between BASE and the working
    /// tree, untracked files included.
    public static func changedPaths(since base: String, git: Git) throws(Git.Failure) -> Set<String> {
        let prefix = try git.prefix()
        let tracked = try git.run(["diff", "--name-only", "-z", "--no-renames", base, "--", "."])
        let untracked = try git.run(["ls-files", "--others", "--exclude-standard", "-z", "--full-name", "--", "."])
        var paths: Set<String> = []
        for data in [tracked, untracked] {
            for entry in data.split(separator: 0) {
                let path = String(decoding: entry, as: UTF8.self)
                if path.hasPrefix(prefix) { paths.insert(String(path.dropFirst(prefix.count))) }
            }
        }
        return paths
    }

    /// The full lint of the working tree, restricted to what the change since `base` touches.
    public static func lint(_ fs: DiskFileSystem, since base: String, options: Linter.Options) throws(Git.Failure) -> Linter.Result {
        let git = Git(directory: fs.root)
        let changed = try changedPaths(since: base, git: git)
        let head = Linter.lint(fs, options: options)
        let before = Linter.lint(try git.files(at: base), options: options)
        let old = Set(before.diagnostics.map(key))
        var result = head
        // Infos (what lint cannot check) are the vault's, not a change's: kept, as a full lint
        // shows them, so the summary is the full lint's. The files counted are the files checked.
        result.diagnostics = head.diagnostics.filter {
            $0.severity == .info || changed.contains($0.location.path) || !old.contains(key($0))
        }
        result.files = head.files
        return result
    }

    /// A finding's identity across revisions: not its line number, which unrelated edits move.
    static func key(_ d: Diagnostic) -> String {
        "\(d.ruleID)\u{0}\(d.location.path)\u{0}\(d.message)\u{0}\(d.lineText ?? "")"
    }
}
