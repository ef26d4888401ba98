import Foundation
import Testing
import VaultKit

/// The executable in Chinese: the choice of language (`--lang`, VAULT_LANG, the
/// locale), its help and usage errors, the text outputs, and the catalogue of every
/// message it can say. English is checked unchanged by the other suites' exact outputs.
@Suite struct ChineseInterfaceTests {
    /// The language settings cleared, so that the machine's own locale decides nothing.
    static let neutral = ["VAULT_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""]

    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> Run {
        try Run(arguments, in: directory, environment: neutral.merging(environment) { _, new in new })
    }

    func project() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        return dir
    }

    // MARK: the catalogue of the executable

    /// One row of `vault __catalogue`.
    struct Row {
        var id: String
        var en: String
        var zh: String
    }

    static func unescape(_ cell: Substring) -> String {
        var out = ""
        var escaped = false
        for character in cell {
            if escaped {
                out.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }

    @Test func theCatalogueOfTheExecutableHasEveryMessageInBothLanguagesWithTheSamePlaceholders() throws {
        let run = try Self.run(["__catalogue"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "id\ten\tzh")
        var rows: [Row] = []
        for line in lines.dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(cells.count == 3, "a row of vault __catalogue is not id, en, zh: \(line)")
            guard cells.count == 3 else { continue }
            rows.append(Row(id: String(cells[0]), en: Self.unescape(cells[1]), zh: Self.unescape(cells[2])))
        }
        var seen = Set<String>()
        for row in rows {
            #expect(seen.insert(row.id).inserted, "message id \(row.id) is declared twice")
            #expect(!row.en.isEmpty, "message \(row.id) has no English")
            #expect(!row.zh.isEmpty, "message \(row.id) has no Chinese")
            let template = MessageTemplate(row.id, en: row.en, zh: row.zh)
            #expect(template.placeholders(.en) == template.placeholders(.zh),
                    "message \(row.id): English has \(template.placeholders(.en)), Chinese \(template.placeholders(.zh))")
        }
        // VaultKit's catalogue, the usage errors, the refusals of the commands, and
        // the help of every command, argument and option are all in it.
        for template in Catalogue.all { #expect(seen.contains(template.id), "\(template.id) of Catalogue.all is not listed") }
        for id in ["cli.unknown-command.guess", "cli.period.unknown", "cli.help.lint.summary", "cli.help.lint.option.--format",
                   "cli.help.score.argument.PERIOD", "cli.help.review-assign.notes", "cli.help.global.option.--lang",
                   "report.severity.error", "explain.score", "stats.bands", "status.ready", "diff.md.title"] {
            #expect(seen.contains(id), "\(id) is not in vault __catalogue")
        }
    }

    // MARK: choosing the language

    @Test func langBeforeOrAfterTheCommandVaultLangAndTheLocaleAllGiveTheChineseHelp() throws {
        let chinese = try Self.run(["--lang", "zh", "lint", "--help"])
        #expect(chinese.status == 0)
        #expect(chinese.stdout.hasPrefix("用法：vault [-C DIR] lint [--format text|json|github|sarif]"))
        #expect(chinese.stdout.contains("\n按指标体系和规则检查数据库中的每个文件\n"))
        #expect(chinese.stdout.contains("  --strict           有警告时退出状态也为 1\n"))
        #expect(chinese.stdout.contains("退出状态：0 无问题，1 有问题，2 用法错误或读写错误\n"))
        for (arguments, environment) in [(["lint", "--help", "--lang", "zh"], [:]), (["lint", "--help", "--lang=zh"], [:]),
                                         (["help", "lint", "--lang", "zh"], [:]), (["lint", "--help"], ["VAULT_LANG": "zh"]),
                                         (["lint", "--help"], ["LANG": "zh_CN.UTF-8"]), (["lint", "--help"], ["LC_MESSAGES": "zh_CN.UTF-8"]),
                                         (["lint", "--help"], ["VAULT_LANG": "zh", "LANG": "en_US.UTF-8"])] as [([String], [String: String])] {
            #expect(try Self.run(arguments, environment: environment).stdout == chinese.stdout, "\(arguments) \(environment)")
        }
        let english = try Self.run(["lint", "--help"])
        #expect(english.stdout.hasPrefix("usage: vault [-C DIR] lint"))
        // LC_ALL comes before LANG; --lang before VAULT_LANG; a locale vault does not speak is English.
        for (arguments, environment) in [(["lint", "--help"], ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]),
                                         (["--lang", "en", "lint", "--help"], ["VAULT_LANG": "zh"]),
                                         (["lint", "--help"], ["LANG": "fr_FR.UTF-8"]), (["--lang", "en", "lint", "--help"], [:])]
            as [([String], [String: String])] {
            let run = try Self.run(arguments, environment: environment)
            #expect(run.status == 0 && run.stdout == english.stdout, "\(arguments) \(environment)")
        }
    }

    @Test func theGeneralHelpIsChinese() throws {
        let run = try Self.run(["--lang", "zh", "--help"])
        #expect(run.stdout.hasPrefix("用法：vault [-C DIR] [--color WHEN] COMMAND [OPTIONS]\n\n命令：\n  lint           按指标体系和规则检查数据库中的每个文件\n"))
        #expect(run.stdout.contains("\n选项：\n"))
        #expect(run.stdout.contains("运行 `vault help COMMAND` 或 `vault COMMAND --help` 查看一个命令的选项。\n"))
        #expect(try Self.run(["help", "--lang", "zh"]).stdout == run.stdout)
        // Completion describes commands and options in the language too.
        let complete = try Self.run(["__complete", "--shell", "fish", "--", "lint", "--f"], environment: ["VAULT_LANG": "zh"])
        #expect(complete.stdout.contains("--format\ttext（默认）供人阅读"))
    }

    @Test func anUnknownLanguageIsAUsageErrorNamingTheAcceptedValues() throws {
        let flag = try Self.run(["--lang", "cn", "lint"])
        #expect(flag.status == 2)
        #expect(flag.stderr == "vault: --lang takes en, zh, not \"cn\"\n")
        let variable = try Self.run(["lint"], environment: ["VAULT_LANG": "chinese"])
        #expect(variable.status == 2)
        #expect(variable.stderr == "vault: VAULT_LANG takes en, zh, not \"chinese\"\n")
        // Said in the language the locale chooses.
        let inChinese = try Self.run(["lint"], environment: ["VAULT_LANG": "chinese", "LANG": "zh_CN.UTF-8"])
        #expect(inChinese.stderr == "vault: VAULT_LANG 只接受 en、zh，不接受“chinese”\n")
        let missing = try Self.run(["--lang"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("vault: option --lang needs a value (en, zh)\n\nusage: vault"))
        let missingAfter = try Self.run(["lint", "--lang"], environment: ["VAULT_LANG": "zh"])
        #expect(missingAfter.status == 2)
        #expect(missingAfter.stderr.hasPrefix("vault: 选项 --lang 需要一个取值（en、zh）\n\n用法：vault"))
    }

    @Test func usageErrorsAreChinese() throws {
        let dir = try project()
        let option = try Self.run(["-C", dir.path, "--lang", "zh", "lint", "--format", "xml"])
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("vault: --format 只接受 text、json、github、sarif，不接受“xml”\n\n用法：vault [-C DIR] lint"))
        let command = try Self.run(["--lang", "zh", "lnit"])
        #expect(command.status == 2)
        #expect(command.stderr.hasPrefix("vault: 没有命令“lnit”，是不是要用“lint”？\n\n用法："))
        let period = try Self.run(["-C", dir.path, "--lang", "zh", "score", "2024"])
        #expect(period.status == 2)
        #expect(period.stderr == "vault: vault/periods/ 中没有评价期“2024”，是不是要用 2023？（现有评价期：2023）\n")
        let which = try Self.run(["-C", dir.path, "--lang", "zh", "stats"])
        #expect(which.status == 2)
        #expect(which.stderr.hasPrefix("vault: 哪个评价期？（现有评价期：2023）\n\n用法：vault [-C DIR] stats PERIOD"))
    }

    // MARK: the text outputs

    @Test func lintFindingsSaySeverityMessageHintAndSummaryInChineseWithTheCaretUnderTheCJKColumn() throws {
        let dir = try project()
        try dir.write("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"理事会\" attendes=40\n2023-04-01 meeting type=council\n")
        let chinese = try Self.run(["-C", dir.path, "--lang", "zh", "lint"])
        let english = try Self.run(["-C", dir.path, "lint"])
        #expect(chinese.status == 1)
        let lines = chinese.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let englishLines = english.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The unknown field after CJK text: the caret under its first letter, as in English.
        #expect(lines[0].hasPrefix("vault/alliances/示例/2023.txt:1:45: 错误: ") && lines[0].hasSuffix(" [unknown-field]"))
        #expect(lines[1] == "1 | 2023-03-01 meeting type=council title=\"理事会\" attendes=40")
        #expect(lines[2] == "  | " + String(repeating: " ", count: 44 + 3) + "^")
        #expect(lines[2] == englishLines[2])
        #expect(lines[3].hasPrefix("  = 提示："))
        // A catalogued finding, all in Chinese.
        #expect(Array(lines[4...8]) == [
            "vault/alliances/示例/2023.txt:2:12: 错误: 记录类型“meeting”（会议）缺少字段“title” [missing-field]",
            "2 | 2023-04-01 meeting type=council",
            "  |            ^",
            "  = 提示：请补上 title=\"…\"（text）",
            "2 个错误，0 个警告；共检查 4 个文件",
        ])
        let json = try Self.run(["-C", dir.path, "--lang", "zh", "lint", "--format", "json"])
        #expect(json.stdout.contains(#""rule":"missing-field","severity":"error","path":"vault/alliances/示例/2023.txt","line":2,"column":12,"message":"记录类型“meeting”（会议）缺少字段“title”","messageId":"missing-field.field","hint":"请补上 title=\"…\"（text）""#))
        let github = try Self.run(["-C", dir.path, "lint", "--format", "github"], environment: ["VAULT_LANG": "zh"])
        #expect(github.stdout.contains("::error file=vault/alliances/示例/2023.txt,line=2,col=12,title=missing-field::记录类型“meeting”（会议）缺少字段“title”（提示：请补上 title=\"…\"（text））\n"))
    }

    @Test func aCleanLintSaysSoInChinese() throws {
        let dir = try project()
        let run = try Self.run(["-C", dir.path, "lint"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(run.status == 0)
        #expect(run.stdout == "没有问题；共检查 4 个文件\n")
    }

    @Test func explainStatsScoreAndStatusSpeakChinese() throws {
        let dir = try project()
        let explain = try Self.run(["-C", dir.path, "--lang", "zh", "explain", "示例", "2023"])
        #expect(explain.status == 0)
        #expect(explain.stdout == """
            示例产业技术创新战略联盟（示例，批次编号 110），评价期 2023
            参评状态：evaluated，评审组 A

            各项指标（按评分标准 → 最终得分）：
              1.1  理事会会议  6  6  / 10  vault/alliances/示例/2023.txt:2
              按评分标准合计：6

            得分：6（按评分标准，无专家评审）
            档次：不活跃（low）
            排名：第 1 名（共 1 个）

            """)
        let stats = try Self.run(["-C", dir.path, "--lang", "zh", "stats", "2023"])
        #expect(stats.stdout.hasPrefix("评价期 2023\n应参评：2\n填报数据：1\n纳入评价：1\n未纳入评价：1\n\n各档次（个数、占纳入评价的比例、占应参评的比例）：\n  活跃度高（high）  0    0.00%   0.00%\n"))
        #expect(stats.stdout.contains("\n第1批：纳入评价 1 个（未写参评名单）\n"))
        #expect(stats.stdout.contains("\n活动情况：\n  meeting[council]  1\n"))
        let score = try Self.run(["-C", dir.path, "--lang", "zh", "score", "2023"])
        // The columns line up under the CJK header and names.
        #expect(score.stdout == """
            评价期 2023：纳入评价 1 个联盟

            排名  编号  联盟名称                  得分  档次
               1  110   示例产业技术创新战略联盟     6  不活跃（low）

            """)
        let status = try Self.run(["-C", dir.path, "--lang", "zh", "status"])
        #expect(status.status == 1)
        #expect(status.stdout == """
            评价期 2023（2023-01-01 至 2023-12-31，指标体系 test）
            联盟：1 个有记录文件：evaluated 1
            专家评审：无（该评价期未设评价专家组）
            结果：有 2 个文件待写出（请运行 `vault score 2023 --write`）：vault/alliances/示例/2023.txt、vault/results/2023.tsv
            问题：没有影响发布的问题
            可以发布：否

            """)
        // Machine formats keep their keys; the JSON of stats has no sentence to translate.
        #expect(try Self.run(["-C", dir.path, "--lang", "zh", "stats", "2023", "--format", "json"]).stdout
            == (try Self.run(["-C", dir.path, "stats", "2023", "--format", "json"])).stdout)
    }

    @Test func diffSpeaksChineseInTextAndInThePullRequestComment() throws {
        let dir = try project()
        let git = Git(directory: dir.path)
        for arguments in [["init", "-q", "-b", "main"], ["config", "user.email", "test@example.org"], ["config", "user.name", "Test"],
                          ["add", "-A"], ["commit", "-q", "-m", "base"]] {
            _ = try git.run(arguments)
        }
        try dir.write("vault/alliances/示例/2023.txt", """
            participation status=evaluated group=A
            2023-03-01 meeting type=council title="第一次理事会"
            2023-06-01 meeting type=council title="第二次理事会"

            """)
        let text = try Self.run(["-C", dir.path, "--lang", "zh", "diff", "HEAD"])
        #expect(text.status == 0)
        #expect(text.stdout == """
            从 HEAD 到 工作区 的变化：

            2023 示例（110）：得分 6 → 10，档次 low，排名 1
              1.1 理事会会议：6 → 10
              + vault/alliances/示例/2023.txt:3  2023-06-01 meeting type=council title="第二次理事会"

            """)
        let md = try Self.run(["-C", dir.path, "--lang", "zh", "diff", "HEAD", "--format", "md"])
        #expect(md.stdout.hasPrefix("### vault diff：1 个结果有变化\n\n| 评价期 | 联盟 | 得分 | 档次 | 排名 | 称号 |\n|---|---|---:|---|---:|---|\n"))
        #expect(md.stdout.contains("<details><summary>原因</summary>"))
        let english = try Self.run(["-C", dir.path, "diff", "HEAD"])
        #expect(english.stdout.hasPrefix("changes from HEAD to working tree:\n\n2023 示例 (110): score 6 → 10, band low, rank 1\n"))
    }

    @Test func reviewAssignPeriodNewAndFmtSpeakChinese() throws {
        let dir = try project()
        for (path, content) in ExampleProject.reviewedPeriod where path.hasPrefix("vault/periods/") { try dir.write(path, content) }
        let assign = try Self.run(["-C", dir.path, "--lang", "zh", "review", "assign", "2023", "--stage", "initial"])
        #expect(assign.status == 0)
        #expect(assign.stdout == """
            2023 分组初评：1 个联盟，为 1 位专家写出评审行 1 行
              E2：示例
            已写出 vault/reviews/2023/E2.txt（新增应评行 1 行）
            下一步：每位专家把自己评审行中的 `owed` 改为 `review`，并填上所给分数（如 2.1=3）；`vault status 2023` 可查看尚欠的评审

            """)
        let status = try Self.run(["-C", dir.path, "--lang", "zh", "status"])
        #expect(status.stdout.contains("\n专家评审：\n  分组初评：已填 0 行，尚欠 1 行\n    E2 尚欠 1 个：示例\n  交叉会评：已填 0 行\n    尚未分配：示例（请运行 `vault review assign 2023 --stage cross`）\n  复核：无需评审\n"))
        let opened = try Self.run(["-C", dir.path, "--lang", "zh", "period", "new", "2024", "--start", "2024-01-01", "--end", "2024-12-31", "--from", "2023"])
        #expect(opened.status == 0)
        #expect(opened.stdout == """
            已写出 vault/periods/2024.txt：2024-01-01 至 2024-12-31，指标体系 test，复核阈值 3（沿用 2023）
              参评名单 1 个：第1批 1 个、第2批 0 个、第3批 0 个、后续加入 0 个
              沿用 2023：专家 3 位，秘书处成员 0 位
            已写出 1 个记录文件 vault/alliances/*/2024.txt：participation status=open
            下一步：各联盟填报记录，并写上 status=entered（docs/scoring.md#participation）

            """)
        try dir.write("vault/alliances/示例/2023.txt", "2023-03-01   meeting type=council title=\"第一次理事会\"\n")
        let check = try Self.run(["-C", dir.path, "--lang", "zh", "fmt", "--check", "vault/alliances"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("格式不规范：vault/alliances/示例/2023.txt\n"))
    }
}
