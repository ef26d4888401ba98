#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a directory entry is, as far as the vault's layout cares.
public enum EntryType: Sendable, Equatable {
    case file
    case directory
    /// A symbolic link (its target as written): never followed, wherever it leads.
    case link(String)
    /// A FIFO, a socket, a device, or an entry that cannot be examined: never opened.
    case other(Message)
}

/// An error reading the project, with the words a user needs.
public struct FileSystemError: Error, Sendable {
    public var message: Message
    public var hint: Message?
    /// The `errno` behind it, when there is one (`ENOENT`: the file is not there).
    var code: Int32 = 0

    /// For an error about the path itself ("it is a FIFO …"): the same words with
    /// another subject, so that a writer can name the file it refuses.
    var withSubject: (@Sendable (MessageArgument) -> Message)?

    public init(message: Message, hint: Message?) {
        self.message = message
        self.hint = hint
    }

    /// The error as the reason in a finding or refusal that names the file.
    var reason: MessageArgument { .message(message) }

    static let noDirectory = MessageTemplate("fs.no-directory", en: "no such directory", zh: "没有这个目录")
    static let noFile = MessageTemplate("fs.no-file", en: "no such file", zh: "没有这个文件")
    static let cannotOpen = MessageTemplate("fs.open", en: "cannot open \"{path}\": {reason}", zh: "无法打开“{path}”：{reason}")
    static let itIs = MessageTemplate("fs.it-is", en: "it is {what}", zh: "它是{what}")
    static let subjectIs = MessageTemplate("fs.subject-is", en: "{subject} is {what}", zh: "{subject}是{what}")
    static let onItsWay = MessageTemplate("fs.on-its-way", en: "\"{entry}\" on its way is {what}", zh: "路径上的“{entry}”是{what}")
    static let noLink = MessageTemplate("fs.no-link", en: "{subject}; vault follows no symbolic link", zh: "{subject}；vault 不跟随符号链接")
    static let noLinkHint = MessageTemplate(
        "fs.no-link.hint", en: "replace the link by the file or directory it stands for (a copy inside the project)",
        zh: "请用链接所指的文件或目录（放在项目内的副本）替换这个链接")
    static let regularOnly = MessageTemplate(
        "fs.special", en: "{subject}; vault opens only regular files and directories", zh: "{subject}；vault 只打开普通文件和目录")
    static let regularOnlyHint = MessageTemplate(
        "fs.special.hint", en: "replace it by a regular file, or move it out of the project", zh: "请换成普通文件，或把它移出项目")
    static let tooLarge = MessageTemplate(
        "fs.too-large", en: "{subject} {size} bytes, over the {mib} MiB ({limit} bytes) a vault file may hold; not read",
        zh: "{subject}有 {size} 字节，超过了 vault 文件的上限 {mib} MiB（{limit} 字节）；未读取")
    static let tooLargeHint = MessageTemplate(
        "fs.too-large.hint", en: "a vault file is text kept by hand: split the records, or move the file out of the project",
        zh: "vault 文件是手工维护的文本：请拆分记录，或把文件移出项目")
    static let itIsSubject = MessageTemplate("fs.it", en: "it is", zh: "它")
    static let isSubject = MessageTemplate("fs.subject", en: "{subject} is", zh: "{subject}")
    static let cannotRead = MessageTemplate("fs.read", en: "cannot read file: {reason}", zh: "无法读取文件：{reason}")
    static let directoryPermissions = MessageTemplate("fs.directory-permissions.hint", en: "check the directory's permissions", zh: "请检查目录的权限")
    static let filePermissions = MessageTemplate(
        "fs.file-permissions.hint", en: "check the file's permissions (chmod u+r)", zh: "请检查文件的权限（chmod u+r）")
    static let link = MessageTemplate("fs.what.link-to", en: "a symbolic link (to {target})", zh: "符号链接（指向 {target}）")
    static let fifo = MessageTemplate("fs.what.fifo", en: "a FIFO", zh: "命名管道（FIFO）")
    static let socket = MessageTemplate("fs.what.socket", en: "a socket", zh: "套接字")
    static let characterDevice = MessageTemplate("fs.what.character-device", en: "a character device", zh: "字符设备")
    static let blockDevice = MessageTemplate("fs.what.block-device", en: "a block device", zh: "块设备")
    static let directory = MessageTemplate("fs.what.directory", en: "a directory", zh: "目录")
    static let symbolicLink = MessageTemplate("fs.what.link", en: "a symbolic link", zh: "符号链接")
    static let notRegular = MessageTemplate("fs.what.other", en: "not a regular file", zh: "非普通文件")
    static let unexaminable = MessageTemplate("fs.what.unexaminable", en: "an entry that cannot be examined ({reason})", zh: "无法查看的目录项（{reason}）")
    static let fileForDirectory = MessageTemplate("fs.what.file-for-directory", en: "a file where a directory belongs", zh: "本应是目录的文件")

    public static let messages = [
        noDirectory, noFile, cannotOpen, itIs, subjectIs, onItsWay, noLink, noLinkHint, regularOnly, regularOnlyHint,
        tooLarge, tooLargeHint, itIsSubject, isSubject, cannotRead, directoryPermissions, filePermissions,
        link, fifo, socket, characterDevice, blockDevice, directory, symbolicLink, notRegular, unexaminable, fileForDirectory,
    ] + ProjectLocator.messages
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
            throw FileSystemError(message: FileSystemError.noDirectory(), hint: nil)
        }
        return list
    }

    public func read(_ path: String, into arena: Arena?) throws(FileSystemError) -> Slab<UInt8> {
        guard let bytes = files[ByteKey(path)] else { throw FileSystemError(message: FileSystemError.noFile(), hint: nil) }
        if bytes.count > DiskFileSystem.maximumFileSize { throw DiskFileSystem.tooLarge(path, size: bytes.count) }
        return Slab(copying: bytes, in: arena)
    }
}

/// The project on disk, read with POSIX calls: no `Character`s, no Foundation
/// file wrappers on the hot path.
///
/// A closed world: every path is opened beneath the root's descriptor and no
/// symbolic link is followed, neither on the way nor at the end (Linux's `openat2`
/// with `RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS`, one call; elsewhere a walk of
/// `O_NOFOLLOW` opens, one directory at a time), so a directory swapped for a link
/// between listing and reading is not followed either. What was opened is checked
/// (`fstat`): only a regular file is read, only a directory listed, and a FIFO or a
/// device is never waited on (`O_NONBLOCK`). A file over `maximumFileSize` is not read.
public struct DiskFileSystem: FileSystem {
    /// The real (symlink-free) absolute path of the project root.
    public let root: String
    private let handle: Descriptor

    /// The largest file vault reads (64 MiB). A record file of the shipped vault is a
    /// few kilobytes; the limit keeps every offset in a file within 32 bits and a
    /// planted huge or endless file from taking the machine's memory.
    public static let maximumFileSize = 64 << 20

    public init(root: String) throws(FileSystemError) {
        guard let real = DiskFileSystem.realPath(root) else {
            throw FileSystemError(message: FileSystemError.cannotOpen(["path": .text(root), "reason": .text(DiskFileSystem.errnoText())]), hint: nil)
        }
        let fd = Glibc.open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw FileSystemError(message: FileSystemError.cannotOpen(["path": .text(root), "reason": .text(DiskFileSystem.errnoText())]), hint: nil)
        }
        self.root = real
        handle = Descriptor(fd)
    }

    /// The root directory's descriptor, for the writers' `openat` calls.
    var rootDescriptor: Int32 { handle.fd }

    public func entries(in directory: String) throws(FileSystemError) -> [(name: String, type: EntryType)] {
        let fd = open(beneath: directory, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0, let dir = fdopendir(fd) else {
            let code = errno
            if fd >= 0 { close(fd) }
            throw failure(directory, code, hint: FileSystemError.directoryPermissions())
        }
        defer { closedir(dir) }
        let listed = dirfd(dir)
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
            default: result.append((name, DiskFileSystem.type(of: name, in: listed)))
            }
        }
        return result.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }

    /// What `name` in the directory `directory` is, never following it.
    static func type(of name: String, in directory: Int32) -> EntryType {
        var info = stat()
        guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            return .other(FileSystemError.unexaminable(["reason": .text(errnoText())]))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .link(linkTarget(name, in: directory))
        default: return .other(kind(info.st_mode))
        }
    }

    /// What a link says, as written (it is never resolved).
    static func linkTarget(_ name: String, in directory: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 4_097)
        let n = readlinkat(directory, name, &buffer, buffer.count - 1)
        guard n >= 0 else { return "?" }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "a FIFO", "a socket", … for a mode that is neither a regular file nor a directory.
    static func kind(_ mode: mode_t) -> Message {
        switch mode & S_IFMT {
        case S_IFIFO: FileSystemError.fifo()
        case S_IFSOCK: FileSystemError.socket()
        case S_IFCHR: FileSystemError.characterDevice()
        case S_IFBLK: FileSystemError.blockDevice()
        case S_IFDIR: FileSystemError.directory()
        case S_IFLNK: FileSystemError.symbolicLink()
        default: FileSystemError.notRegular()
        }
    }

    public func read(_ path: String, into arena: Arena?) throws(FileSystemError) -> Slab<UInt8> {
        let fd = open(beneath: path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno, hint: FileSystemError.filePermissions()) }
        defer { close(fd) }
        return try DiskFileSystem.readOpened(fd, path: path, into: arena)
    }

    /// The bytes of an opened file: a regular file (`fstat` says so) of at most
    /// `maximumFileSize` bytes, however much it grows while being read.
    static func readOpened(_ fd: Int32, path: String, into arena: Arena?) throws(FileSystemError) -> Slab<UInt8> {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw readFailure(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw notOpened("", what: kind(info.st_mode), link: info.st_mode & S_IFMT == S_IFLNK) }
        let size = Int(info.st_size)
        guard size <= maximumFileSize else { throw tooLarge(path, size: size) }
        Arena.ensureRoom(toParse: size, path: path)
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
        guard failure == 0 else { throw readFailure(failure) }
        guard bytes.count == capacity else { return bytes }
        // A file that grew while being read: read the rest in chunks, up to the limit.
        var grown = Array(bytes)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw readFailure(errno)
            }
            if n == 0 { break }
            grown += chunk[..<n]
            guard grown.count <= maximumFileSize else { throw tooLarge(path, size: grown.count) }
        }
        return Slab(copying: grown, in: arena)
    }

    // MARK: Opening beneath the root

    /// Opens `path` (relative to the root) beneath the root, following no symbolic
    /// link on the way or at the end; -1 with `errno` set when it cannot.
    func open(beneath path: String, _ flags: Int32, mode: mode_t = 0) -> Int32 {
        DiskFileSystem.open(beneath: path, in: handle.fd, flags, mode: mode)
    }

    static func open(beneath path: String, in directory: Int32, _ flags: Int32, mode: mode_t = 0) -> Int32 {
        let flags = flags | O_NOFOLLOW | O_CLOEXEC
        guard !path.isEmpty else { return openat(directory, ".", flags, mode) }
        #if os(Linux)
        if let openat2 = Openat2.call {
            var how = Openat2.How(flags: UInt64(UInt32(bitPattern: flags)),
                                  mode: flags & O_CREAT != 0 ? UInt64(mode) : 0,
                                  resolve: Openat2.noSymlinks | Openat2.beneath | Openat2.noMagicLinks)
            let fd = path.withCString { name in
                withUnsafePointer(to: &how) { openat2(Openat2.number, Int(directory), name, UnsafeRawPointer($0), MemoryLayout<Openat2.How>.size) }
            }
            if fd >= 0 { return Int32(fd) }
            // ENOSYS: a kernel before 5.6; EPERM: a sandbox that forbids the call. Walk instead.
            guard errno == ENOSYS || errno == EPERM else { return -1 }
        }
        #endif
        return walk(path, in: directory, flags, mode: mode)
    }

    /// `open(beneath:)` one component at a time, each opened with `O_NOFOLLOW`.
    static func walk(_ path: String, in root: Int32, _ flags: Int32, mode: mode_t) -> Int32 {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        var directory = root
        for (index, part) in parts.enumerated() {
            guard part != "..", part != "." else {
                if directory != root { close(directory) }
                errno = EXDEV
                return -1
            }
            let last = index == parts.count - 1
            let fd = openat(directory, String(part), last ? flags : O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, mode)
            let code = errno
            if directory != root { close(directory) }
            guard fd >= 0 else {
                errno = code
                return -1
            }
            directory = fd
        }
        return directory
    }

    /// Why `path` could not be opened: the link or special file on its way, named,
    /// or the system's reason.
    func failure(_ path: String, _ code: Int32, hint: Message) -> FileSystemError {
        if code == ELOOP || code == EXDEV || code == ENOTDIR || code == ENXIO || code == EOPNOTSUPP,
           let (entry, what, link) = firstUnusable(path) {
            return DiskFileSystem.notOpened(entry == path ? "" : entry, what: what, link: link)
        }
        errno = code
        var error = FileSystemError(message: FileSystemError.cannotOpen(["path": .text(path), "reason": .text(DiskFileSystem.errnoText())]), hint: hint)
        error.code = code
        return error
    }

    /// The first entry on the way to `path` (or `path` itself) that is a symbolic
    /// link or a special file, with what it is. Only on the error path.
    func firstUnusable(_ path: String) -> (String, Message, link: Bool)? {
        var directory = handle.fd
        defer { if directory != handle.fd { close(directory) } }
        var walked = ""
        let parts = path.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() {
            walked += (walked.isEmpty ? "" : "/") + part
            switch DiskFileSystem.type(of: part, in: directory) {
            case .link(let target): return (walked, FileSystemError.link(["target": .text(target)]), true)
            case .other(let what): return (walked, what, false)
            case .file: return index == parts.count - 1 ? nil : (walked, FileSystemError.fileForDirectory(), false)
            case .directory:
                let next = openat(directory, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard next >= 0 else { return nil }
                if directory != handle.fd { close(directory) }
                directory = next
            }
        }
        return nil
    }

    /// The refusal for an entry vault does not open: `entry` is empty when it is the
    /// path itself (the caller names it), else the link or special file on its way.
    /// `link`: whether `what` is a symbolic link (the words then say no link is followed).
    static func notOpened(_ entry: String, what: Message, link: Bool) -> FileSystemError {
        let words = link ? FileSystemError.noLink : FileSystemError.regularOnly
        let subject = entry.isEmpty ? FileSystemError.itIs(["what": .message(what)])
            : FileSystemError.onItsWay(["entry": .text(entry), "what": .message(what)])
        var error = FileSystemError(message: words(["subject": .message(subject)]),
                                    hint: link ? FileSystemError.noLinkHint() : FileSystemError.regularOnlyHint())
        if entry.isEmpty {
            error.withSubject = { named in words(["subject": .message(FileSystemError.subjectIs(["subject": named, "what": .message(what)]))]) }
        }
        return error
    }

    static func tooLarge(_ path: String, size: Int) -> FileSystemError {
        @Sendable func words(_ subject: Message) -> Message {
            FileSystemError.tooLarge(["subject": .message(subject), "size": .text("\(size)"), "mib": .text("\(maximumFileSize >> 20)"),
                                      "limit": .text("\(maximumFileSize)")])
        }
        var error = FileSystemError(message: words(FileSystemError.itIsSubject()), hint: FileSystemError.tooLargeHint())
        error.withSubject = { named in words(FileSystemError.isSubject(["subject": named])) }
        return error
    }

    private static func readFailure(_ code: Int32) -> FileSystemError {
        errno = code
        return FileSystemError(message: FileSystemError.cannotRead(["reason": .text(DiskFileSystem.errnoText())]), hint: nil)
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A descriptor closed when the last value holding it goes.
final class Descriptor: Sendable {
    let fd: Int32
    init(_ fd: Int32) { self.fd = fd }
    deinit { close(fd) }
}

#if os(Linux)
/// `openat2(2)`, which glibc 2.36 does not wrap: called through `syscall`, which
/// Swift cannot call directly (it is variadic), as a function of fixed arguments
/// (the x86-64 and arm64 calling conventions pass them alike).
enum Openat2 {
    struct How {
        var flags: UInt64
        var mode: UInt64
        var resolve: UInt64
    }
    typealias Call = @convention(c) (Int, Int, UnsafePointer<CChar>, UnsafeRawPointer, Int) -> Int
    /// The same number on every architecture (added after the tables were unified).
    static let number = 437
    static let noMagicLinks: UInt64 = 0x02
    static let noSymlinks: UInt64 = 0x04
    static let beneath: UInt64 = 0x08
    static let call: Call? = dlsym(nil, "syscall").map { unsafeBitCast($0, to: Call.self) }
}
#endif
