import Foundation
import Testing
@testable import VaultKit

/// The bad-input corpus (Fixtures/bad-input): every malformed construct the grammar
/// can meet gives its finding at its place, and the rest of the vault is still checked.
@Suite struct BadInputCorpusTests {
    static let directory = Package.path("Tests/VaultKitTests/Fixtures/bad-input")

    struct Expectation {
        var name: String
        var rule: String
        var location: String
        var words: String
    }

    static func expectations() throws -> [Expectation] {
        try String(contentsOfFile: directory + "/expected.tsv", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t").map(String.init) }
            .map { Expectation(name: $0[0], rule: $0[1], location: $0[2], words: $0[3]) }
    }

    /// The example project with each corpus file as its own alliance's 2023 records,
    /// plus one sound alliance with one known mistake.
    static func project() throws -> [String: [UInt8]] {
        var files = ExampleProject.base.mapValues { Array($0.utf8) }
        for e in try expectations() {
            files["vault/alliances/\(e.name)/alliance.txt"] = Array("alliance name=\(e.name)\n".utf8)
            files["vault/alliances/\(e.name)/2023.txt"] = Array(try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(e.name).txt")))
        }
        files["vault/alliances/示例/2023.txt"] = Array("2023-03-01 meeting type=council title=A\n2023-04-01 meeting type=secretariat title=B attendes=3\n".utf8)
        return files
    }

    @Test func everyFileGivesItsFindingAndTheRestIsChecked() throws {
        let result = Linter.lint(MemoryFileSystem(bytes: try Self.project()))
        for e in try Self.expectations() {
            let found = result.diagnostics.filter { $0.location.path == "vault/alliances/\(e.name)/2023.txt" }
            if e.rule == "none" {
                #expect(found.isEmpty, "\(e.name): \(found)")
                continue
            }
            #expect(found.count == 1, "\(e.name): \(found)")
            let d = try #require(found.first)
            #expect(d.ruleID == e.rule, "\(e.name)")
            #expect("\(d.location.line):\(d.location.column)" == e.location, "\(e.name)")
            #expect(d.message.text(.en).contains(e.words), "\(e.name): \(d.message.text(.en))")
        }
        // The sound alliance is still checked, line by line.
        let sound = result.diagnostics.filter { $0.location.path == "vault/alliances/示例/2023.txt" }
        #expect(sound.map { "\($0.ruleID) \($0.location.line):\($0.location.column)" } == ["unknown-field 2:45"])
    }

    @Test func aTenMegabyteLineAndAHundredThousandFiles() throws {
        var files = ExampleProject.base.mapValues { Array($0.utf8) }
        files["vault/alliances/示例/2023.txt"] = Array(("2023-03-01 meeting type=council title=\"" + String(repeating: "长", count: 3_500_000) + "\"\n2023-03-02 meeting type=council title=B oops=1\n").utf8)
        for n in 0..<50_000 {
            files["vault/alliances/a\(n)/alliance.txt"] = Array("alliance name=A\(n)\n".utf8)
            files["vault/alliances/a\(n)/2023.txt"] = Array("2023-03-01 meeting type=council title=会议\(n)\n".utf8)
        }
        files["vault/alliances/a49999/2023.txt"] = Array("2023-03-01 meeting type=council title=会议 attendees=x\n".utf8)
        let started = Date()
        let result = Linter.lint(MemoryFileSystem(bytes: files))
        #expect(result.files >= 100_000)
        #expect(result.diagnostics.map { "\($0.ruleID) \($0.location.path):\($0.location.line)" } == [
            "bad-value vault/alliances/a49999/2023.txt:1", "unknown-field vault/alliances/示例/2023.txt:2"])
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
