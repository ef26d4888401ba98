import Foundation
import Testing
@testable import VaultKit

/// The findings of the scoring and cross-checking rules, the cycle commands' refusals
/// and `vault rules`, in Chinese, on real input: the shipped vault (its published
/// figures and panel) and the scored fixture. The English of the same runs is what it
/// was before the catalogue.
@Suite struct ChineseScoreFindingsTests {
    static let shipped = Package.root.path

    /// The rules whose words this suite checks (issue 16, their area).
    static let rules: Set<String> = [
        "indicator-score", "conflict-of-interest", "participation", "missing-stage", "missing-recheck", "stale-result",
        "band-mismatch", "score-range", "negative-measure", "code-drift", "listed-twice", "repeated-row", "designation",
        "assertion", "roster-sum", "panel-tie", "panel-own-alliance", "bad-suppression", "unused-suppression",
    ]

    /// The finding printed at `place` (`path:line:column: `) for `rule`, its text after
    /// the severity word, and the hint line after it.
    static func finding(_ output: String, at place: String, rule: String) -> (message: String, hint: String)? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(place + " ") && $0.hasSuffix(" [\(rule)]") }) else { return nil }
        let head = lines[index]
        // "path:line:col: SEVERITY: message [rule]": the severity word is the reporter's.
        let afterPlace = head.dropFirst(place.count + 1)
        let message = afterPlace[afterPlace.index(after: afterPlace.firstIndex(of: ":")!)...].dropFirst().dropLast(rule.count + 3)
        // "  = hint: …" in English, "  = 提示：…" in Chinese.
        let hint = lines[(index + 1)...].first { $0.hasPrefix("  = ") }.map { line in
            for prefix in ["  = hint: ", "  = 提示："] where line.hasPrefix(prefix) { return String(line.dropFirst(prefix.count)) }
            return line
        } ?? ""
        return (String(message), hint)
    }

    /// `vault --lang zh lint` on the shipped vault: its ten infos (figures that cannot
    /// be checked, award windows without results, the panel members who belong to
    /// alliances it scored) say, in Chinese, the period, the count and what to enter.
    @Test func theShippedVaultsInfosInChinese() throws {
        let run = try Run(["-C", Self.shipped, "--lang", "zh", "lint"])
        #expect(run.status == 0, "\(run.stderr)")
        let unchecked = try #require(Self.finding(run.stdout, at: "vault/periods/2019.txt:2:1:", rule: "assertion"), "\(run.stdout)")
        #expect(unchecked.message == "2019 评价期有 15 项公布数据无法核对：vault 中没有该评价期的评价结果")
        #expect(unchecked.hint == "请录入该评价期的评价结果表，以便核对")
        let award = try #require(Self.finding(run.stdout, at: "vault/periods/2018.txt:1:1:", rule: "designation"))
        #expect(award.message == "vault 中没有 2018 的评价结果，2019 的 22 项 a-level 称号在核对时缺了这一评价期")
        #expect(award.hint == "请录入 2018 的评价结果，以便完整核对")
        let panel = try #require(Self.finding(run.stdout, at: "vault/periods/2022-2023.txt:1:1:", rule: "panel-own-alliance"))
        #expect(panel.message.hasPrefix("2022-2023 评价专家组中有 25 位专家属于参评联盟，而 vault 中没有评审记录，无法表明无人为本人所属的联盟打分："))
        #expect(panel.message.contains("E09（阮军，vault/periods/2022-2023.txt:23）半导体照明（vault/alliances/半导体照明/2022-2023.txt:1）；E10（杨洁，"))
        #expect(!panel.message.contains("; ") && !panel.message.contains(" ("), "English punctuation between Chinese items: \(panel.message)")
        #expect(panel.hint == "请录入该评价期的评审记录（vault/reviews/2022-2023/），以便核对")
        let infos = run.stdout.split(separator: "\n").filter { $0.hasPrefix("vault/") && $0.hasSuffix("]") }
        #expect(infos.count == 10, "\(infos)")
    }

    /// With the acknowledgements set aside, the shipped vault's published figures that the
    /// vault does not give, and the contradictions of the reports (a band, a code, a row
    /// printed twice, a roster that does not add up, an award, a tie of a panel member):
    /// each in Chinese, naming the figure, both values and the source; the same run in
    /// English says what it said before.
    @Test func theShippedVaultsContradictionsInChinese() throws {
        let zh = try Run(["-C", Self.shipped, "--lang", "zh", "lint", "--no-suppressions"])
        let en = try Run(["-C", Self.shipped, "--lang", "en", "lint", "--no-suppressions"])
        #expect(zh.status == 1 && en.status == 1)
        let figure = try #require(Self.finding(zh.stdout, at: "vault/periods/2015.txt:41:1:", rule: "assertion"), "\(zh.stdout)")
        #expect(figure.message == "report-2015:section-3 公布 alliances-with[summary] = 122；vault 算得 0")
        #expect(figure.hint == "请核对算出这个数字的记录（`vault stats 2015`）；如果是来源报告有误，请保留它公布的数字，并加豁免注释：# vault-allow assertion: 理由")
        let printed = try #require(Self.finding(zh.stdout, at: "vault/periods/2015.txt:45:1:", rule: "assertion"))
        #expect(printed.message == "report-2015:section-3 公布 alliances-with[high, project[government], 按印出的档次] = 55；vault 算得 0")
        let english = try #require(Self.finding(en.stdout, at: "vault/periods/2015.txt:45:1:", rule: "assertion"))
        #expect(english.message == "report-2015:section-3 states alliances-with[high, project[government], as printed] = 55; the vault gives 0")
        #expect(english.hint == "check the records behind it (`vault stats 2015`); if the source is wrong, keep its figure and acknowledge it: # vault-allow assertion: REASON")

        // Every finding of these rules is in Chinese: each message holds a Chinese character,
        // and the findings are the English run's, place for place.
        func findings(_ output: String) -> [(place: String, rule: String, line: String)] {
            output.split(separator: "\n").map(String.init).compactMap { line in
                guard line.hasPrefix("vault/"), let open = line.lastIndex(of: "["), line.hasSuffix("]") else { return nil }
                let rule = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
                guard Self.rules.contains(rule) else { return nil }
                return (String(line.prefix { $0 != " " }), rule, line)
            }
        }
        let chinese = findings(zh.stdout), englishFindings = findings(en.stdout)
        #expect(chinese.count == englishFindings.count && chinese.count > 100)
        #expect(chinese.map { "\($0.place) \($0.rule)" } == englishFindings.map { "\($0.place) \($0.rule)" })
        #expect(Set(chinese.map(\.rule)).isSuperset(of: ["assertion", "band-mismatch", "code-drift", "designation", "listed-twice",
                                                         "panel-own-alliance", "panel-tie", "repeated-row", "roster-sum"]))
        for finding in chinese {
            #expect(finding.line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "not in Chinese: \(finding.line)")
            #expect(!finding.line.contains(" states ") && !finding.line.contains(" is printed "), "English left: \(finding.line)")
        }
        let band = try #require(chinese.first { $0.rule == "band-mismatch" })
        #expect(band.line.contains("档次“"), "a band named with its schema label: \(band.line)")
    }

    /// A refusal of `vault period new` and of `vault review assign`, in Chinese: what is
    /// wrong, where, and what to do; nothing written, exit status 2. The English is the
    /// one the cycle tests check.
    @Test func cycleRefusalsInChinese() throws {
        let project = try HostileProject(from: Fixture.root)
        let before = try project.data()
        let exists = try project.run(["--lang", "zh", "period", "new", "2024", "--start", "2024-03-01", "--end", "2024-11-30"])
        #expect(exists.status == 2)
        #expect(exists.stderr.contains("评价期 2024 已经存在（vault/periods/2024.txt）"), "\(exists.stderr)")
        #expect(exists.stderr.contains("请换一个 id，或编辑 vault/periods/2024.txt 来修改这个评价期；未写入任何文件"), "\(exists.stderr)")
        let overlap = try project.run(["--lang", "zh", "period", "new", "2024-2025", "--start", "2024-06-01", "--end", "2025-05-31"])
        #expect(overlap.stderr.contains("评价期 2024-2025（2024-06-01 至 2025-05-31）与评价期 2024（2024-01-01 至 2024-12-31，vault/periods/2024.txt）重叠"),
                "\(overlap.stderr)")
        let english = try project.run(["--lang", "en", "period", "new", "2024", "--start", "2024-03-01", "--end", "2024-11-30"])
        #expect(english.stderr.contains("period 2024 already exists (vault/periods/2024.txt)"))
        #expect(english.stderr.contains("choose another id, or edit vault/periods/2024.txt to change the period; nothing was written"))
        #expect(try project.data() == before)
    }

    /// Straight from the cycle code: the refusal to assign a stage before the one it
    /// follows is filled in, in both languages, with the stages named as the reports name them.
    @Test func aStageOutOfOrderIsRefusedInEitherLanguage() throws {
        let loaded = Loader.load(MemoryFileSystem(files: ExampleProject.base.merging([
            "vault/periods/2023.txt": "period start=2023-01-01 end=2023-12-31 schema=test roster=2 threshold=3\nexpert id=E1 name=甲 group=A\nexpert id=E2 name=乙 group=B\n",
            "vault/alliances/示例/2023.txt": "participation status=evaluated group=A\n",
        ]) { $1 }))
        #expect(throws: CycleRefusal.self) {
            try ReviewAssigner.plan(loaded.vault, loadFindings: loaded.diagnostics, period: "2023", stage: .cross)
        }
        do {
            _ = try ReviewAssigner.plan(loaded.vault, loadFindings: loaded.diagnostics, period: "2023", stage: .cross)
        } catch {
            #expect(error.message.text(.en) == "cannot assign the cross stage of 2023: no initial review is filled in yet; nothing was written")
            #expect(error.message.text(.zh) == "无法分配 2023 的交叉会评：还没有填好的分组初评评审；未写入任何文件")
            #expect(error.hint?.text(.zh) == "请先运行 `vault review assign 2023 --stage initial`，并请专家填好各自的评审")
        }
    }

    /// `vault rules` in either language: every rule's summary in Chinese where it has one
    /// (the English one until its area is converted), ids and severities as codes; the
    /// English listing is the one it always was.
    @Test func theRuleListInBothLanguages() throws {
        let zh = try Run(["-C", Self.shipped, "--lang", "zh", "rules"])
        let en = try Run(["-C", Self.shipped, "rules"])
        #expect(zh.status == 0 && en.status == 0)
        let zhLines = zh.stdout.split(separator: "\n").map(String.init)
        let enLines = en.stdout.split(separator: "\n").map(String.init)
        #expect(zhLines.count == Rules.all.count && enLines.count == Rules.all.count)
        for (rule, (zhLine, enLine)) in zip(Rules.all, zip(zhLines, enLines)) {
            let d = rule.description
            let head = d.id.padding(toLength: Rules.all.map { $0.description.id.count }.max()!, withPad: " ", startingAt: 0)
                + "  " + d.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
            #expect(enLine == head + d.summary)
            #expect(zhLine == head + (d.summaryZH.isEmpty ? d.summary : d.summaryZH))
        }
        #expect(zhLines.contains { $0.hasPrefix("assertion ") && $0.hasSuffix("公布数据与 vault 算出的数字不符") })
        let markdown = RulesCatalogue.markdown()
        #expect(markdown.contains("| [`assertion`](#assertion) | error | a published figure disagrees with what the vault computes | 公布数据与 vault 算出的数字不符 |"))
        #expect(markdown.contains("\n公布数据与 vault 算出的数字不符。\n\n报告中的每一个汇总数字都要与 vault 核对"))
    }

    /// A conflict of interest found by the membership the vault holds: the evidence, its
    /// panel line and the nested reasons read as one Chinese sentence.
    @Test func aConflictOfInterestInChinese() throws {
        let result = lint(ExampleProject.files(for: ConflictOfInterestRule.description.triggering[2]))
        let d = try #require(result.diagnostics.first { $0.ruleID == "conflict-of-interest" })
        #expect(d.message.text(.en) == "expert E1 (甲) reviews 示例, an alliance they belong to: handle @jia maintains vault/alliances/示例 (vault/periods/2023.txt:2)")
        #expect(d.message.text(.zh) == "专家 E1（甲）评审的 示例 是其本人所属的联盟：账号 @jia 是 vault/alliances/示例 的维护人（vault/periods/2023.txt:2）")
        #expect(d.hint?.text(.zh) == "请把这项评审交给其他组的专家，并删去本行；本行的评分不计入")
    }
}
