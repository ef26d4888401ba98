import Foundation
import Testing
@testable import VaultKit

/// The scored fixture with one alliance (化纤) whose directory, name, short name and
/// a record's title hold what every format must escape: spaces, `#`, `|`, `<`, `&`,
/// quotes, tabs and CJK; committed in git, then changed so that `vault diff` has
/// something to show.
enum HostileValues {
    static let id = "化纤 A#1|<i>&'"
    /// As decoded from the quoted value (the file writes the tab as `\t`).
    static let name = "化纤 \"A|B\"\t<u>&amp; #1 联盟"
    static let title = "链\t<script>&x \"q\" | #2 创新链"

    static func make() throws -> HostileProject {
        let project = try HostileProject(from: Fixture.root)
        try FileManager.default.moveItem(atPath: project.root + "/vault/alliances/化纤", toPath: project.root + "/vault/alliances/\(id)")
        for expert in ["E01", "E02", "E03", "E04", "E05", "E06"] {
            let path = "vault/reviews/2024/\(expert).txt"
            let text = String(decoding: try project.read(path), as: UTF8.self)
                .replacingOccurrences(of: "alliance=化纤 ", with: "alliance=\"化纤 A#1|<i>&'\" ")
            try project.write(path, text)
        }
        try project.write("vault/alliances/\(id)/alliance.txt",
                          "alliance code=118 batch=1 name=\"化纤 \\\"A|B\\\"\\t<u>&amp; #1 联盟\" short=\"化纤|<s>\"\nmaintainer handle=@hostile-owner\n")
        let records = String(decoding: try project.read("vault/alliances/\(id)/2024.txt"), as: UTF8.self)
            .replacingOccurrences(of: "title=\"围绕“原料—聚合—纺丝—应用”化纤产业链构建创新链\"",
                                  with: "title=\"链\\t<script>&x \\\"q\\\" | #2 创新链\"")
        try project.write("vault/alliances/\(id)/2024.txt", records)
        try git(project, ["init", "-q"])
        try git(project, ["add", "-A"])
        try git(project, ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base"])
        // The change: a council meeting removed (1.1 moves) and a hostile line added.
        let changed = records.replacingOccurrences(of: "2024-03-26 meeting type=council title=\"第三届理事会第二次会议\" attendees=27\n", with: "")
            + "2024-12-20 service title=\"服务 <a href='x'>&copy; | #3\\t\\\"引号\\\"\"\n"
            + "2024-12-21 service title=\"坏\" colour=\"<&>|# \\t'\"\n"   // unknown-field: a finding in this file
        try project.write("vault/alliances/\(id)/2024.txt", changed)
        return project
    }

    static func git(_ project: HostileProject, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: project.root)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }
}

/// Item 4 of issue 15: every output, run on a vault whose ids, names and values hold
/// spaces, `#`, `|`, `<`, `&`, quotes, tabs and CJK, parses back as what it is.
@Suite(.serialized) struct HostileValueFormatTests {
    /// Cells of a Markdown table row: split at `|` not escaped by a backslash.
    static func cells(_ row: Substring) -> [String] {
        var cells: [String] = [], cell = "", escaped = false
        for c in row {
            if c == "|" && !escaped { cells.append(cell); cell = "" } else { cell.append(c) }
            escaped = c == "\\" && !escaped
        }
        cells.append(cell)
        return Array(cells.dropFirst().dropLast())   // the row starts and ends with `|`
    }

    /// Every table of a Markdown document keeps its header's column count.
    static func expectTablesKeepColumns(_ markdown: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var columns: Int?
        var rows = 0
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let count = cells(line).count
            if let columns {
                #expect(count == columns, "\(what): \(count) cells, not \(columns): \(line)", sourceLocation: sourceLocation)
                rows += 1
            } else {
                columns = count
            }
        }
        #expect(rows > 0, "\(what) has no table", sourceLocation: sourceLocation)
    }

    /// No raw control character (a tab from the data, an escape) but the line ends.
    static func expectNoRawControls(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.first { $0 != "\n" && Escape.isUnsafe($0) }
        #expect(raw == nil, "\(what) holds U+\(String(raw?.value ?? 0, radix: 16))", sourceLocation: sourceLocation)
    }

    static func json(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Any? {
        do { return try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch {
            Issue.record("\(what) is not JSON: \(error)\n\(text.prefix(500))", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Every string anywhere in a JSON value.
    static func strings(_ value: Any?) -> [String] {
        switch value {
        case let s as String: [s]
        case let a as [Any]: a.flatMap(strings)
        case let o as [String: Any]: o.keys.sorted().flatMap { [$0] + strings(o[$0]) }
        default: []
        }
    }

    @Test func everyOutputParsesBackAsItself() throws {
        let project = try HostileValues.make()
        let id = HostileValues.id, name = HostileValues.name
        let path = "vault/alliances/\(id)/2024.txt"

        // JSON: parses, and the values come back exactly.
        for (arguments, expected) in [
            (["lint", "--format", "json", "--no-suppressions"], [path]),
            (["score", "2024", "--format", "json"], [name]),
            (["stats", "2024", "--format", "json"], ["2024"]),
            (["report", "2024", "--format", "json"], [name]),
            (["report", "--alliance", id, "--format", "json"], [id, name, path]),
            (["diff", "HEAD", ".", "--format", "json"], [id, name, path, "service title=\"服务 <a href='x'>&copy; | #3\\t\\\"引号\\\"\""]),
        ] {
            let run = try project.run(arguments)
            #expect(run.status == 0 || run.status == 1, "\(arguments): \(run.stderr)")
            let object = Self.json(run.stdout, "\(arguments)")
            #expect((object as? [String: Any])?["version"] as? Int == 1, "\(arguments)")
            let found = Self.strings(object)
            for value in expected { #expect(found.contains { $0.contains(value) }, "\(arguments) lacks \(value): \(found.filter { $0.contains("化纤") })") }
            Self.expectNoRawControls(run.stdout, "\(arguments)")
        }

        // SARIF: JSON whose file URIs are percent-encoded and decode to the path.
        let sarif = try project.run(["lint", "--format", "sarif", "--no-suppressions"])
        let sarifObject = Self.json(sarif.stdout, "sarif") as? [String: Any]
        let results = ((sarifObject?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let uris = results.compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(!uris.isEmpty)
        for uri in uris {
            #expect(uri.utf8.allSatisfy { b in b < 0x80 && (b == 0x25 || b == 0x2F || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
                                                            || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39)) },
                    "not a plain URI reference: \(uri)")
        }

        // TSV: five fields on every row, the name's tab written as a space.
        let tsv = try project.run(["score", "2024", "--format", "tsv"])
        let rows = tsv.stdout.split(separator: "\n")
        #expect(rows.count == 13)
        for row in rows { #expect(row.split(separator: "\t", omittingEmptySubsequences: false).count == 5, "\(row)") }
        #expect(rows.contains { $0.split(separator: "\t", omittingEmptySubsequences: false)[2] == name.replacingOccurrences(of: "\t", with: " ") })

        // Markdown: tables keep their column count; the name is escaped, never raw.
        for arguments in [["report", "2024", "--format", "md"], ["report", "--alliance", "118", "--format", "md"], ["diff", "HEAD", ".", "--format", "md"]] {
            let run = try project.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            Self.expectTablesKeepColumns(run.stdout, "\(arguments)")
            Self.expectNoRawControls(run.stdout, "\(arguments)")
            #expect(run.stdout.contains(Escape.markdownTableCell(name)), "\(arguments): \(run.stdout)")
            // Outside code spans (whose text is literal, paths are shown so), the data's
            // tags appear only backslash-escaped (`\<u\>`), never as HTML.
            let prose = run.stdout.replacingOccurrences(of: #"`+[^`]*`+"#, with: "", options: .regularExpression)
            #expect(prose.range(of: #"(?<!\\)<(u|script|a |i>|s>)"#, options: .regularExpression) == nil, "\(arguments): \(prose)")
            #expect(run.stdout.contains("\\<u\\>"), "\(arguments)")
        }

        // HTML: every `<` opens one of the page's own tags, every `&` an entity.
        for arguments in [["report", "2024", "--format", "html"], ["report", "--alliance", id, "--format", "html"]] {
        let html = try project.run(arguments)
        #expect(html.status == 0)
        // The page's own tags (none of the data's: <u>, <i>, <s>); its one script (the
        // sorting) and its links (the contents, to `#…`) are checked below.
        let tags = Set(["html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "b", "table", "thead", "tbody",
                        "tr", "th", "td", "div", "section", "svg", "rect", "text", "line", "figure", "figcaption",
                        "nav", "ol", "li", "a", "script"])
        #expect(html.stdout.components(separatedBy: "<script").count == 2, "\(arguments): one script, the page's own")
        #expect(html.stdout.components(separatedBy: "<a ").count == html.stdout.components(separatedBy: "<a href=\"#").count, "\(arguments)")
        var index = html.stdout.startIndex
        while let lt = html.stdout[index...].firstIndex(of: "<") {
            let rest = html.stdout[html.stdout.index(after: lt)...]
            let tag = rest.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            #expect(rest.hasPrefix("!") || rest.hasPrefix("?") || tags.contains(String(tag).lowercased()), "raw < before \(rest.prefix(30))")
            index = html.stdout.index(after: lt)
        }
        for amp in html.stdout.ranges(of: "&") {
            let after = html.stdout[amp.upperBound...].prefix(8)
            #expect(after.range(of: #"^(amp|lt|gt|quot|#39|#x[0-9A-Fa-f]+|#[0-9]+|nbsp);"#, options: .regularExpression) != nil, "raw & before \(after)")
        }
        #expect(html.stdout.contains(Escape.html(name)))
        Self.expectNoRawControls(html.stdout, "html")
        }

        // CODEOWNERS: two fields a line (pattern and owner), the pattern unescaping to the path.
        let owners = try project.run(["codeowners"])
        #expect(owners.status == 0, "\(owners.stderr)")
        let codeowners = String(decoding: try project.read("CODEOWNERS"), as: UTF8.self)
        let lines = codeowners.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 3)
        var patterns: [String] = []
        for line in lines {
            var fields: [String] = [], field = "", escaped = false
            for c in line {
                if escaped { field.append(c); escaped = false } else if c == "\\" { escaped = true }
                else if c == " " { fields.append(field); field = "" } else { field.append(c) }
            }
            fields.append(field)
            #expect(fields.count == 2, "\(line)")
            patterns.append(fields[0])
        }
        #expect(patterns.contains("/vault/alliances/\(id)/"), "\(patterns)")
        #expect(codeowners.contains("/vault/alliances/化纤\\ A\\#1|<i>&'/ @hostile-owner\n"), "\(codeowners)")

        // GitHub workflow commands: properties decode to the path, one command a line.
        let github = try project.run(["lint", "--format", "github", "--no-suppressions"])
        var files: [String] = []
        for line in github.stdout.split(separator: "\n") where line.hasPrefix("::") {
            let parts = line.dropFirst(2).split(separator: "::", maxSplits: 1)
            #expect(parts.count == 2, "\(line)")
            // `error file=…,line=…,col=…,title=…`: four properties, split at the unencoded commas.
            let properties = parts[0].drop { $0 != " " }.dropFirst().split(separator: ",")
            guard let file = properties.first(where: { $0.hasPrefix("file=") }) else { continue }
            #expect(properties.map { $0.prefix { $0 != "=" } } == ["file", "line", "col", "title"], "\(line)")
            files.append(String(file.dropFirst(5)).replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
                .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%"))
        }
        #expect(files.contains(path), "\(files)")
        Self.expectNoRawControls(github.stdout, "github")

        // Text: nothing raw; the values shown escaped (the tab as `\t`).
        for arguments in [["lint", "--no-suppressions"], ["score", "2024"], ["explain", id, "2024"], ["stats", "2024"],
                          ["report", "2024"], ["report", "--alliance", id], ["diff", "HEAD", "."]] {
            let run = try project.run(arguments)
            #expect(run.status == 0 || run.status == 1, "\(arguments): \(run.stderr)")
            Self.expectNoRawControls(run.stdout, "\(arguments)")
        }
        let explain = try project.run(["explain", id, "2024"])
        #expect(explain.stdout.hasPrefix(Escape.terminal(name) + " (\(id), code 118), period 2024\n"), "\(explain.stdout)")
        try project.expectOutsideUnchanged()
    }
}

/// Item 5 of issue 15: docs/formats.md lists every field of every JSON output, and
/// the outputs have exactly those fields.
@Suite struct FormatDocumentationTests {
    /// The field paths of each `## NAME: …` section's table.
    static func documented() throws -> [String: Set<String>] {
        let text = try String(contentsOfFile: Package.path("docs/formats.md"), encoding: .utf8)
        var out: [String: Set<String>] = [:]
        var section: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("## ") {
                let heading = line.dropFirst(3)
                section = heading.contains(":") ? String(heading.prefix { $0 != ":" }) : nil
            } else if let section, line.hasPrefix("| `") {
                let path = line.dropFirst(3).prefix { $0 != "`" }
                out[section, default: []].insert(String(path))
            }
        }
        return out
    }

    /// Every key path of a JSON value (`a.b`, `a[].b`; the keys of `maps` as `*`).
    static func paths(_ value: Any?, _ prefix: String = "", maps: Set<String> = []) -> Set<String> {
        var out: Set<String> = []
        if let object = value as? [String: Any] {
            for (key, child) in object {
                let path = (prefix.isEmpty ? "" : prefix + ".") + (maps.contains(prefix) ? "*" : key)
                out.insert(path)
                out.formUnion(paths(child, path, maps: maps))
            }
        } else if let array = value as? [Any] {
            for child in array { out.formUnion(paths(child, prefix + "[]", maps: maps)) }
        }
        return out
    }

    static func output(_ arguments: [String], in root: String) throws -> Any? {
        let run = try Run(["-C", root] + arguments)
        #expect(run.status == 0 || run.status == 1, "\(arguments): \(run.stderr)")
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    /// A diff with every part filled: a moved standing, indicator, award, line, schema and trespass.
    static func fullDiff() throws -> Any? {
        let (vault, _) = try Fixture.load()
        var diff = VaultDiff(base: "main", head: "working tree", old: vault, new: vault)
        let line = VaultDiff.LineChange(kind: .added, path: "vault/alliances/化纤/2024.txt", line: 3, text: "website type=website updates=64")
        diff.changes = [VaultDiff.AllianceChange(
            period: "2024", alliance: "化纤", name: "化纤产业技术创新战略联盟", code: "118",
            old: VaultDiff.Standing(nil), new: VaultDiff.Standing(nil),
            indicators: [VaultDiff.IndicatorMove(id: "1.1", title: "理事会会议", old: "4", new: "6")],
            awards: [VaultDiff.AwardMove(award: "a-level", old: "not earned", new: "earned")], lines: [line])]
        diff.schemas = [VaultDiff.SchemaChange(schema: "2016", lines: [line], periods: ["2024"])]
        diff.trespasses = [(path: "vault/periods/2024.txt", owners: ["@vault-secretariat"])]
        return try JSONSerialization.jsonObject(with: Data(DiffReport.json(diff).utf8))
    }

    @Test func documentationAndOutputsAgree() throws {
        let documented = try Self.documented()
        let shipped = Package.root.path, fixture = Fixture.root
        let sources: [String: [Any?]] = [
            "lint": [try Self.output(["lint", "--format", "json", "--no-suppressions"], in: shipped)],
            "score": [try Self.output(["score", "2024", "--format", "json"], in: fixture)],
            "stats": [try Self.output(["stats", "2024", "--format", "json"], in: fixture),
                      try Self.output(["stats", "2022-2023", "--format", "json"], in: shipped)],
            "history": [try Self.output(["report", "--alliance", "TD", "--format", "json"], in: shipped),
                        try Self.output(["report", "--alliance", "320", "--format", "json"], in: fixture)],
            "report": [try Self.output(["report", "2024", "--format", "json"], in: fixture),
                       try Self.output(["report", "2015", "--format", "json"], in: shipped),
                       try Self.output(["report", "2019", "--format", "json"], in: shipped),
                       try Self.output(["report", "2022-2023", "--format", "json"], in: shipped)],
            "diff": [try Self.fullDiff()],
            "status": [try Self.output(["status", "2024", "--format", "json"], in: fixture)],
        ]
        // Every documented table has real output to compare with (a new one needs its source here).
        #expect(Set(documented.keys) == Set(sources.keys), "documented \(documented.keys.sorted()), checked \(sources.keys.sorted())")
        for (name, outputs) in sources {
            let found = outputs.reduce(into: Set<String>()) { $0.formUnion(Self.paths($1, maps: name == "stats" ? ["awards", "awardsUnknown"] : [])) }
            let listed = documented[name] ?? []
            #expect(found.subtracting(listed).isEmpty, "\(name): in the output, not in docs/formats.md: \(found.subtracting(listed).sorted())")
            #expect(listed.subtracting(found).isEmpty, "\(name): in docs/formats.md, not in the output: \(listed.subtracting(found).sorted())")
            for output in outputs {
                // `version` first, an integer.
                #expect((output as? [String: Any])?["version"] as? Int == JSONWriter.formatVersion, "\(name)")
            }
        }
        // The key order too: "version" is the first key of every output.
        for text in [DiagnosticJSONReporter.render([], files: 0), DiffReport.json(VaultDiff(base: "a", head: "b", old: try Fixture.load().0, new: try Fixture.load().0))] {
            #expect(text.hasPrefix("{\"version\":1,"), "\(text.prefix(40))")
        }
    }

    @Test func lintSummaryCountsInfos() throws {
        let d = [Diagnostic(ruleID: "unknown-period", severity: .info, location: .file("vault/periods/x.txt"), message: "m"),
                 Diagnostic(ruleID: "syntax", severity: .error, location: .file("a.txt"), message: "m")]
        let object = try JSONSerialization.jsonObject(with: Data(DiagnosticJSONReporter.render(d, files: 2).utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect(summary == ["errors": 1, "warnings": 0, "infos": 1, "files": 2])
        // On the shipped vault, the summary agrees with the findings (9 infos, README).
        let run = try Run(["-C", Package.root.path, "lint", "--format", "json"])
        let shipped = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let infos = (shipped?["diagnostics"] as? [[String: Any]])?.filter { $0["severity"] as? String == "info" }.count
        #expect(infos != nil && infos! > 0)
        #expect((shipped?["summary"] as? [String: Int])?["infos"] == infos)
    }
}

/// Item 3 of issue 15: a write that fails is a message and exit status 2, for every
/// command and every output.
@Suite struct WriteFailureTests {
    static func full() throws -> FileHandle {
        try #require(FileHandle(forWritingAtPath: "/dev/full"), "no /dev/full on this machine")
    }

    @Test(arguments: [
        ["lint"], ["lint", "--format", "json"], ["lint", "--format", "github"], ["lint", "--format", "sarif"],
        ["score", "2024"], ["score", "2024", "--format", "tsv"], ["score", "2024", "--format", "json"],
        ["explain", "化纤", "2024"], ["stats", "2024"], ["stats", "2024", "--format", "json"],
        ["report", "2024"], ["report", "2024", "--format", "md"], ["report", "2024", "--format", "json"], ["report", "2024", "--format", "html"],
        ["codeowners", "--check"], ["rules"], ["rules", "--markdown"], ["schema", "2016"], ["schema", "core"],
        ["help"], ["--help"], ["--version"], ["lint", "--help"],
    ])
    func standardOutputToAFullDeviceIsExitTwo(_ arguments: [String]) throws {
        let project = try HostileProject(from: Fixture.root)
        let run = try project.run(arguments, standardOutput: try Self.full())
        #expect(run.status == 2, "\(arguments): status \(run.status), \(run.stderr)")
        #expect(run.stderr.contains("vault: cannot write standard output: No space left on device; the output is incomplete"), "\(arguments): \(run.stderr)")
        try project.expectOutsideUnchanged()
        // The same command to a pipe still succeeds: only the write failed.
        let ok = try project.run(arguments)
        #expect(ok.status != 2 && !ok.stdout.isEmpty, "\(arguments): \(ok.stderr)")
    }

    @Test func diffAndScoreWriteToAFullDeviceAreExitTwo() throws {
        let project = try HostileValues.make()
        for arguments in [["diff", "HEAD", "."], ["diff", "HEAD", ".", "--format", "md"], ["diff", "HEAD", ".", "--format", "json"],
                          ["score", "--write"]] {
            let run = try project.run(arguments, standardOutput: try Self.full())
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("cannot write standard output"), "\(arguments): \(run.stderr)")
        }
        try project.expectOutsideUnchanged()
    }

    @Test func outputToAReadOnlyPlaceIsExitTwoAndLeavesTheFile() throws {
        let project = try HostileProject(from: Fixture.root)
        // A file its owner made read-only: left as it was.
        let kept = project.root + "/kept.html"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: kept))
        chmod(kept, 0o444)
        let readOnly = try project.run(["report", "2024", "--format", "html", "--output", kept])
        #expect(readOnly.status == 2)
        #expect(readOnly.stderr.contains("kept.html is read-only; it was left as it was"), "\(readOnly.stderr)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "old\n")
        // A directory nothing can be created in (/proc), for report and codeowners.
        for arguments in [["report", "2024", "--output", "/proc/vault-report.txt"], ["codeowners", "--output", "/proc/CODEOWNERS"]] {
            let run = try project.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("vault: cannot write /proc/"), "\(arguments): \(run.stderr)")
        }
        // A device given as --output is refused (vault writes only regular files), never
        // replaced by a file and never reported as written.
        for arguments in [["report", "2024", "--format", "json", "--output", "/dev/full"], ["codeowners", "--output", "/dev/full"]] {
            let run = try project.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("vault: /dev/full is a character device; vault writes only regular files"), "\(arguments): \(run.stderr)")
            #expect(!run.stdout.contains("wrote"), "\(arguments): \(run.stdout)")
            var info = stat()
            #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/full is no longer a device")
        }
        // A directory as --output is refused by name.
        let directory = try project.run(["report", "2024", "--output", project.root + "/vault"])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("vault is a directory"), "\(directory.stderr)")
        // The vault itself is untouched and still checks.
        let lint = try project.run(["lint"])
        #expect(lint.stdout.contains("34 files checked") || lint.stdout.contains("files checked"), "\(lint.stdout)")
        try project.expectOutsideUnchanged()
        try project.expectNoSecretCopied()
    }
}
