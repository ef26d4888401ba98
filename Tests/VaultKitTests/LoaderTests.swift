import Foundation
import Testing
@testable import VaultKit

/// Loading a project from disk: whatever is in it, loading finishes and the
/// rest of the vault is still checked.
@Suite struct LoaderTests {
    func lintDisk(_ dir: TemporaryDirectory) throws -> Linter.Result {
        Linter.lint(try DiskFileSystem(root: dir.path))
    }

    @Test func findsTheRootFromASubdirectory() throws {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        let root = try ProjectLocator.findRoot(from: dir.path + "/vault/alliances/示例")
        #expect(root == (try DiskFileSystem(root: dir.path)).root)
        #expect(throws: FileSystemError.self) { try ProjectLocator.findRoot(from: dir.path + "/nowhere") }
    }

    @Test func noProjectAboveIsAnError() throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: FileSystemError.self) { try ProjectLocator.findRoot(from: dir.path) }
        #expect(error?.message.text(.en).contains("no vault project") == true)
    }

    @Test func bytesOfEveryKindStillLetTheRestBeChecked() throws {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        try dir.write("vault/alliances/二/alliance.txt", Data([0xEF, 0xBB, 0xBF] + Array("alliance code=111 batch=1 name=二\r\n".utf8)))
        try dir.write("vault/alliances/二/2023.txt", Data(Array("2023-01-01 meeting type=council title=A\n".utf8) + [0, 1, 2, 0xFF, 0x0A]))
        try dir.write("vault/alliances/三/alliance.txt", "")
        try dir.write("vault/alliances/四/alliance.txt", "alliance code=113 batch=1 name=\"" + String(repeating: "长", count: 3_500_000) + "\"\n")
        try dir.write("vault/alliances/四/2023.txt", "2023-02-30 meeting type=council title=A\n")
        let result = try lintDisk(dir)
        let found = Set(result.diagnostics.map { "\($0.location.path):\($0.location.line) \($0.ruleID)" })
        #expect(found == [
            "vault/alliances/二/alliance.txt:1 text-convention",
            "vault/alliances/二/2023.txt:2 encoding",
            "vault/alliances/三/alliance.txt:1 alliance-metadata",
            "vault/alliances/四/2023.txt:1 bad-value",
            // 示例 has a participation line, so the vault scores 2023 itself: these two lack theirs.
            "vault/alliances/二/2023.txt:1 participation",
            "vault/alliances/四/2023.txt:1 participation",
        ])
        #expect(result.vault.alliances["二"]?.records["2023"]?.records.count == 1)
    }

    @Test func aDirectoryWhereAFileBelongsIsReported() throws {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        try dir.write("vault/periods/2019.txt/oops.txt", "x")
        let result = try lintDisk(dir)
        #expect(result.diagnostics.map(\.ruleID) == ["layout"])
        #expect(result.diagnostics[0].location.path == "vault/periods/2019.txt")
    }

    /// The project is a closed world: no symbolic link is followed, whether it leads
    /// outside the project or inside it (docs/format.md, layout rules).
    @Test func aLinkIsNeverFollowedWhereverItLeads() throws {
        let dir = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        try dir.writeExampleProject()
        try outside.write("secret.txt", "2023-01-01 meeting type=council title=外部\n")
        try FileManager.default.removeItem(atPath: dir.path + "/vault/alliances/示例/2023.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/vault/alliances/示例/2023.txt",
                                                   withDestinationPath: outside.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/vault/periods/2024.txt",
                                                   withDestinationPath: dir.path + "/vault/periods/2023.txt")
        let result = try lintDisk(dir)
        #expect(result.diagnostics.map(\.ruleID) == ["io", "io"])
        #expect(result.diagnostics.map(\.location.path) == ["vault/alliances/示例/2023.txt", "vault/periods/2024.txt"])
        #expect(result.diagnostics.allSatisfy { $0.message.text(.en).contains("is a symbolic link") && $0.message.text(.en).contains("vault follows no symbolic link") })
        #expect(result.vault.periods["2024"] == nil)
        #expect(result.vault.periods["2023"] != nil)
        #expect(result.vault.refusedEntries.count == 2)
    }

    @Test func anUnreadableFileIsReported() throws {
        guard getuid() != 0 else { return } // root reads any file: nothing to test
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        chmod(dir.path + "/vault/alliances/示例/2023.txt", 0)
        let result = try lintDisk(dir)
        #expect(result.diagnostics.map(\.ruleID) == ["io"])
    }

    /// A file whose size on disk says less than it holds (being written, a file under
    /// /proc, whose size is 0) is still read to its end, not cut at the size first seen.
    @Test func aFileHoldingMoreThanItsSizeSaysIsReadWhole() throws {
        let status = try DiskFileSystem(root: "/proc/self").read("status", into: Arena())
        #expect(status.count > 100)
        #expect(Array(status.prefix(5)) == Array("Name:".utf8))
    }

    /// A FIFO is never read, so a writer that never comes cannot make vault wait.
    @Test func aFIFOIsRefusedWithoutWaiting() throws {
        let dir = try TemporaryDirectory()
        #expect(mkfifo(dir.path + "/pipe.txt", 0o600) == 0)
        let error = #expect(throws: FileSystemError.self) { try DiskFileSystem(root: dir.path).read("pipe.txt", into: Arena()) }
        #expect(error?.message.text(.en) == "it is a FIFO; vault opens only regular files and directories")
    }

    /// Files read and bound on several threads share one arena: each keeps its own bytes.
    @Test func slabsCarvedOnManyThreadsKeepTheirBytes() {
        let arena = Arena()
        // Small ones share blocks; the largest (over a quarter of a block) get mappings of their own.
        let sizes = (0..<64).map { $0 % 16 == 15 ? Arena.blockSize / 3 : 1 + ($0 * 7_919) % 300_000 }
        let slabs = parallelMap(Array(sizes.enumerated())) { index, size in
            Slab(copying: [UInt8](repeating: UInt8(index), count: size), in: arena)
        }
        for (index, slab) in slabs.enumerated() {
            #expect(Array(slab) == [UInt8](repeating: UInt8(index), count: sizes[index]), "slab \(index) was overwritten")
        }
    }

    @Test func aBrokenSchemaIsReportedOnceNotPerRecord() {
        var files = ExampleProject.base
        files["schemas/test.txt"] = files["schemas/test.txt"]!.replacingOccurrences(of: "type=int", with: "type=integer")
        for n in 0..<50 { files["vault/alliances/a\(n)/2023.txt"] = "2023-01-01 meeting type=council title=A attendees=3\n" }
        for n in 0..<50 { files["vault/alliances/a\(n)/alliance.txt"] = "alliance name=A\(n)\n" }
        let result = lint(files)
        #expect(result.diagnostics.map(\.ruleID) == ["schema", "schema"])
        #expect(result.diagnostics.map(\.location.path) == ["schemas/test.txt", "vault/periods/2023.txt"])
    }

    @Test func diagnosticsAreSortedAndTheSameEveryRun() {
        var files = ExampleProject.base
        for n in 0..<30 { files["vault/alliances/b\(n)/2023.txt"] = "2023-01-01 meting x=1\nbad line\n" }
        let first = lint(files).diagnostics
        #expect(first == first.sorted(by: Diagnostic.ordered))
        for _ in 0..<5 { #expect(lint(files).diagnostics == first) }
    }

    @Test func theShippedVaultIsClean() throws {
        let result = Linter.lint(try DiskFileSystem(root: Package.root.path))
        #expect(result.diagnostics.filter { $0.severity != .info } == [])
        #expect(result.vault.alliances.count >= 140)
    }
}
