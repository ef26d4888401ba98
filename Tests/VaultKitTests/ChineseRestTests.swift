import Foundation
import Testing
import VaultKit

/// The surfaces converted last (issue 16): git's refusals, why an alliance cannot be
/// covered, `vault status`'s refusals, the periods an award cannot be checked
/// against, and the language server's own answers, each printed in Chinese by
/// `--lang zh` and word for word as before in English.
@Suite struct ChineseRestTests {
    static func run(_ arguments: [String], in directory: String? = nil) throws -> Run {
        try ChineseInterfaceTests.run(arguments, in: directory)
    }

    @Test func gitRefusalsInChineseAndEnglish() throws {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        _ = try plainGit(dir.path, "init", "-q")
        let zh = try Self.run(["--lang", "zh", "diff"], in: dir.path)
        #expect(zh.status == 2)
        #expect(zh.stderr == "vault: 找不到可比较的默认分支（origin/HEAD、main 或 master）；请写明一个版本：vault diff BASE\n", "\(zh.stderr)")
        let en = try Self.run(["diff"], in: dir.path)
        #expect(en.stderr == "vault: no default branch (origin/HEAD, main or master) to compare with; name a revision: vault diff BASE\n", "\(en.stderr)")
        // A revision git does not know: git's own words (in the C locale) inside the Chinese sentence.
        let bad = try Self.run(["--lang", "zh", "lint", "--changed", "no-such-revision"], in: dir.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("vault: git diff 失败："), "\(bad.stderr)")
    }

    @Test func uncoveredAlliancesInChinese() throws {
        let project = try ReviewAssignTests.project()
        for expert in ["E01", "E03"] {
            try project.replace("vault/periods/2024.txt", "expert id=\(expert) name=", "expert id=\(expert) alliances=存储 name=")
        }
        try project.replace("vault/periods/2024.txt", "alliances=住宅科技", "alliances=住宅科技,存储")
        try project.replace("vault/alliances/轮胎/2024.txt", "group=B", "group=C")
        try project.replace("vault/alliances/木竹/2024.txt", "status=evaluated group=B", "status=evaluated")
        let run = try project.run(["--lang", "zh", "review", "assign", "2024", "--stage", "initial"], environment: ChineseInterfaceTests.neutral)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("存储：A 组的专家都不能评审该联盟（E01：需回避：alliances= 列有 存储；E02：需回避：alliances= 列有 存储；E03：需回避：alliances= 列有 存储）"), "\(run.stdout)")
        #expect(run.stdout.contains("木竹：参评记录（vault/alliances/木竹/2024.txt）没有 group=：请填写该联盟的评审分组"), "\(run.stdout)")
        #expect(run.stdout.contains("轮胎：2024 评价期的评价专家组中没有 C 组的专家（vault/alliances/轮胎/2024.txt；现有分组：A、B）"), "\(run.stdout)")
        #expect(!run.stdout.contains("no expert"))
        let status = try project.run(["--lang", "zh", "status", "--format", "json"], environment: ChineseInterfaceTests.neutral)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let initial = try #require((json["stages"] as? [[String: Any]])?.first { $0["stage"] as? String == "initial" })
        let reasons = (initial["uncovered"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
        #expect(reasons.contains("参评记录（vault/alliances/木竹/2024.txt）没有 group=：请填写该联盟的评审分组"), "\(reasons)")
        let english = try project.run(["status"], environment: ChineseInterfaceTests.neutral)
        #expect(english.stdout.contains("    cannot be covered: 木竹: its participation line (vault/alliances/木竹/2024.txt) has no group=: add its review group\n"), "\(english.stdout)")
    }

    @Test func statusRefusalsInChinese() throws {
        let zh = try Self.run(["--lang", "zh", "-C", Fixture.root, "status", "2099"])
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("vault: vault/periods/ 中没有评价期“2099”\n"), "\(zh.stderr)")
        #expect(zh.stderr.contains("提示：现有评价期："), "\(zh.stderr)")
        let en = try Self.run(["-C", Fixture.root, "status", "2099"])
        #expect(en.stderr.hasPrefix("vault: no period \"2099\" in vault/periods/\n"), "\(en.stderr)")
        #expect(en.stderr.contains("hint: periods: "), "\(en.stderr)")
        let empty = try TemporaryDirectory()
        try empty.writeExampleProject()
        try FileManager.default.removeItem(atPath: empty.path + "/vault/periods")
        try FileManager.default.createDirectory(atPath: empty.path + "/vault/periods", withIntermediateDirectories: true)
        let none = try Self.run(["--lang", "zh", "status"], in: empty.path)
        #expect(none.stderr.contains("vault: 数据库中还没有评价期（vault/periods/ 为空）\n"), "\(none.stderr)")
        #expect(none.stderr.contains("请用 `vault period new ID --start YYYY-MM-DD --end YYYY-MM-DD` 开启一个评价期"), "\(none.stderr)")
    }

    @Test func periodsAnAwardCannotBeCheckedAgainstInChinese() throws {
        let explain = try Self.run(["--lang", "zh", "-C", Fixture.root, "explain", "粉末冶金", "2024"])
        #expect(explain.stdout.contains("（2024 之前的 2 个评价期 没有结果）"), "\(explain.stdout)")
        #expect(!explain.stdout.contains("period(s)"))
        let stats = try Self.run(["--lang", "zh", "-C", Fixture.root, "stats", "2024"])
        #expect(stats.stdout.contains("2024 之前的 2 个评价期"), "\(stats.stdout)")
        #expect(UnknownPeriod.before(count: 2, first: "2024").message.text(.en) == "2 period(s) before 2024")
        #expect(UnknownPeriod("2021").message.text(.zh) == "2021")
    }
}
