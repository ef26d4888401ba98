import Foundation
import Testing
@testable import VaultKit

/// Conflicts of interest that slipped through: a review lint said was not counted
/// and the score counted, and memberships the vault records that lint did not see.
/// Each case plants a recheck review of 化纤 by a panel member (a lone recheck decides
/// the score if it counts: all zeros would bring 77 down to 61), plants the evidence
/// that the member belongs to 化纤, and checks that lint names it, that the score is
/// the score without the review, that the rest of the vault is still checked and that
/// nothing outside changed.
@Suite struct ConflictTests {
    /// The recheck line that would decide 化纤's score.
    static let recheck = "review alliance=化纤 stage=recheck 1.1=0 1.2=0 2.1=0 2.2=0 note=\"复核\"\n"
    static let period = "vault/periods/2024.txt"

    /// 化纤's line of `score 2024 --format tsv`.
    static func scoreLine(_ project: HostileProject, _ arguments: [String] = ["score", "2024", "--format", "tsv"]) throws -> String {
        let run = try project.run(arguments)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        return run.stdout.split(separator: "\n").first { $0.contains("化纤产业") }.map(String.init) ?? "none"
    }

    /// The score without the review, and proof that the planted review moves the
    /// score when it does count (else the comparison would prove nothing).
    static func baseline(_ arguments: [String] = ["score", "2024", "--format", "tsv"]) throws -> String {
        let clean = try HostileProject(from: Fixture.root)
        let before = try scoreLine(clean, arguments)
        try clean.append("vault/reviews/2024/E06.txt", recheck)
        #expect(try scoreLine(clean, arguments) != before, "the planted recheck must change the score when it counts")
        return before
    }

    /// Lint: exit 1, the finding (every fragment), and the fixture's own finding
    /// in another file still reported.
    static func expectLint(_ project: HostileProject, _ fragments: [String], rule: String = "conflict-of-interest",
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let run = try project.run(["lint"])
        #expect(run.status == 1, sourceLocation: sourceLocation)
        #expect(!run.crashed && !run.timedOut, sourceLocation: sourceLocation)
        let finding = run.stdout.split(separator: "\n").first { line in line.hasSuffix("[\(rule)]") && fragments.allSatisfy { line.contains($0) } }
        #expect(finding != nil, "no \(rule) finding with \(fragments) in:\n\(run.stdout)", sourceLocation: sourceLocation)
        #expect(run.stdout.contains("智能交通: initial review 60 and cross review 79 differ by 19"), "the rest of the vault was not checked",
                sourceLocation: sourceLocation)
        #expect(run.stdout.contains("34 files checked") || run.stdout.contains("35 files checked"), sourceLocation: sourceLocation)
    }

    @Test func aPanelListingOneIdTwiceAppliesTheConflictsOfBothLinesInLintAndScore() throws {
        let expected = try Self.baseline()
        let project = try HostileProject(from: Fixture.root)
        try project.append(Self.period, "expert id=E06 name=\"孙伟\" group=B alliances=化纤\n")
        try project.append("vault/reviews/2024/E06.txt", Self.recheck)
        try Self.expectLint(project, ["expert id E06 is listed twice", "vault/periods/2024.txt:10", "2024.txt:12:"], rule: "identity")
        try Self.expectLint(project, ["vault/reviews/2024/E06.txt:13:8", "expert E06 (孙伟) reviews 化纤", "alliances= lists 化纤",
                                      "the same id listed again", "vault/periods/2024.txt:12"])
        #expect(try Self.scoreLine(project) == expected)
        try project.expectOutsideUnchanged()
    }

    @Test func aReviewByAnExpertNotOnThePanelIsFlaggedAndNotCountedByExplain() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.write("vault/reviews/2024/E99.txt", Self.recheck)
        try Self.expectLint(project, ["vault/reviews/2024/E99.txt:1:1", "expert \"E99\", who is not on the panel of period 2024",
                                      "they are not counted"], rule: "unknown-reference")
        let explain = try project.run(["explain", "化纤", "2024"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("E99.txt:1 — not counted: expert \"E99\" is not on the panel of period 2024"), "\(explain.stdout)")
        #expect(explain.stdout.contains("score: 77 (cross review)"), "\(explain.stdout)")
        #expect(try Self.scoreLine(project) == Self.baseline())
        try project.expectOutsideUnchanged()
    }

    @Test func membershipWrittenOnlyInTheAffiliationIsAConflictInLintAndReport() throws {
        let project = try HostileProject(from: Fixture.root)
        let panel = String(decoding: try project.read(Self.period), as: UTF8.self)
        try project.write(Self.period, panel.replacingOccurrences(of: "affiliation=\"工程技术研究院高级工程师\"",
                                                                  with: "affiliation=\"化纤产业技术创新战略联盟副秘书长\""))
        try project.append("vault/reviews/2024/E06.txt", Self.recheck)
        try Self.expectLint(project, ["vault/periods/2024.txt:10:", "expert E06 (孙伟) has affiliation \"化纤产业技术创新战略联盟副秘书长\"",
                                      "names alliance 化纤", "alliances= does not list it"])
        try Self.expectLint(project, ["vault/reviews/2024/E06.txt:13:8", "affiliation names \"化纤产业技术创新战略联盟\""])
        let report = try project.run(["report", "2024"])
        let clean = try HostileProject(from: Fixture.root).run(["report", "2024"])
        #expect(report.status == 0 && clean.status == 0)
        // The panel section prints the new affiliation and the alliance it names; every section after it is unchanged.
        #expect(report.stdout.contains("孙伟    化纤产业技术创新战略联盟副秘书长    化纤：本期评分 77"), "\(report.stdout)")
        func afterPanel(_ text: String) -> Substring { text[(text.range(of: "总体情况")?.lowerBound ?? text.startIndex)...] }
        #expect(afterPanel(report.stdout) == afterPanel(clean.stdout), "the report changed: the review was counted")
        #expect(try Self.scoreLine(project) == Self.baseline())
        try project.expectOutsideUnchanged()
    }

    @Test func anExpertWhoMaintainsTheAllianceIsAConflictInJSONScores() throws {
        let arguments = ["score", "2024", "--format", "json"]
        let project = try HostileProject(from: Fixture.root)
        let panel = String(decoding: try project.read(Self.period), as: UTF8.self)
        try project.write(Self.period, panel.replacingOccurrences(of: "expert id=E06 ", with: "expert id=E06 handle=@sun-wei "))
        // The code host compares handles without case.
        try project.append("vault/alliances/化纤/alliance.txt", "maintainer handle=@Sun-Wei name=\"孙伟\"\n")
        try project.append("vault/reviews/2024/E06.txt", Self.recheck)
        try Self.expectLint(project, ["vault/reviews/2024/E06.txt:13:8", "handle @sun-wei maintains vault/alliances/化纤"])
        let json = try project.run(arguments)
        let clean = try HostileProject(from: Fixture.root).run(arguments)
        #expect(json.status == 0 && json.stdout == clean.stdout, "the JSON scores changed: the review was counted")
        try project.expectOutsideUnchanged()
    }

    @Test func oneNameUnderTwoIdsIsAFindingAndItsConflictsApplyToBothIds() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.append(Self.period, "expert id=E07 name=\"孙伟\" group=B alliances=化纤\n")
        try project.append("vault/reviews/2024/E06.txt", Self.recheck)
        try Self.expectLint(project, ["vault/periods/2024.txt:12:1", "experts E06 (vault/periods/2024.txt:10) and E07 have the same name 孙伟",
                                      "one person under two ids"], rule: "identity")
        try Self.expectLint(project, ["vault/reviews/2024/E06.txt:13:8", "alliances= lists 化纤 (as E07, the same person by name 孙伟)"])
        #expect(try Self.scoreLine(project) == Self.baseline())
        try project.expectOutsideUnchanged()
    }

    @Test func aTwinDirectoryOfTheAllianceCarriesItsConflictsAndScoreWriteLeavesTheReviewOut() throws {
        let expectedProject = try HostileProject(from: Fixture.root)
        let expectedRun = try expectedProject.run(["score", "2024", "--write"])
        #expect(expectedRun.status == 0)
        let expected = try expectedProject.read("vault/alliances/化纤/2024.txt")

        let project = try HostileProject(from: Fixture.root)
        try project.write("vault/alliances/化纤纤/alliance.txt", String(decoding: try project.read("vault/alliances/化纤/alliance.txt"), as: UTF8.self))
        let panel = String(decoding: try project.read(Self.period), as: UTF8.self)
        try project.write(Self.period, panel.replacingOccurrences(of: "expert id=E06 name=\"孙伟\" group=B",
                                                                  with: "expert id=E06 name=\"孙伟\" group=B alliances=化纤纤"))
        try project.append("vault/reviews/2024/E06.txt", Self.recheck)
        try Self.expectLint(project, ["vault/alliances/化纤纤/alliance.txt:1:1", "vault/alliances/化纤纤 and vault/alliances/化纤 are one alliance",
                                      "化纤产业技术创新战略联盟"], rule: "identity")
        try Self.expectLint(project, ["vault/reviews/2024/E06.txt:13:8", "alliances= lists 化纤纤",
                                      "the directory vault/alliances/化纤纤 is the same alliance"])
        let write = try project.run(["score", "2024", "--write"])
        #expect(write.status == 0, "\(write.stdout)\(write.stderr)")
        #expect(try project.read("vault/alliances/化纤/2024.txt") == expected, "score --write counted the review")
        try project.expectOutsideUnchanged()
        try project.expectNoSecretCopied()
    }

    /// A symbolic link beside the alliance's directory, named in the expert's
    /// alliances=: whether links are followed (then it is a twin) or refused (then the
    /// membership names no alliance), the review of 化纤 is not counted and lint says why.
    @Test func aSymlinkedTwinOfTheAllianceNeverLetsTheReviewCount() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.link("vault/alliances/化纤纤", to: "化纤")
        let panel = String(decoding: try project.read(Self.period), as: UTF8.self)
        try project.write(Self.period, panel.replacingOccurrences(of: "expert id=E06 name=\"孙伟\" group=B",
                                                                  with: "expert id=E06 name=\"孙伟\" group=B alliances=化纤纤"))
        try project.append("vault/reviews/2024/E06.txt", Self.recheck)
        let run = try project.run(["lint"])
        #expect(run.status == 1 && !run.crashed)
        let review = run.stdout.split(separator: "\n").first { $0.hasPrefix("vault/reviews/2024/E06.txt:13:8:") }
        #expect(review?.contains("化纤纤") == true, "\(run.stdout)")
        #expect(run.stdout.contains("智能交通: initial review 60 and cross review 79 differ by 19"))
        #expect(try Self.scoreLine(project) == Self.baseline())
        let explain = try project.run(["explain", "化纤", "2024"])
        #expect(explain.stdout.contains("E06.txt:13 — not counted"), "\(explain.stdout)")
        try project.expectOutsideUnchanged()
    }

    @Test func anExpertWhoseMembershipNamesNoAllianceHasNoReviewCounted() throws {
        let project = try HostileProject(from: Fixture.root)
        let panel = String(decoding: try project.read(Self.period), as: UTF8.self)
        try project.write(Self.period, panel.replacingOccurrences(of: "expert id=E06 name=\"孙伟\" group=B",
                                                                  with: "expert id=E06 name=\"孙伟\" group=B alliances=化纤\u{2010}A"))
        try project.append("vault/reviews/2024/E06.txt", Self.recheck)
        try Self.expectLint(project, ["vault/periods/2024.txt:10:", "expert E06 belongs to unknown alliance \"化纤\u{2010}A\"",
                                      "the reviews by E06 are not counted"], rule: "unknown-reference")
        try Self.expectLint(project, ["vault/reviews/2024/E06.txt:13:8", "review of 化纤 by E06 is not counted",
                                      "so the conflict cannot be checked"], rule: "unknown-reference")
        #expect(try Self.scoreLine(project) == Self.baseline())
        try project.expectOutsideUnchanged()
    }

    /// Whatever the case, a review lint reports as not counted is one the scorer leaves
    /// out, and every review the scorer leaves out is reported: both ask one function.
    @Test func lintAndTheScorerAgreeOnEveryReview() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.append(Self.period, "expert id=E06 name=\"孙伟\" group=B alliances=化纤\n")
        try project.append(Self.period, "expert id=E08 name=\"周立明\" group=B\n")
        try project.append(Self.period, "expert id=E09 name=\"钱\" group=B alliances=无此联盟\n")
        try project.write("vault/reviews/2024/E09.txt", "review alliance=轮胎 stage=recheck 1.1=0\nreview alliance=存储 stage=recheck\n")
        try project.append("vault/reviews/2024/E06.txt", Self.recheck)
        try project.write("vault/reviews/2024/E99.txt", "review alliance=木竹 stage=recheck 1.1=0\n")
        try project.write("vault/reviews/2024/E08.txt", "review alliance=半导体照明 stage=recheck\n")
        let linted = Linter.lint(try DiskFileSystem(root: project.root))
        let scored = Scorer.score(linted.vault, period: "2024")["2024"]!
        let excluded = Set(scored.alliances.flatMap(\.reviews).filter(\.conflict).map { "\($0.path):\($0.line)" })
        let reported = Set(linted.diagnostics.filter { $0.message.text(.en).contains("not counted") || $0.hint?.text(.en).contains("not counted") == true }
            .filter { $0.location.path.hasPrefix("vault/reviews/") }
            .map { "\($0.location.path):\($0.location.line)" })
        #expect(excluded == reported)
        #expect(excluded.contains("vault/reviews/2024/E06.txt:13"))
        #expect(excluded.contains("vault/reviews/2024/E99.txt:1"))
        #expect(excluded.isSuperset(of: ["vault/reviews/2024/E09.txt:1", "vault/reviews/2024/E09.txt:2"]))
        // E08 (the same name as E01, who has no conflict) still counts.
        #expect(!excluded.contains("vault/reviews/2024/E08.txt:1"))
    }
}
