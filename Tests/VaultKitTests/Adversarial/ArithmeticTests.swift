import Foundation
import Testing
@testable import VaultKit

/// Item 1 and 6 of issue 13: sums, means, percentages and roundings over values
/// a contributor may write never trap; values the schema cannot mean are
/// findings at their place and are not used; a warning never disables a schema,
/// and the error that does is named.
@Suite struct ArithmeticTests {
    /// The example project with a second evaluated alliance, 乙, whose findings or
    /// scores show that the rest of the vault was still checked.
    static func project(from fixture: String? = nil) throws -> HostileProject {
        let project = try HostileProject(from: fixture)
        if fixture == nil {
            try project.write("vault/alliances/乙/alliance.txt", "alliance code=111 batch=1 name=乙联盟 short=乙\n")
            try project.write("vault/alliances/乙/2023.txt", "participation status=evaluated group=A\n2023-03-01 meeting type=council title=乙会\n")
        }
        return project
    }

    static func expectNoTrap(_ run: Run, _ status: Int32, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!run.crashed && !run.timedOut, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.status == status, "\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
    }

    /// `count` lines, each `line` with `N` replaced by its number (so none is a duplicate).
    static func lines(_ count: Int, _ line: String) -> String {
        (1...count).map { line.replacingOccurrences(of: "N", with: String($0)) + "\n" }.joined()
    }

    // MARK: arithmetic that trapped

    /// Twelve `count=` values at the int bound sum past 64 bits in one file: lint,
    /// score, explain and stats trapped in the rubric's sum. The rubric's measure now
    /// saturates (the tier reached is the same), stats sums wide, and one past the
    /// bound is a bad value at its place.
    @Test func countsNearTheBoundSumWithoutATrap() throws {
        let project = try Self.project()
        try project.append("schemas/test.txt", "field kind=meeting id=count type=int\n")
        try project.append("vault/alliances/示例/2023.txt", Self.lines(12, "2023-03-02 meeting type=council title=汇总N count=999999999999999999"))
        try project.append("vault/alliances/乙/2023.txt", "2023-03-05 meeting type=council title=太多 count=1000000000000000000\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("vault/alliances/乙/2023.txt:3:48: error: count=\"1000000000000000000\" is not a whole number of at most 18 digits [bad-value]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("1 error, 0 warnings; 6 files checked"), "\(lint.stdout)")

        let score = try project.run(["score", "2023", "--format", "tsv"])
        Self.expectNoTrap(score, 0)
        #expect(score.stdout.contains("1\t110\t示例产业技术创新战略联盟\t10\tlow"), "\(score.stdout)")
        #expect(score.stdout.contains("\t111\t乙联盟\t6\tlow"), "\(score.stdout)")

        let explain = try project.run(["explain", "示例", "2023"])
        Self.expectNoTrap(explain, 0)
        #expect(explain.stdout.contains("score: 10 (rubric, no reviews)"), "\(explain.stdout)")

        let stats = try project.run(["stats", "2023"])
        Self.expectNoTrap(stats, 0)
        // 1 + 1 + 12 × (10^18 − 1): beyond Int64, exact.
        #expect(stats.stdout.contains("meeting[council]  11999999999999999990"), "\(stats.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// Amounts of 9 × 10^8 亿元 were legal and two of them trapped `stats` and `report`.
    /// Amounts are now below 10^16 元 (a bad value names the bound), and any number
    /// of the largest legal amounts sum exactly.
    @Test func fundingSumsOfTheLargestAmountsAreExact() throws {
        let project = try Self.project()
        try project.append("vault/alliances/示例/2023.txt",
                           Self.lines(6, "2023-04-01 meeting type=secretariat title=经费N funding=99999999.99999999亿元"))
        try project.append("vault/alliances/乙/2023.txt", "2023-04-02 meeting type=secretariat title=过大 funding=900000000亿元\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("vault/alliances/乙/2023.txt:3:54: error: funding=\"900000000亿元\" is not an amount below 10^16 元 (1 亿亿元) [bad-value]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("; 6 files checked"))

        let stats = try project.run(["stats", "2023", "--format", "json"])
        Self.expectNoTrap(stats, 0)
        #expect(stats.stdout.contains(#""type":"secretariat","count":6,"fundingYiYuan":600000000.00"#), "\(stats.stdout)")

        let report = try project.run(["report", "2023"])
        Self.expectNoTrap(report, 0)
        #expect(report.stdout.contains("600000000.00"), "\(report.stdout)")
        #expect(report.stdout.contains("乙联盟"))
        try project.expectOutsideUnchanged()
    }

    /// An `assert` written with eleven decimals over a realistic funding total
    /// (20.89亿元) overflowed while rounding, killing lint: the vault's figure is
    /// now rounded exactly at any printed precision.
    @Test func anAssertWithManyDecimalsIsComparedExactly() throws {
        let project = try Self.project()
        try project.append("vault/alliances/示例/2023.txt", "2023-04-01 meeting type=secretariat title=经费 funding=20.89亿元\n")
        try project.append("vault/periods/2023.txt", """
            assert stat=activity-funding kind=meeting value=20.89000000000 source=report:section-1
            assert stat=activity-funding kind=meeting type=secretariat value=20.89000000001 source=report:section-1
            assert stat=band-percent-of-in-scope band=low value=99.99999999999 source=report:section-2

            """)
        try project.append("vault/alliances/乙/2023.txt", "2023-03-01 meeting type=council title=乙会\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(!lint.stdout.contains("vault/periods/2023.txt:2:"), "the first assertion agrees: \(lint.stdout)")
        #expect(lint.stdout.contains("vault/periods/2023.txt:3:1: error: report:section-1 states activity-funding[meeting[secretariat]] = 20.89000000001; the vault gives 20.89000000000 [assertion]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("vault/periods/2023.txt:4:1: error: report:section-2 states band-percent-of-in-scope[low] = 99.99999999999; the vault gives 100.00000000000 [assertion]"), "\(lint.stdout)")
        // 乙's duplicate meeting is still found: the rest of the vault was checked.
        #expect(lint.stdout.contains("[duplicate-record]"), "\(lint.stdout)")

        let report = try project.run(["report", "2023", "--format", "json"])
        Self.expectNoTrap(report, 0)
        #expect(report.stdout.contains(#""published":20.89000000001,"vault":20.89000000000,"path":"vault/periods/2023.txt","line":3"#), "\(report.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// A roster at the int bound and review scores at the decimal bound: percentages
    /// and means are computed without overflow, and `score --write` records them.
    @Test func hugeRosterAndExtremeReviewsAreScoredAndWritten() throws {
        let project = try Self.project(from: Fixture.root)
        let period = "vault/periods/2024.txt"
        try project.write(period, String(decoding: try project.read(period), as: UTF8.self)
            .replacingOccurrences(of: "roster=13 ", with: "roster=999999999999999999 ")
            .replacingOccurrences(of: "threshold=10 ", with: "threshold=99999999999999999 "))
        try project.append("vault/reviews/2024/E03.txt", "review alliance=马铃薯 stage=recheck 1.1=-99999999999999999 2.1=99999999999999999\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("error: 1.1=-99999999999999999 is below 0 (理事会会议); the score is not used [indicator-score]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("error: 2.1=99999999999999999 is above the indicator's maximum of 6 (自设协同创新项目); the score is not used [indicator-score]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("[conflict-of-interest]"), "the rest of the vault is still checked: \(lint.stdout)")

        let stats = try project.run(["stats", "2024"])
        Self.expectNoTrap(stats, 0)
        #expect(stats.stdout.contains("in scope: 999999999999999999"))
        #expect(stats.stdout.contains("not evaluated: 999999999999999987"), "\(stats.stdout)")

        let write = try project.run(["score", "2024", "--write"])
        Self.expectNoTrap(write, 0)
        let written = String(decoding: try project.read("vault/alliances/马铃薯/2024.txt"), as: UTF8.self)
        #expect(written.contains("result status=evaluated score="), "\(written)")
        let relint = try project.run(["lint"])
        #expect(!relint.stdout.contains("[stale-result]"), "\(relint.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// `vault diff` scores both sides: a change that brings counts to the bound is
    /// a change of score, not a trap.
    @Test func diffOfAnEditToTheBoundDoesNotTrap() throws {
        let project = try Self.project()
        let git = Git(directory: project.root)
        _ = try git.run(["init", "-q", "-b", "main"])
        _ = try git.run(["-c", "user.email=t@example.org", "-c", "user.name=T", "add", "-A"])
        _ = try git.run(["-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-q", "-m", "base"])
        try project.append("schemas/test.txt", "field kind=meeting id=count type=int\n")
        try project.append("vault/alliances/示例/2023.txt", Self.lines(12, "2023-03-02 meeting type=council title=汇总N count=999999999999999999"))

        let diff = try project.run(["diff", "main"])
        Self.expectNoTrap(diff, 0)
        #expect(diff.stdout.contains("示例"), "\(diff.stdout)")
        #expect(diff.stdout.contains("6 → 10"), "\(diff.stdout)")
        try project.expectOutsideUnchanged()
    }

    // MARK: values the schema cannot mean

    /// `consecutive=0` (or negative) trapped nearly every command on a range. It is a
    /// schema error now: the schema is not used, and each command says why.
    @Test func anAwardWindowBelowOneIsASchemaError() throws {
        let project = try Self.project()
        try project.append("schemas/test.txt", "award id=a-level label=A级 band=high consecutive=0\n")
        try project.append("vault/alliances/乙/alliance.txt", "alias name=乙 source=x\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("schemas/test.txt:12:37: error: award \"a-level\" has consecutive=0: the band must be held in 1…1000 periods [schema]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("vault/periods/2023.txt:1:40: error: schema \"test\" has errors, so the records of period 2023 are checked for syntax only and the period cannot be scored; first: schemas/test.txt:12:37: award"), "\(lint.stdout)")
        #expect(lint.stdout.contains("; 6 files checked"))

        for command in [["score", "2023"], ["stats", "2023"], ["explain", "示例", "2023"], ["report", "2023"]] {
            let run = try project.run(command)
            Self.expectNoTrap(run, 2)
            #expect(run.stderr.contains("period 2023 cannot be scored: schema \"test\" has errors; first: schemas/test.txt:12:37: award \"a-level\" has consecutive=0"), "\(command): \(run.stderr)")
        }
        let write = try project.run(["score", "--write"])
        Self.expectNoTrap(write, 0)
        #expect(write.stdout.contains("results are up to date"), "\(write.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// A negative published score was ranked last with its sign, an 18-digit one
    /// counted as 0: both are findings and neither is used.
    @Test func publishedScoresOutsideTheTotalAreFindingsAndUnused() throws {
        let project = try Self.project()
        try project.write("vault/alliances/示例/2023.txt", "published status=evaluated score=-5 source=report:annex\n")
        try project.write("vault/alliances/乙/2023.txt", "published status=evaluated score=99999999999999999 source=report:annex\n")
        try project.write("vault/alliances/丙/alliance.txt", "alliance code=112 batch=1 name=丙联盟 short=丙\n")
        try project.write("vault/alliances/丙/2023.txt", "published status=evaluated score=88 band=high source=report:annex\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("vault/alliances/示例/2023.txt:1:28: error: score=-5 is outside 0…100, the range of schema test (period 2023); it is not used [score-range]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("vault/alliances/乙/2023.txt:1:28: error: score=99999999999999999 is outside 0…100"), "\(lint.stdout)")
        #expect(lint.stdout.contains("2 errors, 0 warnings; 8 files checked"), "\(lint.stdout)")

        let score = try project.run(["score", "2023", "--format", "tsv"])
        Self.expectNoTrap(score, 0)
        #expect(score.stdout.contains("1\t112\t丙联盟\t88\thigh"), "\(score.stdout)")
        #expect(score.stdout.contains("\t110\t示例产业技术创新战略联盟\t\t"), "no score for 示例: \(score.stdout)")
        #expect(!score.stdout.contains("-5"), "\(score.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// A negative roster made "not evaluated" negative and every share of it
    /// meaningless; a negative threshold sent every alliance to a recheck. Both are
    /// bad values at their place, and not used.
    @Test func negativeRostersAndThresholdsAreBadValuesAndUnused() throws {
        let project = try Self.project(from: Fixture.root)
        let period = "vault/periods/2024.txt"
        try project.write(period, String(decoding: try project.read(period), as: UTF8.self)
            .replacingOccurrences(of: "roster=13 roster1=5", with: "roster=-13 roster1=-5")
            .replacingOccurrences(of: "threshold=10 ", with: "threshold=-1 "))

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("vault/periods/2024.txt:1:52: error: roster=-13 is negative: it is a number of alliances [bad-value]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("vault/periods/2024.txt:1:63: error: roster1=-5 is negative: it is a number of alliances [bad-value]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("error: threshold=-1 is negative: it is a difference in points [bad-value]"), "\(lint.stdout)")
        #expect(!lint.stdout.contains("[missing-recheck]"), "no threshold, no recheck required: \(lint.stdout)")
        #expect(lint.stdout.contains("[conflict-of-interest]"), "\(lint.stdout)")

        let stats = try project.run(["stats", "2024"])
        Self.expectNoTrap(stats, 0)
        #expect(stats.stdout.contains("in scope: 13 (alliances known to the vault; the period states no roster)"), "\(stats.stdout)")
        #expect(stats.stdout.contains("batch 1: 5 evaluated (roster not stated)"), "\(stats.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// A negative `count=` was silently taken as 0 and a negative summed figure
    /// cancelled other evidence: both are findings, and count as 0.
    @Test func negativeCountsAndSummedFiguresAreFindings() throws {
        let project = try Self.project(from: Fixture.root)
        try project.append("vault/alliances/化纤/2024.txt", "2024-06-01 project type=self-funded title=汇总 count=-40\n")
        try project.append("vault/alliances/化纤/2024.txt", "secretariat staff=-2\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("error: count=-40 is negative: project records are counted or summed by it, and it counts as 0 [negative-measure]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("error: staff=-2 is negative: secretariat records are counted or summed by it, and it counts as 0 [negative-measure]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("[conflict-of-interest]"), "\(lint.stdout)")

        let explain = try project.run(["explain", "化纤", "2024"])
        Self.expectNoTrap(explain, 0)
        // staff=2 and staff=-2: the negative figure does not cancel the other (1.6 keeps 4 points).
        #expect(explain.stdout.contains("rubric total: 77"), "\(explain.stdout)")
        #expect(explain.stdout.contains("1.6  秘书处对外联络畅通、专职人员    4  4  / 5"), "\(explain.stdout)")
        let stats = try project.run(["stats", "2024", "--format", "json"])
        Self.expectNoTrap(stats, 0)
        #expect(stats.stdout.contains(#""type":"self-funded","count":22,"#), "count=-40 counts as 0: \(stats.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// Decimals past the documented 17 digits, 11 after the point, were accepted.
    @Test func decimalsBeyondTheDocumentedDigitsAreBadValues() throws {
        let project = try Self.project(from: Fixture.root)
        try project.append("vault/reviews/2024/E03.txt", "review alliance=马铃薯 stage=recheck 1.1=0.000000000001 1.2=123456789012345678\n")
        try project.append("vault/periods/2024.txt", "assert stat=evaluated value=12.000000000000 source=fixture\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("error: 1.1=\"0.000000000001\" is not a number of at most 17 digits, 11 after the point [bad-value]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("error: 1.2=\"123456789012345678\" is not a number of at most 17 digits, 11 after the point [bad-value]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("error: value=\"12.000000000000\" is not a number of at most 17 digits"), "\(lint.stdout)")
        #expect(lint.stdout.contains("[conflict-of-interest]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("; 34 files checked"), "\(lint.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// Maxima that add up but are negative gave every alliance a negative total; sums
    /// compared as doubles let 0.1 + 0.21 pass for 0.3 at the wrong precision. Both
    /// are schema errors now, checked exactly.
    @Test func inconsistentSchemaPointsAreSchemaErrors() throws {
        let project = try Self.project()
        try project.write("schemas/test.txt", """
            schema title="示例指标" total=100
            band id=high min=85 label=活跃度高
            band id=low min=0 label=不活跃
            group id=1 title=组织运行 max=-10
            group id=2 title=协同 max=110
            indicator id=1.1 group=1 title=理事会会议 max=-10 from=meeting[type=council] rubric=presence
            group id=3 title=精度 max=0.3
            indicator id=3.1 group=3 title=甲 max=0.1
            indicator id=3.2 group=3 title=乙 max=0.21
            kind id=meeting title=会议
            field kind=meeting id=type type=enum(council,secretariat) required=yes
            field kind=meeting id=title type=text required=yes

            """)
        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("schemas/test.txt:4:23: error: group \"1\" has max=-10, outside 0…1000000 [schema]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("schemas/test.txt:6:38: error: indicator \"1.1\" has max=-10, outside 0…1000000 [schema]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("schemas/test.txt:7:21: error: group \"3\" has max=0.3 but its indicators add up to 0.31 [schema]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("schemas/test.txt:1:21: error: schema total=100 but its groups add up to 100.30 [schema]"), "\(lint.stdout)")

        let score = try project.run(["score", "2023"])
        Self.expectNoTrap(score, 2)
        #expect(score.stderr.contains("first: schemas/test.txt:1:21: schema total=100 but its groups add up to 100.30"), "\(score.stderr)")
        try project.expectOutsideUnchanged()
    }

    /// An indicator named `note` clashed with the review line's own field and
    /// trapped `fmt`; it is a schema error, and `fmt` formats the rest.
    @Test func anIndicatorNamedLikeAReviewFieldIsASchemaErrorAndFmtRuns() throws {
        let project = try Self.project()
        let schema = String(decoding: try project.read("schemas/test.txt"), as: UTF8.self)
        try project.write("schemas/test.txt", schema.replacingOccurrences(of: "indicator id=1.1", with: "indicator id=note"))
        try project.write("vault/reviews/2023/E2.txt", "review   alliance=示例 stage=initial note=齐全\n")
        try project.append("vault/periods/2023.txt", "expert id=E2 name=乙 group=A\n")
        try project.write("vault/alliances/乙/2023.txt", "participation   status=evaluated group=A\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("schemas/test.txt:6:11: error: indicator id \"note\" is a field every review line has (alliance, stage, note) [schema]"), "\(lint.stdout)")

        let check = try project.run(["fmt", "--check"])
        Self.expectNoTrap(check, 1)
        #expect(check.stdout.contains("would reformat vault/alliances/乙/2023.txt"), "\(check.stdout)")
        let fmt = try project.run(["fmt"])
        Self.expectNoTrap(fmt, 0)
        #expect(String(decoding: try project.read("vault/reviews/2023/E2.txt"), as: UTF8.self) == "review alliance=示例 stage=initial note=齐全\n")
        try project.expectOutsideUnchanged()
    }

    // MARK: warnings treated as errors

    /// A byte-order mark is a warning: the schema is used and its period scored.
    @Test func aSchemaWithABOMIsStillUsed() throws {
        let project = try Self.project()
        try project.write("schemas/test.txt", Data([0xEF, 0xBB, 0xBF]) + (try project.read("schemas/test.txt")))
        try project.append("vault/alliances/乙/2023.txt", "2023-13-01 meeting type=council title=错\n")

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("schemas/test.txt:1:1: warning: file starts with a byte-order mark [text-convention]"), "\(lint.stdout)")
        #expect(!lint.stdout.contains("has errors"), "\(lint.stdout)")
        // Records are checked against the schema: 乙's impossible date is found.
        #expect(lint.stdout.contains("vault/alliances/乙/2023.txt:3:1: error: \"2023-13-01\" is not a date (YYYY-MM-DD) that exists [bad-value]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("1 error, 1 warning; 6 files checked"), "\(lint.stdout)")

        let score = try project.run(["score", "2023", "--format", "tsv"])
        Self.expectNoTrap(score, 0)
        #expect(score.stdout.contains("1\t110\t示例产业技术创新战略联盟\t6\tlow"), "\(score.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// CRLF line ends are a warning: stats and `score --write` work on the period.
    @Test func aSchemaWithCRLFLineEndsIsStillUsed() throws {
        let project = try Self.project(from: Fixture.root)
        let schema = String(decoding: try project.read("schemas/2016.txt"), as: UTF8.self)
        try project.write("schemas/2016.txt", schema.replacingOccurrences(of: "\n", with: "\r\n"))

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("schemas/2016.txt:1:"), "\(lint.stdout)")
        #expect(lint.stdout.contains("warning: line ends with CRLF [text-convention]"), "\(lint.stdout)")
        #expect(!lint.stdout.contains("has errors"), "\(lint.stdout)")
        #expect(lint.stdout.contains("[conflict-of-interest]"), "\(lint.stdout)")

        let stats = try project.run(["stats", "2024"])
        Self.expectNoTrap(stats, 0)
        #expect(stats.stdout.contains("evaluated: 12"), "\(stats.stdout)")
        let write = try project.run(["score", "2024", "--write"])
        Self.expectNoTrap(write, 0)
        #expect(write.stdout.contains("wrote vault/results/2024.tsv"), "\(write.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// A warning and an error in one schema: the error disables it, and every place
    /// that cannot use it names that error with its place, not the warning.
    @Test func theErrorThatDisablesASchemaIsNamed() throws {
        let project = try Self.project()
        let schema = String(decoding: try project.read("schemas/test.txt"), as: UTF8.self)
        try project.write("schemas/test.txt", schema.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "type=int", with: "type=integer"))

        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("schemas/test.txt:10:33: error: unknown field type \"integer\" [schema]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("and the period cannot be scored; first: schemas/test.txt:10:33: unknown field type \"integer\" [schema]"), "\(lint.stdout)")

        let stats = try project.run(["stats", "2023"])
        Self.expectNoTrap(stats, 2)
        #expect(stats.stderr.contains("vault: period 2023 cannot be scored: schema \"test\" has errors; first: schemas/test.txt:10:33: unknown field type \"integer\""), "\(stats.stderr)")
        try project.expectOutsideUnchanged()
    }
}
