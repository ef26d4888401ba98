import Foundation
import Testing
@testable import VaultKit

/// The shipped vault's account of the published record: every acknowledged figure says
/// what the vault computes instead, and no value stands without its source.
@Suite struct RecordTests {
    static let shipped = ReproductionTests.shipped

    /// The reason of the `vault-allow RULE` comment on the line or alone on the line above, if any.
    static func acknowledgement(_ rule: String, line: Int, in lines: [Substring]) -> String? {
        for index in [line - 1, line - 2] where index >= 0 && index < lines.count {
            guard let hash = lines[index].range(of: "# vault-allow") else { continue }
            if index == line - 2, !lines[index].hasPrefix("#") { continue }
            let body = String(lines[index][hash.lowerBound...].dropFirst(2))
            if let (rules, reason) = SuppressionSyntax.parse(body), rules.contains(rule) { return reason }
        }
        return nil
    }

    /// Each acknowledged assertion is recomputed: its reason must state the figure the vault
    /// gives ("vault has N", rounded as lint prints it) or, for a figure the vault cannot hold,
    /// say so ("vault holds no"). A reason that blames the wrong cause states the wrong number.
    @Test func everyAcknowledgedAssertionStatesWhatTheVaultHas() throws {
        let (vault, results) = Self.shipped
        var checked = 0
        for periodID in vault.periodIDs {
            let period = try #require(vault.periods[periodID])
            let lines = try String(contentsOfFile: Package.path(period.file.path), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            for outcome in AssertionCheck.outcomes(vault, results, period: periodID) {
                let line = Int(outcome.record.number)
                guard let reason = Self.acknowledgement("assertion", line: line, in: lines) else { continue }
                checked += 1
                let place = "\(period.file.path):\(line)"
                switch outcome.verdict {
                case .disagrees(let computed):
                    #expect(reason.contains("vault has \(computed)"), "\(place): the vault gives \(computed), the reason says: \(reason)")
                case .notHeld:
                    #expect(reason.contains("vault holds no"), "\(place): a figure the vault cannot hold needs that reason: \(reason)")
                case .agrees:
                    Issue.record("\(place): acknowledged, but the vault agrees with the figure")
                case .unchecked, .invalid:
                    Issue.record("\(place): acknowledged, but the figure is not checked (\(outcome.verdict))")
                }
            }
        }
        #expect(checked > 100)
    }

    /// A batch is recorded only with the code that gives it (the first digit, or D for a later
    /// joiner): a batch inferred from a published count would reproduce that count by construction.
    @Test func noBatchWithoutTheCodeThatGivesIt() {
        let (vault, _) = Self.shipped
        for alliance in vault.orderedAlliances {
            guard let batch = alliance.batch else { continue }
            let code = alliance.code ?? ""
            let given = code.hasPrefix("D") ? "later" : String(code.prefix(1))
            #expect(given == batch, "\(alliance.id): batch=\(batch) but code \(code.isEmpty ? "none" : code)")
        }
    }

    /// 2015 section 4 counts alliances by the band they are printed under: batch 3 poor holds
    /// (先进稀土材料, 65, printed poor), and batch 3 average lacks one uncoded alliance rather
    /// than being made up by 先进稀土材料's score band.
    @Test func the2015BatchFiguresCountPrintedBands() throws {
        let (vault, results) = Self.shipped
        let outcomes = AssertionCheck.outcomes(vault, results, period: "2015")
        func verdict(_ band: String) -> AssertionCheck.Verdict? {
            outcomes.first { $0.claim.stat == "batch-band-count" && $0.claim.batch == "3" && $0.claim.bands == [band] }?.verdict
        }
        #expect(verdict("poor") == .agrees)
        guard case .disagrees(let average)? = verdict("average") else {
            Issue.record("batch-3 average should disagree: \(String(describing: verdict("average")))")
            return
        }
        #expect(average.description == "4")
    }

    /// The new stats and qualifiers, on a small project: each figure that should hold holds and
    /// each that should not is reported with what the vault gives.
    @Test func statsForTheFiguresOnceHeldAsComments() {
        var files = ExampleProject.base
        files["vault/periods/2023.txt"] = """
            period start=2023-01-01 end=2023-12-31 schema=test roster=5 roster1=2 roster2=1 roster3=1 roster-later=1
            expert id=E1 name=甲 alliances=示例
            assert stat=no-data value=3 source=r:s
            assert stat=incomplete value=1 source=r:s
            assert stat=in-scope batch=pilot value=4 source=r:s
            assert stat=experts value=1 source=r:s
            assert stat=evaluation-number value=1 source=r:s
            assert stat=lowest-score value=90 source=r:s
            assert stat=band-count band=low banding=printed value=1 source=r:s
            assert stat=band-count band=low value=0 source=r:s
            assert stat=batch-band-percent-of-batch-evaluated batch=1 band=high value=100 source=r:s
            assert stat=batch-band-percent-of-evaluated batch=1 band=high value=100 source=r:s
            assert stat=batch-band-percent-of-in-scope batch=pilot band=high value=20 source=r:s
            assert stat=batch-evaluated-percent-of-batch batch=1 value=50 source=r:s
            assert stat=alliances-with kind=meeting type=council band=high value=1 source=r:s
            assert stat=activity-count kind=meeting+meeting approx=at-least value=2 source=r:s
            assert stat=designations award=a-level batch=1 value=0 source=r:s
            assert stat=no-data value=2 source=r:s
            assert stat=not-in-vault what=网员 value=11 source=r:s

            """
        files["vault/alliances/示例/2023.txt"] = """
            published status=evaluated score=90 band=low seq=1 source=r:annex
            2023-03-01 meeting type=council title="第一次理事会"

            """
        files["vault/alliances/乙/alliance.txt"] = "alliance code=112 batch=1 name=\"乙产业技术创新战略联盟\"\n"
        files["vault/alliances/乙/2023.txt"] = "published status=incomplete seq=1 source=r:annex-2\n"
        let found = lint(files).diagnostics.filter { $0.ruleID == "assertion" }
        #expect(found.map(\.location.line) == [18, 19], "\(found.map { "\($0.location.line): \($0.message)" })")
        #expect(found.first?.message.text(.en) == "r:s states no-data = 2; the vault gives 3")
        #expect(found.last?.message.text(.en) == "r:s states 网员 = 11; the vault holds nothing that counts it")
    }

    /// Hostile figures: the largest rosters a file may hold (18 digits each), kinds that are only
    /// `+`, a tie to an expert not on the panel. Each is a finding with its place; nothing traps,
    /// and the alliance's own file is still checked (its unknown field is still reported).
    @Test func hostileFiguresAreFindingsNotTraps() {
        var files = ExampleProject.base
        files["vault/periods/2023.txt"] = """
            period start=2023-01-01 end=2023-12-31 schema=test roster=3 roster1=999999999999999999 roster2=999999999999999999 roster3=999999999999999999
            expert id=E1 name=甲
            assert stat=in-scope batch=pilot value=3 source=r:s
            assert stat=activity-count kind=+ value=1 source=r:s
            assert stat=alliances-with kind=++ value=1 source=r:s
            tie expert=E9 alliance=示例 source=r:s

            """
        files["vault/alliances/示例/2023.txt"]! += "2023-04-01 meeting type=council title=\"二\" attendes=3\n"
        let found = lint(files).diagnostics
        func at(_ line: Int, _ rule: String) -> Diagnostic? {
            found.first { $0.location.path == "vault/periods/2023.txt" && $0.location.line == line && $0.ruleID == rule }
        }
        #expect(at(1, "roster-sum")?.message.text(.en).contains("= 2999999999999999997, but roster = 3") == true)
        #expect(at(3, "assertion")?.message.text(.en) == "r:s states in-scope[batch pilot] = 3; the vault gives 2999999999999999997")
        #expect(at(4, "assertion")?.message.text(.en) == "stat=activity-count needs kind=")
        #expect(at(5, "assertion")?.message.text(.en) == "stat=alliances-with needs kind=")
        #expect(at(6, "panel-tie")?.message.text(.en) == "tie names expert E9, who is not on the panel of period 2023")
        #expect(found.contains { $0.ruleID == "unknown-field" && $0.location.path == "vault/alliances/示例/2023.txt" })
    }

    /// The shipped vault shows every possible conflict of its 2022-2023 panel: 程学忠's 2019
    /// post at 化纤 (a warning, acknowledged, with both sources) and the 25 members whose own
    /// alliances the panel scored (one info); the tensions of the sources are findings too.
    @Test func possibleConflictsAndTensionsAreFindings() throws {
        let fs = try DiskFileSystem(root: Package.root.path)
        let all = Linter.lint(fs, options: Linter.Options(suppressions: false)).diagnostics
        let tie = all.first { $0.ruleID == "panel-tie" && $0.severity == .warning }
        #expect(tie?.location.path == "vault/periods/2022-2023.txt")
        #expect(tie?.message.text(.en).hasPrefix("bulletin-2019-1:news ties expert E03 (程学忠) to 化纤 (化纤联盟秘书长), and the panel scored 化纤 in 2022-2023 (vault/alliances/化纤/2022-2023.txt:") == true)
        #expect(all.contains { $0.ruleID == "panel-own-alliance" && $0.severity == .info && $0.message.text(.en).hasPrefix("25 panel members of 2022-2023") })
        #expect(all.contains { $0.ruleID == "roster-sum" && $0.location.path == "vault/periods/2015.txt"
            && $0.message.text(.en).hasSuffix("the batches leave 150 − 125 = 25 not evaluated, the period 146 − 125 = 21") })
        #expect(all.filter { $0.ruleID == "assertion" && $0.message.text(.en).contains("states no-data = 49; the vault gives 51") }.count == 2)
        let shown = Linter.lint(fs).diagnostics
        #expect(shown.count { $0.severity == .error || $0.severity == .warning } == 0)
    }

    /// A 2015 batch figure blamed on the uncoded alliances names them: each named alliance
    /// has no batch in the vault and is printed in the figure's band, and there are at least
    /// as many as the figure lacks.
    @Test func the2015BatchReasonsNameTheAlliancesResponsible() throws {
        let (vault, results) = Self.shipped
        let period = try #require(vault.periods["2015"])
        let lines = try String(contentsOfFile: Package.path(period.file.path), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        var checked = 0
        for outcome in AssertionCheck.outcomes(vault, results, period: "2015") where outcome.claim.stat == "batch-band-count" {
            guard case .disagrees(let computed) = outcome.verdict,
                  let reason = Self.acknowledgement("assertion", line: Int(outcome.record.number), in: lines),
                  let open = reason.range(of: "rows of the 2015 table ("),
                  let close = reason[open.upperBound...].firstIndex(of: ")") else { continue }
            let names = reason[open.upperBound..<close].components(separatedBy: ", ")
            for name in names {
                let alliance = vault.alliances[name]
                #expect(alliance != nil && alliance?.batch == nil, "\(name) is named as uncoded but has a batch")
                let file = alliance?.records["2015"]
                let band = file.flatMap { f in f.records(of: "published").first.flatMap { f.text($0, "band") } }
                #expect(band.map { outcome.claim.bands.contains($0) } == true, "\(name) is printed \(band ?? "nowhere"), not \(outcome.claim.bands)")
            }
            let lacking = Int(outcome.claim.value.description)! - Int(computed.description)!
            #expect(names.count >= lacking, "line \(outcome.record.number): \(lacking) missing, \(names.count) named")
            checked += 1
        }
        #expect(checked == 11)
    }
}
