import Foundation
import Testing
@testable import VaultKit

/// The project is a closed world (issue 13, item 2): no command reads or writes
/// through a symbolic link or into a special file, wherever it stands; files over
/// the documented size are a finding; running out of memory is exit status 2 with a
/// message; and a rewrite keeps a file's mode and never breaks a hard link.
@Suite struct FileSystemTests {
    static let record = "vault/alliances/存储/2024.txt"

    /// The finding every run of the scored fixture still reports, whatever was planted
    /// elsewhere: the rest of the vault was checked.
    static let otherFinding = "vault/reviews/2024/E01.txt:9:1: error: 智能交通: initial review 60 and cross review 79 differ by 19"

    /// An `io` finding as lint prints it (file findings sit at line 1, column 1).
    static func io(_ path: String, _ message: String) -> String { "\(path):1:1: error: \(message)" }

    func expectSafe(_ run: Run, _ project: HostileProject, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(!run.timedOut, "the command hung", sourceLocation: sourceLocation)
        #expect(!run.crashed, "the command crashed: \(run.stderr)", sourceLocation: sourceLocation)
        try project.expectOutsideUnchanged(sourceLocation: sourceLocation)
        try project.expectNoSecretCopied(sourceLocation: sourceLocation)
    }

    // MARK: Symbolic links

    @Test func aLinkedVaultDirectoryIsAFindingAndWritersRefuseIt() throws {
        let project = try HostileProject(from: Fixture.root)
        try FileManager.default.moveItem(atPath: project.root + "/vault", toPath: project.root + "/vault-real")
        try project.link("vault", to: project.outside)
        let lint = try project.run(["lint"], timeout: 20)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(Self.io("vault", "\"vault\": it is a symbolic link (to \(project.outside)); vault follows no symbolic link")))
        // The schemas beside it were still read: one file checked.
        #expect(lint.stdout.hasSuffix("1 file checked\n") || lint.stdout.contains("; 1 file checked"), "\(lint.stdout)")
        try expectSafe(lint, project)
        let write = try project.run(["score", "--write"], timeout: 20)
        #expect(write.status == 2)
        #expect(write.stderr.contains("the project holds entries vault never opens: \"vault\" is a symbolic link (to \(project.outside)); nothing was written"))
        try expectSafe(write, project)
    }

    /// The writers' refusal names the entries the load refused in the chosen language.
    @Test func theRefusedEntriesAreNamedInChinese() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.link("vault/reviews/linked.txt", to: project.outside + "/secret.txt")
        try project.fifo("vault/alliances/存储/pipe.txt")
        let write = try project.run(["--lang", "zh", "score", "--write"], timeout: 20)
        #expect(write.status == 2)
        #expect(write.stderr.contains("项目中有 vault 从不打开的目录项："), "\(write.stderr)")
        #expect(write.stderr.contains("“vault/reviews/linked.txt”是符号链接（指向 \(project.outside)/secret.txt）"), "\(write.stderr)")
        #expect(write.stderr.contains("；“vault/alliances/存储/pipe.txt”是命名管道（FIFO）") || write.stderr.contains("“vault/alliances/存储/pipe.txt”是命名管道（FIFO）；"), "\(write.stderr)")
        #expect(write.stderr.contains("；什么也没有写入"), "\(write.stderr)")
        try expectSafe(write, project)
    }

    @Test func aLinkedSchemasDirectoryIsAFindingAndTheVaultIsStillChecked() throws {
        let project = try HostileProject()
        try project.link("schemas", to: project.outside)
        let lint = try project.run(["lint"], timeout: 20)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(Self.io("schemas", "\"schemas\": it is a symbolic link (to \(project.outside)); vault follows no symbolic link")))
        // The vault was still checked: its period names a schema that is now missing.
        #expect(lint.stdout.contains("vault/periods/2023.txt:1:"), "\(lint.stdout)")
        try expectSafe(lint, project)
        let fmt = try project.run(["fmt"], timeout: 20)
        #expect(fmt.status == 2)
        #expect(fmt.stderr.contains("\"schemas\" is a symbolic link"))
        try expectSafe(fmt, project)
    }

    @Test func aRecordFileLinkedOutsideIsNeitherReadNorCopiedByScoreWrite() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.link(Self.record, to: project.outside + "/secret.txt")
        let lint = try project.run(["lint"], timeout: 20)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(Self.io("\(Self.record)", "\"\(Self.record)\": it is a symbolic link (to \(project.outside)/secret.txt)")))
        #expect(lint.stdout.contains(Self.otherFinding))
        try expectSafe(lint, project)
        let write = try project.run(["score", "--write"], timeout: 20)
        #expect(write.status == 2)
        #expect(write.stderr.contains("\"\(Self.record)\" is a symbolic link (to \(project.outside)/secret.txt); nothing was written"))
        try expectSafe(write, project)
        // The link is still a link: it was not replaced by a copy of what it points to.
        #expect(try project.contents()[Self.record]?.kind == "link")
    }

    @Test func aLinkedResultsDirectoryIsNotWrittenThrough() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.link("vault/results", to: project.outside)
        let lint = try project.run(["lint"], timeout: 20)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(Self.io("vault/results", "\"vault/results\": it is a symbolic link")))
        #expect(lint.stdout.contains(Self.otherFinding))
        let write = try project.run(["score", "2024", "--write"], timeout: 20)
        #expect(write.status == 2)
        #expect(write.stderr.contains("\"vault/results\" is a symbolic link (to \(project.outside))"))
        try expectSafe(write, project)
        #expect(!FileManager.default.fileExists(atPath: project.outside + "/2024.tsv"))
    }

    @Test func anAllianceDirectoryLinkedInsideTheProjectIsNotFollowed() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.link("vault/alliances/存储二", to: "存储")
        let lint = try project.run(["lint"], timeout: 20)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(Self.io("vault/alliances/存储二", "\"vault/alliances/存储二\": it is a symbolic link (to 存储)")))
        #expect(lint.stdout.contains(Self.otherFinding))
        // The statistics count the thirteen real alliances, not a fourteenth through the link.
        let stats = try project.run(["stats", "2024"], timeout: 20)
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("in scope: 13"))
        try expectSafe(stats, project)
    }

    @Test func aLockFileLinkedOutsideIsNeitherTruncatedNorWritten() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.link(WriteLock.name, to: project.outside + "/secret.txt")
        for arguments in [["score", "--write"], ["fmt"]] {
            let run = try project.run(arguments, timeout: 20)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("the lock file \(project.root)/.vault.lock is a symbolic link (to \(project.outside)/secret.txt); vault follows no link, and nothing was written"), "\(run.stderr)")
            try expectSafe(run, project)
        }
        #expect(try project.read(Self.record) == Data(contentsOf: URL(fileURLWithPath: Fixture.root + "/" + Self.record)))
    }

    /// The old temporary name was `.NAME.tmp-PID`: a link planted under the writer's
    /// pid was followed and the outside file overwritten. The name is now random and
    /// the file created with O_EXCL.
    @Test func aLinkPlantedUnderThePredictableTemporaryNameIsNotFollowed() throws {
        let project = try HostileProject(from: Fixture.root)
        let fs = try DiskFileSystem(root: project.root)
        try project.link("vault/alliances/存储/.2024.txt.tmp-\(getpid())", to: project.outside + "/secret.txt")
        try project.link("CODEOWNERS", to: project.outside + "/secret.txt")
        try AtomicFile.write(Array("2024-01-01 meeting type=council title=A\n".utf8), to: Self.record, in: fs)
        #expect(String(decoding: try project.read(Self.record), as: UTF8.self) == "2024-01-01 meeting type=council title=A\n")
        try project.expectOutsideUnchanged()
        // A command-line output that is a link is refused, not written through.
        let codeowners = try project.run(["codeowners"], timeout: 20)
        #expect(codeowners.status == 2)
        #expect(codeowners.stderr.contains("CODEOWNERS is a symbolic link (to \(project.outside)/secret.txt); vault writes only regular files and never through a link; it was left as it was"))
        try expectSafe(codeowners, project)
        // score --write writes with a fresh name beside the planted link, which it
        // leaves as it is (it removes only regular leftover files), never following it.
        let write = try project.run(["score", "--write"], timeout: 20)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stdout.contains("wrote \(Self.record)"))
        #expect(try project.contents()["vault/alliances/存储/.2024.txt.tmp-\(getpid())"]?.kind == "link")
        try expectSafe(write, project)
    }

    // MARK: Special files

    @Test func aFIFORecordFileDoesNotBlockLintOrScoreWrite() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.fifo(Self.record)
        let lint = try project.run(["lint"], timeout: 20)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(Self.io("\(Self.record)", "\"\(Self.record)\": it is a FIFO; vault opens only regular files and directories")))
        #expect(lint.stdout.contains(Self.otherFinding))
        try expectSafe(lint, project)
        let write = try project.run(["score", "--write"], timeout: 20)
        #expect(write.status == 2)
        #expect(write.stderr.contains("\"\(Self.record)\" is a FIFO; nothing was written"))
        try expectSafe(write, project)
        // The lock was let go: a writer after it is not told another one is running.
        #expect(!(try project.run(["fmt"], timeout: 20)).stderr.contains("another vault writer"))
    }

    @Test func aFIFOLockFileIsRefusedWithoutWaiting() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.fifo(WriteLock.name)
        for arguments in [["score", "--write"], ["fmt"]] {
            let run = try project.run(arguments, timeout: 20)
            #expect(run.status == 2)
            #expect(run.stderr.contains("the lock file \(project.root)/.vault.lock is a FIFO, not a file of its own; vault leaves it as it is, and nothing was written"), "\(run.stderr)")
            try expectSafe(run, project)
        }
    }

    @Test func aLinkToADeviceIsNotReadSoMemoryIsNotExhausted() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.link("schemas/zero.txt", to: "/dev/zero")
        try project.link("vault/alliances/存储/2023.txt", to: "/dev/urandom")
        let lint = try project.run(["lint"], timeout: 20)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(Self.io("schemas/zero.txt", "\"schemas/zero.txt\": it is a symbolic link (to /dev/zero)")))
        #expect(lint.stdout.contains(Self.io("vault/alliances/存储/2023.txt", "\"vault/alliances/存储/2023.txt\": it is a symbolic link (to /dev/urandom)")))
        #expect(lint.stdout.contains(Self.otherFinding))
        try expectSafe(lint, project)
        let report = try project.run(["report", "2024", "--output", project.root + "/report.txt"], timeout: 20)
        #expect(report.status == 2)
        #expect(report.stderr.contains("\"schemas/zero.txt\" is a symbolic link (to /dev/zero)"))
        #expect(!FileManager.default.fileExists(atPath: project.root + "/report.txt"))
        try expectSafe(report, project)
    }

    @Test func aFIFOAsTheOutputOfCodeownersOrReportIsRefused() throws {
        let project = try HostileProject(from: Fixture.root)
        try project.fifo("CODEOWNERS")
        try project.fifo("report.txt")
        let codeowners = try project.run(["codeowners"], timeout: 20)
        #expect(codeowners.status == 2)
        #expect(codeowners.stderr.contains("CODEOWNERS is a FIFO; vault writes only regular files and never through a link; it was left as it was"))
        try expectSafe(codeowners, project)
        let report = try project.run(["report", "2024", "--output", project.root + "/report.txt"], timeout: 20)
        #expect(report.status == 2)
        #expect(report.stderr.contains("report.txt is a FIFO"))
        try expectSafe(report, project)
        #expect(try project.contents()["CODEOWNERS"]?.kind == "special")
    }

    /// `vault diff HEAD .` reads the working tree from disk: a record file that became
    /// a FIFO or a link to an outside file is not read (its records count as gone),
    /// and the run does not wait on the FIFO.
    @Test func aFIFOOrLinkInTheWorkingTreeIsNotReadByDiff() throws {
        let project = try HostileProject(from: Fixture.root)
        try git(project.root, "init", "-q")
        try git(project.root, "add", "-A")
        try git(project.root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base")
        try project.fifo(Self.record)
        try project.link("vault/alliances/粉末冶金/2024.txt", to: project.outside + "/secret.txt")
        let diff = try project.run(["diff", "HEAD", "."], timeout: 20)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("2024 存储 (119): score 34, band inactive, rank 12 → unknown"), "\(diff.stdout)")
        #expect(diff.stdout.contains("  - \(Self.record):5  2024-05-15 meeting type=council"))
        #expect(diff.stdout.contains("- vault/alliances/粉末冶金/2024.txt:"), "\(diff.stdout)")
        #expect(!diff.stdout.contains("outside-secret"))
        try expectSafe(diff, project)
    }

    // MARK: Oversized files and memory

    @Test func aFileOverTheSizeLimitIsAFindingAndNotRead() throws {
        let project = try HostileProject(from: Fixture.root)
        // Sparse: no disk is used, and nothing is read.
        try sparse(project.root + "/" + Self.record, size: DiskFileSystem.maximumFileSize + 1)
        let lint = try project.run(["lint"], timeout: 20)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(Self.io("\(Self.record)", "cannot read \"\(Self.record)\": it is 67108865 bytes, over the 64 MiB (67108864 bytes) a vault file may hold; not read")))
        #expect(lint.stdout.contains(Self.otherFinding))
        let write = try project.run(["score", "--write"], timeout: 20)
        #expect(write.status == 2)
        #expect(write.stderr.contains("cannot write \"\(Self.record)\": \"\(Self.record)\" is 67108865 bytes, over the 64 MiB"), "\(write.stderr)")
        #expect(try fileSize(project.root + "/" + Self.record) == DiskFileSystem.maximumFileSize + 1)
        // The snapshot reads every file: the sparse one goes first.
        try project.remove(Self.record)
        for run in [lint, write] { try expectSafe(run, project) }
    }

    /// Offsets in a file are 32 bits: a file over 2 GiB trapped. It is now refused by size.
    @Test func aFileOverTwoGibibytesIsRefusedBySizeNotATrap() throws {
        let project = try HostileProject()
        try sparse(project.root + "/schemas/huge.txt", size: 3 << 30)
        try sparse(project.root + "/vault/alliances/示例/2024.txt", size: (2 << 30) + 1)
        let lint = try project.run(["lint"], timeout: 20)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(Self.io("schemas/huge.txt", "cannot read \"schemas/huge.txt\": it is 3221225472 bytes, over the 64 MiB")))
        #expect(lint.stdout.contains(Self.io("vault/alliances/示例/2024.txt", "cannot read \"vault/alliances/示例/2024.txt\": it is 2147483649 bytes")))
        #expect(lint.stdout.hasSuffix("2 errors, 0 warnings; 4 files checked\n"), "\(lint.stdout)")
        let stats = try project.run(["stats", "2023"], timeout: 20)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("period 2023"))
        try project.remove("schemas/huge.txt")
        try project.remove("vault/alliances/示例/2024.txt")
        for run in [lint, stats] { try expectSafe(run, project) }
    }

    /// Under a memory limit a large file's parse does not fit: exit status 2 and a
    /// message naming the file, not a trap and not a hang.
    @Test func runningOutOfMemoryIsExitTwoWithAMessage() throws {
        let project = try HostileProject(from: Fixture.root)
        try sparse(project.root + "/" + Self.record, size: 60 << 20)
        for arguments in [["lint"], ["score", "2024"]] {
            let run = try limited(memory: 250_000, ["-C", project.root] + arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr.prefix(400))")
            #expect(run.stderr.hasPrefix("vault: out of memory: reading \"\(Self.record)\" (62914560 bytes) needs about 251658240 bytes, which the system refused"), "\(run.stderr.prefix(400))")
            #expect(run.stderr.contains("hint: raise the memory limit (ulimit -v)"))
            #expect(!run.timedOut)
        }
        try project.remove(Self.record)
        try project.expectOutsideUnchanged()
        try project.expectNoSecretCopied()
    }

    @Test func runningOutOfMemoryIsSaidInChinese() throws {
        let project = try HostileProject(from: Fixture.root)
        try sparse(project.root + "/" + Self.record, size: 60 << 20)
        let run = try limited(memory: 250_000, ["--lang", "zh", "-C", project.root, "lint"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("vault: 内存不足：读取“\(Self.record)”（62914560 字节）约需 251658240 字节，系统拒绝分配（"), "\(run.stderr.prefix(400))")
        #expect(run.stderr.contains("  = hint: 请提高内存上限（ulimit -v），或检查文件更少、更小的 vault\n"))
        try project.remove(Self.record)
    }

    @Test func theRoomProbeTellsAFittingRequestFromAnImpossibleOne() {
        #expect(Arena.hasRoom(for: 1 << 20))
        #expect(!Arena.hasRoom(for: 1 << 62))
    }

    // MARK: Writers' side effects

    @Test func aRewriteKeepsTheFileMode() throws {
        let project = try HostileProject(from: Fixture.root)
        chmod(project.root + "/" + Self.record, 0o600)
        let write = try project.run(["score", "--write"], timeout: 60)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stdout.contains("wrote \(Self.record)"))
        #expect(try mode(project.root + "/" + Self.record) == 0o600)
        // fmt and codeowners keep the mode too.
        try project.append("vault/alliances/粉末冶金/2024.txt", "2024-01-02   meeting type=council title=A\n")
        chmod(project.root + "/vault/alliances/粉末冶金/2024.txt", 0o640)
        let fmt = try project.run(["fmt"], timeout: 60)
        #expect(fmt.stdout.contains("formatted vault/alliances/粉末冶金/2024.txt"), "\(fmt.stdout)\(fmt.stderr)")
        #expect(try mode(project.root + "/vault/alliances/粉末冶金/2024.txt") == 0o640)
        try project.write("CODEOWNERS", "old\n")
        chmod(project.root + "/CODEOWNERS", 0o604)
        let codeowners = try project.run(["codeowners"], timeout: 20)
        #expect(codeowners.status == 0, "\(codeowners.stderr)")
        #expect(try mode(project.root + "/CODEOWNERS") == 0o604)
        try expectSafe(codeowners, project)
    }

    @Test func aHardLinkedFileIsRefusedNotSilentlySplit() throws {
        let project = try HostileProject(from: Fixture.root)
        let record = project.root + "/" + Self.record
        #expect(Glibc.link(record, project.root + "/backup-2024.txt") == 0)
        let before = try project.read(Self.record)
        let write = try project.run(["score", "--write"], timeout: 60)
        #expect(write.status == 2)
        #expect(write.stderr.contains("\(Self.record) has 2 hard links; replacing it would leave the other names with the old content; it was left as it was"), "\(write.stderr)")
        #expect(try project.read(Self.record) == before)
        #expect(try nlink(record) == 2)
        try expectSafe(write, project)
        // fmt: the same refusal for a file it would reformat.
        try project.append(Self.record, "2024-01-02   meeting type=council title=A\n")
        let fmt = try project.run(["fmt", Self.record], timeout: 60)
        #expect(fmt.status == 2)
        #expect(fmt.stderr.contains("\(Self.record) has 2 hard links"))
        #expect(try nlink(record) == 2)
        // report --output onto a hard-linked file outside the vault.
        try project.write("report.txt", "old\n")
        #expect(Glibc.link(project.root + "/report.txt", project.root + "/report-copy.txt") == 0)
        let report = try project.run(["report", "2024", "--output", project.root + "/report.txt"], timeout: 60)
        #expect(report.status == 2)
        #expect(report.stderr.contains("report.txt has 2 hard links"))
        #expect(try project.read("report-copy.txt") == Data("old\n".utf8))
        try expectSafe(report, project)
    }

    /// A suppression alone above a duplicate `result` line acknowledged that line; when
    /// the writer removes the duplicate, the suppression goes with it instead of
    /// silencing the record that follows.
    @Test func removingADuplicateResultLineTakesItsSuppressionAlong() throws {
        let project = try HostileProject(from: Fixture.root)
        let path = "vault/alliances/粉末冶金/2024.txt"
        try project.append(path, """
            result status=evaluated score=1 band=high rank=1
            # vault-allow date-outside-period: 誊录时的旧行
            result status=evaluated score=1 band=high rank=1
            2023-05-01 meeting type=council title="期外会议"

            """)
        let write = try project.run(["score", "2024", "--write"], timeout: 60)
        #expect(write.status == 0, "\(write.stderr)")
        let text = String(decoding: try project.read(path), as: UTF8.self)
        #expect(!text.contains("vault-allow"), "\(text)")
        #expect(text.components(separatedBy: "\nresult ").count == 2, "\(text)")
        #expect(text.contains("2023-05-01 meeting type=council title=\"期外会议\"\n"))
        // The meeting outside the period is reported, not silenced by the moved suppression.
        let lint = try project.run(["lint"], timeout: 60)
        #expect(lint.stdout.contains("\(path):"), "\(lint.stdout)")
        #expect(lint.stdout.contains("date-outside-period"), "\(lint.stdout)")
        try expectSafe(lint, project)
    }

    // MARK: Helpers

    func sparse(_ path: String, size: Int) throws {
        try? FileManager.default.removeItem(atPath: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        #expect(ftruncate(fd, off_t(size)) == 0)
        close(fd)
    }

    func fileSize(_ path: String) throws -> Int {
        var info = stat()
        #expect(lstat(path, &info) == 0)
        return Int(info.st_size)
    }

    func mode(_ path: String) throws -> mode_t {
        var info = stat()
        #expect(lstat(path, &info) == 0)
        return info.st_mode & 0o7777
    }

    func nlink(_ path: String) throws -> Int {
        var info = stat()
        #expect(lstat(path, &info) == 0)
        return Int(info.st_nlink)
    }

    func git(_ directory: String, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", directory] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// The executable under a memory limit (`ulimit -v`, in KiB), with a time limit.
    func limited(memory: Int, _ arguments: [String]) throws -> (status: Int32, stderr: String, timedOut: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memory); exec \"$0\" \"$@\"", Run.executable.path] + arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let timedOut = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return (timedOut ? -1 : process.terminationStatus, String(decoding: errData, as: UTF8.self), timedOut)
    }
}
