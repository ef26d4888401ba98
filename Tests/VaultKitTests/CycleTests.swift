import Foundation
import Testing
@testable import VaultKit

/// A whole evaluation period played as commits of a real git repository, by the
/// three roles: the secretariat opens it, alliance contacts enter records, the
/// secretariat closes entries and assigns reviews, experts fill them in, the
/// scorer writes the results, the report is made. After every commit CI's checks
/// (`lint --strict`, `fmt --check`, no stale result) pass or fail exactly as
/// expected, and `vault diff` between the two commits names what moved.
/// The commands and outputs docs/cycle.md shows are checked against this run.
final class CycleRepository {
    let top: TemporaryDirectory
    var root: String { top.path }
    /// Every command run, with what it printed (stdout, then stderr), in order.
    private(set) var transcript: [(command: String, output: String)] = []

    init() throws {
        top = try TemporaryDirectory()
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "secretariat@example.org")
        try git("config", "user.name", "Secretariat")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        String(decoding: try Git(directory: root).run(Array(arguments)), as: UTF8.self)
    }

    func commit(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    func write(_ path: String, _ text: String) throws { try top.write(path, text) }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    func replace(_ path: String, _ old: String, _ new: String) throws {
        let text = try read(path)
        #expect(text.contains(old), "\(path) does not hold \(old)")
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Runs `vault ARGS` in the repository, as a user types it, and keeps it in the transcript.
    @discardableResult
    func vault(_ arguments: String...) throws -> Run {
        let run = try Run(arguments, in: root)
        transcript.append(("vault " + arguments.joined(separator: " "), run.stdout + run.stderr))
        return run
    }

    /// CI's checks on the working tree.
    struct Checks: Equatable, CustomStringConvertible {
        var lint: Int32
        var fmt: Int32
        /// A `stale-result` finding.
        var stale: Bool
        /// The rules of the findings (errors and warnings).
        var rules: Set<String>
        var description: String { "lint \(lint), fmt \(fmt), stale \(stale), rules \(rules.sorted())" }
    }

    func checks() throws -> Checks {
        let lint = try Run(["-C", root, "lint", "--strict", "--format", "json"])
        let fmt = try Run(["-C", root, "fmt", "--check"])
        let json = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any]
        let diagnostics = (json?["diagnostics"] as? [[String: Any]]) ?? []
        let rules = Set(diagnostics.filter { ($0["severity"] as? String) != "info" }.compactMap { $0["rule"] as? String })
        return Checks(lint: lint.status, fmt: fmt.status, stale: rules.contains("stale-result"), rules: rules)
    }
}

@Suite(.serialized) struct CycleTests {
    static let fixture = Fixture.root
    static let period = "2025"

    /// The fixture's records for an alliance, moved to 2025, without its participation line and comments.
    static func records(_ alliance: String) throws -> String {
        let text = try String(contentsOfFile: "\(fixture)/vault/alliances/\(alliance)/2024.txt", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("participation") && !$0.hasPrefix("#") }
            .map { $0.replacingOccurrences(of: "2024-", with: "2025-").replacingOccurrences(of: "2024年", with: "2025年") }
            .joined(separator: "\n") + "\n"
    }

    static let panel = """
        expert id=E01 name=周立明 group=A role=leader handle=@zhou-liming
        expert id=E02 name=韩雪梅 group=A role=member affiliation=住宅科技产业技术创新战略联盟秘书长 alliances=住宅科技
        expert id=E03 name=陈国栋 group=B role=leader
        expert id=E04 name=孙伟 group=B role=member
        secretariat handle=@vault-secretariat name=协发网秘书处

        """

    /// Commits, checks CI, and checks what `vault diff` says the commit moved.
    func step(_ repo: CycleRepository, _ message: String, expect: CycleRepository.Checks,
              diff moved: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try repo.commit(message)
        let checks = try repo.checks()
        #expect(checks == expect, "after \"\(message)\": \(checks)", sourceLocation: sourceLocation)
        let diff = try Run(["-C", repo.root, "diff", "HEAD~1", "HEAD"])
        #expect(diff.status == 0, "diff after \"\(message)\": \(diff.stderr)", sourceLocation: sourceLocation)
        for text in moved {
            #expect(diff.stdout.contains(text), "vault diff after \"\(message)\" should name \(text):\n\(diff.stdout)", sourceLocation: sourceLocation)
        }
    }

    static let green = CycleRepository.Checks(lint: 0, fmt: 0, stale: false, rules: [])
    static func red(_ rules: String...) -> CycleRepository.Checks { .init(lint: 1, fmt: 0, stale: rules.contains("stale-result"), rules: Set(rules)) }

    @Test func aWholePeriodAsPullRequests() throws {
        let repo = try CycleRepository()
        let P = Self.period
        // The fixture: the schema and four alliances, in canonical form.
        try repo.write("schemas/2016.txt", try String(contentsOfFile: "\(Self.fixture)/schemas/2016.txt", encoding: .utf8))
        for alliance in ["半导体照明", "住宅科技", "化纤", "食醋"] {
            try repo.write("vault/alliances/\(alliance)/alliance.txt",
                           try String(contentsOfFile: "\(Self.fixture)/vault/alliances/\(alliance)/alliance.txt", encoding: .utf8))
        }
        #expect(try repo.vault("fmt").status == 0)
        try repo.commit("fixture")
        #expect(try repo.checks() == Self.green)

        // 1. The secretariat opens the period (the vault's first: its directory is made by hand):
        //    the period file, and one record file per alliance saying where it stands; then
        //    adds the re-check threshold, the panel and each alliance's review group.
        try FileManager.default.createDirectory(atPath: repo.root + "/vault/periods", withIntermediateDirectories: true)
        let opened = try repo.vault("period", "new", P, "--start", "2025-01-01", "--end", "2025-12-31", "--schema", "2016")
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(try repo.read("vault/periods/\(P).txt") == "period start=2025-01-01 end=2025-12-31 schema=2016 roster=4 roster1=2 roster2=1 roster3=0 roster-later=1 title=\"2025 年度产业技术创新战略联盟活跃度评价\"\n")
        try repo.replace("vault/periods/\(P).txt", " title=", " threshold=10 title=")
        try repo.write("vault/periods/\(P).txt", try repo.read("vault/periods/\(P).txt") + Self.panel)
        for (alliance, group) in [("半导体照明", "A"), ("住宅科技", "A"), ("化纤", "B"), ("食醋", "B")] {
            #expect(try repo.read("vault/alliances/\(alliance)/\(P).txt") == "participation status=open\n")
            try repo.write("vault/alliances/\(alliance)/\(P).txt", "participation status=open group=\(group)\n")
        }
        try step(repo, "secretariat: open period 2025", expect: Self.green)
        #expect(try repo.vault("lint", "--strict").stdout == "no problems; 10 files checked\n")
        var status = try repo.vault("status")
        #expect(status.status == 1)
        #expect(status.stdout.contains("open, nothing entered yet: 住宅科技, 化纤, 半导体照明, 食醋"))

        // 2. Alliance contacts enter their records; one typo is caught by lint, then fixed.
        try repo.write("vault/alliances/半导体照明/\(P).txt", "participation status=entered group=A\n" + (try Self.records("半导体照明")))
        #expect(try repo.vault("fmt").status == 0)
        try step(repo, "半导体照明: 2025 records", expect: Self.green)
        let typo = try Self.records("住宅科技").replacingOccurrences(of: "attendees=31", with: "attendes=31")
        try repo.write("vault/alliances/住宅科技/\(P).txt", "participation status=entered group=A\n" + typo)
        try repo.vault("fmt")
        try step(repo, "住宅科技: 2025 records", expect: Self.red("unknown-field"))
        let lint = try repo.vault("lint")
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("vault/alliances/住宅科技/2025.txt:5:51: error: unknown field \"attendes\" for record kind \"meeting\" [unknown-field]"))
        #expect(lint.stdout.contains("did you mean \"attendees\"?"))
        try repo.replace("vault/alliances/住宅科技/\(P).txt", "attendes=31", "attendees=31")
        try step(repo, "住宅科技: fix the attendees field", expect: Self.green)
        try repo.write("vault/alliances/化纤/\(P).txt", "participation status=entered group=B\n" + (try Self.records("化纤")))
        try repo.vault("fmt")
        try step(repo, "化纤: 2025 records", expect: Self.green)
        status = try repo.vault("status", P)
        #expect(status.status == 1)
        #expect(status.stdout.contains("entered, not yet marked evaluated, incomplete or no-data: 住宅科技, 化纤, 半导体照明"))

        // 3. The secretariat closes entries: three alliances are to be evaluated, one entered nothing.
        try repo.replace("vault/periods/\(P).txt", "threshold=10", "threshold=10 entries-closed=2026-01-15")
        for alliance in ["半导体照明", "住宅科技", "化纤"] {
            try repo.replace("vault/alliances/\(alliance)/\(P).txt", "status=entered", "status=evaluated")
        }
        try repo.write("vault/alliances/食醋/\(P).txt", "participation status=no-data group=B note=未填报信息\n")
        try step(repo, "secretariat: close entries", expect: Self.green, diff: ["2025 半导体照明 (110)", "2025 化纤 (118)"])

        // 4. Initial reviews: assigned (never an expert's own alliance), filled in.
        var assign = try repo.vault("review", "assign", P, "--stage", "cross")
        #expect(assign.status == 2)
        #expect(assign.stderr.contains("cannot assign the cross stage of 2025: no initial review is filled in yet; nothing was written"))
        assign = try repo.vault("review", "assign", P, "--stage", "initial")
        #expect(assign.status == 0)
        #expect(assign.stdout.contains("E02: 半导体照明\n"))
        #expect(!(try repo.read("vault/reviews/\(P)/E02.txt")).contains("住宅科技"))
        try step(repo, "secretariat: assign the initial reviews", expect: Self.green)
        #expect(try repo.vault("review", "assign", P, "--stage", "initial").stdout.contains("nothing to write"))
        status = try repo.vault("status", P)
        #expect(status.stdout.contains("  initial: 0 filled in, 5 owed\n    E01 owes 2: 住宅科技, 半导体照明\n    E02 owes 1: 半导体照明\n"))

        try repo.replace("vault/reviews/\(P)/E01.txt", "owed alliance=住宅科技 stage=initial", "review alliance=住宅科技 stage=initial note=资料齐全")
        try repo.replace("vault/reviews/\(P)/E01.txt", "owed alliance=半导体照明 stage=initial", "review alliance=半导体照明 stage=initial note=活动丰富 2.8=4")
        try repo.replace("vault/reviews/\(P)/E02.txt", "owed alliance=半导体照明 stage=initial", "review alliance=半导体照明 stage=initial note=资料齐全")
        for expert in ["E03", "E04"] {
            try repo.replace("vault/reviews/\(P)/\(expert).txt", "owed alliance=化纤 stage=initial",
                             "review alliance=化纤 stage=initial note=证明材料缺失 2.1=0 2.2=0 2.5=0 2.7=0")
        }
        try step(repo, "experts: initial reviews", expect: Self.green, diff: ["2025 化纤 (118): score 77 → 59", "vault/reviews/2025/E03.txt:1"])
        #expect(try repo.vault("diff", "HEAD~1", "HEAD").stdout.contains("+ vault/reviews/2025/E04.txt:1  review alliance=化纤 stage=initial note=证明材料缺失 2.1=0 2.2=0 2.5=0 2.7=0"))
        // E02 reviews their own alliance by hand: lint refuses it, and it is not counted.
        try repo.write("vault/reviews/\(P)/E02.txt", try repo.read("vault/reviews/\(P)/E02.txt") + "review alliance=住宅科技 stage=initial 1.2=3\n")
        try step(repo, "E02: review 住宅科技", expect: Self.red("conflict-of-interest"))
        status = try repo.vault("status", P)
        #expect(status.stdout.contains("vault/reviews/2025/E02.txt:2:8: error: expert E02 (韩雪梅) reviews 住宅科技, an alliance they belong to"))
        #expect(try repo.vault("explain", "住宅科技", P).stdout.contains("conflict of interest"))
        try repo.replace("vault/reviews/\(P)/E02.txt", "review alliance=住宅科技 stage=initial 1.2=3\n", "")
        try step(repo, "E02: withdraw the review of 住宅科技", expect: Self.green)

        // 5. Cross reviews: each alliance to the other group.
        assign = try repo.vault("review", "assign", P, "--stage", "cross")
        #expect(assign.status == 0)
        #expect(assign.stdout.contains("E01: 化纤\n  E02: 化纤\n  E03: 住宅科技, 半导体照明\n  E04: 住宅科技, 半导体照明\n"))
        try step(repo, "secretariat: assign the cross reviews", expect: Self.green)
        let json = try repo.vault("status", P, "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["ready"] as? Bool == false)
        #expect((object["stages"] as? [[String: Any]])?.map { $0["complete"] as? Bool } == [true, false, true])
        for expert in ["E01", "E02", "E03", "E04"] {
            let text = try repo.read("vault/reviews/\(P)/\(expert).txt")
            try repo.write("vault/reviews/\(P)/\(expert).txt", text.replacingOccurrences(of: "owed alliance=", with: "review alliance="))
        }
        // The cross total of 化纤 (77) is 18 above the initial one (59): more than the threshold of 10.
        try step(repo, "experts: cross reviews", expect: Self.red("missing-recheck"), diff: ["2025 化纤 (118): score 59 → 77"])
        #expect(try repo.vault("lint").stdout.contains("化纤: initial review 59 and cross review 77 differ by 18, more than the threshold of 10 in 2025 [missing-recheck]"))

        // 6. The divergence goes to re-check.
        assign = try repo.vault("review", "assign", P, "--stage", "recheck")
        #expect(assign.status == 0)
        #expect(assign.stdout.contains("recheck stage of 2025: 1 alliance, 4 review lines for 4 experts"))
        try step(repo, "secretariat: send 化纤 to re-check", expect: Self.green)
        status = try repo.vault("status", P)
        #expect(status.stdout.contains("divergences awaiting re-check:\n  化纤: initial 59, cross 77, differ by 18 > 10\n"))
        for expert in ["E01", "E02", "E03", "E04"] {
            try repo.replace("vault/reviews/\(P)/\(expert).txt", "owed alliance=化纤 stage=recheck",
                             "review alliance=化纤 stage=recheck note=复核：政府项目证明不全 2.2=2")
        }
        try step(repo, "experts: re-check of 化纤", expect: Self.green, diff: ["2025 化纤 (118): score 77 → 75"])

        // 7. Results, then the report.
        status = try repo.vault("status", P)
        #expect(status.status == 1)
        #expect(status.stdout.contains("results: 5 files to write (run `vault score 2025 --write`)"))
        let write = try repo.vault("score", P, "--write")
        #expect(write.status == 0)
        try step(repo, "secretariat: write the 2025 results", expect: Self.green)
        status = try repo.vault("status", P)
        #expect(status.status == 0, "\(status.stdout)")
        #expect(status.stdout.hasSuffix("ready to publish: yes\n"))
        try FileManager.default.createDirectory(atPath: repo.root + "/reports", withIntermediateDirectories: true)
        let report = try repo.vault("report", P, "--format", "md", "--output", "reports/\(P).md")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try repo.read("reports/\(P).md").contains("半导体照明"))
        try step(repo, "secretariat: the 2025 report", expect: Self.green)

        // 8. A late correction makes the results stale: CI refuses it until they are written again.
        try repo.replace("vault/alliances/化纤/\(P).txt", "participation status=evaluated group=B\n",
                         "participation status=evaluated group=B\n2025-12-30 meeting type=council title=临时理事会 attendees=20\n")
        try repo.vault("fmt")
        try step(repo, "化纤: a late council meeting", expect: Self.red("stale-result"), diff: ["2025 化纤 (118)"])
        #expect(try repo.vault("status", P).status == 1)
        try repo.vault("score", P, "--write")
        try step(repo, "secretariat: write the 2025 results again", expect: Self.green)

        try checkGuide(repo.transcript)
    }

    /// Every command block of docs/cycle.md (a `$ vault …` line and its output) is a
    /// command of the run, with the output it printed, in the run's order.
    func checkGuide(_ transcript: [(command: String, output: String)]) throws {
        let guide = try String(contentsOfFile: Package.path("docs/cycle.md"), encoding: .utf8)
        let blocks = Self.commandBlocks(guide)
        #expect(blocks.count >= 8, "docs/cycle.md shows too few commands")
        var position = 0
        var actual = ""
        for (command, output) in transcript { actual += "```\n$ \(command)\n\(output)```\n\n" }
        try? actual.write(toFile: NSTemporaryDirectory() + "vault-cycle-transcript.md", atomically: true, encoding: .utf8)
        for block in blocks {
            guard let found = transcript[position...].firstIndex(where: { $0.command == block.command }) else {
                Issue.record("docs/cycle.md: `\(block.command)` is not a command of the cycle run (in this order); see \(NSTemporaryDirectory())vault-cycle-transcript.md")
                continue
            }
            #expect(transcript[found].output == block.output, "docs/cycle.md: the output of `\(block.command)` is not what it prints:\n\(transcript[found].output)")
            position = found + 1
        }
    }

    static func commandBlocks(_ text: String) -> [(command: String, output: String)] {
        var blocks: [(String, String)] = []
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            if lines[index] == "```", index + 1 < lines.count, lines[index + 1].hasPrefix("$ vault ") {
                let command = String(lines[index + 1].dropFirst(2))
                var output = ""
                index += 2
                while index < lines.count, lines[index] != "```" { output += lines[index] + "\n"; index += 1 }
                blocks.append((command, output))
            }
            index += 1
        }
        return blocks
    }
}
