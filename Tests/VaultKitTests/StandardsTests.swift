import Foundation
import Testing
@testable import VaultKit

/// SARIF as the OASIS schema's format checks want it (the schema itself is applied
/// by `.ci/run`, scripts/standards/check.sh), and the comment GitHub accepts.
@Suite struct SARIFStandardTests {
    static func run(_ sarif: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        return try #require((object?["runs"] as? [[String: Any]])?.first)
    }

    static func results(_ run: [String: Any]) -> [[String: Any]] { run["results"] as? [[String: Any]] ?? [] }

    static func fingerprint(_ d: [Diagnostic]) throws -> [String] {
        try results(run(SARIFReporter.render(d, version: "1"))).map {
            ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] ?? ""
        }
    }

    @Test func fileURIsArePercentEncodedReferences() {
        #expect(SARIFReporter.uriPath("vault/alliances/示例/2023.txt") == "vault/alliances/%E7%A4%BA%E4%BE%8B/2023.txt")
        #expect(SARIFReporter.uriPath("vault/alliances/A B#c%d/x.txt") == "vault/alliances/A%20B%23c%25d/x.txt")
        #expect(SARIFReporter.uriPath("a:b/c?d") == "a%3Ab/c%3Fd")
        #expect(SARIFReporter.uriPath("plain-path_1.2~/x") == "plain-path_1.2~/x")
        let d = Diagnostic(ruleID: "syntax", severity: .error, location: SourceLocation(path: "vault/alliances/A B#示/2023.txt", line: 2, column: 3),
                           message: "m", lineText: "x")
        let location = (Self.results(try! Self.run(SARIFReporter.render([d], version: "1"))).first?["locations"] as? [[String: Any]])?.first
        let uri = ((location?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        #expect(uri == "vault/alliances/A%20B%23%E7%A4%BA/2023.txt")
        #expect(uri?.removingPercentEncoding == "vault/alliances/A B#示/2023.txt")
    }

    @Test func columnsAreDeclaredAndHelpIsAbsoluteOrAbsent() throws {
        let plain = try Self.run(SARIFReporter.render([], version: "1"))
        #expect(plain["columnKind"] as? String == "unicodeCodePoints")
        let rules = ((plain["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.count == Rules.all.count)
        #expect(rules.allSatisfy { $0["helpUri"] == nil }, "no URL known: no relative helpUri")
        let url = "https://github.com/o/r/blob/HEAD/docs/rules.md"
        let linked = try Self.run(SARIFReporter.render([], version: "1", rulesURL: url))
        let driver = (linked["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let helps = (driver?["rules"] as? [[String: Any]] ?? []).compactMap { $0["helpUri"] as? String }
        #expect(helps.count == Rules.all.count)
        #expect(helps.contains("\(url)#bad-handle"))
        #expect(helps.allSatisfy { URL(string: $0)?.scheme == "https" })
        // Each fragment is a heading of docs/rules.md.
        let catalogue = try String(contentsOfFile: Package.path("docs/rules.md"), encoding: .utf8)
        for rule in Rules.all { #expect(catalogue.contains("\n## \(rule.description.id)\n"), "\(rule.description.id)") }
    }

    @Test func rulesURLComesFromTheRemote() {
        let expected = "https://github.com/owner/vault/blob/HEAD/docs/rules.md"
        #expect(SARIFReporter.rulesURL(fromRemote: "https://github.com/owner/vault.git\n") == expected)
        #expect(SARIFReporter.rulesURL(fromRemote: "https://x-access-token:secret@github.com/owner/vault") == expected)
        #expect(SARIFReporter.rulesURL(fromRemote: "git@github.com:owner/vault.git") == expected)
        #expect(SARIFReporter.rulesURL(fromRemote: "ssh://git@github.com:22/owner/vault.git") == expected)
        #expect(SARIFReporter.rulesURL(fromRemote: "https://gitlab.example.org/group/sub/vault") == "https://gitlab.example.org/group/sub/vault/blob/HEAD/docs/rules.md")
        for local in ["/srv/git/vault.git", "../vault", "file:///srv/vault", "https://github.com/", "https://github.com/only", "https://github.com/a/../b",
                      "https://gi thub.com/a/b"] {
            #expect(SARIFReporter.rulesURL(fromRemote: local) == nil, "\(local)")
        }
    }

    @Test func fingerprintsHashRulePathAndLineTextOnly() throws {
        func finding(line: Int, column: Int = 1, message: String = "m", text: String = "bad line", rule: String = "syntax", path: String = "p.txt") -> Diagnostic {
            Diagnostic(ruleID: rule, severity: .error, location: SourceLocation(path: path, line: line, column: column), message: message, lineText: text)
        }
        let before = try Self.fingerprint([finding(line: 3)])
        #expect(before.first?.count == 16)
        // Lines added above: the same finding. A message that quotes a line number: the same.
        #expect(try Self.fingerprint([finding(line: 7)]) == before)
        #expect(try Self.fingerprint([finding(line: 7, message: "duplicate of line 5")]) == before)
        #expect(try Self.fingerprint([finding(line: 3, text: "  bad line ")]) == before)
        // Another rule, file or line text: another finding.
        #expect(try Self.fingerprint([finding(line: 3, rule: "bad-value")]) != before)
        #expect(try Self.fingerprint([finding(line: 3, path: "q.txt")]) != before)
        #expect(try Self.fingerprint([finding(line: 3, text: "bad line 2")]) != before)
        // Two findings on identical lines (a duplicate record) stay apart.
        let two = try Self.fingerprint([finding(line: 3), finding(line: 9)])
        #expect(two.count == 2 && two[0] != two[1] && two[0] == before[0])
    }

    @Test func docsURLMustBeAbsolute() throws {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        let bad = try Run(["-C", dir.path, "lint", "--format", "sarif", "--docs-url", "docs/rules.md"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--docs-url needs an absolute URL such as https://example.org/docs/rules.md, not \"docs/rules.md\""), "\(bad.stderr)")
        let good = try Run(["-C", dir.path, "lint", "--format", "sarif", "--docs-url", "https://example.org/rules.md"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("\"helpUri\":\"https://example.org/rules.md#syntax\""))
        // No remote, no option: no helpUri at all (never a relative one).
        let none = try Run(["-C", dir.path, "lint", "--format", "sarif"])
        #expect(none.status == 0)
        #expect(!none.stdout.contains("helpUri"))
        // A GitHub remote gives the repository's docs/rules.md.
        for arguments in [["init", "-q"], ["remote", "add", "origin", "git@github.com:owner/vault.git"]] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git", "-C", dir.path] + arguments
            try git.run()
            git.waitUntilExit()
            #expect(git.terminationStatus == 0)
        }
        let remote = try Run(["-C", dir.path, "lint", "--format", "sarif"])
        #expect(remote.stdout.contains("\"helpUri\":\"https://github.com/owner/vault/blob/HEAD/docs/rules.md#syntax\""), "\(remote.stdout.prefix(600))")
    }
}

@Suite struct DiffShorteningTests {
    /// A diff of `count` moved alliances, each with an explanation, and a schema edit.
    static func bigDiff(_ count: Int) throws -> VaultDiff {
        let (vault, _) = try Fixture.load()
        var diff = VaultDiff(base: "main", head: "working tree", old: vault, new: vault)
        var old = VaultDiff.Standing(nil), new = VaultDiff.Standing(nil)
        old.status = "evaluated"; new.status = "evaluated"
        old.score = "80"; new.score = "81"
        diff.changes = (1...count).map { n in
            VaultDiff.AllianceChange(
                period: "2024", alliance: "联盟\(n)", name: "第\(n)个产业技术创新战略联盟 | <x> 😀", code: "\(n)", old: old, new: new,
                indicators: [VaultDiff.IndicatorMove(id: "1.1", title: "理事会会议", old: "4", new: "5")], awards: [],
                lines: [VaultDiff.LineChange(kind: .added, path: "vault/alliances/联盟\(n)/2024.txt", line: n,
                                             text: "2024-03-01 meeting type=council title=\"理事会\"")])
        }
        diff.schemas = [VaultDiff.SchemaChange(schema: "2016", lines: [VaultDiff.LineChange(kind: .removed, path: "schemas/2016.txt", line: 9, text: "band id=high min=85")],
                                               periods: ["2024"])]
        return diff
    }

    @Test func aLongCommentIsShortenedToAValidDocumentThatSaysWhatWasCut() throws {
        let diff = try Self.bigDiff(1500)
        let full = DiffReport.markdown(diff)
        #expect(full.utf16.count > 65_536, "the test diff must be over GitHub's limit: \(full.utf16.count)")
        let short = DiffReport.markdown(diff, maxLength: 64_000)
        #expect(short.utf16.count <= 64_000)
        #expect(short.hasPrefix("### vault diff: 1500 results moved\n\n| period | alliance |"))
        let rows = short.split(separator: "\n").filter { $0.hasPrefix("| 2024 |") }.count
        #expect(rows > 100 && rows < 1500)
        #expect(short.contains("\n> **Shortened** to 64000 characters: shown \(rows) of 1500 results, 0 of 1500 explanations, 0 of 1 schema changes. The whole diff: `vault diff --format md`.\n"),
                "\(short.suffix(300))")
        // Still one well-formed document: every table row has the header's columns, no
        // <details> left open, and rows are whole.
        HostileValueFormatTests.expectTablesKeepColumns(short, "shortened comment")
        #expect(short.components(separatedBy: "<details>").count == short.components(separatedBy: "</details>").count)
        #expect(full.hasPrefix(String(short.prefix { $0 != ">" }.dropLast())))
        // What fits is not cut: under the limit the comment is the full one.
        #expect(DiffReport.markdown(diff, maxLength: full.utf16.count) == full)
        // A limit with room for all the rows keeps the explanations that fit, closed.
        let some = DiffReport.markdown(try Self.bigDiff(20), maxLength: 4000)
        #expect(some.utf16.count <= 4000)
        #expect(some.contains("shown 20 of 20 results, "), "\(some)")
        #expect(some.contains("<details><summary>why</summary>") == some.contains("</details>"))
    }

    @Test func maxLengthIsCheckedOnTheCommandLine() throws {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        for (arguments, message) in [
            (["diff", "HEAD", ".", "--format", "md", "--max-length", "10"], "--max-length takes a number of characters, at least 1000, not \"10\""),
            (["diff", "HEAD", ".", "--format", "md", "--max-length", "-5"], "--max-length takes a number of characters, at least 1000, not \"-5\""),
            (["diff", "HEAD", ".", "--max-length", "5000"], "--max-length shortens the Markdown comment: use it with --format md"),
        ] {
            let run = try Run(["-C", dir.path] + arguments)
            #expect(run.status == 2)
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }
}
