import Foundation
import Testing
@testable import VaultKit

/// No data lost: writers replace files atomically, refuse to interleave, and
/// leave a read-only file as it was.
@Suite struct SafetyTests {
    func copy(_ from: String) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try FileManager.default.removeItem(atPath: dir.path)
        try FileManager.default.copyItem(atPath: from, toPath: dir.path)
        return dir
    }

    func contents(_ root: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root + "/vault") where path.hasSuffix(".txt") || path.hasSuffix(".tsv") {
            out[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/vault/" + path))
        }
        return out
    }

    /// A copy of the fixture to write into, with its files as they are and as
    /// `score --write` leaves them (found on a second copy).
    func scoredVersions() throws -> (dir: TemporaryDirectory, old: [String: Data], new: [String: Data]) {
        let dir = try copy(Fixture.root)
        let finished = try copy(Fixture.root)
        #expect(try Run(["-C", finished.path, "score", "--write"]).status == 0)
        return (dir, try contents(dir.path), try contents(finished.path))
    }

    /// Temporary files a writer left under `root`.
    func leftovers(_ root: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.contains(".tmp-") }
    }

    /// SIGKILL at random moments during `vault score --write`: every file is always
    /// either its old or its new version, never a mix or a truncation.
    @Test func killedWritersLeaveOldOrNewFiles() throws {
        let (dir, old, new) = try scoredVersions()
        #expect(old != new)
        for attempt in 0..<25 {
            let process = Process()
            process.executableURL = Run.executable
            process.arguments = ["-C", dir.path, "score", "--write"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(1_000 * (attempt * 7 % 60)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for (path, data) in try contents(dir.path) {
                #expect(data == old[path] || data == new[path], "\(path) is neither old nor new after a kill")
            }
        }
        // A last, uninterrupted run completes the job and removes any temporary file a kill left.
        #expect(try Run(["-C", dir.path, "score", "--write"]).status == 0)
        #expect(try contents(dir.path) == new)
        #expect(try leftovers(dir.path) == [])
    }

    @Test func aSecondWriterSaysSoAndWritesNothing() throws {
        let dir = try copy(Fixture.root)
        let before = try contents(dir.path)
        let lock = try WriteLock(root: dir.path)
        let run = try Run(["-C", dir.path, "score", "--write"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("another vault writer (pid \(getpid())) is changing this project"))
        #expect(try Run(["-C", dir.path, "fmt"]).stderr.contains("another vault writer"))
        #expect(try contents(dir.path) == before)
        withExtendedLifetime(lock) {}
    }

    @Test func aReadOnlyFileIsReportedAndLeftAsItWas() throws {
        let dir = try copy(Fixture.root)
        let path = dir.path + "/vault/alliances/化纤/2024.txt"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        chmod(path, 0o444)
        let run = try Run(["-C", dir.path, "score", "--write"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is read-only; it was left as it was"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A disk that fills up mid-write, made with a file-size limit (`ulimit -f`): the
    /// writer says which file it could not write and exits 2; every file is its old
    /// or its new version, and no temporary file is left behind.
    @Test func aFullDiskIsReportedAndLosesNothing() throws {
        let (dir, old, new) = try scoredVersions()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // SIGXFSZ as a shell leaves it (the test runner ignores it, and children inherit
        // that), then 2 blocks of 1 KB: the fixture's small files fit, its larger ones do not.
        process.arguments = ["--default-signal=XFSZ", "/bin/sh", "-c", "ulimit -f 2; exec \"$0\" \"$@\"",
                             Run.executable.path, "-C", dir.path, "score", "--write"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(message)")
        #expect(message.contains("cannot write") && message.contains("File too large"), "\(message)")
        let after = try contents(dir.path)
        #expect(after.keys.sorted() == old.keys.sorted())
        for (path, bytes) in after {
            #expect(bytes == old[path] || bytes == new[path], "\(path) is neither its old nor its new version")
        }
        #expect(try leftovers(dir.path).isEmpty)
    }
}
