import Foundation
import Testing
@testable import VaultKit

/// The findings of the load (parser, binder, loader) and of the vault's checks, as
/// a user reads them in Chinese: real projects linted, the text output checked line
/// by line, and the same findings in English word for word as before.
@Suite struct LoadMessagesTests {
    /// `vault --lang LANGUAGE lint` on the example project with `files` laid over it.
    func lint(_ language: String, _ files: [String: Data]) throws -> Run {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        for (path, data) in files { try dir.write(path, data) }
        return try Run(["--lang", language, "-C", dir.path, "lint"])
    }

    /// The text report of the findings of the example project with `path` replaced by `content`.
    func report(_ language: Language, _ path: String, _ content: String) -> String {
        let result = lintExample(path, content)
        return DiagnosticTextReporter(color: false, language: language).render(result.diagnostics, files: 1)
    }

    static let brokenLines = Data("participation status=evaluated group=A\r\n2023-03-01 meeting type=council title=\"第一次理事会\r\n".utf8)
        + Data([0x32, 0x30, 0x32, 0x33, 0x2D, 0x30, 0x33, 0x2D, 0x30, 0x32]) + Data(" meeting type=council title=".utf8) + Data([0xFF, 0x0D, 0x0A])

    @Test func theParsersFindingsReadInChinese() throws {
        let run = try lint("zh", ["vault/alliances/示例/2023.txt": Self.brokenLines])
        #expect(run.status == 1)
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(lines.contains("vault/alliances/示例/2023.txt:1:39: 警告: 行尾是 CRLF [text-convention]"))
        #expect(lines.contains("  = 提示：运行 `vault fmt` 将文件改写为 LF 行尾"))
        #expect(lines.contains("vault/alliances/示例/2023.txt:2:39: 错误: 字段“title”的取值以引号开头，但引号没有闭合 [syntax]"))
        #expect(lines.contains("  = 提示：请在行尾之前补上闭合的 \""))
        #expect(lines.contains("vault/alliances/示例/2023.txt:3:39: 错误: 无效的 UTF-8 字节 0xFF [encoding]"))
        #expect(lines.contains("  = 提示：请将文件另存为 UTF-8（它可能是 GBK 或其他编码）"))
    }

    @Test func theParsersFindingsInEnglishAreUnchanged() throws {
        let run = try lint("en", ["vault/alliances/示例/2023.txt": Self.brokenLines])
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(lines.contains("vault/alliances/示例/2023.txt:1:39: warning: line ends with CRLF [text-convention]"))
        #expect(lines.contains("  = hint: run `vault fmt` to rewrite the file with LF line ends"))
        #expect(lines.contains("vault/alliances/示例/2023.txt:2:39: error: the value of \"title\" opens a quote that is never closed [syntax]"))
        #expect(lines.contains("  = hint: add the closing \" before the end of the line"))
        #expect(lines.contains("vault/alliances/示例/2023.txt:3:39: error: invalid UTF-8 byte 0xFF [encoding]"))
        #expect(lines.contains("  = hint: save the file as UTF-8 (it may be in GBK or another encoding)"))
    }

    @Test func aFieldGivenTwiceNamesItInEitherLanguage() {
        let line = "2023-03-01 meeting type=council title=A type=secretariat\n"
        let zh = report(.zh, "vault/alliances/示例/2023.txt", line)
        #expect(zh.contains("错误: 字段“type”在本行出现了两次 [syntax]\n"))
        #expect(zh.contains("  = 提示：只保留一个 type=；一条记录的每个字段只能有一个取值\n"))
        let en = report(.en, "vault/alliances/示例/2023.txt", line)
        #expect(en.contains("error: field \"type\" appears twice on this line [syntax]\n"))
        #expect(en.contains("  = hint: keep one \"type=\"; a record has at most one value per field\n"))
    }

    @Test func theBindersFindingsNameTheSchemasTermsInChinese() {
        let lines = "2023-03-01 meeting type=councl title=A attendes=40\n2023-03-02 meting type=council title=B\n2023-03-03 meeting type=council title=C funding=1200\n"
        let zh = report(.zh, "vault/alliances/示例/2023.txt", lines)
        #expect(zh.contains("错误: 取值 type=\"councl\" 不是以下之一：council、secretariat [bad-value]\n"))
        #expect(zh.contains("  = 提示：是不是“council”？\n"))
        #expect(zh.contains("错误: 记录类型“meeting”（会议）没有字段“attendes” [unknown-field]\n"))
        #expect(zh.contains("  = 提示：是不是“attendees”？\n"))
        #expect(zh.contains("错误: 联盟的评价期记录文件中没有记录类型“meting” [unknown-kind]\n"))
        #expect(zh.contains("错误: 取值 funding=\"1200\" 不是带单位（元、万元或亿元）的金额 [bad-value]\n"))
        #expect(zh.contains("  = 提示：请在数字后写上单位，例如 1200万元 或 14.63亿元\n"))
        let en = report(.en, "vault/alliances/示例/2023.txt", lines)
        #expect(en.contains("error: type=\"councl\" is not one of council, secretariat [bad-value]\n"))
        #expect(en.contains("  = hint: did you mean \"council\"?\n"))
        #expect(en.contains("error: unknown field \"attendes\" for record kind \"meeting\" [unknown-field]\n"))
        #expect(en.contains("error: unknown record kind \"meting\" in an alliance's period file [unknown-kind]\n"))
        #expect(en.contains("error: funding=\"1200\" is not an amount with its unit (元, 万元 or 亿元) [bad-value]\n"))
    }

    @Test func aPeriodsFindingsReadInChinese() {
        let zh = report(.zh, "vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 schema=tset roster=-2\n")
        #expect(zh.contains("错误: 没有名为“tset”的指标体系 [unknown-schema]\n"))
        #expect(zh.contains("  = 提示：是不是“test”？\n"))
        #expect(zh.contains("错误: roster=-2 是负数，而它表示联盟数量 [bad-value]\n"))
        #expect(zh.contains("  = 提示：请写 0 或更大的数\n"))
        let outside = report(.zh, "vault/alliances/示例/2023.txt", "2022-12-31 meeting type=council title=A\n")
        #expect(outside.contains("错误: 日期 2022-12-31 不在评价期 2023（2023-01-01 至 2023-12-31）之内 [date-outside-period]\n"))
        #expect(outside.contains("  = 提示：请把这条记录移到它实际所属评价期的文件中，或更正日期\n"))
        let en = report(.en, "vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 schema=tset roster=-2\n")
        #expect(en.contains("error: roster=-2 is negative: it is a number of alliances [bad-value]\n"))
        #expect(en.contains("  = hint: write 0 or more\n"))
    }

    /// The findings of the project as a whole (`files` over the example project).
    func report(_ language: Language, _ files: [String: String]) -> String {
        var all = ExampleProject.base
        for (path, content) in files { all[path] = content }
        return DiagnosticTextReporter(color: false, language: language).render(VaultKitTests.lint(all).diagnostics, files: 1)
    }

    @Test func theVaultsChecksReadInChinese() {
        let files = ["vault/alliances/另一/alliance.txt": "alliance code=110 batch=2 name=另一\nalliance code=111 batch=1 name=另一\nmaintainer handle=\"@zhang @li\"\n"]
        let zh = report(.zh, files)
        #expect(zh.contains("错误: 编号 110 也被示例（vault/alliances/示例/alliance.txt:1）使用 [code-collision]\n"))
        #expect(zh.contains("  = 提示：如果来源报告就是这样印的，请照印刷保留，并加豁免注释：# vault-allow code-collision: 理由\n"))
        #expect(zh.contains("错误: batch=2 与编号 110 不符：该编号对应的批次是 1 [alliance-metadata]\n"))
        #expect(zh.contains("错误: 又一条“alliance”（联盟）记录（第一条在第 1 行） [duplicate-record]\n"))
        #expect(zh.contains("错误: 维护人账号“@zhang @li”不是 CODEOWNERS 可用的审批人（@用户、@组织/团队 或电子邮件地址） [bad-handle]\n"))
        #expect(zh.contains("  = 提示：只写一个代码托管平台账号，例如 handle=@zhang；其他审批人各写一行\n"))
        let en = report(.en, files)
        #expect(en.contains("error: code 110 is also used by 示例 (vault/alliances/示例/alliance.txt:1) [code-collision]\n"))
        #expect(en.contains("error: a second \"alliance\" record (the first is on line 1) [duplicate-record]\n"))
        #expect(en.contains("error: maintainer handle \"@zhang @li\" is not a CODEOWNERS owner (@user, @org/team or an e-mail address) [bad-handle]\n"))
    }

    @Test func identityFindingsReadInChinese() {
        let files = ["vault/alliances/示例(一)/alliance.txt": "alliance code=111 batch=1 name=\"示例一产业技术创新战略联盟\"\n",
                     "vault/alliances/示例（一）/alliance.txt": "alliance code=112 batch=1 name=\"示例甲产业技术创新战略联盟\"\n"]
        let zh = report(.zh, files)
        #expect(zh.contains("错误: 联盟目录“vault/alliances/示例（一）”看起来像“vault/alliances/示例(一)”：两个名称只差兼容字符或形近标点（"))
        #expect(zh.contains("  = 提示：同一事物只用一个名称：请合并，或给其中一个改一个能分辨的名称\n"))
        let en = report(.en, files)
        #expect(en.contains("error: alliance directory \"vault/alliances/示例（一）\" looks like \"vault/alliances/示例(一)\": the names differ only by compatibility characters or look-alike punctuation ("))
    }

    @Test func aBrokenSchemaReadsInChinese() {
        let schema = ExampleProject.base["schemas/test.txt"]!.replacingOccurrences(of: "group id=1 title=组织运行 max=10", with: "group id=1 title=组织运行 max=12")
        let zh = report(.zh, ["schemas/test.txt": schema])
        #expect(zh.contains("错误: 一级指标“1”的 max=12，但其二级指标合计为 10.00 [schema]\n"))
        #expect(zh.contains("  = 提示：请让二级指标的 max 之和等于一级指标的 max\n"))
        #expect(zh.contains("错误: 指标体系“test”有错误，评价期 2023 的记录只检查写法，这个评价期也无法计分；第一处错误：schemas/test.txt:1:21：指标体系 total=100，但一级指标合计为 102.00 [schema]\n"))
        let en = report(.en, ["schemas/test.txt": schema])
        #expect(en.contains("error: group \"1\" has max=12 but its indicators add up to 10.00 [schema]\n"))
        #expect(en.contains("error: schema \"test\" has errors, so the records of period 2023 are checked for syntax only and the period cannot be scored; first: schemas/test.txt:1:21: schema total=100 but its groups add up to 102.00 [schema]\n"))
    }

    @Test func layoutFindingsReadInChinese() {
        let files = ["vault/notes.txt": "随手记\n", "vault/alliances/示例/2023年.txt": "2023-03-01 meeting type=council title=A\n",
                     "vault/alliances/示例/.2023.txt.tmp-42": "x\n"]
        let zh = report(.zh, files)
        #expect(zh.contains("vault/notes.txt:1:1: 错误: 多余的文件“vault/notes.txt” [layout]\n  = 提示：vault/ 下只能有 periods/、alliances/、reviews/ 和 results/\n"))
        #expect(zh.contains("错误: “2023年.txt”不是按评价期命名的（YYYY.txt 或 YYYY-YYYY.txt） [layout]\n  = 提示：联盟的记录文件请按评价期命名，例如 2017.txt\n"))
        #expect(zh.contains("警告: vault/alliances/示例/.2023.txt.tmp-42 是写入中断后留下的临时文件 [interrupted-write]\n"))
        let en = report(.en, files)
        #expect(en.contains("vault/notes.txt:1:1: error: unexpected file \"vault/notes.txt\" [layout]\n  = hint: vault/ holds only periods/, alliances/, reviews/ and results/\n"))
        #expect(en.contains("warning: vault/alliances/示例/.2023.txt.tmp-42 is a temporary file left by an interrupted write [interrupted-write]\n"))
    }

    @Test func fileSystemRefusalsReadInChinese() throws {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/vault/alliances/示例/2024.txt", withDestinationPath: "/etc/passwd")
        let zh = try Run(["--lang", "zh", "-C", dir.path, "lint"])
        #expect(zh.status == 1)
        #expect(zh.stdout.contains("vault/alliances/示例/2024.txt:1:1: 错误: “vault/alliances/示例/2024.txt”：它是符号链接（指向 /etc/passwd）；vault 不跟随符号链接 [io]\n"))
        #expect(zh.stdout.contains("  = 提示：请用链接所指的文件或目录（放在项目内的副本）替换这个链接\n"))
        let en = try Run(["--lang", "en", "-C", dir.path, "lint"])
        #expect(en.stdout.contains("vault/alliances/示例/2024.txt:1:1: error: \"vault/alliances/示例/2024.txt\": it is a symbolic link (to /etc/passwd); vault follows no symbolic link [io]\n"))
        let empty = try TemporaryDirectory()
        let none = try Run(["--lang", "zh", "-C", empty.path, "lint"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("及其上级目录中都没有 vault 项目"))
        #expect(none.stderr.contains("请在项目中运行 vault，或用 -C DIR 指定项目"))
    }

    @Test func fmtSaysWhyAFileIsNotFormattedInChinese() throws {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        try dir.write("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"第一次理事会\n")
        let zh = try Run(["--lang", "zh", "-C", dir.path, "fmt"])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("vault/alliances/示例/2023.txt:1:39：字段“title”的取值以引号开头，但引号没有闭合\n"))
        let en = try Run(["--lang", "en", "-C", dir.path, "fmt"])
        #expect(en.stderr.contains("vault/alliances/示例/2023.txt:1:39: the value of \"title\" opens a quote that is never closed\n"))
    }
}
