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
        let prefix = try prefix()
        let tree = try run(["ls-tree", "-r", "-z", "--full-tree", revision, "--", prefix + "vault", prefix + "schemas"])
        var paths: [String] = []
        var objects: [String] = []
        for entry in tree.split(separator: 0) {
            // "<mode> <type> <object>\t<path>"
            guard let tab = entry.firstIndex(of: 9) else { continue }
            let header = String(decoding: entry[entry.startIndex..<tab], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[1] == "blob" else { continue }
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            paths.append(String(path.dropFirst(prefix.count)))
            objects.append(String(header[2]))
        }
        var files: [String: [UInt8]] = [:]
        guard !objects.isEmpty else { return MemoryFileSystem(bytes: files) }
        let batch = try run(["cat-file", "--batch"], input: Data((objects.joined(separator: "\n") + "\n").utf8))
        var offset = batch.startIndex
        for path in paths {
            // "<object> blob <size>\n<content>\n"
            guard let newline = batch[offset...].firstIndex(of: 10) else { break }
            let header = String(decoding: batch[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else { break }
            let start = newline + 1
            files[path] = Array(batch[start..<(start + size)])
            offset = start + size + 1
        }
        return MemoryFileSystem(bytes: files)
    }
}

/// A `Data` value shared between the threads that drain a process's pipes.
final class LockedData: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
