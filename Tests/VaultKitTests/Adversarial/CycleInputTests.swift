import Foundation
import Testing
@testable import VaultKit

/// Hostile input to the cycle commands (`review assign`, `status`): expert files
/// edited by hand into an invalid state, review files and directories that are
/// links, FIFOs or read-only, hostile arguments. Each case asserts the finding or
/// refusal with its place, the exit status, that nothing in the project or outside
/// it was written, and that the rest of the vault was still checked.
@Suite struct CycleInputTests {
    /// The scored fixture without its reviews, formatted, with the initial stage assigned.
    static func assigned() throws -> HostileProject {
        let project = try ReviewAssignTests.project()
        let run = try project.run(["review", "assign", "2024", "--stage", "initial"])
        #expect(run.status == 0, "\(run.stderr)")
        return project
    }

    /// `review assign` refuses with findings: exit 1, each fragment printed, nothing written.
    static func expectRefusedWithFindings(_ project: HostileProject, stage: String = "cross", _ fragments: [String],
                                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let before = try project.contents()
        let run = try project.run(["review", "assign", "2024", "--stage", stage])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
        #expect(!run.crashed && !run.timedOut, sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect((run.stdout + run.stderr).contains(fragment), "missing \(fragment) in:\n\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
        }
        #expect(run.stderr.contains("nothing was written"), sourceLocation: sourceLocation)
        #expect(try project.contents() == before, "review assign wrote despite refusing", sourceLocation: sourceLocation)
        try project.expectOutsideUnchanged(sourceLocation: sourceLocation)
        try project.expectNoSecretCopied(sourceLocation: sourceLocation)
    }

    // MARK: expert files edited by hand into an invalid state

    @Test func aMistypedStageAndAScoreOnAnOwedLineAreFindingsInBothFiles() throws {
        let project = try Self.assigned()
        try project.replace("vault/reviews/2024/E01.txt", "owed alliance=化纤 stage=initial", "owed alliance=化纤 stage=initail")
        try project.replace("vault/reviews/2024/E05.txt", "owed alliance=木竹 stage=initial", "owed alliance=木竹 stage=initial 2.1=3")
        try Self.expectRefusedWithFindings(project, stage: "initial", [
            "vault/reviews/2024/E01.txt:2:24: error: stage=\"initail\" is not one of initial, cross, recheck [bad-value]", "initail",
            "vault/reviews/2024/E05.txt:3:32: error: unknown field \"2.1\" for record kind \"owed\" [unknown-field]",
            "change `owed` to `review` on this line to give scores",
            "cannot assign reviews of 2024: 2 errors in its period or review files; nothing was written",
        ])
        // status is read-only: it shows the same findings and what else is owed.
        let status = try project.run(["status"])
        #expect(status.status == 1)
        #expect(status.stdout.contains("vault/reviews/2024/E05.txt:3:32: error: unknown field \"2.1\""))
        #expect(status.stdout.contains("  initial: 0 filled in"))
    }

    @Test func anUnclosedQuoteAndAnUnknownKindAreRefused() throws {
        let project = try Self.assigned()
        try project.replace("vault/reviews/2024/E03.txt", "owed alliance=存储 stage=initial", "review alliance=存储 stage=initial note=\"未闭合")
        try project.append("vault/reviews/2024/E06.txt", "owe alliance=轮胎 stage=initial\n")
        try Self.expectRefusedWithFindings(project, stage: "initial", [
            "vault/reviews/2024/E03.txt:4:", "[syntax]",
            "vault/reviews/2024/E06.txt:7:1: error: unknown record kind \"owe\"",
        ])
        // lint checks the rest of the vault as usual.
        let lint = try project.run(["lint"])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("vault/reviews/2024/E06.txt:7:1"))
        #expect(lint.stdout.contains("34 files checked"))
    }

    @Test func aBrokenPanelLineAndAnOwedLineToTheirOwnAllianceAreRefused() throws {
        let project = try Self.assigned()
        try project.replace("vault/periods/2024.txt", "expert id=E06 name=", "expert id=E06 grop=B name=")
        // By hand, E02 is given the alliance they belong to: lint says so before they fill it in.
        try project.append("vault/reviews/2024/E02.txt", "owed alliance=住宅科技 stage=initial\n")
        try Self.expectRefusedWithFindings(project, stage: "initial", ["vault/periods/2024.txt:10:15: error: unknown field \"grop\"", "did you mean \"group\"?"])
        let lint = try project.run(["lint"])
        #expect(lint.stdout.contains("vault/reviews/2024/E02.txt:6:6: error: expert E02 (韩雪梅) reviews 住宅科技, an alliance they belong to"), "\(lint.stdout)")
    }

    // MARK: review files and directories that are not plain files

    @Test func aReviewFileLinkedOutsideIsRefusedAndNeverWrittenThrough() throws {
        let project = try Self.assigned()
        try project.remove("vault/reviews/2024/E04.txt")
        try project.link("vault/reviews/2024/E04.txt", to: project.outside + "/secret.txt")
        try Self.expectRefusedWithFindings(project, stage: "initial", ["vault/reviews/2024/E04.txt", "[io]"])
        let status = try project.run(["status", "2024"])
        #expect(status.status == 1)
        #expect(status.stdout.contains("vault/reviews/2024/E04.txt:1:1: error:"))
        #expect(status.stdout.contains("E01 owes 6"), "the other experts' files are still read")
        try project.expectOutsideUnchanged()
    }

    @Test func aReviewDirectoryLinkedOutsideIsRefused() throws {
        let project = try ReviewAssignTests.project()
        try FileManager.default.createDirectory(atPath: project.root + "/vault/reviews", withIntermediateDirectories: true)
        try project.link("vault/reviews/2024", to: project.outside)
        let before = try project.contents()
        let run = try project.run(["review", "assign", "2024", "--stage", "initial"])
        #expect([1, 2].contains(run.status), "\(run.stdout)\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("vault/reviews/2024") && run.stderr.contains("nothing was written"), "\(run.stderr)")
        #expect(try project.contents() == before)
        try project.expectOutsideUnchanged()
    }

    @Test func aFIFOAndAReadOnlyFileAreRefusedBeforeAnyFileIsWritten() throws {
        let project = try Self.assigned()
        try project.remove("vault/reviews/2024/E06.txt")
        try project.fifo("vault/reviews/2024/E06.txt")
        try Self.expectRefusedWithFindings(project, stage: "initial", ["vault/reviews/2024/E06.txt", "[io]"])
        try project.remove("vault/reviews/2024/E06.txt")
        // A read-only expert file: the others are not written either (no half-written assignment).
        try project.replace("vault/alliances/存储/2024.txt", "status=evaluated", "status=no-data")
        #expect(chmod(project.root + "/vault/reviews/2024/E03.txt", 0o444) == 0)
        let before = try project.contents()
        let run = try project.run(["review", "assign", "2024", "--stage", "initial"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("vault/reviews/2024/E03.txt is read-only; nothing was written"), "\(run.stderr)")
        #expect(try project.contents() == before)
        try project.expectOutsideUnchanged()
    }

    // MARK: hostile arguments and values

    @Test func hostilePeriodIdsAndANegativeThresholdAreRefused() throws {
        let project = try Self.assigned()
        let before = try project.contents()
        for id in ["../../outside", "2024/../2024", "20\u{1B}[31m24"] {
            for arguments in [["review", "assign", id, "--stage", "initial"], ["status", id]] {
                let run = try project.run(arguments)
                #expect(run.status == 2, "\(arguments)")
                #expect(run.stderr.contains("no period \""), "\(arguments): \(run.stderr)")
                #expect(!run.stderr.contains("\u{1B}"), "a control character reached the terminal")
            }
        }
        #expect(try project.run(["status", "20\u{1B}[31m24"]).stderr.contains("no period \"20\\u{1B}[31m24\""))
        try ReviewAssignTests.fill(project, "initial")
        #expect(try project.run(["review", "assign", "2024", "--stage", "cross"]).status == 0)
        try ReviewAssignTests.fill(project, "cross")
        try project.replace("vault/periods/2024.txt", "threshold=10", "threshold=-5")
        let filled = try project.contents()
        let run = try project.run(["review", "assign", "2024", "--stage", "recheck"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("vault/periods/2024.txt:1:107: error: threshold=-5 is negative"), "\(run.stdout)")
        #expect(run.stderr.contains("cannot assign reviews of 2024: 1 error in its period or review files; nothing was written"))
        #expect(try project.contents() == filled)
        #expect(before != filled)
        try project.expectOutsideUnchanged()
    }
}
