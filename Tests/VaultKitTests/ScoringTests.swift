import Foundation
import Testing
@testable import VaultKit

/// The scored fixture: 13 alliances, a two-group panel, reviews in all three stages.
enum Fixture {
    static let root = Package.path("Tests/VaultKitTests/Fixtures/scored")

    static func load() throws -> (Vault, [String: PeriodResult]) {
        let vault = Loader.load(try DiskFileSystem(root: root)).vault
        return (vault, Scorer.score(vault))
    }
}

@Suite struct ScoringGoldenTests {
    @Test func scoreTable() throws {
        let (_, results) = try Fixture.load()
        let period = try #require(results["2024"])
        expectGolden("score-2024.txt", ScoreTable.text(period))
        expectGolden("score-2024.tsv", ScoreTable.tsv(period))
        expectGolden("score-2024.json", ScoreTable.json(period))
    }

    @Test(arguments: ["粉末冶金", "住宅科技", "智能交通", "食醋"])
    func explain(_ alliance: String) throws {
        let (_, results) = try Fixture.load()
        let period = try #require(results["2024"])
        expectGolden("explain-\(alliance)-2024.txt", ExplainReport.text(try #require(period.alliance(alliance)), in: period))
    }

    @Test func stats() throws {
        let (vault, results) = try Fixture.load()
        let stats = PeriodStatistics(try #require(results["2024"]), vault: vault)
        expectGolden("stats-2024.txt", StatsReport.text(stats))
        expectGolden("stats-2024.json", StatsReport.json(stats))
    }

    /// Scoring one period (and its award window) must give what scoring every period gives.
    @Test(arguments: [Fixture.root, Package.root.path])
    func onePeriodScoresAsAllPeriodsDo(_ root: String) throws {
        let vault = Loader.load(try DiskFileSystem(root: root)).vault
        let all = Scorer.score(vault)
        for id in vault.periodIDs {
            let one = Scorer.score(vault, period: id)
            let full = try #require(all[id])
            let single = try #require(one[id])
            #expect(ScoreTable.json(single) == ScoreTable.json(full), "\(id)")
            // The history section shows the periods it is given (`vault report` scores them all).
            let history = BandHistory(period: id, vault: vault, results: all)
            let a = PeriodReport(period: id, vault: vault, results: one).map { var r = $0; r.history = history; return ReportJSON.render(r) }
            let b = PeriodReport(period: id, vault: vault, results: all).map(ReportJSON.render)
            #expect(a == b, "\(id)")
        }
        #expect(Scorer.score(vault, period: "1999").isEmpty)
    }

    @Test func lint() throws {
        let result = Linter.lint(try DiskFileSystem(root: Fixture.root))
        expectGolden("lint-fixture.txt", DiagnosticTextReporter(color: false).render(result.diagnostics, files: result.files))
        #expect(Set(result.diagnostics.map(\.ruleID)) == ["conflict-of-interest", "missing-recheck"])
    }
}

@Suite struct ScoringBehaviourTests {
    @Test func theRecheckDecidesADivergence() throws {
        let (_, results) = try Fixture.load()
        let a = try #require(results["2024"]?.alliance("粉末冶金"))
        #expect(a.stageScores[.initial] == Points(hundredths: 6700))
        #expect(a.stageScores[.cross] == Points(hundredths: 8700))
        #expect(a.source == .reviews(.recheck))
        #expect(a.band?.id == "high")
    }

    @Test func aConflictedReviewIsNotCounted() throws {
        let (_, results) = try Fixture.load()
        let a = try #require(results["2024"]?.alliance("住宅科技"))
        let conflicted = a.reviews.filter(\.conflict)
        #expect(conflicted.map(\.expert) == ["E02"])
        #expect(a.reviews.filter { $0.stage == .initial && !$0.conflict }.count == 2)
    }

    @Test func notEvaluatedIsAStatusNotAZero() throws {
        let (vault, results) = try Fixture.load()
        let period = try #require(results["2024"])
        let a = try #require(period.alliance("食醋"))
        #expect(a.status == .incomplete)
        #expect(a.score == nil && a.rank == nil)
        let stats = PeriodStatistics(period, vault: vault)
        #expect((stats.inScope, stats.enteredData, stats.evaluated, stats.notEvaluated) == (13, 13, 12, 1))
    }

    @Test func tiesKeepThePublishedOrderThenCode() {
        var files = ExampleProject.base
        files["vault/alliances/示例/2023.txt"] = "published status=evaluated score=90 seq=2 source=r:t\n"
        files["vault/alliances/乙/alliance.txt"] = "alliance code=105 batch=1 name=乙\n"
        files["vault/alliances/乙/2023.txt"] = "published status=evaluated score=90 seq=1 source=r:t\n"
        files["vault/alliances/丙/alliance.txt"] = "alliance code=101 batch=1 name=丙\n"
        files["vault/alliances/丙/2023.txt"] = "participation status=evaluated\n2023-01-02 meeting type=council title=A\n2023-01-03 meeting type=council title=B\n"
        let vault = Loader.load(MemoryFileSystem(files: files)).vault
        let ranked = Scorer.score(vault)["2023"]!.ranked
        #expect(ranked.map(\.id) == ["乙", "示例", "丙"])
        #expect(ranked.map { $0.score?.description } == ["90", "90", "10"])
    }

    @Test func aLevelBreaksOnANonEvaluatedPeriodAndIsUnknownWithoutResults() {
        var files = awardProject(consecutive: 3, years: ["2020", "2021", "2022"])
        files["vault/alliances/示例/2020.txt"] = "published status=evaluated score=90 source=r:t\n"
        files["vault/alliances/示例/2022.txt"] = "published status=evaluated score=95 source=r:t\n"
        files["vault/alliances/乙/alliance.txt"] = "alliance name=乙\n"
        files["vault/alliances/乙/2020.txt"] = "published status=evaluated score=88 source=r:t\n"
        files["vault/alliances/乙/2022.txt"] = "published status=evaluated score=86 source=r:t\n"
        let unknown = Scorer.score(Loader.load(MemoryFileSystem(files: files)).vault)
        #expect(unknown["2022"]!.alliance("示例")!.awards["a-level"] == .unknown(["2021"]))
        // Once 2021 has results, an alliance missing from them has broken its run.
        files["vault/alliances/乙/2021.txt"] = "published status=evaluated score=99 source=r:t\n"
        let vault = Loader.load(MemoryFileSystem(files: files)).vault
        // Scoring only 2022 looks back on the two periods before it, as scoring them all does.
        for known in [Scorer.score(vault), Scorer.score(vault, period: "2022")] {
            #expect(known["2022"]!.alliance("示例")!.awards["a-level"] == .notEarned)
            #expect(known["2022"]!.alliance("乙")!.awards["a-level"] == .earned)
        }
    }

    /// The 2022-2023 report lists its inactive alliances without scores: no score is invented.
    @Test func aPublishedResultWithoutAScoreStaysUnscored() throws {
        let vault = Loader.load(try DiskFileSystem(root: Package.root.path)).vault
        let a = try #require(Scorer.score(vault)["2022-2023"]?.alliance("纳米"))
        #expect(a.status == .evaluated)
        #expect(a.score == nil)
        #expect(a.band?.id == "inactive")
        #expect(a.rank == 73)
    }

    @Test func percentagesRoundHalfUp() {
        #expect(PeriodStatistics.percent(35, of: 75)!.description == "46.67")
        #expect(PeriodStatistics.percent(1, of: 8)!.description == "12.50")
        #expect(PeriodStatistics.percent(1, of: 200)!.description == "0.50")
        #expect(PeriodStatistics.percent(1, of: 0) == nil)
    }
}

@Suite struct RubricTests {
    /// Scores one alliance's records under a one-indicator schema.
    func points(_ indicator: String, kinds: String, records: String) throws -> Points {
        var files = ExampleProject.base
        files["schemas/test.txt"] = """
            schema title=测试 total=10
            band id=high min=85 label=高
            band id=low min=0 label=低
            group id=1 title=组 max=10
            \(indicator)
            \(kinds)

            """
        files["vault/alliances/示例/2023.txt"] = "participation status=evaluated\n" + records
        let loaded = Loader.load(MemoryFileSystem(files: files))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return try #require(Scorer.score(loaded.vault)["2023"]?.alliance("示例")?.indicators.first?.rubric)
    }

    let projectKind = """
        kind id=project
        field kind=project id=type type=enum(self-funded,government) required=yes
        field kind=project id=funding type=money
        field kind=project id=count type=int
        field kind=project id=staff type=int
        """

    @Test func countUsesTiersAndCountFields() throws {
        let indicator = "indicator id=1.1 group=1 title=项目 max=10 from=project[type=self-funded] rubric=count tiers=1:3,3:8"
        #expect(try points(indicator, kinds: projectKind, records: "") == .zero)
        #expect(try points(indicator, kinds: projectKind, records: "project type=self-funded\n") == Points(hundredths: 300))
        #expect(try points(indicator, kinds: projectKind, records: "project type=self-funded\nproject type=government count=5\n") == Points(hundredths: 300))
        #expect(try points(indicator, kinds: projectKind, records: "project type=self-funded count=2\nproject type=self-funded\n") == Points(hundredths: 800))
    }

    @Test func sumOfMoneyUsesMoneyThresholds() throws {
        let indicator = "indicator id=1.1 group=1 title=经费 max=10 from=project rubric=sum field=funding tiers=100万元:4,1亿元:10"
        #expect(try points(indicator, kinds: projectKind, records: "project type=government funding=99万元\n") == .zero)
        #expect(try points(indicator, kinds: projectKind, records: "project type=government funding=60万元\nproject type=self-funded funding=40万元\n") == Points(hundredths: 400))
        #expect(try points(indicator, kinds: projectKind, records: "project type=government funding=1.2亿元\n") == Points(hundredths: 1000))
    }

    @Test func sumOfAnIntegerField() throws {
        let indicator = "indicator id=1.1 group=1 title=人员 max=10 from=project rubric=sum field=staff tiers=2:5,4:10"
        #expect(try points(indicator, kinds: projectKind, records: "project type=government staff=1\nproject type=government staff=1\n") == Points(hundredths: 500))
    }

    @Test func presenceGivesTheMaximum() throws {
        let indicator = "indicator id=1.1 group=1 title=有项目 max=10 from=project rubric=presence"
        #expect(try points(indicator, kinds: projectKind, records: "project type=government\n") == Points(hundredths: 1000))
        #expect(try points(indicator, kinds: projectKind, records: "") == .zero)
    }

    @Test func aSchemaWithBadEvidenceIsASchemaError() {
        var files = ExampleProject.base
        files["schemas/test.txt"] = files["schemas/test.txt"]!.replacingOccurrences(of: "from=meeting[type=council]", with: "from=meeting[type=councl]")
        let result = lint(files)
        #expect(result.diagnostics.first?.ruleID == "schema")
        #expect(result.diagnostics.first?.message.text(.en).contains("\"councl\" is not a value of meeting.type") == true)
    }
}
