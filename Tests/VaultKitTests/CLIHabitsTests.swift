import Foundation
import Testing
@testable import VaultKit

/// The command line's habits (issue 15, item 6), each as a user meets it: the built
/// binary is run, and its exact output and exit status checked.
@Suite struct CLIHabitsTests {
    /// The shipped project (read only): periods 2013 … 2022-2023, alliance TD (code 105).
    static let shipped = Package.root.path
    static let shippedPeriods = "2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020-2021, 2022-2023"

    func example(_ change: (TemporaryDirectory) throws -> Void = { _ in }) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        try change(dir)
        return dir
    }

    /// The commands the general help lists, from the binary itself.
    func listedCommands() throws -> [String] {
        let help = try Run(["--help"]).stdout
        let block = help.components(separatedBy: "commands:\n")[1].components(separatedBy: "\n\n")[0]
        // A name is one word or two ("period new"); two spaces end it.
        return block.split(separator: "\n").map { $0.dropFirst(2).components(separatedBy: "  ")[0] }
    }

    // MARK: help

    @Test func helpCommandPrintsThatCommandsHelpNotTheGeneralOne() throws {
        let help = try Run(["help", "lint"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("usage: vault [-C DIR] lint [--format text|json|github|sarif] [--strict] [--no-suppressions] [--changed BASE] [--docs-url URL]\n\ncheck every file of the vault against its schema and the rules\n"))
        #expect(!help.stdout.contains("commands:"))
        let commands = try listedCommands()
        #expect(Set(["lint", "score", "explain", "stats", "report", "diff", "fmt", "codeowners", "rules", "schema", "completion", "man", "help"]).isSubset(of: commands))
        for command in commands {
            let words = command.components(separatedBy: " ")
            let viaHelp = try Run(["help"] + words)
            let viaFlag = try Run(words + ["--help"])
            #expect(viaHelp.status == 0 && viaFlag.status == 0, "\(command)")
            #expect(viaHelp.stdout == viaFlag.stdout, "\(command)")
            #expect(viaHelp.stdout.hasPrefix("usage: vault "), "\(command)")
        }
        let unknown = try Run(["help", "lnit"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("vault: unknown command \"lnit\"; did you mean \"lint\"?\n"))
    }

    // MARK: completion

    /// Runs the generated bash script's function with COMP_WORDS as a shell would set
    /// them (the words after `vault`, the last being completed), and returns COMPREPLY.
    func bashComplete(_ words: [String], in directory: String) throws -> [String] {
        let script = try Run(["completion", "bash"]).stdout
        let path = NSTemporaryDirectory() + "vault-completion-\(UUID().uuidString).bash"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", #"source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _vault; printf '%s\n' "${COMPREPLY[@]}""#,
                             "bash", path, Run.executable.path] + words
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesCommandsOptionsValuesPeriodsAndAlliances() throws {
        let td = Self.shipped + "/vault/alliances/TD"
        var first: [String] = []
        for command in try listedCommands() where !first.contains(String(command.prefix { $0 != " " })) {
            first.append(String(command.prefix { $0 != " " }))
        }
        #expect(try bashComplete([""], in: td) == first)
        #expect(try bashComplete(["s"], in: td) == ["score", "stats", "status", "schema"])
        #expect(try bashComplete(["lint", "--f"], in: td) == ["--format"])
        #expect(try bashComplete(["lint", "--format", ""], in: td) == ["text", "json", "github", "sarif"])
        // bash splits --format=j at the `=`.
        #expect(try bashComplete(["lint", "--format", "=", "j"], in: td) == ["json"])
        #expect(try bashComplete(["lint", "--no"], in: td) == ["--no-suppressions"])
        #expect(try bashComplete(["score", "2022"], in: td) == ["2022-2023"])
        #expect(try bashComplete(["explain", "T"], in: td) == ["TD"])
        #expect(try bashComplete(["explain", "TD", "201"], in: td) == ["2013", "2014", "2015", "2016", "2017", "2018", "2019"])
        #expect(try bashComplete(["schema", ""], in: td).last == "core")
        #expect(try bashComplete(["help", "sc"], in: td) == ["score", "schema"])
        #expect(try bashComplete(["completion", ""], in: td) == ["bash", "zsh", "fish"])
        #expect(try bashComplete(["lint", "--color", "a"], in: td) == ["auto", "always"])
        // fmt takes files: the shell completes them itself.
        let files = try FileManager.default.contentsOfDirectory(atPath: td).filter { $0.hasPrefix("20") }
        #expect(files.count == 4)
        #expect(Set(try bashComplete(["fmt", "20"], in: td)) == Set(files))
        // Outside the project, -C (before or after the command) says where it is.
        let outside = try TemporaryDirectory()
        #expect(try bashComplete(["-C", Self.shipped, "explain", "TD", "2022"], in: outside.path) == ["2022-2023"])
        #expect(try bashComplete(["stats", "-C", Self.shipped, "2022"], in: outside.path) == ["2022-2023"])
        #expect(try bashComplete(["stats", "2022"], in: outside.path) == [])
    }

    @Test func periodsAndAlliancesAreReadWhenTabIsPressed() throws {
        let dir = try example()
        #expect(try bashComplete(["score", ""], in: dir.path) == ["2023"])
        #expect(try bashComplete(["explain", ""], in: dir.path) == ["示例"])
        try dir.write("vault/periods/2024-2025.txt", "period start=2024-01-01 end=2025-12-31 schema=test\n")
        try dir.write("vault/alliances/甲乙/alliance.txt", "alliance code=111 batch=1 name=\"甲乙产业技术创新战略联盟\" short=甲乙\n")
        #expect(try bashComplete(["score", ""], in: dir.path) == ["2023", "2024-2025"])
        #expect(try bashComplete(["explain", "甲"], in: dir.path + "/vault") == ["甲乙"])
        // A directory name holding escapes reaches the terminal only escaped.
        try FileManager.default.createDirectory(atPath: dir.path + "/vault/alliances/恶\u{1B}]0;x\u{07}意", withIntermediateDirectories: true)
        let hostile = try Run(["__complete", "--shell", "fish", "--", "explain", "恶"], in: dir.path)
        #expect(hostile.stdout == "恶\\u{1B}]0;x\\u{7}意\n")
    }

    @Test func zshAndFishScriptsAreValidAndFishCompletes() throws {
        let zsh = try Run(["completion", "zsh"])
        let fish = try Run(["completion", "fish"])
        #expect(zsh.status == 0 && fish.status == 0)
        #expect(zsh.stdout.hasPrefix("#compdef vault\n"))
        for script in [zsh.stdout, fish.stdout] {
            #expect(script.contains("__complete --shell"))
            #expect(script.contains("Commands: \(try listedCommands().joined(separator: ", ")).\n"))
        }
        #expect(try Run(["completion", "tcsh"]).stderr.hasPrefix("vault: SHELL is one of bash, zsh, fish, not \"tcsh\"\n"))
        // Where the shells are installed (apt-get install zsh fish), they parse the
        // scripts, and fish completes with them.
        for (executable, script) in [("/usr/bin/zsh", zsh.stdout), ("/usr/bin/fish", fish.stdout)]
        where FileManager.default.isExecutableFile(atPath: executable) {
            let path = NSTemporaryDirectory() + "vault-completion-\(UUID().uuidString)"
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(try shell(executable, ["-n", path]).status == 0, "\(executable)")
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/fish") {
            let path = NSTemporaryDirectory() + "vault-completion-\(UUID().uuidString).fish"
            try fish.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let bin = Run.executable.deletingLastPathComponent().path
            let run = try shell("/usr/bin/fish", ["-c", "source \(path); complete -C 'vault explain TD 2022'; complete -C 'vault lint --f'"],
                                in: Self.shipped + "/vault/alliances/TD", path: bin)
            #expect(run.stdout == "2022-2023\n--format\ttext (default) for people, json for scripts (docs/format.md#lint-output),\n")
        }
    }

    func shell(_ executable: String, _ arguments: [String], in directory: String? = nil, path: String? = nil) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        if let path { env["PATH"] = path + ":" + (env["PATH"] ?? "/usr/bin:/bin") }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // MARK: man page

    @Test func manPageIsDocsVault1AndRendersWithoutWarnings() throws {
        let man = try Run(["man"])
        #expect(man.status == 0)
        let committed = try String(contentsOfFile: Package.path("docs/vault.1"), encoding: .utf8)
        #expect(man.stdout == committed, "docs/vault.1 is out of date: run `swift run vault man > docs/vault.1`")
        for command in try listedCommands() { #expect(man.stdout.contains(".SS \(command)\n"), "\(command)") }
        #expect(man.stdout.contains(".SH ENVIRONMENT\n.TP\n.B NO_COLOR\n"))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") {
            let path = NSTemporaryDirectory() + "vault-\(UUID().uuidString).1"
            try man.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
            process.arguments = ["-man", "-Tutf8", "-ww", "-z", path]
            let err = Pipe()
            process.standardError = err
            try process.run()
            let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(warnings == "")
        }
    }

    // MARK: colour

    @Test func colourFollowsTheFlagThenNoColorThenClicolorForce() throws {
        let dir = try example { try $0.write("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council\n") }
        let red = "\u{1B}[1;31merror\u{1B}[0m"
        func lint(_ arguments: [String], _ environment: [String: String] = [:]) throws -> String {
            let run = try Run(["-C", dir.path, "lint"] + arguments, environment: environment)
            #expect(run.status == 1)
            return run.stdout
        }
        #expect(!(try lint([])).contains("\u{1B}["))                                // a pipe: no colour
        #expect(try lint(["--color", "always"]).contains(red))
        #expect(try lint(["--color=always"], ["NO_COLOR": "1"]).contains(red))      // the flag wins
        #expect(try lint([], ["CLICOLOR_FORCE": "1"]).contains(red))
        #expect(!(try lint([], ["CLICOLOR_FORCE": "0"])).contains("\u{1B}["))
        #expect(!(try lint([], ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"])).contains("\u{1B}["))
        #expect(!(try lint(["--color", "never"], ["CLICOLOR_FORCE": "1"])).contains("\u{1B}["))
        #expect(try Run(["--color", "always", "-C", dir.path, "lint"]).stdout.contains(red))
        let bad = try Run(["-C", dir.path, "lint", "--color", "sometimes"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("vault: --color takes auto, always, never, not \"sometimes\"\n"))
    }

    // MARK: periods

    @Test func aYearSuggestsThePeriodThatHoldsIt() throws {
        let year = try Run(["-C", Self.shipped, "score", "2023"])
        #expect(year.status == 2)
        #expect(year.stderr == "vault: no period \"2023\" in vault/periods/; did you mean 2022-2023? (periods: \(Self.shippedPeriods))\n")
        let date = try Run(["-C", Self.shipped, "stats", "2021-06-30"])
        #expect(date.stderr.hasPrefix("vault: no period \"2021-06-30\" in vault/periods/; did you mean 2020-2021?"))
        #expect(try Run(["-C", Self.shipped, "report", "2105"]).stderr.hasPrefix("vault: no period \"2105\" in vault/periods/; did you mean 2015?"))
    }

    @Test func everyCommandNeedingAPeriodAsksWhichPeriod() throws {
        for arguments in [["score"], ["stats"], ["report"], ["report", "--format", "md"], ["explain", "TD"]] {
            let run = try Run(["-C", Self.shipped] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("vault: which period? (periods: \(Self.shippedPeriods))\n\nusage: vault [-C DIR] \(arguments[0]) "), "\(arguments): \(run.stderr)")
        }
        let none = try Run(["-C", Self.shipped, "explain"])
        #expect(none.stderr.hasPrefix("vault: missing argument ALLIANCE\n"))
    }

    // MARK: alliances

    @Test func anAllianceIsFoundByIdCodeNameFormerNameOrShortName() throws {
        let byID = try Run(["-C", Self.shipped, "explain", "TD", "2022-2023"])
        #expect(byID.status == 0)
        #expect(byID.stdout.hasPrefix("TD产业技术创新战略联盟 (TD, code 105), period 2022-2023\n"))
        for name in ["105", "TD产业技术创新战略联盟", "TD 产业联盟", "td产业技术创新战略联盟", "TD 产业技术创新战略联盟"] {
            let run = try Run(["-C", Self.shipped, "explain", name, "2022-2023"])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(run.stdout == byID.stdout, "\(name)")
        }
        let typo = try Run(["-C", Self.shipped, "explain", "TD产业技术创新战略连盟", "2022-2023"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "vault: no alliance \"TD产业技术创新战略连盟\" in vault/alliances/ by id, code, name, former name or short name; did you mean TD (TD产业技术创新战略联盟)?\n")
        // A short name that differs from the id, and one that two alliances share.
        let dir = try example {
            try $0.write("vault/alliances/甲乙联盟/alliance.txt", "alliance code=111 batch=1 name=\"甲乙产业技术创新战略联盟\" short=甲乙\n")
            try $0.write("vault/alliances/甲乙联盟/2023.txt", "2023-03-01 meeting type=council title=\"理事会\"\n")
            try $0.write("vault/alliances/丙丁/alliance.txt", "alliance code=112 batch=1 name=\"丙丁产业技术创新战略联盟\" short=示例\n")
        }
        let short = try Run(["-C", dir.path, "explain", "甲乙", "2023"])
        #expect(short.status == 0, "\(short.stderr)")
        #expect(short.stdout.hasPrefix("甲乙产业技术创新战略联盟 (甲乙联盟, code 111), period 2023\n"))
        let byCode = try Run(["-C", dir.path, "explain", "111", "2023"])
        #expect(byCode.stdout == short.stdout)
        let noRecords = try Run(["-C", dir.path, "explain", "丙丁", "2023"])
        #expect(noRecords.stderr == "vault: alliance 丙丁 has no records for period 2023\n")
        // An id wins over another alliance's short name; a short name two alliances
        // share is ambiguous, and says who shares it.
        var files = ExampleProject.base
        files["vault/alliances/丙丁/alliance.txt"] = "alliance code=112 batch=1 name=\"丙丁产业技术创新战略联盟\" short=联盟\n"
        files["vault/alliances/戊己/alliance.txt"] = "alliance code=113 batch=1 name=\"戊己产业技术创新战略联盟\" short=联盟\n"
        let vault = Loader.load(MemoryFileSystem(files: files)).vault
        #expect(AllianceLookup.find("示例", in: vault) == .found("示例"))
        #expect(AllianceLookup.find("联盟", in: vault) == .ambiguous(["丙丁", "戊己"]))
        #expect(AllianceLookup.find("113", in: vault) == .found("戊己"))
        #expect(AllianceLookup.find("戊己产业技术创新战略连盟", in: vault) == .notFound(closest: "戊己", via: "戊己产业技术创新战略联盟"))
    }

    @Test func aHugeNameIsAnsweredAtOnce() throws {
        // 100,000 characters (near the kernel's 128 KiB limit for one argument) against every
        // id, name, former and short name: no quadratic suggestion work.
        let huge = String(repeating: "x", count: 100_000)
        let run = try Run(["-C", Self.shipped, "explain", huge, "2015"], timeout: 20)
        #expect(!run.timedOut)
        #expect(run.status == 2)
        #expect(run.stderr == "vault: no alliance \"\(huge)\" in vault/alliances/ by id, code, name, former name or short name\n")
    }

    // MARK: -C

    @Test func dashCAfterTheCommandIsAccepted() throws {
        let outside = try TemporaryDirectory()
        let before = try Run(["-C", Self.shipped, "score", "2022-2023", "--format", "tsv"], in: outside.path)
        let after = try Run(["score", "2022-2023", "-C", Self.shipped, "--format", "tsv"], in: outside.path)
        #expect(before.status == 0 && after.status == 0)
        #expect(after.stdout == before.stdout)
        #expect(try Run(["lint", "-C=" + Self.shipped], in: outside.path).status == 0)
        let missing = try Run(["lint", "-C"], in: outside.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("vault: option -C needs a directory\n"))
    }

    // MARK: paths

    @Test func textPathsAreFromTheUsersDirectoryMachineFormatsFromTheRoot() throws {
        let dir = try example { try $0.write("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"理事会\" attendes=40\n") }
        let inside = dir.path + "/vault/alliances/示例"
        let here = try Run(["lint"], in: inside)
        #expect(here.status == 1)
        #expect(here.stdout.hasPrefix("2023.txt:1:45: error: unknown field \"attendes\" for record kind \"meeting\" [unknown-field]\n"))
        let sibling = try Run(["lint"], in: dir.path + "/vault/periods")
        #expect(sibling.stdout.hasPrefix("../alliances/示例/2023.txt:1:45: error:"))
        // -C DIR: as if started in DIR.
        #expect(try Run(["-C", inside, "lint"]).stdout.hasPrefix("2023.txt:1:45: error:"))
        #expect(try Run(["-C", dir.path, "lint"]).stdout.hasPrefix("vault/alliances/示例/2023.txt:1:45: error:"))
        let json = try Run(["lint", "--format", "json"], in: inside)
        #expect(json.stdout.contains(#""path":"vault/alliances/示例/2023.txt","line":1,"column":45"#))
        #expect(try Run(["lint", "--format", "github"], in: inside).stdout.contains("file=vault/alliances/示例/2023.txt,line=1,col=45"))
        #expect(try Run(["lint", "--format", "sarif"], in: inside).stdout.contains("vault/alliances/"))
        // fmt takes and prints paths from the user's directory too.
        try dir.write("vault/alliances/示例/2023.txt", "2023-03-01   meeting type=council title=\"理事会\"\n")
        let check = try Run(["fmt", "--check", "2023.txt"], in: inside)
        #expect(check.status == 1)
        #expect(check.stdout == "would reformat 2023.txt\n")
        let dot = try Run(["fmt", "--check", "."], in: inside)
        #expect(dot.stdout == "would reformat 2023.txt\nwould reformat alliance.txt\n")
        #expect(try Run(["fmt", "--check", "alliances"], in: dir.path + "/vault").stdout == "would reformat alliances/示例/2023.txt\nwould reformat alliances/示例/alliance.txt\n")
        let away = try Run(["fmt", "--check", "../../../../"], in: inside)
        #expect(away.status == 2)
        #expect(away.stderr.hasPrefix("vault: ../../../../ is outside the project at "))
    }

    @Test func diffAndScoreWriteNameFilesFromTheUsersDirectory() throws {
        let repo = try FixtureRepository()
        try repo.append("vault/alliances/存储/2024.txt", "2024-08-01 meeting type=council title=\"临时理事会\"\n")
        let inside = repo.root + "/vault/alliances/存储"
        let text = try Run(["diff", "HEAD", "."], in: inside)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("  + 2024.txt:14  2024-08-01 meeting"), "\(text.stdout)")
        let md = try Run(["diff", "HEAD", ".", "--format", "md"], in: inside)
        #expect(md.stdout.contains("`vault/alliances/存储/2024.txt:14`"))
        let json = try Run(["diff", "HEAD", ".", "--format", "json"], in: inside)
        #expect(json.stdout.contains(#""path":"vault/alliances/存储/2024.txt""#))
        let write = try Run(["score", "2024", "--write"], in: inside)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stdout.contains("\nwrote 2024.txt\n"), "\(write.stdout)")
        #expect(write.stdout.hasPrefix("wrote ../半导体照明/2024.txt\n"))
        #expect(write.stdout.contains("wrote ../../results/2024.tsv\n"))
    }

    // MARK: codeowners

    @Test func codeownersCheckSaysMissingWhenTheFileIsMissing() throws {
        let dir = try example {
            try $0.write("vault/alliances/示例/alliance.txt", "alliance code=110 batch=1 name=\"示例产业技术创新战略联盟\" short=示例\nmaintainer handle=@zhang\n")
        }
        let missing = try Run(["-C", dir.path, "codeowners", "--check"])
        #expect(missing.status == 1)
        #expect(missing.stdout == "CODEOWNERS is missing; run `vault codeowners`\n")
        #expect(try Run(["-C", dir.path, "codeowners"]).stdout == "wrote CODEOWNERS\n")
        let inside = try Run(["codeowners", "--check"], in: dir.path + "/vault/alliances")
        #expect(inside.status == 0)
        #expect(inside.stdout == "../../CODEOWNERS is up to date\n")
        try dir.write("CODEOWNERS", "# edited\n")
        let stale = try Run(["-C", dir.path, "codeowners", "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout == "CODEOWNERS is out of date; run `vault codeowners`\n")
    }

    // MARK: docs

    @Test func readmeUsageNamesEveryCommand() throws {
        let readme = try String(contentsOfFile: Package.path("README.md"), encoding: .utf8)
        let usage = readme.components(separatedBy: "## Usage\n\n```\n")[1].components(separatedBy: "```")[0]
        for command in try listedCommands() {
            #expect(usage.contains("] \(command)") || usage.contains("vault \(command)"), "README usage lacks \(command)")
        }
    }
}

@Suite struct CommandGroupHelpTests {
    /// `vault period --help` names the subcommands and shows their usage, not "unknown command".
    @Test func aGroupWithoutItsSubcommandShowsTheSubcommandsUsage() throws {
        for (group, usage) in [("period", "usage: vault [-C DIR] period new ID"), ("review", "usage: vault [-C DIR] review assign")] {
            for words in [[group], [group, "--help"]] {
                let run = try Run(words)
                #expect(run.status == 2)
                #expect(run.stderr.contains("vault \(group) needs a subcommand"), "\(run.stderr)")
                #expect(run.stderr.contains(usage), "\(run.stderr)")
                #expect(!run.stderr.contains("unknown command"))
            }
        }
    }
}
