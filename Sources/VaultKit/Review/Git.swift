import Foundation

/// Runs `git` as a real process. Nothing is checked out and the index is never
/// touched: revisions are read with `ls-tree` and `cat-file`.
public struct Git: Sendable {
    /// The directory git runs in (the project root; the repository may be above it).
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// Runs git with `arguments`, feeding `input`; returns standard output.
    @discardableResult
    public func run(_ arguments: [String], input: Data? = nil) throws(Failure) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        do { try process.run() } catch {
            throw Failure(message: "cannot run git: \(error.localizedDescription)")
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
            throw Failure(message: "git \(arguments.first ?? "") failed: \(text)")
        }
        return data
    }

    public func string(_ arguments: [String]) throws(Failure) -> String {
        String(decoding: try run(arguments), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The project root's path inside the repository (`""` at the top, else `sub/dir/`).
    public func prefix() throws(Failure) -> String { try string(["rev-parse", "--show-prefix"]) }

    /// The merge base of HEAD with the default branch (origin's HEAD, else main, else master).
    public func defaultBase() throws(Failure) -> String {
        for candidate in ["origin/HEAD", "origin/main", "main", "master"] {
            if (try? run(["rev-parse", "--verify", "--quiet", candidate + "^{commit}"])) != nil,
               let base = try? string(["merge-base", "HEAD", candidate]), !base.isEmpty {
                return base
            }
        }
        throw Failure(message: "no default branch (origin/HEAD, main or master) to compare with; name a revision: vault diff BASE")
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
            // Paths in the output are from the repository's top, and `:(top)` makes the
            // pathspecs so too (git diff reads them from the current directory otherwise).
            let listed = try run(["diff", "--name-only", "--no-renames", "-z", revision, "--",
                                  ":(top)" + prefix + "vault", ":(top)" + prefix + "schemas"])
            // The changed files of the revision, named `REVISION:PATH` for cat-file (a file
            // the working tree added is missing there, and is left out).
            let named = [UInt8](listed).split(separator: 0).map { name in
                (path: String(decoding: name.dropFirst(prefix.utf8.count), as: UTF8.self),
                 object: revision + ":" + String(decoding: name, as: UTF8.self))
            }
            // A symbolic link's blob is its target: read from git, never followed on disk,
            // so a link in the revision cannot read a file outside the project.
            let links = tree.filter(\.link).map { (path: $0.path, object: $0.object) }
            let stored = try contents(of: named + links)
            return RevisionFileSystem(paths: tree.map(\.path), stored: stored, worktree: worktree)
        }
    }

    /// Every blob of `revision` under `vault/` and `schemas/`: its path (relative to the
    /// project root), object id and whether it is a symbolic link, from one `ls-tree`.
    func blobs(at revision: String) throws(Failure) -> [(path: String, object: String, link: Bool)] {
        let prefix = try prefix()
        let tree = try run(["ls-tree", "-r", "-z", "--full-tree", revision, "--", prefix + "vault", prefix + "schemas"])
        var blobs: [(path: String, object: String, link: Bool)] = []
        let skip = prefix.utf8.count
        // An array, not `Data`: reading `Data` byte by byte was most of this function.
        for entry in [UInt8](tree).split(separator: 0) {
            // "<mode> <type> <object>\t<path>", read on bytes: there is an entry per file.
            guard let tab = entry.firstIndex(of: 9), let space = entry.firstIndex(of: 32),
                  let second = entry[(space + 1)...].firstIndex(of: 32), second < tab,
                  entry[(space + 1)..<second].elementsEqual("blob".utf8),
                  entry.distance(from: tab, to: entry.endIndex) > skip else { continue }
            blobs.append((String(decoding: entry[(tab + 1 + skip)...], as: UTF8.self),
                          String(decoding: entry[(second + 1)..<tab], as: UTF8.self),
                          entry[..<space].elementsEqual("120000".utf8)))
        }
        return blobs
    }

    /// The bytes of each blob, by path (its bytes: canonically equivalent names are two
    /// files), from one `cat-file --batch`.
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
