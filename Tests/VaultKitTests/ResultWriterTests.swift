import Foundation
import Testing
@testable import VaultKit

@Suite struct ResultWriterTests {
    /// A scratch copy of the scored fixture.
    func copyOfFixture() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try FileManager.default.removeItem(atPath: dir.path)
        try FileManager.default.copyItem(atPath: Fixture.root, toPath: dir.path)
        return dir
    }

    func write(_ dir: TemporaryDirectory) throws -> [String] {
        let vault = Loader.load(try DiskFileSystem(root: dir.path)).vault
        return try ResultWriter.write(Scorer.score(vault), root: dir.path)
    }

    func read(_ dir: TemporaryDirectory, _ path: String) throws -> String {
        try String(contentsOfFile: dir.path + "/" + path, encoding: .utf8)
    }

    @Test func writesResultsOnceAndKeepsEveryOtherLine() throws {
        let dir = try copyOfFixture()
        let path = "vault/alliances/粉末冶金/2024.txt"
        let before = try read(dir, path)
        let changed = try write(dir)
        #expect(changed.count == 14)   // 13 record files and the table
        let after = try read(dir, path)
        // Where vault fmt puts it: after the participation line, before the comments of the next record.
        let firstLine = before.prefix { $0 != "\n" } + "\n"
        #expect(after == firstLine + "result status=evaluated score=87 band=high rank=4\n" + before.dropFirst(firstLine.count))
        #expect(try read(dir, "vault/results/2024.tsv").hasPrefix("rank\tcode\tname\tscore\tband\n1\t110\t"))
        // A second run changes no byte.
        #expect(try write(dir) == [])
        #expect(try read(dir, path) == after)
        #expect(!Linter.lint(try DiskFileSystem(root: dir.path)).diagnostics.contains { $0.ruleID == "stale-result" })
        // No temporary file is left behind.
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers == [])
    }

    @Test func aChangedRecordMakesTheResultStaleUntilRewritten() throws {
        let dir = try copyOfFixture()
        _ = try write(dir)
        let path = "vault/alliances/存储/2024.txt"
        var text = try read(dir, path)
        text = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("result ") ? $0 + "  # 由 vault 生成" : $0 }.joined(separator: "\n")
        text += "2024-06-01 meeting type=council title=\"临时理事会\"\n2024-07-01 meeting type=council title=\"第二次临时理事会\"\n"
        try text.write(toFile: dir.path + "/" + path, atomically: true, encoding: .utf8)
        let stale = Linter.lint(try DiskFileSystem(root: dir.path)).diagnostics.filter { $0.ruleID == "stale-result" }
        #expect(stale.count == 2)   // the result line and the table
        #expect(stale.first?.message.text(.en).contains("is now") == true)
        #expect(stale.first?.hint?.text(.en) == "run `vault score 2024 --write` and commit the change")
        _ = try write(dir)
        let resultLine = try read(dir, path).split(separator: "\n").first { $0.hasPrefix("result ") }
        #expect(resultLine?.hasPrefix("result status=evaluated score=36 band=inactive rank=") == true)
        #expect(resultLine?.hasSuffix("  # 由 vault 生成") == true)
        #expect(!Linter.lint(try DiskFileSystem(root: dir.path)).diagnostics.contains { $0.ruleID == "stale-result" })
    }
}
