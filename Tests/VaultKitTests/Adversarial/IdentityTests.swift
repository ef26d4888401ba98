import Foundation
import Testing
@testable import VaultKit

/// One identity per name. Swift compares and hashes strings by canonical
/// equivalence, so two directories whose names are one in NFC became one entry
/// and one of them vanished or took the other's place; these cases plant such
/// names (a CJK compatibility ideograph, NFD and NFC spellings, look-alike
/// punctuation) in directories, review files and references, and check that lint
/// names both, that nothing is replaced, that the rest of the vault is still
/// checked, and that output never depends on the hash seed.
@Suite struct IdentityTests {
    /// 住宅科技 with 宅 written as U+FA04, the CJK compatibility ideograph whose NFC is 宅.
    static let imitation = "住\u{FA04}科技"
    static let nfc = "Caf\u{E9}"
    static let nfd = "Cafe\u{301}"

    /// Lint: exit 1, a finding of `rule` holding every fragment, and the fixture's
    /// own finding in another file still reported.
    static func expectLint(_ project: HostileProject, _ fragments: [String], rule: String = "identity",
                           otherFinding: String = "智能交通: initial review 60 and cross review 79 differ by 19",
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let run = try project.run(["lint"])
        #expect(run.status == 1, sourceLocation: sourceLocation)
        #expect(!run.crashed && !run.timedOut, sourceLocation: sourceLocation)
        let lines = run.stdout.split(separator: "\n")
        // Compared by bytes: `String.contains` would match an NFD fragment in NFC text.
        let finding = lines.first { line in
            line.hasSuffix("[\(rule)]")
                && fragments.allSatisfy { line.utf8.firstRange(of: Array($0.utf8)) != nil }
        }
        #expect(finding != nil, "no \(rule) finding with \(fragments) in:\n\(run.stdout)", sourceLocation: sourceLocation)
        #expect(run.stdout.contains(otherFinding), "the rest of the vault was not checked", sourceLocation: sourceLocation)
    }

    @Test func aCompatibilityIdeographDirectoryDoesNotReplaceTheAllianceItImitates() throws {
        let clean = try HostileProject(from: Fixture.root)
        let expected = try clean.run(["score", "2024"])
        let project = try HostileProject(from: Fixture.root)
        try project.write("vault/alliances/\(Self.imitation)/alliance.txt",
                          "alliance code=233 batch=2 name=\"住宅科技产业技术创新战略联盟\" short=住宅科技\n")
        try project.write("vault/alliances/\(Self.imitation)/2024.txt",
                          "published status=evaluated score=100 band=high seq=1 source=fixture:annex\n")
        // The name on disk is the compatibility ideograph, byte for byte.
        let names = try FileManager.default.contentsOfDirectory(atPath: project.root + "/vault/alliances")
        #expect(names.contains { $0.utf8.elementsEqual(Self.imitation.utf8) })
        try Self.expectLint(project, ["alliance directory \"vault/alliances/\(Self.imitation)\" and \"vault/alliances/住宅科技\" are one name in Unicode NFC",
                                      "U+FA04", "U+5B85", "\"vault/alliances/\(Self.imitation)\" is not loaded"])
        let score = try project.run(["score", "2024"])
        #expect(score.status == 0)
        #expect(score.stdout == expected.stdout, "the imitation changed the published scores:\n\(score.stdout)")
        #expect(score.stdout.contains("住宅科技产业技术创新战略联盟       88"))
        try project.expectOutsideUnchanged()
    }

    @Test func diffShowsNoChangeOfTheAllianceAnImitationWouldHaveReplaced() throws {
        let repo = try FixtureRepository()
        try repo.git("checkout", "-q", "-b", "change")
        let directory = repo.root + "/vault/alliances/\(Self.imitation)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("alliance code=233 batch=2 name=\"住宅科技产业技术创新战略联盟\" short=住宅科技\n".utf8).write(to: URL(fileURLWithPath: directory + "/alliance.txt"))
        try Data("published status=evaluated score=100 band=high seq=1 source=fixture:annex\n".utf8).write(to: URL(fileURLWithPath: directory + "/2024.txt"))
        try repo.commit("an imitation of 住宅科技")
        let run = try Run(["diff", "main", "change", "--format", "md"], in: repo.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "**vault diff**: no score, band, rank or award changes.\n", "\(run.stdout)")
        let lint = try Run(["lint", "--changed", "main"], in: repo.root)
        #expect(lint.status == 1)
        #expect(lint.stdout.utf8.firstRange(of: Array("\"vault/alliances/\(Self.imitation)\" is not loaded".utf8)) != nil, "\(lint.stdout)")
    }

    @Test func twoDirectoriesInNFCAndNFDAreBothNamedAndNeitherVanishesSilently() throws {
        let project = try HostileProject(from: Fixture.root)
        for (name, score) in [(Self.nfc, 90), (Self.nfd, 30)] {
            try project.write("vault/alliances/\(name)/alliance.txt", "alliance code=D9\(score) batch=later name=\"\(name)联盟\"\n")
            try project.write("vault/alliances/\(name)/2024.txt", "published status=evaluated score=\(score) band=\(score > 80 ? "high" : "inactive") source=fixture:annex\n")
        }
        try Self.expectLint(project, ["alliance directory \"vault/alliances/\(Self.nfd)\" and \"vault/alliances/\(Self.nfc)\" are one name in Unicode NFC",
                                      "e U+301", "U+E9"])
        // The NFC spelling is the alliance; the NFD one is refused, not merged into it.
        let stats = try project.run(["stats", "2024", "--format", "json"])
        #expect(stats.status == 0)
        let score = try project.run(["score", "2024", "--format", "tsv"])
        #expect(score.stdout.contains("\(Self.nfc)联盟\t90"), "\(score.stdout)")
        #expect(!score.stdout.contains("\t30\t"), "the NFD directory's score took the alliance's place:\n\(score.stdout)")
        let write = try project.run(["score", "2024", "--write"])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(!String(decoding: try project.read("vault/alliances/\(Self.nfd)/2024.txt"), as: UTF8.self).contains("result"),
                "score --write wrote into the refused directory")
        try project.expectOutsideUnchanged()
    }

    @Test func twoReviewFilesInNFCAndNFDAreBothNamedAndTheRefusedOneIsNotCounted() throws {
        let clean = try HostileProject(from: Fixture.root)
        let expertLine = "expert id=\(Self.nfc) name=\"左\" group=B\n"
        try clean.append("vault/periods/2024.txt", expertLine)
        try clean.write("vault/reviews/2024/\(Self.nfc).txt", "review alliance=木竹 stage=cross note=\"资料齐全\"\n")
        let expected = try clean.run(["explain", "木竹", "2024"])

        let project = try HostileProject(from: Fixture.root)
        try project.append("vault/periods/2024.txt", expertLine)
        try project.write("vault/reviews/2024/\(Self.nfc).txt", "review alliance=木竹 stage=cross note=\"资料齐全\"\n")
        try project.write("vault/reviews/2024/\(Self.nfd).txt", "review alliance=木竹 stage=recheck 1.1=0 2.1=0 note=\"冒名\"\n")
        try Self.expectLint(project, ["review file \"vault/reviews/2024/\(Self.nfd).txt\" and \"vault/reviews/2024/\(Self.nfc).txt\" are one name",
                                      "is not loaded"])
        let explain = try project.run(["explain", "木竹", "2024"])
        #expect(explain.status == 0)
        #expect(explain.stdout == expected.stdout, "the NFD review file replaced or joined the NFC one:\n\(explain.stdout)")
        try project.expectOutsideUnchanged()
    }

    @Test func lookAlikePunctuationInDirectoryNamesIsAFindingNamingBothAndTheReportKeepsBoth() throws {
        let project = try HostileProject()
        try project.write("vault/alliances/示例(一)/alliance.txt", "alliance code=111 batch=1 name=\"示例一产业技术创新战略联盟\"\n")
        try project.write("vault/alliances/示例（一）/alliance.txt", "alliance code=112 batch=1 name=\"示例甲产业技术创新战略联盟\"\n")
        try project.write("vault/alliances/示例/2023.txt", "participation status=evaluated group=A\n2023-03-01 meeting type=council title=\"第一次理事会\" attendes=1\n")
        try Self.expectLint(project, ["alliance directory \"vault/alliances/示例（一）\" looks like \"vault/alliances/示例(一)\"",
                                      "U+FF08", "compatibility characters or look-alike punctuation"],
                            otherFinding: "unknown field \"attendes\"")
        let run = try project.run(["lint"])
        #expect(run.stdout.hasSuffix("6 files checked\n"), "\(run.stdout)")
        try project.expectOutsideUnchanged()
    }

    @Test func aLookAlikeAllianceReferenceIsNamedAndItsReviewIsNotCounted() throws {
        let project = try HostileProject(from: Fixture.root)
        // An alliance whose id holds "-", and a review naming it with U+2010 (a hyphen
        // that looks the same).
        try project.write("vault/alliances/化纤-A/alliance.txt", "alliance code=D901 batch=later name=\"化纤A产业技术创新战略联盟\"\n")
        let expectedWithDirectory = try { () throws -> String in
            let p = try HostileProject(from: Fixture.root)
            try p.write("vault/alliances/化纤-A/alliance.txt", "alliance code=D901 batch=later name=\"化纤A产业技术创新战略联盟\"\n")
            return try p.run(["report", "2024", "--format", "json"]).stdout
        }()
        try project.append("vault/reviews/2024/E06.txt", "review alliance=化纤\u{2010}A stage=recheck 1.1=0\n")
        try Self.expectLint(project, ["vault/reviews/2024/E06.txt:13:8", "review of unknown alliance \"化纤\u{2010}A\"",
                                      "looks like alliance \"化纤-A\"", "U+2010", "it is not counted"], rule: "unknown-reference")
        let report = try project.run(["report", "2024", "--format", "json"])
        #expect(report.status == 0)
        #expect(report.stdout == expectedWithDirectory, "the look-alike review was counted")
        try project.expectOutsideUnchanged()
    }

    @Test func aReferenceNotInNFCIsNamedAndResolvesToTheOneAllianceItIs() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.append("vault/reviews/2024/E01.txt", "review alliance=\(Self.imitation) stage=recheck note=\"复核\"\n")
        try Self.expectLint(project, ["vault/reviews/2024/E01.txt:", ":8: error: alliance reference \"\(Self.imitation)\" is not in Unicode normal form NFC",
                                      "U+FA04"])
        // Compared in NFC, the reference is 住宅科技: its recheck is 住宅科技's, never a second alliance's.
        let explain = try project.run(["explain", "住宅科技", "2024"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("recheck: mean"), "\(explain.stdout)")
        let score = try project.run(["score", "2024", "--format", "tsv"])
        #expect(score.stdout.split(separator: "\n").count { $0.contains("住宅科技") } == 1, "\(score.stdout)")
        try project.expectOutsideUnchanged()
    }

    /// Two findings at one place whose messages are canonically equal but spelled
    /// differently: both are kept, in byte order, whatever the process's hash seed.
    @Test func canonicallyEqualFindingsAreBothKeptInTheSameOrderOnEveryRun() throws {
        let project = try HostileProject()
        try project.write("vault/periods/2023.txt", """
            period start=2023-01-01 end=2023-12-31 schema=test roster=2
            expert id=E1 name=甲 alliances=\(Self.nfd),\(Self.nfc)

            """)
        var outputs = Set<[UInt8]>()
        for _ in 0..<6 {
            let run = try project.run(["lint"])
            #expect(run.status == 1)
            outputs.insert(Array(run.stdout.utf8))
        }
        #expect(outputs.count == 1, "the order changed from run to run")
        let text = String(decoding: outputs.first!, as: UTF8.self)
        let composed = text.utf8.firstRange(of: Array("unknown alliance \"\(Self.nfc)\"".utf8))
        let decomposed = text.utf8.firstRange(of: Array("unknown alliance \"\(Self.nfd)\"".utf8))
        #expect(composed != nil && decomposed != nil, "a finding was lost:\n\(text)")
        // "Cafe" + U+0301 precedes "Caf" + U+00E9 byte for byte ("e" is 0x65, é starts 0xC3).
        if let composed, let decomposed { #expect(decomposed.lowerBound < composed.lowerBound, "not in byte order") }
        try project.expectOutsideUnchanged()
    }

    @Test func diagnosticsOrderOnBytesAndKeepCanonicallyEqualMessages() {
        let location = VaultKit.SourceLocation(path: "vault/periods/2023.txt", line: 2, column: 3)
        let a = Diagnostic(ruleID: "unknown-reference", severity: .error, location: location, message: "alliance \(Self.nfc)")
        let b = Diagnostic(ruleID: "unknown-reference", severity: .error, location: location, message: "alliance \(Self.nfd)")
        #expect(a != b)
        #expect(Set([a, b, a]).count == 2)
        for _ in 0..<20 {
            let sorted = [a, b].shuffled().sorted(by: Diagnostic.ordered)
            #expect(sorted.map { Array($0.message.text(.en).utf8) } == [Array(b.message.text(.en).utf8), Array(a.message.text(.en).utf8)])
        }
        // Paths are ordered by bytes too, even when canonically equal.
        let p = Diagnostic(ruleID: "identity", severity: .error, location: .file("vault/alliances/\(Self.nfd)"), message: "m")
        let q = Diagnostic(ruleID: "identity", severity: .error, location: .file("vault/alliances/\(Self.nfc)"), message: "m")
        #expect(Diagnostic.ordered(p, q) && !Diagnostic.ordered(q, p))
    }

    @Test func skeletonsAndNormalFormsWorkOnThisPlatform() {
        #expect(Identity.nfc(Self.nfd).utf8.elementsEqual(Self.nfc.utf8))
        #expect(!Identity.isNFC(Self.nfd) && Identity.isNFC(Self.nfc) && !Identity.isNFC(Self.imitation))
        #expect(Identity.skeleton("示例（一）") == Identity.skeleton("示例(一)"))
        #expect(Identity.skeleton("Ａ・B—C") == Identity.skeleton("A·B-C"))
        #expect(Identity.skeleton("半导体照明") == "半导体照明")
        #expect(Identity.skeleton("半导体照明") != Identity.skeleton("半导体照眀"))
    }
}
