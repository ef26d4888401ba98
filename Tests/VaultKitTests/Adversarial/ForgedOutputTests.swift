import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import VaultKit

/// Runs git in `directory` as a person would (the repository's own configuration
/// applies): for setting up repositories, not for what `vault` reads.
@discardableResult
func plainGit(_ directory: String, _ arguments: String...) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "user.email=test@example.org", "-c", "user.name=Test"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw Git.Failure(message: Git.commandFailed(["command": .text(arguments.joined(separator: " ")), "output": .text("in \(directory)")]))
    }
    return String(decoding: data, as: UTF8.self)
}

/// Nothing a contributor writes (a value, an alliance's name, a directory or file
/// name, a handle) can forge what `vault` prints: no line of its own in a CI log or
/// a pull-request comment, no workflow command, no terminal escape, no Markdown or
/// HTML structure, no CODEOWNERS line.
@Suite struct ForgedOutputTests {
    static let esc = "\u{1B}"

    /// The bytes a terminal or a log would act on.
    func expectNoRawControls(_ text: String, _ what: String, allowing allowed: Set<Unicode.Scalar> = ["\n"],
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for scalar in text.unicodeScalars where !allowed.contains(scalar) && Escape.isUnsafe(scalar) {
            Issue.record("\(what) holds U+\(String(scalar.value, radix: 16, uppercase: true)) raw", sourceLocation: sourceLocation)
            return
        }
    }

    /// The tool's own workflow commands; any other line starting `::` is forged.
    func expectOnlyOwnCommands(_ output: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for line in output.split(separator: "\n") where line.hasPrefix("::") {
            let own = ["::error file=", "::warning file=", "::notice file=", "::notice title=vault lint::"].contains { line.hasPrefix($0) }
            #expect(own, "a forged workflow command: \(line)", sourceLocation: sourceLocation)
        }
        #expect(!output.contains("##["), "a legacy workflow command ##[ in the log", sourceLocation: sourceLocation)
    }

    // MARK: CI log (`lint --format github`)

    @Test func aDirectoryNameOrAValueRunsNoWorkflowCommandInTheCILog() throws {
        let project = try HostileProject(from: Fixture.root)
        // An alliance directory whose name holds a newline and a command.
        let forged = "伪造\n::error title=forged::0 errors"
        try project.write("vault/alliances/\(forged)/alliance.txt", "alliance code=999 batch=1 name=\"伪造联盟\" short=伪造\n")
        // A value that stops command processing for the rest of the step (the runner
        // reads `##[command]` anywhere in a line).
        try project.append("vault/alliances/半导体照明/2024.txt", "2024-05-01 meeting type=\"council ##[stop-commands]token\" title=\"会议\"\n")
        let run = try project.run(["lint", "--format", "github"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        expectOnlyOwnCommands(run.stdout)
        #expect(!run.stdout.split(separator: "\n").contains { $0.hasPrefix("::error title=forged") })
        // The annotations carry the payload encoded; the plain lines show it escaped.
        #expect(run.stdout.contains("file=vault/alliances/伪造%0A%3A%3Aerror title=forged%3A%3A0 errors/alliance.txt"))
        #expect(run.stdout.contains("vault/alliances/伪造\\n::error title=forged::0 errors/alliance.txt:1:"))
        // The rest of the vault is still checked: the value's own finding is there.
        #expect(run.stdout.contains("vault/alliances/半导体照明/2024.txt:"))
        #expect(run.stdout.contains("##\\u{5B}stop-commands]token"))
        try project.expectOutsideUnchanged()
        try project.expectNoSecretCopied()
    }

    @Test func aPlainLogLineNeverStartsWithACommandEvenForAPathThatDoes() {
        let d = Diagnostic(ruleID: "layout", severity: .error, location: SourceLocation(path: "::error::forged", line: 1, column: 1),
                           message: "a\r\n::warning::forged too", hint: "h\n::notice::x", lineText: nil)
        let out = GitHubReporter.render([d], files: 1)
        expectOnlyOwnCommands(out)
        #expect(out.contains("\n\\u{3A}:error::forged:1:1: error: a\\r\\n::warning::forged too [layout]\n"))
        #expect(out.hasPrefix("::error file=%3A%3Aerror%3A%3Aforged,line=1,col=1,title=layout::a%0D%0A::warning::forged too (hint: h%0A::notice::x)\n"))
    }

    // MARK: terminal (`lint`, `fmt --check`)

    @Test func aTerminalIsSentNoEscapeSequenceAndTheCaretStaysUnderTheColumn() throws {
        let project = try HostileProject(from: Fixture.root)
        let title = "\(Self.esc)]0;owned\u{07}\(Self.esc)[2J"
        try project.write("vault/alliances/木竹\(Self.esc)[31m/alliance.txt", "alliance code=998 batch=1 name=\"x\" short=x\n")
        try project.append("vault/alliances/存储/2024.txt", "2024-05-01 meeting type=council title=\"\(title)\u{202E}\u{2028}\"\n")
        let run = try project.run(["lint"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        expectNoRawControls(run.stdout, "lint output")
        expectNoRawControls(run.stderr, "lint errors")
        #expect(run.stdout.contains("vault/alliances/木竹\\u{1B}[31m/alliance.txt:1:"))
        // The quoted line shows the escapes, and the caret of the encoding finding
        // (column 41, the ESC) sits under the escape's backslash.
        let lines = run.stdout.components(separatedBy: "\n")
        let quoted = try #require(lines.firstIndex { $0.contains("title=\"\\u{1B}]0;owned\\u{7}\\u{1B}[2J\\u{202E}\\u{2028}\"") })
        let caret = lines[quoted + 1]
        let barEnd = try #require(caret.range(of: "| ")).upperBound
        let textStart = try #require(lines[quoted].range(of: "| ")).upperBound
        let caretColumn = caret.distance(from: barEnd, to: try #require(caret.firstIndex(of: "^")))
        let shown = lines[quoted][textStart...]
        #expect(shown.dropFirst(caretColumn).hasPrefix("\\u{1B}]0;owned"), "caret at \(caretColumn) under: \(shown)")
        // The rest of the vault is still checked.
        #expect(run.stdout.contains("files checked"))
        // fmt --check names the file escaped too.
        let fmt = try project.run(["fmt", "--check"])
        expectNoRawControls(fmt.stdout + fmt.stderr, "fmt output")
        try project.expectOutsideUnchanged()
    }

    @Test func jsonAndSarifCarryControlCharactersEscapedAndExact() throws {
        let project = try HostileProject(from: Fixture.root)
        let directory = "轮胎\(Self.esc)[8m\u{2028}##[error]x"
        try project.write("vault/alliances/\(directory)/alliance.txt", "alliance code=997 batch=1 name=\"x\" short=x\n")
        for format in ["json", "sarif"] {
            let run = try project.run(["lint", "--format", format])
            #expect(run.status == 1, "\(format): \(run.stderr)")
            expectNoRawControls(run.stdout, "\(format) output")
            #expect(!run.stdout.contains("##["), "\(format) output holds ##[")
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            // Decoded, the path is exactly the directory's name.
            let paths: [String]
            if format == "json" {
                paths = ((object as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            } else {
                let results = (((object as? [String: Any])?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
                // SARIF file URIs are percent-encoded (RFC 3986); decoded, the exact path.
                paths = results.compactMap {
                    (((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String)?
                        .removingPercentEncoding
                }
            }
            #expect(paths.contains("vault/alliances/\(directory)/alliance.txt"), "\(format): \(paths)")
        }
        try project.expectOutsideUnchanged()
    }

    // MARK: pull-request comment (`diff --format md`) and the other diff formats

    @Test func anAllianceNameCannotForgeThePullRequestComment() throws {
        let project = try HostileProject(from: Fixture.root)
        try plainGit(project.root, "init", "-q", "-b", "main")
        try plainGit(project.root, "add", "-A")
        try plainGit(project.root, "commit", "-q", "-m", "fixture")
        let noChanges = "**vault diff**: no score, band, rank or award changes."
        let name = "存储\n\(noChanges)\n<!-- vault-diff -->\n| 2024 | 伪造 | 1 → **99** | high | 1 |  |\n# 伪造\u{9B}2J\u{2028}\u{202E}"
        let quoted = name.replacingOccurrences(of: "\n", with: "\\n")
        try project.write("vault/alliances/存储/alliance.txt", "alliance code=119 batch=1 name=\"\(quoted)\" short=存储\n")
        try project.append("vault/alliances/存储/2024.txt",
                           "2024-08-01 meeting type=council title=\"临时理事会\"\n2024-09-01 project type=self-funded title=\"联合攻关\" funding=300万元\n")
        let md = try project.run(["diff", "HEAD", ".", "--format", "md"])
        #expect(md.status == 0, "\(md.stderr)")
        let lines = md.stdout.components(separatedBy: "\n")
        #expect(!lines.contains(noChanges))
        // Beside the tool's own collapsed section, no unescaped `<` (HTML, a comment marker).
        let own = md.stdout.replacingOccurrences(of: "<details><summary>why</summary>", with: "").replacingOccurrences(of: "</details>", with: "")
        #expect(!own.replacingOccurrences(of: "\\<", with: "").contains("<"), "an unescaped < could open HTML or a comment marker")
        #expect(!lines.contains { $0.hasPrefix("#") && !$0.hasPrefix("### vault diff:") })
        expectNoRawControls(md.stdout, "diff md")
        // The real change is there, in one row of four-column cells (escaped pipes aside).
        let row = try #require(lines.first { $0.contains("34 → **38**") }, "\(md.stdout)")
        #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 7, "\(row)")
        #expect(row.contains("存储\\\\n\\*\\*vault diff\\*\\*: no score"), "\(row)")
        #expect(lines.filter { $0.hasPrefix("| ") }.count == 2, "\(md.stdout)")   // header and the one change
        // Text and JSON: one line per fact, the name exact in JSON.
        let text = try project.run(["diff", "HEAD", "."])
        #expect(text.status == 0)
        expectNoRawControls(text.stdout, "diff text")
        #expect(!text.stdout.components(separatedBy: "\n").contains(noChanges))
        let json = try project.run(["diff", "HEAD", ".", "--format", "json"])
        let changes = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["changes"] as? [[String: Any]])
        #expect(changes.contains { $0["name"] as? String == name })
        try project.expectOutsideUnchanged()
    }

    // MARK: published report (`report --format md|html`)

    @Test func aNameCannotAddStructureToTheMarkdownOrHTMLReport() throws {
        let project = try HostileProject(from: Fixture.root)
        let name = "化纤 | 99 | x |\\n# 伪造标题\\n<!-- hidden --><script>alert(1)</script>\u{9B}"
        try project.write("vault/alliances/化纤/alliance.txt", "alliance code=104 batch=1 name=\"\(name)\" short=化纤\n")
        let md = try project.run(["report", "2024", "--format", "md"])
        #expect(md.status == 0, "\(md.stderr)")
        let lines = md.stdout.components(separatedBy: "\n")
        #expect(!lines.contains { $0.hasPrefix("# 伪造") })
        // `\<` renders as a literal `<`: only an unescaped one could open HTML or a comment.
        let unescaped = md.stdout.replacingOccurrences(of: "\\<", with: "")
        #expect(!unescaped.contains("<!--") && !unescaped.contains("<script") && !unescaped.contains("<"))
        expectNoRawControls(md.stdout, "report md")
        let row = try #require(lines.first { $0.contains("化纤") }, "\(md.stdout)")
        #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5, "\(row)")
        // The other alliances are still reported.
        #expect(md.stdout.contains("半导体照明产业技术创新战略联盟"))
        let html = try project.run(["report", "2024", "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        // The page's one script is its own (sorting); the name's is escaped.
        #expect(html.stdout.components(separatedBy: "<script").count == 2 && !html.stdout.contains("<!-- hidden"))
        #expect(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\u{9B}"))
        let parser = XMLParser(data: Data(html.stdout.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        try project.expectOutsideUnchanged()
    }

    // MARK: score, explain, stats

    @Test func scoreExplainAndStatsKeepEachValueOnItsLine() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.write("vault/alliances/存储/alliance.txt",
                          "alliance code=119 batch=1 name=\"存储\\n1  110  伪造联盟  100  活跃度高 (high)\u{85}\u{9B}1A\" short=存储\n")
        let reviews = String(decoding: try project.read("vault/reviews/2024/E01.txt"), as: UTF8.self)
            .replacingOccurrences(of: "review alliance=存储 stage=initial note=\"活动较少\"",
                                  with: "review alliance=存储 stage=initial note=\"活动较少\\nscore: 100 (as published)\u{9B}2K\"")
        try project.write("vault/reviews/2024/E01.txt", reviews)
        let score = try project.run(["score", "2024"])
        #expect(score.status == 0, "\(score.stderr)")
        expectNoRawControls(score.stdout, "score")
        #expect(!score.stdout.components(separatedBy: "\n").contains { $0.contains("伪造联盟") && !$0.contains("存储\\n") })
        let tsv = try project.run(["score", "2024", "--format", "tsv"])
        expectNoRawControls(tsv.stdout, "score tsv", allowing: ["\n", "\t"])
        #expect(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 5 })
        let explain = try project.run(["explain", "存储", "2024"])
        #expect(explain.status == 0, "\(explain.stderr)")
        expectNoRawControls(explain.stdout, "explain")
        let lines = explain.stdout.components(separatedBy: "\n")
        #expect(lines.filter { $0.hasPrefix("score: ") }.count == 1, "\(explain.stdout)")
        #expect(lines.contains { $0.contains("\"活动较少\\nscore: 100 (as published)\\u{9B}2K\" vault/reviews/2024/E01.txt:") })
        let stats = try project.run(["stats", "2024"])
        #expect(stats.status == 0)
        expectNoRawControls(stats.stdout, "stats")
        try project.expectOutsideUnchanged()
    }

    // MARK: CODEOWNERS

    @Test func codeownersRefusesAHandleOrAPathThatWouldAddOwners() throws {
        let project = try HostileProject(from: Fixture.root)
        // A maintainer handle holding a newline would add a line owning the period files.
        try project.write("vault/alliances/半导体照明/alliance.txt",
                          "alliance code=110 batch=1 name=\"半导体照明产业技术创新战略联盟\" short=半导体照明\nmaintainer handle=\"@ruan-jun\\n/vault/periods/ @attacker\" name=\"阮军\"\n")
        // An expert handle holding a space would add a second owner.
        let period = String(decoding: try project.read("vault/periods/2024.txt"), as: UTF8.self)
            .replacingOccurrences(of: "handle=@zhou-liming", with: "handle=\"@zhou-liming @attacker\"")
        try project.write("vault/periods/2024.txt", period)
        // An alliance named `*` would own every alliance's files.
        try project.write("vault/alliances/*/alliance.txt", "alliance code=996 batch=1 name=\"星\" short=星\nmaintainer handle=@attacker\n")
        let run = try project.run(["codeowners"])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("vault/alliances/半导体照明/alliance.txt:2:12: error: maintainer handle \"@ruan-jun\\n/vault/periods/ @attacker\" is not a CODEOWNERS owner"), "\(run.stderr)")
        #expect(run.stderr.contains("vault/periods/2024.txt:5:15: error: expert handle \"@zhou-liming @attacker\" is not a CODEOWNERS owner"), "\(run.stderr)")
        #expect(run.stderr.contains("alliance directory \"*\" cannot be named in CODEOWNERS"), "\(run.stderr)")
        #expect(run.stderr.contains("CODEOWNERS not written: 3 problems"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.root + "/CODEOWNERS"))
        let check = try project.run(["codeowners", "--check"])
        #expect(check.status == 2)
        // Lint names the same handles, escaped, and still checks the rest of the vault.
        let lint = try project.run(["lint"])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("vault/alliances/半导体照明/alliance.txt:2:12: error: maintainer handle \"@ruan-jun\\n/vault/periods/ @attacker\" is not a CODEOWNERS owner (@user, @org/team or an e-mail address) [bad-handle]"), "\(lint.stdout)")
        #expect(lint.stdout.contains("vault/periods/2024.txt:5:15: error: expert handle \"@zhou-liming @attacker\" is not a CODEOWNERS owner"), "\(lint.stdout)")
        #expect(lint.stdout.contains("[missing-recheck]"), "\(lint.stdout)")
        // Even built regardless, the text has only well-formed lines.
        let text = Owners(Loader.load(try DiskFileSystem(root: project.root)).vault).codeowners(prefix: "")
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            #expect(parts.count >= 2 && parts.dropFirst().allSatisfy { Escape.isCodeownersOwner(String($0)) }, "\(line)")
            #expect(!line.hasPrefix("/vault/periods/") && !line.contains("@attacker") && !line.contains("*"), "\(line)")
        }
        #expect(text.contains("\n/schemas/ @vault-secretariat\n/vault/ @vault-secretariat\n"), "\(text)")
        try project.expectOutsideUnchanged()
    }

    @Test func escapesForEachFormat() {
        #expect(Escape.terminal("plain 半导体照明 96.5") == "plain 半导体照明 96.5")
        #expect(Escape.terminal("a\nb\u{1B}[0m\u{85}\u{202E}") == "a\\nb\\u{1B}[0m\\u{85}\\u{202E}")
        #expect(Escape.terminal("::x ##[y]") == "\\u{3A}:x ##\\u{5B}y]")
        // The byte-level fast path never lets an unsafe scalar through (the whole BMP,
        // between CJK text).
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), Escape.isUnsafe(scalar) else { continue }
            let text = "中" + String(Character(scalar)) + "文"
            #expect(Escape.terminal(text) == "中" + Escape.visible(scalar) + "文", "U+\(String(value, radix: 16))")
        }
        #expect(Escape.markdownInline("a|b*c*<!--d-->`e` @f $g$ [h](i)") == "a\\|b\\*c\\*\\<\\!--d--\\>\\`e\\` \\@f \\$g\\$ \\[h\\](i)")
        #expect(Escape.html("<a href='x'>&\u{7}") == "&lt;a href=&#39;x&#39;&gt;&amp;\\u{7}")
        #expect(Escape.githubCommandProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        #expect(Escape.codeownersPath("vault/alliances/有 空格/") == "vault/alliances/有\\ 空格/")
        #expect(Escape.codeownersPath("vault/alliances/a\nb/") == nil)
        #expect(["@zhang", "@org/team-a", "a.b@example.org"].allSatisfy(Escape.isCodeownersOwner))
        #expect(!["@a @b", "@a\n/x @b", "zhang", "@", "@-a", "a@b", "@a/b/c"].contains(where: Escape.isCodeownersOwner))
    }
}
