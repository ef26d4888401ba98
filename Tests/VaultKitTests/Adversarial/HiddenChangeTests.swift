import Foundation
import Testing
@testable import VaultKit

/// `vault diff` cannot be made to report "no changes" for a real change: not by
/// the repository's git configuration, not by `.gitattributes` diff drivers, not by
/// a committed path holding a newline, not by `GIT_*` variables in the environment,
/// not by an index entry told to ignore the working tree.
@Suite struct HiddenChangeTests {
    /// A repository whose top holds the project in `project/` (beside `outside/`),
    /// so the project root is not the repository's top: 示例 published 98 (high) and
    /// 另一 published 90, committed; then the working tree moves 示例 to 60 (low) and
    /// 另一 to 91.
    final class Repository {
        let project: HostileProject
        let top: String

        init() throws {
            project = try HostileProject()
            top = (project.root as NSString).deletingLastPathComponent
            try project.write("vault/alliances/示例/2023.txt", "published status=evaluated score=98 band=high source=report\n")
            try project.write("vault/alliances/另一/alliance.txt", "alliance code=111 batch=1 name=\"另一产业技术创新战略联盟\" short=另一\n")
            try project.write("vault/alliances/另一/2023.txt", "published status=evaluated score=90 band=high source=report\n")
            try plainGit(top, "init", "-q", "-b", "main")
            try plainGit(top, "add", "project")
            try plainGit(top, "commit", "-q", "-m", "base")
        }

        func change() throws {
            try project.write("vault/alliances/示例/2023.txt", "published status=evaluated score=60 band=low source=report\n")
            try project.write("vault/alliances/另一/2023.txt", "published status=evaluated score=91 band=high source=report\n")
        }

        /// Expects `vault diff BASE .` to report both moves, in text and in Markdown.
        func expectBothMovesReported(base: String = "HEAD", environment: [String: String] = [:],
                                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let text = try project.run(["diff", base, "."], environment: environment)
            #expect(text.status == 0, "\(text.stderr)", sourceLocation: sourceLocation)
            #expect(text.stdout.contains("2023 示例 (110): score 98 → 60, band high → low"), "\(text.stdout)\(text.stderr)",
                    sourceLocation: sourceLocation)
            #expect(text.stdout.contains("2023 另一 (111): score 90 → 91"), "\(text.stdout)", sourceLocation: sourceLocation)
            let md = try project.run(["diff", base, ".", "--format", "md"], environment: environment)
            #expect(md.status == 0, sourceLocation: sourceLocation)
            #expect(md.stdout.contains("| 2023 | 示例产业技术创新战略联盟 | 98 → **60** | high → **low** |"), "\(md.stdout)",
                    sourceLocation: sourceLocation)
            #expect(!md.stdout.contains("no score, band, rank or award changes"), sourceLocation: sourceLocation)
            try project.expectOutsideUnchanged(sourceLocation: sourceLocation)
        }
    }

    @Test func diffRelativeInTheRepositoryConfigHidesNothing() throws {
        let repo = try Repository()
        try plainGit(repo.top, "config", "diff.relative", "true")
        try plainGit(repo.top, "config", "diff.noprefix", "true")
        try plainGit(repo.top, "config", "color.ui", "always")
        try plainGit(repo.top, "config", "core.quotePath", "true")
        try repo.change()
        try repo.expectBothMovesReported()
        // Revision against revision too.
        try plainGit(repo.top, "commit", "-q", "-a", "-m", "change")
        let committed = try repo.project.run(["diff", "HEAD~1", "HEAD"])
        #expect(committed.stdout.contains("score 98 → 60"), "\(committed.stdout)\(committed.stderr)")
    }

    @Test func anExternalDiffDriverOrTextconvHidesNothing() throws {
        let repo = try Repository()
        // A committed .gitattributes names a driver; the config gives it programs that
        // would show the old text (or nothing) for every file.
        try repo.project.write(".gitattributes", "* diff=same\n")
        try repo.project.write("../.gitattributes", "* diff=same\n")
        try plainGit(repo.top, "add", "-A", "project", ".gitattributes")
        try plainGit(repo.top, "commit", "-q", "-m", "attributes")
        try plainGit(repo.top, "config", "diff.external", "/bin/true")
        try plainGit(repo.top, "config", "diff.same.command", "/bin/true")
        try plainGit(repo.top, "config", "diff.same.textconv", "sed -e s/60/98/ -e s/low/high/ -e s/91/90/")
        try repo.change()
        try repo.expectBothMovesReported(base: "HEAD~1")
    }

    @Test func aCommittedPathHoldingANewlineHidesNothing() throws {
        let repo = try Repository()
        try repo.change()
        // A file whose name holds a newline (its second half a real path), sorting
        // before the changed files: read as `REVISION:PATH`, it split the request in two
        // and shifted the answer for every file after it.
        try repo.project.write("vault/alliances/0\nproject/vault/alliances/示例/2023.txt", "# 注释\n")
        try plainGit(repo.top, "add", "-A", "project")
        try plainGit(repo.top, "commit", "-q", "-m", "change, and a file with a newline in its name")
        try repo.expectBothMovesReported(base: "HEAD~1")
        // The file with the newline is not dropped: lint names it (escaped).
        let lint = try repo.project.run(["lint"])
        #expect(lint.stdout.contains("error: directory \"vault/alliances/0\\nproject/vault\" where a file belongs [layout]"), "\(lint.stdout)")
    }

    @Test func gitVariablesInTheEnvironmentHideNothing() throws {
        let repo = try Repository()
        try repo.change()
        // Another repository (as a hook or CI step might point GIT_DIR at) whose HEAD
        // already holds the changed files: read from it, the base would equal the head.
        let other = try TemporaryDirectory()
        let tree = other.path + "/tree"
        try FileManager.default.copyItem(atPath: repo.project.root, toPath: tree)
        try plainGit(tree, "init", "-q", "-b", "main")
        try plainGit(tree, "add", "-A")
        try plainGit(tree, "commit", "-q", "-m", "already changed")
        try repo.expectBothMovesReported(environment: [
            "GIT_DIR": tree + "/.git", "GIT_INDEX_FILE": tree + "/.git/index",
            "GIT_EXTERNAL_DIFF": "/bin/true", "GIT_CONFIG_COUNT": "1",
            "GIT_CONFIG_KEY_0": "diff.relative", "GIT_CONFIG_VALUE_0": "true",
        ])
    }

    @Test func anIndexEntryThatIgnoresTheWorkingTreeHidesNothing() throws {
        let repo = try Repository()
        try plainGit(repo.top, "update-index", "--assume-unchanged", "project/vault/alliances/示例/2023.txt")
        try plainGit(repo.top, "update-index", "--skip-worktree", "project/vault/alliances/另一/2023.txt")
        try repo.change()
        try repo.expectBothMovesReported()
    }
}
