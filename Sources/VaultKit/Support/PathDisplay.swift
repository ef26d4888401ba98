/// Shows a project-relative path as seen from the directory the user is in, so that
/// an editor's or a terminal's jump-to-file finds it: run from `vault/alliances/TD/`,
/// `vault/alliances/TD/2015.txt` is `2015.txt` and `schemas/x.txt` is `../../../schemas/x.txt`.
/// Text output only: machine formats (json, sarif, github, tsv) keep project-relative
/// paths, which CI needs. The work is per path printed (a finding), never per line read.
public struct PathDisplay: Sendable {
    /// The user's directory below the deepest directory it shares with the root.
    private let from: [Substring]
    /// The root below that shared directory.
    private let rootBelow: [Substring]
    private let identity: Bool

    /// Paths unchanged: project-relative, as machine formats print them.
    public static let projectRelative = PathDisplay()

    private init() {
        from = []
        rootBelow = []
        identity = true
    }

    /// `root` and `directory` are absolute, symlink-free paths.
    public init(root: String, directory: String) {
        let r = root.split(separator: "/")
        let d = directory.split(separator: "/")
        var common = 0
        while common < r.count, common < d.count, r[common] == d[common] { common += 1 }
        from = Array(d[common...])
        rootBelow = Array(r[common...])
        identity = from.isEmpty && rootBelow.isEmpty
    }

    public func callAsFunction(_ path: String) -> String {
        if identity || path.isEmpty { return path }
        let target = rootBelow + path.split(separator: "/", omittingEmptySubsequences: true)
        var shared = 0
        while shared < from.count, shared < target.count, from[shared] == target[shared] { shared += 1 }
        var parts = [Substring](repeating: "..", count: from.count - shared)
        parts += target[shared...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
