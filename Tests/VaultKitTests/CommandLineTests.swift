import Foundation
import Testing
import VaultKit

/// Runs the built `vault` executable, as a user or a script would.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The command did not end within its time limit and was killed.
    var timedOut = false
    /// The process was ended by a signal it raised itself (a trap, an abort).
    var crashed: Bool { !timedOut && status != 0 && status != 1 && status != 2 }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("vault")
    }

    /// Runs the executable; one that has not ended after `timeout` seconds is
    /// killed, so a hang fails its test instead of stopping the suite.
    /// `standardOutput`: where the command's standard output goes instead of a pipe
    /// (`/dev/full`, to see a failed write); `stdout` is then empty.
    init(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], timeout: TimeInterval = 120,
         standardOutput: FileHandle? = nil) throws {
        let process = Process()
        process.executableURL = Run.executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        try process.run()
        let finished = DispatchSemaphore(value: 0)
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem {
            if finished.wait(timeout: .now() + timeout) == .timedOut { kill(pid, SIGKILL) }
        }
        DispatchQueue.global().async(execute: watchdog)
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        // Standard error is read alongside standard output: a command writing more
        // than a pipe's buffer to one while the other is read would wait forever.
        nonisolated(unsafe) var errData = Data()
        let errRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errRead.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errRead.wait()
        process.waitUntilExit()
        finished.signal()
        timedOut = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        status = timedOut ? -1 : process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

@Suite struct CommandLineTests {
    func project(_ change: (TemporaryDirectory) throws -> Void = { _ in }) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        try change(dir)
        return dir
    }

    @Test func cleanVaultExitsZero() throws {
        let dir = try project()
        let run = try Run(["lint"], in: dir.path + "/vault/alliances")
        #expect(run.status == 0)
        #expect(run.stdout == "no problems; 4 files checked\n")
    }

    @Test func findingsPrintLocationExcerptCaretAndHintAndExitOne() throws {
        let dir = try project { try $0.write("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"理事会\" attendes=40\n") }
        let run = try Run(["-C", dir.path, "lint"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            vault/alliances/示例/2023.txt:1:45: error: unknown field "attendes" for record kind "meeting" [unknown-field]
            1 | 2023-03-01 meeting type=council title="理事会" attendes=40
              |                                                ^
              = hint: did you mean "attendees"?
            1 error, 0 warnings; 4 files checked

            """)
    }

    @Test func warningsPassUnlessStrict() throws {
        let dir = try project { try $0.write("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\r\n") }
        #expect(try Run(["-C", dir.path, "lint"]).status == 0)
        #expect(try Run(["-C", dir.path, "lint", "--strict"]).status == 1)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let dir = try project { try $0.write("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council\n") }
        let run = try Run(["-C", dir.path, "lint", "--format", "json"])
        #expect(run.status == 1)
        #expect(run.stdout == #"{"version":1,"diagnostics":[{"rule":"missing-field","severity":"error","path":"vault/alliances/示例/2023.txt","line":1,"column":12,"message":"record kind \"meeting\" needs field \"title\"","messageId":"missing-field.field","hint":"add title=\"…\" (text)"}],"summary":{"errors":1,"warnings":0,"infos":0,"files":4}}"# + "\n")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["summary"] != nil)
    }

    @Test func suppressionsCanBeIgnored() throws {
        let dir = try project {
            try $0.write("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n2023-03-01 meeting type=council title=A  # vault-allow duplicate-record: 报告重复\n")
        }
        #expect(try Run(["-C", dir.path, "lint"]).status == 0)
        let all = try Run(["-C", dir.path, "lint", "--no-suppressions"])
        #expect(all.status == 1)
        #expect(all.stdout.contains("[duplicate-record]"))
    }

    @Test func colourOnlyWhenAskedByATerminalAndNeverWithNoColor() throws {
        let dir = try project { try $0.write("vault/alliances/示例/2023.txt", "x\u{1}\n") }
        // Output to a pipe is not a terminal: no escape codes.
        #expect(!(try Run(["-C", dir.path, "lint"]).stdout.contains("\u{1B}[")))
        #expect(!(try Run(["-C", dir.path, "lint"], environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}[")))
    }

    struct UsageCase: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let usageCases = [
        UsageCase(arguments: ["lnt"], message: "unknown command \"lnt\"; did you mean \"lint\"?"),
        UsageCase(arguments: ["lint", "--stirct"], message: "unknown option --stirct; did you mean --strict?"),
        UsageCase(arguments: ["lint", "--format", "jsn"], message: "--format takes text, json, github, sarif, not \"jsn\"; did you mean \"json\"?"),
        UsageCase(arguments: ["lint", "--format"], message: "option --format needs a value (text, json, github, sarif)"),
        UsageCase(arguments: ["lint", "extra"], message: "unexpected argument \"extra\""),
        UsageCase(arguments: [], message: "missing command"),
        UsageCase(arguments: ["-C"], message: "option -C needs a directory"),
    ]

    @Test(arguments: usageCases)
    func usageErrorsSuggestAndExitTwo(_ c: UsageCase) throws {
        let dir = try project()
        let run = try Run(c.arguments, in: dir.path)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("vault: \(c.message)\n"), "\(run.stderr)")
        #expect(run.stderr.contains("usage: vault"))
        #expect(run.stdout.isEmpty)
    }

    @Test func noProjectOrAMissingDirectoryExitsTwo() throws {
        let empty = try TemporaryDirectory()
        let none = try Run(["lint"], in: empty.path)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no vault project in"))
        let missing = try Run(["-C", empty.path + "/nope", "lint"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot use directory"))
    }

    @Test func scoreExplainAndStatsRunOnTheFixture() throws {
        let fixture = Package.path("Tests/VaultKitTests/Fixtures/scored")
        let tsv = try Run(["-C", fixture, "score", "2024", "--format", "tsv"])
        #expect(tsv.status == 0)
        #expect(tsv.stdout.hasPrefix("rank\tcode\tname\tscore\tband\n1\t110\t半导体照明产业技术创新战略联盟\t96.33\thigh\n"))
        let explain = try Run(["-C", fixture, "explain", "320", "2024"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("score: 87 (recheck review)"))
        #expect(try Run(["-C", fixture, "stats", "2024", "--format", "json"]).stdout.hasPrefix(#"{"version":1,"period":"2024","inScope":13,"#))
        let typo = try Run(["-C", fixture, "score", "2042"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("no period \"2042\""))
        let noAlliance = try Run(["-C", fixture, "explain", "粉末治金", "2024"])
        #expect(noAlliance.status == 2)
        #expect(noAlliance.stderr.contains("did you mean 粉末冶金?"))
    }

    @Test func helpAndVersionExitZero() throws {
        #expect(try Run(["--help"]).stdout.contains("commands:"))
        #expect(try Run(["lint", "--help"]).stdout.contains("--no-suppressions"))
        #expect(try Run(["--version"]).status == 0)
    }
}
