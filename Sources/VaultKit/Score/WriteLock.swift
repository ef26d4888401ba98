#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two writers (`vault score --write`, `vault fmt`) from interleaving in one
/// project: an exclusive `flock` on `.vault.lock` at the project root, released
/// when the writer ends, however it ends (the kernel drops it with the process).
///
/// The lock file is opened without following a link and without waiting
/// (`O_NOFOLLOW | O_NONBLOCK`), and used only when it is a regular file with no
/// other hard link: a planted link, FIFO or hard link to a file elsewhere is refused,
/// never truncated or written.
public final class WriteLock {
    private let fd: Int32
    public static let name = ".vault.lock"

    /// Takes the lock, or says who holds it.
    static let lockIsLink = MessageTemplate(
        "write.lock-link", en: "the lock file {path} is a symbolic link (to {target}); vault follows no link, and nothing was written",
        zh: "锁文件 {path} 是符号链接（指向 {target}）；vault 不跟随链接，什么也没有写入")
    static let removeLock = MessageTemplate(
        "write.lock.hint", en: "remove it (rm {path}); the next writer creates a fresh one", zh: "请删除它（rm {path}）；下一次写入时会重新创建")
    static let projectWritable = MessageTemplate(
        "write.lock-create.hint", en: "check that the project directory is writable", zh: "请检查项目目录是否可写")
    static let hardLinks = MessageTemplate("write.lock-hard-links", en: "a file with {links} hard links", zh: "有 {links} 个硬链接的文件")
    static let lockShared = MessageTemplate(
        "write.lock-shared", en: "the lock file {path} is {what}, not a file of its own; vault leaves it as it is, and nothing was written",
        zh: "锁文件 {path} 是{what}，不是独立的文件；vault 不去动它，什么也没有写入")
    static let held = MessageTemplate(
        "write.lock-held", en: "another vault writer (pid {pid}) is changing this project", zh: "另一个 vault 写入进程（pid {pid}）正在修改这个项目")
    static let waitForIt = MessageTemplate(
        "write.lock-held.hint", en: "wait for it to finish, then run the command again; nothing was written", zh: "请等它结束后再运行一次；这次什么也没有写入")

    static let messages = [lockIsLink, removeLock, projectWritable, hardLinks, lockShared, held, waitForIt]

    public convenience init(root: String) throws(FileSystemError) {
        try self.init(try DiskFileSystem(root: root))
    }

    public init(_ fs: DiskFileSystem) throws(FileSystemError) {
        let shown = fs.root + "/" + WriteLock.name
        fd = fs.open(beneath: WriteLock.name, O_RDWR | O_CREAT | O_NONBLOCK, mode: 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP {
                throw FileSystemError(message: WriteLock.lockIsLink(["path": .text(shown),
                                                                     "target": .text(DiskFileSystem.linkTarget(WriteLock.name, in: fs.rootDescriptor))]),
                                      hint: WriteLock.removeLock(["path": .text(shown)]))
            }
            errno = code
            throw FileSystemError(message: AtomicFile.cannotCreate(["path": .text(shown), "reason": .text(DiskFileSystem.errnoText())]),
                                  hint: WriteLock.projectWritable())
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink <= 1 else {
            let what = info.st_mode & S_IFMT == S_IFREG ? WriteLock.hardLinks(["links": .text("\(info.st_nlink)")]) : DiskFileSystem.kind(info.st_mode)
            close(fd)
            throw FileSystemError(message: WriteLock.lockShared(["path": .text(shown), "what": .message(what)]),
                                  hint: WriteLock.removeLock(["path": .text(shown)]))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var holder = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &holder, holder.count, 0)
            let pid = n > 0 ? String(decoding: holder[..<n].prefix { $0 != 0x0A }, as: UTF8.self) : "?"
            close(fd)
            throw FileSystemError(message: WriteLock.held(["pid": .text(pid)]), hint: WriteLock.waitForIt())
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    /// Removes temporary files interrupted writers left: with the lock held, no
    /// other writer can be using them. Each is removed in its directory, opened
    /// without following a link, and only when it is a regular file.
    public func removeLeftovers(_ paths: [String], in fs: DiskFileSystem) {
        for path in paths {
            let (parent, name) = AtomicFile.split(path)
            let directory = fs.open(beneath: parent, O_RDONLY | O_DIRECTORY | O_NONBLOCK)
            guard directory >= 0 else { continue }
            var info = stat()
            if fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG {
                unlinkat(directory, name, 0)
            }
            close(directory)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
