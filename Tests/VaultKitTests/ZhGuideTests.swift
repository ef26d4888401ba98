import Foundation
import Testing

/// The Chinese guides (docs/zh/NAME.md) show real commands with what they print, true
/// by construction: each is played by its scenario, scripts/zh-guides/NAME.sh, which
/// builds a project from the shipped vault in a temporary directory and runs the guide's
/// steps in order. A `<!-- vault: ARGS -->` line before a ```` ```text ```` block is the
/// scenario's `show ARGS` step: the block is `$ vault ARGS` and what it printed (standard
/// output, then standard error); a `<!-- file: PATH -->` block is the scenario's `file PATH`
/// step: the file as it then stood. A test fails when a block is not what vault prints now.
/// `VAULT_RECORD_ZH_GUIDES=1` rewrites the blocks from the run (that run fails where a block
/// changed, the next passes): `scripts/zh-guides.sh` does both.
@Suite struct ZhGuideTests {
    static let guides = ["alliance", "expert", "secretariat"]

    /// One shown step: the marker's text (`vault: --lang zh lint`, `file: vault/…`) and the block's lines.
    struct Step: Equatable {
        var key: String
        var content: String
    }

    @Test(arguments: guides) func theGuideShowsWhatVaultPrints(_ name: String) throws {
        let path = Package.path("docs/zh/\(name).md")
        let guide = try String(contentsOfFile: path, encoding: .utf8)
        let blocks = try GuideBlocks(guide)
        let played = try Self.play(name)
        #expect(blocks.steps.count >= 5, "docs/zh/\(name).md shows too few steps")
        let keys = blocks.steps.map(\.key)
        guard keys == played.map(\.key) else {
            Issue.record("""
                docs/zh/\(name).md and scripts/zh-guides/\(name).sh show different steps: \
                the guide's markers are \(keys), the scenario's \(played.map(\.key))
                """)
            return
        }
        if ProcessInfo.processInfo.environment["VAULT_RECORD_ZH_GUIDES"] == "1" {
            let rewritten = blocks.replacing(with: played.map(\.content))
            if rewritten != guide {
                try rewritten.write(toFile: path, atomically: true, encoding: .utf8)
                Issue.record("docs/zh/\(name).md re-recorded from what vault prints now: read its diff, then run the test again")
            }
            return
        }
        for (shown, actual) in zip(blocks.steps, played) where shown.content != actual.content {
            Issue.record("""
                docs/zh/\(name).md, <!-- \(shown.key) -->: the block is not what vault prints now \
                (scripts/zh-guides.sh rewrites it); it prints:
                \(actual.content)
                """)
        }
    }

    /// Runs scripts/zh-guides/NAME.sh in a fresh directory and reads the steps it kept.
    static func play(_ name: String) throws -> [Step] {
        let scratch = try TemporaryDirectory()
        let work = scratch.path + "/project"
        let transcript = scratch.path + "/transcript"
        try FileManager.default.createDirectory(atPath: transcript, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: scratch.path + "/log", contents: nil)
        let log = try #require(FileHandle(forWritingAtPath: scratch.path + "/log"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Package.path("scripts/zh-guides/\(name).sh"), work]
        var environment = ProcessInfo.processInfo.environment
        environment["VAULT"] = Run.executable.path
        environment["VAULT_TRANSCRIPT"] = transcript
        process.environment = environment
        process.standardOutput = log
        process.standardError = log
        try process.run()
        process.waitUntilExit()
        try log.close()
        let output = try String(contentsOfFile: scratch.path + "/log", encoding: .utf8)
        try #require(process.terminationStatus == 0, "scripts/zh-guides/\(name).sh failed:\n\(output)")

        var steps: [Step] = []
        for number in 1... {
            let base = transcript + "/" + String(format: "%03d", number)
            guard let out = try? String(contentsOfFile: base + ".out", encoding: .utf8) else { break }
            let shown = out.isEmpty || out.hasSuffix("\n") ? out : out + "\n"
            for place in [work, URL(fileURLWithPath: work).resolvingSymlinksInPath().path] {
                #expect(!shown.contains(place), "step \(number) of \(name).sh prints the temporary directory:\n\(shown)")
            }
            if let lines = try? String(contentsOfFile: base + ".args", encoding: .utf8) {
                let arguments = Self.shellWords(lines.components(separatedBy: "\n").dropLast())
                steps.append(Step(key: "vault: " + arguments, content: "$ vault \(arguments)\n" + shown))
            } else {
                let file = try String(contentsOfFile: base + ".file", encoding: .utf8)
                steps.append(Step(key: "file: " + file.trimmingCharacters(in: .newlines), content: shown))
            }
        }
        return steps
    }

    /// The arguments as a shell user types them: quoted only where the shell needs it.
    static func shellWords<S: Sequence<String>>(_ arguments: S) -> String {
        let plain = CharacterSet(charactersIn: " \t'\"\\$`;&|<>()*?[]#~!{}").inverted
        return arguments.map { argument in
            !argument.isEmpty && argument.unicodeScalars.allSatisfy(plain.contains) ? argument
                : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    @Test func everyGuideHasItsScenario() throws {
        let guides = try FileManager.default.contentsOfDirectory(atPath: Package.path("docs/zh"))
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: Package.path("scripts/zh-guides"))
            .filter { $0.hasSuffix(".sh") && $0 != "lib.sh" }.map { String($0.dropLast(3)) }.sorted()
        #expect(guides == Self.guides)
        #expect(scenarios == Self.guides)
    }

    @Test func blocksAreFoundAndRewrittenInPlace() throws {
        let text = "前言\n<!-- vault: --lang zh lint -->\n```text\n$ vault --lang zh lint\nold\n```\n中间\n<!-- file: a.txt -->\n```text\nx\n```\n后记\n"
        let blocks = try GuideBlocks(text)
        #expect(blocks.steps == [Step(key: "vault: --lang zh lint", content: "$ vault --lang zh lint\nold\n"),
                                 Step(key: "file: a.txt", content: "x\n")])
        #expect(blocks.replacing(with: ["$ vault --lang zh lint\nnew\n", "y\nz\n"])
                == "前言\n<!-- vault: --lang zh lint -->\n```text\n$ vault --lang zh lint\nnew\n```\n中间\n<!-- file: a.txt -->\n```text\ny\nz\n```\n后记\n")
        #expect(throws: GuideBlocks.Malformed.self) { try GuideBlocks("<!-- vault: lint -->\n没有代码块\n") }
        #expect(throws: GuideBlocks.Malformed.self) { try GuideBlocks("<!-- vault: lint -->\n```text\n未结束\n") }
        #expect(Self.shellWords(["diff", "main", "--author", "@li-hua", "a b", ""]) == "diff main --author @li-hua 'a b' ''")
    }

    /// README.zh-CN.md sets up as README.md does: the same commands, whatever their comments say.
    @Test func theChineseReadmeSetsUpAsTheReadme() throws {
        let english = try Self.setUpCommands(Package.path("README.md"), heading: "## Set-up")
        let chinese = try Self.setUpCommands(Package.path("README.zh-CN.md"), heading: "## 安装与运行")
        #expect(!english.isEmpty)
        #expect(chinese == english)
    }

    /// The lines of the first code block under `heading`, each without its `#` comment.
    static func setUpCommands(_ path: String, heading: String) throws -> [String] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: heading), "\(path) has no \(heading)")
        let open = try #require(lines[start...].firstIndex { $0.hasPrefix("```") })
        let close = try #require(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
        return lines[(open + 1)..<close].map { line in
            String(line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                .trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    /// Every relative link of the Chinese documents leads to a file, and README.md and
    /// README.zh-CN.md link the guides.
    @Test func linksLeadToFiles() throws {
        let documents = ["README.zh-CN.md"] + Self.guides.map { "docs/zh/\($0).md" }
        for document in documents {
            for link in try Self.relativeLinks(document) {
                let target = URL(fileURLWithPath: Package.path(document)).deletingLastPathComponent()
                    .appendingPathComponent(link).standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: target), "\(document) links \(link), which does not exist")
            }
        }
        let readme = Set(try Self.relativeLinks("README.md"))
        #expect(readme.isSuperset(of: ["README.zh-CN.md"] + Self.guides.map { "docs/zh/\($0).md" }))
        let chinese = Set(try Self.relativeLinks("README.zh-CN.md"))
        #expect(chinese.isSuperset(of: Self.guides.map { "docs/zh/\($0).md" } + ["README.md"]))
    }

    /// The `](target)` links of a Markdown file that name a file of the package (fragment dropped).
    static func relativeLinks(_ document: String) throws -> [String] {
        let text = try String(contentsOfFile: Package.path(document), encoding: .utf8)
        var links: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "](") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            let target = String(rest[..<close]).components(separatedBy: "#")[0]
            if !target.isEmpty, !target.contains("://"), !target.hasPrefix("mailto:") { links.append(target) }
        }
        return links
    }
}

/// The marked blocks of a guide: where each is, so that it can be compared and rewritten.
struct GuideBlocks {
    struct Malformed: Error, CustomStringConvertible {
        var line: Int
        var description: String
    }

    private var lines: [String]
    /// For each block: its marker's text and the range of its content lines (between the fences).
    private var blocks: [(key: String, content: Range<Int>)] = []

    var steps: [ZhGuideTests.Step] {
        blocks.map { block in
            ZhGuideTests.Step(key: block.key, content: lines[block.content].map { $0 + "\n" }.joined())
        }
    }

    init(_ text: String) throws {
        lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("<!-- vault: ") || line.hasPrefix("<!-- file: "), line.hasSuffix(" -->") {
                let key = String(line.dropFirst(5).dropLast(4))
                guard index + 1 < lines.count, lines[index + 1] == "```text" else {
                    throw Malformed(line: index + 1, description: "line \(index + 1): \(line) is not followed by a ```text block")
                }
                guard let close = lines[(index + 2)...].firstIndex(of: "```") else {
                    throw Malformed(line: index + 2, description: "line \(index + 2): the block of \(line) is not closed")
                }
                blocks.append((key, (index + 2)..<close))
                index = close
            }
            index += 1
        }
    }

    /// The guide with each block's content replaced by `contents` (one per block, in order).
    func replacing(with contents: [String]) -> String {
        var result = lines
        for (block, content) in zip(blocks, contents).reversed() {
            var new = content.components(separatedBy: "\n")
            if new.last == "" { new.removeLast() }
            result.replaceSubrange(block.content, with: new)
        }
        return result.joined(separator: "\n")
    }
}
