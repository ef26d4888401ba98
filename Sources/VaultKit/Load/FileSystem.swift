#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a directory entry is, as far as the vault's layout cares.
public enum EntryType: Sendable, Equatable {
    case file
    case directory
    /// A symbolic link whose target is outside the project: never followed.
    case linkOutside(String)
    /// A dangling or looping link, a socket, a device …
    case other(String)
}

/// An error reading the project, with the words a user needs.
public struct FileSystemError: Error, Sendable {
    public var message: String
    public var hint: String?
}

/// Where the loader reads from: the disk, or memory in tests and rule examples.
/// Paths are relative to the project root, `/`-separated, with no leading `/`.
public protocol FileSystem: Sendable {
    func entries(in directory: String) throws(FileSystemError) -> [(name: String, type: EntryType)]
    /// A file's bytes, in `arena` when one is given (a load's files), else in a block of their own.
    func read(_ path: String, into arena: Arena?) throws(FileSystemError) -> Slab<UInt8>
}

extension FileSystem {
    /// A file's bytes as an array, for the few readers outside a load.
    public func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        Array(try read(path, into: nil))
    }
}

/// An in-memory project, for tests, rule examples and revisions read from git.
/// Directory listings come from an index built once, so listing is not a scan.
public struct MemoryFileSystem: FileSystem {
    /// Paths are keyed by their bytes: two canonically equivalent names are two files.
    public let files: [ByteKey: [UInt8]]
    private let children: [ByteKey: [(name: String, type: EntryType)]]

    public init(files: [String: String]) { self.init(bytes: files.mapValues { Array($0.utf8) }) }

    public init(bytes: [String: [UInt8]]) {
        self.init(byteKeyed: Dictionary(uniqueKeysWithValues: bytes.map { (ByteKey($0.key), $0.value) }))
    }

    public init(byteKeyed bytes: [ByteKey: [UInt8]]) {
        files = bytes
        children = MemoryFileSystem.listings(of: bytes.keys.lazy.map(\.text))
    }

    /// Each directory's entries, sorted by name, for a set of file paths.
    /// One lookup per path (its directory), and a walk up only for a directory not seen
    /// before: this runs for every file of a revision, and hashing each component of
    /// each path (Chinese names are normalised to hash) showed in `vault diff`.
    /// Names are keyed by their bytes, so canonically equivalent names stay two entries.
    static func listings(of paths: some Sequence<String>) -> [ByteKey: [(name: String, type: EntryType)]] {
        var index: [ByteKey: [ByteKey: EntryType]] = [:]
        for path in paths {
            let (parent, name) = split(path)
            if index[ByteKey(parent)] == nil {
                // A new directory: enter it in its parent, and so on up to one already known.
                var child = parent
                while !child.isEmpty {
                    let (above, childName) = split(child)
                    let known = index[ByteKey(above)] != nil
                    index[ByteKey(above), default: [:]][ByteKey(childName)] = .directory
                    if known { break }
                    child = above
                }
            }
            index[ByteKey(parent), default: [:]][ByteKey(name)] = .file
        }
        return index.mapValues { entries in
            entries.sorted { $0.key.text.utf8.lexicographicallyPrecedes($1.key.text.utf8) }.map { ($0.key.text, $0.value) }
        }
    }

    /// A path's directory and name, split at its last `/` (on the byte).
    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }

    public func entries(in directory: String) throws(FileSystemError) -> [(name: String, type: EntryType)] {
        try MemoryFileSystem.entries(in: directory, of: children)
    }

    static func entries(in directory: String, of children: [ByteKey: [(name: String, type: EntryType)]])
        throws(FileSystemError) -> [(name: String, type: EntryType)] {
        guard let list = children[ByteKey(directory)] else {
            if directory.isEmpty { return [] }
            throw FileSystemError(message: "no such directory", hint: nil)
        }
        return list
    }

    public func read(_ path: String, into arena: Arena?) throws(FileSystemError) -> Slab<UInt8> {
        guard let bytes = files[ByteKey(path)] else { throw FileSystemError(message: "no such file", hint: nil) }
        return Slab(copying: bytes, in: arena)
    }
}

/// The project on disk, read with POSIX calls: no `Character`s, no Foundation
/// file wrappers on the hot path. Symbolic links are followed only inside the root.
public struct DiskFileSystem: FileSystem {
    /// The real (symlink-free) absolute path of the project root.
    public let root: String

    public init(root: String) throws(FileSystemError) {
        guard let real = DiskFileSystem.realPath(root) else {
            throw FileSystemError(message: "cannot open \"\(root)\": \(DiskFileSystem.errnoText())", hint: nil)
        }
        self.root = real
    }

    func absolute(_ path: String) -> String { path.isEmpty ? root : root + "/" + path }

    public func entries(in directory: String) throws(FileSystemError) -> [(name: String, type: EntryType)] {
        let base = absolute(directory)
        guard let dir = opendir(base) else {
            throw FileSystemError(message: "cannot list directory: \(DiskFileSystem.errnoText())",
                                  hint: "check the directory's permissions")
        }
        defer { closedir(dir) }
        var result: [(String, EntryType)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            // d_type saves a stat per entry on file systems that fill it in.
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): result.append((name, .file))
            case Int32(DT_DIR): result.append((name, .directory))
            default: result.append((name, type(of: base + "/" + name)))
            }
        }
        return result.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }

    func type(of path: String) -> EntryType {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other(DiskFileSystem.errnoText()) }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let target = DiskFileSystem.realPath(path) else {
                return .other("a symbolic link that leads nowhere (\(DiskFileSystem.errnoText()))")
            }
            guard target == root || target.hasPrefix(root + "/") else { return .linkOutside(target) }
            guard stat(target, &info) == 0 else { return .other(DiskFileSystem.errnoText()) }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other("not a regular file")
        }
    }

    public func read(_ path: String, into arena: Arena?) throws(FileSystemError) -> Slab<UInt8> {
        let fd = open(absolute(path), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw FileSystemError(message: "cannot read file: \(DiskFileSystem.errnoText())",
                                  hint: "check the file's permissions (chmod u+r)")
        }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        // Read straight into the slab (no zero-filling pass), with one spare byte so
        // that the read which finds the end needs no growth.
        let capacity = max(size, 0) + 1
        var failure: Int32 = 0
        let bytes = Slab<UInt8>(capacity: capacity, in: arena) { buffer in
            var count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                count += n
            }
            return count
        }
        guard failure == 0 else { throw DiskFileSystem.readFailure(failure) }
        guard bytes.count == capacity else { return bytes }
        // A file that grew while being read: read the rest in chunks.
        var grown = Array(bytes)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DiskFileSystem.readFailure(errno)
            }
            if n == 0 { break }
            grown += chunk[..<n]
        }
        return Slab(copying: grown, in: arena)
    }

    private static func readFailure(_ code: Int32) -> FileSystemError {
        errno = code
        return FileSystemError(message: "cannot read file: \(DiskFileSystem.errnoText())", hint: nil)
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
