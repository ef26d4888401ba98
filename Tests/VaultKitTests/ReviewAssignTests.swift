import Foundation
import Testing
@testable import VaultKit

/// `vault review assign` and `vault status` on the scored fixture with its reviews
/// taken away: period 2024, twelve alliances to be evaluated in groups A and B,
/// six experts, E02 a member of 住宅科技.
@Suite struct ReviewAssignTests {
    /// The fixture without reviews, in canonical form, so every later check is on what the command wrote.
    static func project() throws -> HostileProject {
        let project = try HostileProject(from: Fixture.root)
        try project.remove("vault/reviews")
        let fmt = try project.run(["fmt"])
        #expect(fmt.status == 0, "\(fmt.stderr)")
        return project
    }

    static func assign(_ project: HostileProject, _ stage: String, period: String = "2024") throws -> Run {
        try project.run(["review", "assign", period, "--stage", stage])
    }

    /// Turns every owed line of `stage` into a filled-in review (the rubric's points stand).
    static func fill(_ project: HostileProject, _ stage: String, extra: [String: String] = [:]) throws {
        let directory = project.root + "/vault/reviews/2024"
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for index in lines.indices where lines[index].hasPrefix("owed ") && lines[index].hasSuffix("stage=\(stage)") {
                lines[index] = "review" + lines[index].dropFirst(4)
                let alliance = lines[index].split(separator: " ")[1].dropFirst("alliance=".count)
                if let scores = extra[String(alliance)] { lines[index] += " " + scores }
            }
            try lines.joined(separator: "\n").write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
    }

    static func expectCanonicalAndClean(_ project: HostileProject, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fmt = try project.run(["fmt", "--check"])
        #expect(fmt.status == 0, "fmt --check: \(fmt.stdout)\(fmt.stderr)", sourceLocation: sourceLocation)
        let lint = try project.run(["lint", "--strict"])
        #expect(lint.status == 0, "lint --strict: \(lint.stdout)", sourceLocation: sourceLocation)
    }

    @Test func eachStageWritesCanonicalLinesThatLintAcceptsAndASecondRunChangesNothing() throws {
        let project = try Self.project()
        for stage in ["initial", "cross", "recheck"] {
            let run = try Self.assign(project, stage)
            #expect(run.status == 0, "\(stage): \(run.stdout)\(run.stderr)")
            try Self.expectCanonicalAndClean(project)
            let before = try project.contents()
            let again = try Self.assign(project, stage)
            #expect(again.status == 0)
            #expect(again.stdout.contains("nothing to write"))
            #expect(try project.contents() == before, "a second \(stage) run changed a file")
            // 智能交通's initial reviewers find the four project indicators unproven: initial 60, cross 79.
            try Self.fill(project, stage, extra: stage == "initial" ? ["智能交通": "2.1=0 2.2=0 2.5=0 2.7=0"] : [:])
            if stage == "cross" {
                // The divergence of 智能交通 now needs its re-check.
                let lint = try project.run(["lint", "--strict"])
                #expect(lint.status == 1)
                #expect(lint.stdout.contains("智能交通: initial review 60 and cross review 79 differ by 19, more than the threshold of 10 in 2024 [missing-recheck]"))
            } else {
                try Self.expectCanonicalAndClean(project)
            }
        }
        let e01 = String(decoding: try project.read("vault/reviews/2024/E01.txt"), as: UTF8.self)
        #expect(e01.contains("review alliance=智能交通 stage=recheck"))
        let status = try project.run(["status", "2024"])
        #expect(status.stdout.contains("recheck: 6 filled in, done"), "\(status.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// Every owed line is one the scorer would count: the same `ReviewEligibility`.
    @Test func noExpertIsGivenAnAllianceTheyBelongTo() throws {
        let project = try Self.project()
        // E04 (group B) maintains 化纤 under their handle: a conflict only the maintainer line shows.
        try project.replace("vault/periods/2024.txt", "expert id=E04 name=", "expert id=E04 handle=@chen name=")
        try project.append("vault/alliances/化纤/alliance.txt", "maintainer handle=@chen\n")
        #expect(try Self.assign(project, "initial").status == 0)
        try Self.fill(project, "initial")
        #expect(try Self.assign(project, "cross").status == 0)
        let vault = Loader.load(try DiskFileSystem(root: project.root)).vault
        let period = vault.periods["2024"]!
        let eligibility = ReviewEligibility(period, in: vault)
        var lines = 0
        for (expert, file) in period.reviews {
            for record in Array(file.records(of: "owed")) + Array(file.records(of: "review")) {
                lines += 1
                let alliance = try #require(file.text(record, "alliance"))
                #expect(eligibility.counts(expert: expert, alliance: alliance), "\(expert) was given \(alliance)")
            }
        }
        #expect(lines == 35 + 35)
        #expect(!String(decoding: try project.read("vault/reviews/2024/E02.txt"), as: UTF8.self).contains("住宅科技"))
        #expect(!String(decoding: try project.read("vault/reviews/2024/E04.txt"), as: UTF8.self).contains("化纤"))
    }

    /// An alliance nobody may review is named with the reason, and lint then agrees it lacks the stage.
    @Test func anAllianceNoExpertCanTakeIsNamedAndLintAgrees() throws {
        let project = try Self.project()
        for expert in ["E01", "E03"] {
            try project.replace("vault/periods/2024.txt", "expert id=\(expert) name=", "expert id=\(expert) alliances=存储 name=")
        }
        try project.replace("vault/periods/2024.txt", "alliances=住宅科技", "alliances=住宅科技,存储")
        let run = try Self.assign(project, "initial")
        #expect(run.status == 0)
        #expect(run.stdout.contains("1 alliance cannot be covered at this stage:\n  存储: no expert of group A may review it (E01: conflict of interest, alliances= lists 存储; E02: conflict of interest, alliances= lists 存储; E03: conflict of interest, alliances= lists 存储)\n"), "\(run.stdout)")
        let lint = try project.run(["lint"])
        #expect(lint.stdout.contains("vault/alliances/存储/2024.txt:1:1: error: 存储 is evaluated in 2024 but has no initial review [missing-stage]"), "\(lint.stdout)")
        let status = try project.run(["status"])
        #expect(status.status == 1)
        #expect(status.stdout.contains("    cannot be covered: 存储: no expert of group A may review it"))
        // A group with nobody on the panel, an alliance without a group.
        try project.replace("vault/alliances/轮胎/2024.txt", "group=B", "group=C")
        try project.replace("vault/alliances/木竹/2024.txt", "status=evaluated group=B", "status=evaluated")
        let again = try Self.assign(project, "initial")
        #expect(again.stdout.contains("  木竹: its participation line (vault/alliances/木竹/2024.txt) has no group=: add its review group\n"))
        #expect(again.stdout.contains("  轮胎: no expert of group C (vault/alliances/轮胎/2024.txt) is on the panel of 2024 (groups: A, B)\n"))
        // 轮胎 and 木竹 lost their owed lines: they are no longer assigned.
        #expect(again.stdout.contains("no longer owed removed"))
        #expect(!String(decoding: try project.read("vault/reviews/2024/E04.txt"), as: UTF8.self).contains("轮胎"))
    }

    /// Filled-in lines stay as the expert wrote them; only alliances to be evaluated are assigned.
    @Test func filledInLinesAreKeptAndOnlyAlliancesToBeEvaluatedAreAssigned() throws {
        let project = try Self.project()
        #expect(try Self.assign(project, "initial").status == 0)
        try project.replace("vault/reviews/2024/E01.txt", "owed alliance=存储 stage=initial", "review alliance=存储 stage=initial note=已核 1.1=2  # 会议纪要不全")
        try project.replace("vault/alliances/化纤/2024.txt", "status=evaluated", "status=incomplete")
        let run = try Self.assign(project, "initial")
        #expect(run.status == 0)
        let e01 = String(decoding: try project.read("vault/reviews/2024/E01.txt"), as: UTF8.self)
        #expect(e01.contains("review alliance=存储 stage=initial note=已核 1.1=2  # 会议纪要不全\n"))
        #expect(!e01.contains("owed alliance=存储"))
        #expect(!e01.contains("化纤"))
        #expect(!String(decoding: try project.read("vault/reviews/2024/E05.txt"), as: UTF8.self).contains("食醋"))
        let json = try project.run(["status", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["ready"] as? Bool == false)
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.map { $0["stage"] as? String } == ["initial", "cross", "recheck"])
        #expect(stages[0]["filled"] as? Int == 1)
        let owed = try #require(stages[0]["owed"] as? [[String: Any]])
        #expect(owed.first?["expert"] as? String == "E01")
        #expect((owed.first?["alliances"] as? [String])?.contains("存储") == false)
        #expect((object["alliances"] as? [String: [String]])?["incomplete"] == ["化纤", "食醋"])
        #expect(json.status == 1)
    }

    @Test func aStageOutOfOrderIsRefusedAndNothingIsWritten() throws {
        let project = try Self.project()
        var before = try project.contents()
        for stage in ["cross", "recheck"] {
            let run = try Self.assign(project, stage)
            #expect(run.status == 2)
            #expect(run.stderr.contains("cannot assign the \(stage) stage of 2024: no \(stage == "cross" ? "initial" : "cross") review is filled in yet; nothing was written"))
            #expect(run.stdout.isEmpty)
        }
        #expect(try project.contents() == before)
        #expect(try Self.assign(project, "initial").status == 0)
        try project.replace("vault/reviews/2024/E01.txt", "owed alliance=存储 stage=initial", "review alliance=存储 stage=initial")
        before = try project.contents()
        let run = try Self.assign(project, "cross")
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot assign the cross stage of 2024: 34 initial reviews are still owed: vault/reviews/2024/E01.txt:1 (E01, 住宅科技, initial)"), "\(run.stderr)")
        #expect(run.stderr.contains("hint: the experts fill them in first"))
        #expect(try project.contents() == before)
    }

    @Test func aWrongPeriodOrStageIsAUsageError() throws {
        let project = try Self.project()
        let before = try project.contents()
        let cases: [([String], String)] = [
            (["review", "assign", "2204", "--stage", "initial"], "vault: no period \"2204\" in vault/periods/\n  = hint: did you mean 2024? periods: 2024\n"),
            (["review", "assign", "2024", "--stage", "inital"], "--stage takes initial, cross, recheck, not \"inital\"; did you mean \"initial\"?"),
            (["review", "assign", "2024"], "which stage? (--stage initial, cross or recheck)"),
            (["review", "asign", "2024", "--stage", "initial"], "unknown command \"review asign\"; did you mean \"review assign\"?"),
            (["status", "2204"], "vault: no period \"2204\" in vault/periods/"),
            (["status", "--format", "yaml"], "--format takes text, json, not \"yaml\""),
        ]
        for (arguments, message) in cases {
            let run = try project.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(try project.contents() == before)
    }

    @Test func theRecheckNeedsAThreshold() throws {
        let project = try Self.project()
        #expect(try Self.assign(project, "initial").status == 0)
        try Self.fill(project, "initial")
        #expect(try Self.assign(project, "cross").status == 0)
        try Self.fill(project, "cross")
        try project.replace("vault/periods/2024.txt", " threshold=10", "")
        let before = try project.contents()
        let run = try Self.assign(project, "recheck")
        #expect(run.status == 2)
        #expect(run.stderr.contains("period 2024 has no threshold= on its period line (vault/periods/2024.txt:1); nothing was written"))
        #expect(try project.contents() == before)
    }

    /// The writer's lock: a second writer is told who holds it, and writes nothing.
    @Test func anotherWriterHoldsTheLock() throws {
        let project = try Self.project()
        let before = try project.contents()
        let lock = try WriteLock(root: project.root)
        let run = try Self.assign(project, "initial")
        withExtendedLifetime(lock) {}
        #expect(run.status == 2)
        #expect(run.stderr.contains("another vault writer (pid \(getpid())) is changing this project"))
        #expect(try project.contents() == before)
    }

    @Test func statusOfThePublishedHistoryAndOfTheFixture() throws {
        // The shipped vault: 2022-2023 is scored from its published table, with no panel.
        let shipped = try Run(["-C", Package.root.path, "status", "2022-2023"])
        #expect(shipped.stdout.hasPrefix("period 2022-2023 (2022-01-01 to 2023-12-31, schema 2016)\nalliances: 108 with a record file: published 108\n"), "\(shipped.stdout)")
        #expect(shipped.stdout.contains("  initial: none needed\n  cross: none needed\n  recheck: none needed\n"))
        #expect(shipped.stdout.contains("results: up to date"))
        #expect(shipped.status == 0, "\(shipped.stdout)")
        // 2019 holds only what the bulletin printed (no participation, no published line): nothing is owed.
        let bulletin = try Run(["-C", Package.root.path, "status", "2019"])
        #expect(bulletin.status == 0, "\(bulletin.stdout)")
        #expect(!bulletin.stdout.contains("no participation line"))
        // A period the vault scores itself: a record file without a participation line is owed one.
        let project = try Self.project()
        try project.write("vault/alliances/存储/2024.txt", "2024-05-01 meeting type=council title=理事会\n")
        let missing = try project.run(["status"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("  no participation line: 存储\n"), "\(missing.stdout)")
        // The fixture as shipped: a conflict and a missing re-check block it.
        let fixture = try Run(["-C", Fixture.root, "status"])
        #expect(fixture.status == 1)
        #expect(fixture.stdout.contains("divergences awaiting re-check:\n  智能交通: initial 60, cross 79, differ by 19 > 10\n"))
        #expect(fixture.stdout.contains("vault/reviews/2024/E02.txt:3:8: error: expert E02 (韩雪梅) reviews 住宅科技"))
        #expect(fixture.stdout.contains("[missing-recheck]"))
    }
}

extension HostileProject {
    func replace(_ relative: String, _ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = String(decoding: try read(relative), as: UTF8.self)
        #expect(text.contains(old), "\(relative) does not hold \(old)", sourceLocation: sourceLocation)
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }
}
