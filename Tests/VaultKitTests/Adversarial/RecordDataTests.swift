import Foundation
import Testing
@testable import VaultKit

/// Issue 18, items 1 and 2: the figures a contributor may assert, the ties they may record
/// and the rosters they may state, at their most hostile, through the commands that read
/// them. Each is a finding with its place or a clean answer, never a trap; the other
/// alliance's file is still checked; nothing outside the project changes.
@Suite struct RecordDataTests {
    /// The example project with a second alliance, 乙, whose unknown field shows the rest
    /// of the vault was still checked.
    static func project(period: String) throws -> HostileProject {
        let project = try HostileProject()
        try project.write("vault/alliances/乙/alliance.txt", "alliance code=111 batch=1 name=乙联盟 short=乙\n")
        try project.write("vault/alliances/乙/2023.txt", "participation status=evaluated group=A\n2023-03-01 meeting type=council title=乙会 attendes=3\n")
        try project.write("vault/periods/2023.txt", period)
        return project
    }

    static let stillChecked = "vault/alliances/乙/2023.txt:2:42: error: unknown field \"attendes\" for record kind \"meeting\" [unknown-field]"

    static func expectNoTrap(_ run: Run, _ status: Int32, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!run.crashed && !run.timedOut, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.status == status, "\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
    }

    /// Assertions whose qualifiers cannot be met: kinds that are only `+`, a pilot share
    /// with no batch rosters, a printed banding with no printed band, a not-in-vault figure.
    /// lint reports each at its line; stats and report still answer.
    @Test func assertionsThatCannotBeMetAreFindings() throws {
        let project = try Self.project(period: """
            period start=2023-01-01 end=2023-12-31 schema=test roster=2
            assert stat=activity-count kind=+++ value=1 source=r:s
            assert stat=batch-evaluated-percent-of-batch batch=pilot value=50 source=r:s
            assert stat=band-count band=high banding=printed value=1 source=r:s
            assert stat=not-in-vault what="网员\\t注册" value=11 source=r:s

            """)
        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        for expected in [
            "vault/periods/2023.txt:2:8: error: stat=activity-count needs kind= [assertion]",
            "vault/periods/2023.txt:3:46: error: period 2023 states no roster for batch pilot [assertion]",
            "vault/periods/2023.txt:4:1: error: r:s states band-count[high, as printed] = 1; the vault gives 0 [assertion]",
            Self.stillChecked,
        ] { #expect(lint.stdout.contains(expected), "\(expected)\n\(lint.stdout)") }
        #expect(lint.stdout.contains("vault/periods/2023.txt:5:1: error: r:s states 网员\\t注册 = 11; the vault holds nothing that counts it [assertion]"), "\(lint.stdout)")
        Self.expectNoTrap(try project.run(["stats", "2023"]), 0)
        Self.expectNoTrap(try project.run(["report", "2023", "--format", "html"]), 0)
        try project.expectOutsideUnchanged()
    }

    /// Tie lines naming an expert not on the panel, an alliance the vault does not hold, and a
    /// real tie: each is a finding at its line (lint text and JSON agree), none traps.
    @Test func hostileTiesAreFindings() throws {
        let project = try Self.project(period: """
            period start=2023-01-01 end=2023-12-31 schema=test roster=2
            expert id=E1 name=甲
            tie expert=E9 alliance=示例 source=r:s
            tie expert=E1 alliance=没有 source=r:s
            tie expert=E1 alliance=示例 role="秘书长\\"长\\"" source=r:s

            """)
        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("vault/periods/2023.txt:3:5: warning: tie names expert E9, who is not on the panel of period 2023 [panel-tie]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("vault/periods/2023.txt:4:15: warning: tie names alliance 没有, which the vault does not hold [panel-tie]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("vault/periods/2023.txt:5:1: warning: r:s ties expert E1 (甲) to 示例 (秘书长\"长\"), and the panel scored 示例 in 2023"), "\(lint.stdout)")
        #expect(lint.stdout.contains(Self.stillChecked), "\(lint.stdout)")
        let json = try project.run(["lint", "--format", "json"])
        Self.expectNoTrap(json, 1)
        #expect(json.stdout.contains("\"rule\":\"panel-tie\""), "\(json.stdout)")
        Self.expectNoTrap(try project.run(["explain", "示例", "2023"]), 0)
        try project.expectOutsideUnchanged()
    }

    /// The largest rosters a file may hold, disagreeing: roster-sum states the exact sum, the
    /// pilot assertion its exact figure, and score --write still writes the results.
    @Test func theLargestRostersAddUpExactly() throws {
        let project = try Self.project(period: """
            period start=2023-01-01 end=2023-12-31 schema=test roster=2 roster1=999999999999999999 roster2=999999999999999999 roster3=999999999999999999
            assert stat=in-scope batch=pilot value=3 source=r:s
            assert stat=batch-evaluated-percent-of-batch batch=pilot value=0 source=r:s

            """)
        let lint = try project.run(["lint"])
        Self.expectNoTrap(lint, 1)
        #expect(lint.stdout.contains("vault/periods/2023.txt:1:52: error: roster1 + roster2 + roster3 = 999999999999999999 + 999999999999999999 + 999999999999999999 = 2999999999999999997, but roster = 2"), "\(lint.stdout)")
        #expect(lint.stdout.contains("r:s states in-scope[batch pilot] = 3; the vault gives 2999999999999999997 [assertion]"), "\(lint.stdout)")
        #expect(!lint.stdout.contains("batch-evaluated-percent-of-batch"), "\(lint.stdout)")
        #expect(lint.stdout.contains(Self.stillChecked), "\(lint.stdout)")
        let write = try project.run(["score", "2023", "--write"])
        Self.expectNoTrap(write, 0)
        #expect(try String(decoding: project.read("vault/alliances/示例/2023.txt"), as: UTF8.self).contains("result status=evaluated"))
        try project.expectOutsideUnchanged()
    }
}
