import Foundation

/// Runs `git` as a real process. Nothing is checked out and the index is never
/// touched: revisions are read with `ls-tree` and `cat-file`.
public struct Git: Sendable {
    /// The directory git runs in (the project root; the repository may be above it).
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Why git could not answer, in either language (printed by `vault diff` and
    /// `vault lint --changed` as a refusal).
    public struct Failure: Error, Sendable {
        public var message: Message
        public init(message: Message) { self.message = message }
    }

    static let cannotRun = MessageTemplate(
        "git.cannot-run", en: "cannot run git: {reason}", zh: "无法运行 git：{reason}")
    static let commandFailed = MessageTemplate(
        "git.failed", en: "git {command} failed: {output}", zh: "git {command} 失败：{output}")
    static let noDefaultBranch = MessageTemplate(
        "git.no-default-branch",
        en: "no default branch (origin/HEAD, main or master) to compare with; name a revision: vault diff BASE",
        zh: "找不到可比较的默认分支（origin/HEAD、main 或 master）；请写明一个版本：vault diff BASE")
    public static let messages = [cannotRun, commandFailed, noDefaultBranch]

    /// Configuration given on every command line, which overrides the repository's
    /// and the user's: what git lists and reads must not depend on settings that
    /// change the paths it prints (`diff.relative` prints them relative to the current
    /// directory, and only those below it; `diff.noprefix`, `core.quotePath`), run
    /// programs (an external diff, textconv, an fsmonitor hook), colour the output,
    /// or make git trust the index's stat data over a file's contents.
    static let neutralConfig: [String] = [
        "diff.relative=false", "diff.noprefix=false", "diff.mnemonicPrefix=false", "core.quotePath=false",
        "color.ui=false", "color.diff=false", "core.fsmonitor=false", "core.ignoreStat=false",
        "core.trustctime=true", "core.checkStat=default", "core.attributesFile=/dev/null", "core.pager=cat",
    ].flatMap { ["-c", $0] }

    /// Options added to every `git diff`: no external diff program, no textconv.
    static let neutralDiff = ["--no-ext-diff", "--no-textconv", "--no-color"]

    /// Environment variables git reads that change which repository, index or
    /// objects it uses, or what it runs; removed from the environment git inherits
    /// (a hook or a CI step may have set them for another repository).
    static func isNeutralised(_ variable: String) -> Bool {
        guard variable.hasPrefix("GIT_") else { return false }
        return !["GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM", "GIT_CEILING_DIRECTORIES",
                 "GIT_DISCOVERY_ACROSS_FILESYSTEM"].contains(variable)
    }

    /// Runs git with `arguments`, feeding `input`; returns standard output. The
    /// repository's configuration and the inherited `GIT_*` environment cannot
    /// change what comes back (`neutralConfig`, `neutralDiff`, `isNeutralised`).
    @discardableResult
    public func run(_ arguments: [String], input: Data? = nil) throws(Failure) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var command = arguments
        if command.first == "diff" { command.insert(contentsOf: Self.neutralDiff, at: 1) }
        process.arguments = ["git"] + Self.neutralConfig + command
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment.filter { !Self.isNeutralised($0.key) }
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        do { try process.run() } catch {
            throw Failure(message: Self.cannotRun(["reason": .text(error.localizedDescription)]))
        }
        // Write the input and drain both outputs concurrently, so a large exchange cannot deadlock.
        let errorData = LockedData()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        if let input {
            DispatchQueue.global().async(group: group) {
                feed.fileHandleForWriting.write(input)
                try? feed.fileHandleForWriting.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errorData.get(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: Self.commandFailed(["command": .text(arguments.first ?? ""), "output": .text(text)]))
        }
        return data
    }

    public func string(_ arguments: [String]) throws(Failure) -> String {
        String(decoding: try run(arguments), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The project root's path inside the repository (`""` at the top, else `sub/dir/`).
    /// Read exactly: a directory name may begin or end with white space.
    public func prefix() throws(Failure) -> String {
        var text = String(decoding: try run(["rev-parse", "--show-prefix"]), as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The merge base of HEAD with the default branch (origin's HEAD, else main, else master).
    public func defaultBase() throws(Failure) -> String {
        for candidate in ["origin/HEAD", "origin/main", "main", "master"] {
            if (try? run(["rev-parse", "--verify", "--quiet", candidate + "^{commit}"])) != nil,
               let base = try? string(["merge-base", "HEAD", candidate]), !base.isEmpty {
                return base
            }
        }
        throw Failure(message: Self.noDefaultBranch())
    }

    /// Every file of the project under `vault/` and `schemas/` at `revision`, read
    /// with one `ls-tree` and one `cat-file --batch`.
    public func files(at revision: String) throws(Failure) -> MemoryFileSystem {
        try StageTimer.measure("git read \(revision)") { () throws(Failure) in try readFiles(at: revision) }
    }

    private func readFiles(at revision: String) throws(Failure) -> MemoryFileSystem {
        let tree = try blobs(at: revision)
        return MemoryFileSystem(byteKeyed: try contents(of: tree.map { ($0.path, $0.object) }))
    }

    /// The files of `revision` under `vault/` and `schemas/` as a file system that reads
    /// from git only the files that differ from the working tree; the loader reads the
    /// others from disk, where their bytes are the committed ones. At 10,000 alliances,
    /// inflating every blob was 5 s of `vault diff`'s 19 s. (Under a filter that
    /// rewrites files on checkout, such as CRLF conversion, an unchanged file is read as
    /// checked out.)
    public func filesAgainstWorktree(at revision: String, worktree: DiskFileSystem) throws(Failure) -> RevisionFileSystem {
        try StageTimer.measure("git read \(revision), changed files only") { () throws(Failure) in
            let prefix = try prefix()
            let tree = try blobs(at: revision)
            // Paths in the output are from the repository's top (`diff.relative` is off),
            // and `:(top,literal)` makes the pathspecs so too (git diff reads them from the
            // current directory otherwise, and as globs).
            let scope = [":(top,literal)" + prefix + "vault", ":(top,literal)" + prefix + "schemas"]
            let listed = try run(["diff", "--name-only", "--no-renames", "-z", revision, "--"] + scope)
            // Files whose index entry tells git not to look at the working tree
            // (assume-unchanged, skip-worktree): git diff would call them unchanged
            // whatever they hold, so they are read from the revision too.
            let flagged = try run(["ls-files", "-v", "-z", "--full-name", "--"] + scope)
            // Compared as bytes: hashing Strings normalises them, which is slow on many Chinese paths.
            var changed: Set<[UInt8]> = []
            func add(_ name: ArraySlice<UInt8>) {
                guard name.starts(with: prefix.utf8) else { return }
                changed.insert(Array(name.dropFirst(prefix.utf8.count)))
            }
            for name in [UInt8](listed).split(separator: 0) { add(name) }
            for entry in [UInt8](flagged).split(separator: 0) where entry.count > 2 {
                // "<tag> <path>": a lower-case tag is assume-unchanged, S skip-worktree.
                let tag = entry[entry.startIndex]
                if tag >= 0x61 && tag <= 0x7A || tag == 0x53 { add(entry.dropFirst(2)) }
            }
            // The changed files of the revision, read by object id (a file the working
            // tree added is not in the revision, and is left out). A symbolic link's blob
            // is its target: read from git, never followed on disk, so a link in the
            // revision cannot read a file outside the project.
            let wanted = tree.filter { $0.link || !changed.isEmpty && changed.contains(Array($0.path.utf8)) }.map { (path: $0.path, object: $0.object) }
            let stored = try contents(of: wanted)
            return RevisionFileSystem(paths: tree.map(\.path), stored: stored, worktree: worktree)
        }
    }

    /// Every blob of `revision` under `vault/` and `schemas/`: its path (relative to the
    /// project root), object id and whether it is a symbolic link, from one `ls-tree`.
    func blobs(at revision: String) throws(Failure) -> [(path: String, object: String, link: Bool)] {
        let prefix = try prefix()
        let tree = try run(["ls-tree", "-r", "-z", "--full-tree", revision, "--",
                            ":(literal)" + prefix + "vault", ":(literal)" + prefix + "schemas"])
        var blobs: [(path: String, object: String, link: Bool)] = []
        let skip = prefix.utf8.count
        // An array, not `Data`: reading `Data` byte by byte was most of this function.
        for entry in [UInt8](tree).split(separator: 0) {
            // "<mode> <type> <object>\t<path>", read on bytes: there is an entry per file.
            guard let tab = entry.firstIndex(of: 9), let space = entry.firstIndex(of: 32),
                  let second = entry[(space + 1)...].firstIndex(of: 32), second < tab,
                  entry[(space + 1)..<second].elementsEqual("blob".utf8),
                  entry.distance(from: tab, to: entry.endIndex) > skip,
                  entry[(tab + 1)...].starts(with: prefix.utf8) else { continue }
            blobs.append((String(decoding: entry[(tab + 1 + skip)...], as: UTF8.self),
                          String(decoding: entry[(second + 1)..<tab], as: UTF8.self),
                          entry[..<space].elementsEqual("120000".utf8)))
        }
        return blobs
    }

    /// The bytes of each blob, by path (its bytes: canonically equivalent names are two
    /// files), from one `cat-file --batch`. Blobs are asked
    /// for by object id, one a line: a path may hold a newline, which would split a
    /// `REVISION:PATH` request in two and shift every answer after it.
    func contents(of blobs: [(path: String, object: String)]) throws(Failure) -> [ByteKey: [UInt8]] {
        var files: [ByteKey: [UInt8]] = [:]
        guard !blobs.isEmpty else { return files }
        let batch = try run(["cat-file", "--batch"], input: Data((blobs.map(\.object).joined(separator: "\n") + "\n").utf8))
        var offset = batch.startIndex
        for (path, _) in blobs {
            // "<object> blob <size>\n<content>\n", or "<name> missing\n"
            guard let newline = batch[offset...].firstIndex(of: 10) else { break }
            let header = String(decoding: batch[offset..<newline], as: UTF8.self).split(separator: " ")
            if header.last == "missing" {
                offset = newline + 1
                continue
            }
            guard header.count == 3, let size = Int(header[2]) else { break }
            let start = newline + 1
            files[ByteKey(path)] = Array(batch[start..<(start + size)])
            offset = start + size + 1
        }
        return files
    }
}

/// A revision's files (see `Git.filesAgainstWorktree`): the listing is the revision's,
/// the bytes of changed files are the revision's, and every other file is read from
/// the working tree, where it is the same.
public struct RevisionFileSystem: FileSystem {
    private let children: [ByteKey: [(name: String, type: EntryType)]]
    private let stored: [ByteKey: [UInt8]]
    private let worktree: DiskFileSystem

    init(paths: [String], stored: [ByteKey: [UInt8]], worktree: DiskFileSystem) {
        children = MemoryFileSystem.listings(of: paths)
        self.stored = stored
        self.worktree = worktree
    }

    public func entries(in directory: String) throws(FileSystemError) -> [(name: String, type: EntryType)] {
        try MemoryFileSystem.entries(in: directory, of: children)
    }

    public func read(_ path: String, into arena: Arena?) throws(FileSystemError) -> Slab<UInt8> {
        if let bytes = stored[ByteKey(path)] { return Slab(copying: bytes, in: arena) }
        return try worktree.read(path, into: arena)
    }
}

/// A `Data` value shared between the threads that drain a process's pipes.
final class LockedData: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
