import Foundation
import Testing
@testable import VaultKit

@Suite struct FormatterTests {
    func format(_ text: String, sort: Bool = true) -> String? {
        let table = Loader.recordTable(Loader.load(MemoryFileSystem(files: ExampleProject.base)).vault.schemas["test"]!)
        switch Formatter.format(Array(text.utf8), path: "f.txt", table: table, sort: sort) {
        case .unchanged: return text
        case .changed(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .refused: return nil
        }
    }

    @Test func canonicalLinesFollowTheSchema() {
        #expect(format("2023-03-01   meeting  title=\"理事会\"   type=council attendees=\"40\"\r\n")
                == "2023-03-01 meeting type=council title=理事会 attendees=40\n")
        #expect(format("meeting title=\"第 1 次\"  type=council   # 备注\n") == "meeting type=council title=\"第 1 次\"  # 备注\n")
    }

    @Test func recordsSortByDateThenKindAndKeepTheirComments() {
        let input = """
            # 文件说明

            2023-05-01 meeting type=council title=B
            # vault-allow duplicate-record: 报告重复
            2023-01-01 meeting type=council title=A
            participation status=evaluated

            """
        #expect(format(input) == """
            # 文件说明

            participation status=evaluated
            # vault-allow duplicate-record: 报告重复
            2023-01-01 meeting type=council title=A
            2023-05-01 meeting type=council title=B

            """)
    }

    @Test func otherFilesKeepTheirOrder() {
        #expect(format("b k=1\n\n\n\na k=2\n", sort: false) == "b k=1\n\na k=2\n")
    }

    @Test func aFileWithASyntaxErrorIsLeftAlone() {
        #expect(format("meeting type=council title=\"unterminated\n") == nil)
    }

    /// Formatting the shipped vault twice changes nothing the second time and
    /// never changes what the files mean: the same records, values and findings.
    @Test func shippedVaultIsCanonicalAndFormattingKeepsMeaning() throws {
        let vault = Loader.load(try DiskFileSystem(root: Package.root.path)).vault
        var formatted: [String: [UInt8]] = [:]
        for file in vault.files {
            let path = file.text.path
            let table = path.hasPrefix("schemas/") ? MetaSchema.table : vault.boundFiles.first { $0.path == path }?.table
            let sort = path.hasPrefix("vault/alliances/") && !path.hasSuffix("/alliance.txt")
            let bytes = Array(file.text.bytes)
            let shuffled = path.hasPrefix("vault/alliances/") ? shuffle(bytes) : bytes
            switch Formatter.format(shuffled, path: path, table: table, sort: sort) {
            case .changed(let bytes): formatted[path] = bytes
            case .unchanged: formatted[path] = shuffled
            case .refused(let why): Issue.record("refused \(path): \(why)")
            }
            // The committed vault is already canonical.
            #expect(Formatter.format(bytes, path: path, table: table, sort: sort) == .unchanged, "\(path) is not canonical")
        }
        var original: [String: [UInt8]] = [:]
        for file in vault.files { original[file.text.path] = Array(file.text.bytes) }
        let before = Linter.lint(MemoryFileSystem(bytes: original))
        let after = Linter.lint(MemoryFileSystem(bytes: formatted))
        #expect(model(before.vault) == model(after.vault))
        #expect(before.diagnostics.map { "\($0.ruleID) \($0.location.path)" } == after.diagnostics.map { "\($0.ruleID) \($0.location.path)" })
    }

    /// An alliance file with its dated records moved before the undated ones (comment
    /// lines travel with the line below; records that sort equal keep their order).
    func shuffle(_ bytes: [UInt8]) -> [UInt8] {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        var blocks: [[String]] = []
        var pending: [String] = []
        for line in lines {
            pending.append(line)
            if !line.hasPrefix("#") && !line.isEmpty { blocks.append(pending); pending = [] }
        }
        let dated = blocks.filter { $0.last!.first!.isNumber }
        let undated = blocks.filter { !$0.last!.first!.isNumber }
        return Array((dated.flatMap { $0 } + undated.flatMap { $0 } + pending).joined(separator: "\n").utf8) + [10]
    }

    /// Every file's records as (kind, date, field texts), order-free.
    func model(_ vault: Vault) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for file in vault.boundFiles {
            out[file.path] = file.records.map { record in
                let kind = file.kind(of: record)
                return ([kind.id, record.date?.description ?? ""] + kind.fields.map { file.text(record, $0.id) ?? "∅" }).joined(separator: "|")
            }.sorted()
        }
        return out
    }
}

/// A real git repository in a temporary directory, holding the scored fixture
/// in a subdirectory (so the project root is not the repository's top).
final class FixtureRepository {
    let top: TemporaryDirectory
    let root: String

    init() throws {
        top = try TemporaryDirectory()
        root = top.path + "/evaluation"
        try FileManager.default.copyItem(atPath: Fixture.root, toPath: root)
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "test@example.org")
        try git("config", "user.name", "Test")
        try commit("fixture")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        String(decoding: try Git(directory: top.path).run(Array(arguments)), as: UTF8.self)
    }

    func commit(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    func append(_ path: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/" + path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    func replace(_ path: String, _ old: String, _ new: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    func vault(at revision: String) throws -> Vault {
        revision == "." ? Loader.load(try DiskFileSystem(root: root)).vault
                        : Loader.load(try Git(directory: root).files(at: revision)).vault
    }
}

@Suite struct DiffTests {
    @Test func aRecordChangeShowsItsScoreBandRankAndWhy() throws {
        let repo = try FixtureRepository()
        try repo.append("vault/alliances/存储/2024.txt", "2024-08-01 meeting type=council title=\"临时理事会\"\n2024-09-01 project type=self-funded title=\"联合攻关\" funding=300万元\n")
        try repo.commit("存储 adds a council meeting and a project")
        let diff = VaultDiff(base: "HEAD~1", head: "HEAD", old: try repo.vault(at: "HEAD~1"), new: try repo.vault(at: "HEAD"))
        let change = try #require(diff.changes.first { $0.alliance == "存储" })
        #expect(change.old.score == "34" && change.new.score == "38")
        #expect(change.indicators.map(\.id) == ["1.1", "2.1"])
        #expect(change.lines.map { "\($0.kind.rawValue) \($0.path):\($0.line)" } == [
            "added vault/alliances/存储/2024.txt:14", "added vault/alliances/存储/2024.txt:15"])
        #expect(DiffReport.text(diff).contains("2024 存储 (119): score 34 → 38, band inactive, rank 12"))
        #expect(DiffReport.markdown(diff).contains("| 2024 | 存储产业技术创新战略联盟 | 34 → **38** | inactive |"))
        let json = try JSONSerialization.jsonObject(with: Data(DiffReport.json(diff).utf8)) as? [String: Any]
        #expect((json?["changes"] as? [Any])?.count == diff.changes.count)
        // Reading revisions changed nothing in the repository.
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }

    /// `vault diff BASE .` reads from git only the files that differ from the working
    /// tree. Whatever the working tree holds (edits, staged edits, deleted files and
    /// directories, new files), the revision it reads must be the revision, byte for byte.
    @Test func theBaseReadAgainstTheWorktreeIsTheRevision() throws {
        let repo = try FixtureRepository()
        // A committed link to a file outside the project: its blob is read, never the file.
        try "secret\n".write(toFile: repo.top.path + "/outside.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: repo.root + "/vault/alliances/存储/2019.txt",
                                                   withDestinationPath: repo.top.path + "/outside.txt")
        try repo.commit("a link")
        try repo.append("vault/alliances/存储/2024.txt", "2024-08-01 meeting type=council title=\"临时理事会\"\n")
        try repo.replace("schemas/2016.txt", "title=", "title=新")
        try repo.git("add", "evaluation/schemas/2016.txt")
        try repo.append("schemas/2016.txt", "# staged, then edited again\n")
        try FileManager.default.removeItem(atPath: repo.root + "/vault/alliances/半导体照明")
        try FileManager.default.createDirectory(atPath: repo.root + "/vault/alliances/新联盟", withIntermediateDirectories: true)
        try "alliance name=新联盟\n".write(toFile: repo.root + "/vault/alliances/新联盟/alliance.txt", atomically: true, encoding: .utf8)
        try "alliance name=另一\n".write(toFile: repo.root + "/vault/alliances/新联盟/2024.txt", atomically: true, encoding: .utf8)
        try repo.git("add", "evaluation/vault/alliances/新联盟/2024.txt")   // staged: git diff lists it, the revision lacks it
        let git = Git(directory: repo.root)
        let whole = try git.files(at: "HEAD")
        let compared = try git.filesAgainstWorktree(at: "HEAD", worktree: DiskFileSystem(root: repo.root))
        func contents(_ fs: any FileSystem) -> [String: [UInt8]] {
            var out: [String: [UInt8]] = [:]
            var directories = [""]
            while let directory = directories.popLast() {
                for entry in (try? fs.entries(in: directory)) ?? [] {
                    let path = directory.isEmpty ? entry.name : directory + "/" + entry.name
                    if entry.type == .directory { directories.append(path) } else { out[path] = try? fs.read(path) }
                }
            }
            return out
        }
        let expected = contents(whole), found = contents(compared)
        #expect(expected.count > 20)
        #expect(Set(expected.keys).union(found.keys).filter { expected[$0] != found[$0] }.sorted() == [])
        #expect(found["vault/alliances/半导体照明/alliance.txt"] != nil)
        #expect(found["vault/alliances/新联盟/alliance.txt"] == nil)
        #expect(found["vault/alliances/存储/2019.txt"] == Array((repo.top.path + "/outside.txt").utf8))
    }

    /// The working-tree side of a diff takes the base's unchanged files as they were
    /// bound. Linting and scoring it must give exactly what a fresh load gives: the
    /// findings of unchanged files (a bad value here) included.
    @Test func aLoadReusingTheBaseLintsAndScoresAsAFreshLoad() throws {
        let repo = try FixtureRepository()
        try repo.append("vault/alliances/存储/2024.txt", "2024-08-01 meeting type=councl title=\"临时理事会\"\n")
        try repo.commit("a bad value in a file the change leaves alone")
        let base = try repo.vault(at: "HEAD")
        try repo.append("vault/alliances/轮胎/2024.txt", "2024-09-01 project type=self-funded title=\"联合攻关\" funding=300万元\n")
        let disk = try DiskFileSystem(root: repo.root)
        let fresh = Loader.load(disk, checkingEachRecordFile: Linter.checkFile)
        let reused = Loader.load(disk, checkingEachRecordFile: Linter.checkFile, reusing: base)
        let shared = reused.vault.boundFiles.filter { file in base.boundFiles.contains { $0 === file } }
        #expect(shared.count > 10)
        #expect(!shared.contains { $0.path == "vault/alliances/轮胎/2024.txt" })
        let lintFresh = Linter.lint(fresh).diagnostics, lintReused = Linter.lint(reused).diagnostics
        #expect(lintFresh.contains { $0.ruleID == BadValueRule.description.id && $0.location.path == "vault/alliances/存储/2024.txt" })
        #expect(lintReused == lintFresh)
        let scoresFresh = Scorer.score(fresh.vault)["2024"]?.alliances.map { "\($0.id) \($0.score?.description ?? "-") \($0.rank ?? 0)" }
        let scoresReused = Scorer.score(reused.vault)["2024"]?.alliances.map { "\($0.id) \($0.score?.description ?? "-") \($0.rank ?? 0)" }
        #expect(scoresReused == scoresFresh && scoresFresh?.isEmpty == false)
    }

    /// A diff scores only the periods a change can move, and the periods whose awards
    /// look back on them: a score changed in 2021 moves an award in 2022.
    @Test func aChangeMovesTheAwardsOfLaterPeriods() {
        var files = awardProject(consecutive: 2, years: ["2020", "2021", "2022"])
        for year in ["2020", "2021", "2022"] {
            files["vault/alliances/示例/\(year).txt"] = "published status=evaluated score=90 source=r:t\n"
        }
        let old = Loader.load(MemoryFileSystem(files: files)).vault
        files["vault/alliances/示例/2021.txt"] = "published status=evaluated score=60 source=r:t\n"
        let new = Loader.load(MemoryFileSystem(files: files)).vault
        let diff = VaultDiff(base: "a", head: "b", old: old, new: new)
        #expect(VaultDiff.affectedPeriods(diff.changedPaths, old, new) == ["2021", "2022"])
        #expect(diff.changes.map(\.period) == ["2021", "2022"])
        let award = diff.changes.last?.awards.first
        #expect(award.map { "\($0.award): \($0.old) → \($0.new)" } == "a-level: earned → not earned")
        // A schema edit may move every period.
        files["schemas/test.txt"]! += "# 注释\n"
        #expect(VaultDiff.affectedPeriods(["schemas/test.txt"], old, Loader.load(MemoryFileSystem(files: files)).vault) == nil)
    }

    @Test func aReviewAndASchemaEditAreExplained() throws {
        let repo = try FixtureRepository()
        try repo.append("vault/reviews/2024/E04.txt", "review alliance=智能交通 stage=recheck 2.1=3 note=复核\n")
        try repo.append("vault/reviews/2024/E01.txt", "review alliance=智能交通 stage=recheck 2.1=3 note=复核\n")
        try repo.replace("schemas/2016.txt", "rubric=presence\nindicator id=1.4", "rubric=presence\nindicator id=1.4")
        try repo.replace("schemas/2016.txt", "tiers=1:2,2:3,3:4,5:5", "tiers=1:1,2:3,3:4,5:5")
        let diff = VaultDiff(base: "HEAD", head: "working tree", old: try repo.vault(at: "HEAD"), new: try repo.vault(at: "."))
        let schema = try #require(diff.schemas.first)
        #expect(schema.schema == "2016" && schema.periods == ["2024"])
        #expect(schema.lines.map(\.kind) == [.removed, .added])
        let traffic = try #require(diff.changes.first { $0.alliance == "智能交通" })
        #expect(traffic.lines.contains { $0.path == "vault/reviews/2024/E04.txt" && $0.kind == .added })
    }

    @Test func nothingChangedIsOneShortLine() throws {
        let repo = try FixtureRepository()
        let diff = VaultDiff(base: "HEAD", head: "working tree", old: try repo.vault(at: "HEAD"), new: try repo.vault(at: "."))
        #expect(DiffReport.markdown(diff) == "**vault diff**: no score, band, rank or award changes.\n")
    }

    @Test func theCommandUsesTheMergeBaseByDefault() throws {
        let repo = try FixtureRepository()
        try repo.git("checkout", "-q", "-b", "change")
        try repo.replace("vault/alliances/轮胎/2024.txt", "participation status=evaluated group=B", "participation status=incomplete group=B")
        let run = try Run(["diff", "--format", "md"], in: repo.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("轮胎产业技术创新战略联盟 (evaluated → incomplete)"))
    }
}

@Suite struct ChangedLintTests {
    @Test func onlyTheChangeAndWhatItBrings() throws {
        let repo = try FixtureRepository()
        // A new alliance reusing code 110 collides with 半导体照明, whose file the change did not touch.
        try FileManager.default.createDirectory(atPath: repo.root + "/vault/alliances/新联盟", withIntermediateDirectories: true)
        try "alliance code=110 batch=1 name=新联盟\n".write(toFile: repo.root + "/vault/alliances/新联盟/alliance.txt", atomically: true, encoding: .utf8)
        let result = try ChangeScope.lint(try DiskFileSystem(root: repo.root), since: "HEAD", options: Linter.Options())
        #expect(Set(result.diagnostics.map { "\($0.ruleID) \($0.location.path)" }) == [
            "code-collision vault/alliances/新联盟/alliance.txt", "code-collision vault/alliances/半导体照明/alliance.txt"])
        // The fixture's old findings (a conflict of interest, a missing recheck) are not the change's.
        let full = Linter.lint(try DiskFileSystem(root: repo.root))
        #expect(full.diagnostics.count == result.diagnostics.count + 2)
    }
}

@Suite struct CIReporterTests {
    func manyFindings() -> [Diagnostic] {
        (1...25).map { n in
            Diagnostic(ruleID: n <= 12 ? "syntax" : "bad-value", severity: .error,
                       location: SourceLocation(path: "vault/a/\(n).txt", line: n, column: 2), message: "m\(n)", lineText: "line \(n)")
        }
    }

    @Test func githubAnnotatesTenAndSummarisesTheRest() {
        let out = GitHubReporter.render(manyFindings(), files: 3)
        #expect(out.components(separatedBy: "::error ").count - 1 == 10)
        #expect(out.contains("::notice title=vault lint::15 more findings are not annotated (bad-value 13, syntax 2)"))
        #expect(out.contains("::error file=vault/a/1.txt,line=1,col=2,title=syntax::m1\n"))
    }

    @Test func sarifFingerprintsSurviveUnrelatedEdits() throws {
        let before = [Diagnostic(ruleID: "syntax", severity: .error, location: SourceLocation(path: "p.txt", line: 3, column: 1),
                                 message: "m", lineText: "bad line")]
        var after = before
        after[0].location.line = 7   // lines were added above it
        func fingerprint(_ d: [Diagnostic]) throws -> String? {
            let object = try JSONSerialization.jsonObject(with: Data(SARIFReporter.render(d, version: "1").utf8)) as? [String: Any]
            let run = (object?["runs"] as? [[String: Any]])?.first
            let result = (run?["results"] as? [[String: Any]])?.first
            return (result?["partialFingerprints"] as? [String: String])?["vaultFinding/v1"]
        }
        #expect(try fingerprint(before) == fingerprint(after))
        let rules = try JSONSerialization.jsonObject(with: Data(SARIFReporter.render([], version: "1").utf8)) as? [String: Any]
        let driver = ((rules?["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect((driver?["rules"] as? [Any])?.count == Rules.all.count)
    }
}

@Suite struct OwnershipTests {
    @Test func codeownersGivesEachFileItsOwners() throws {
        let (vault, _) = try Fixture.load()
        let text = Owners(vault).codeowners(prefix: "")
        #expect(text.contains("\n/schemas/ @vault-secretariat\n/vault/ @vault-secretariat\n"))
        #expect(text.contains("\n/vault/alliances/半导体照明/ @ruan-jun\n"))
        #expect(text.contains("\n/vault/reviews/2024/E01.txt @zhou-liming\n"))
    }

    @Test func diffFlagsAMaintainerTouchingAnotherAlliance() throws {
        let repo = try FixtureRepository()
        try repo.append("vault/alliances/粉末冶金/2024.txt", "2024-10-01 training title=\"培训班\"\n")
        try repo.append("vault/alliances/半导体照明/2024.txt", "2024-10-02 training title=\"培训班\"\n")
        var diff = VaultDiff(base: "HEAD", head: "working tree", old: try repo.vault(at: "HEAD"), new: try repo.vault(at: "."))
        diff.checkOwnership(author: "@ruan-jun", owners: Owners(try repo.vault(at: ".")))
        #expect(diff.trespasses.map(\.path) == ["vault/alliances/粉末冶金/2024.txt"])
        #expect(DiffReport.markdown(diff).contains("`vault/alliances/粉末冶金/2024.txt` is maintained by @han-wei, not the author"))
        // The secretariat may change anything.
        diff.checkOwnership(author: "@vault-secretariat", owners: Owners(try repo.vault(at: ".")))
        #expect(diff.trespasses.isEmpty)
    }
}
