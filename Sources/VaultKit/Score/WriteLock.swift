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
    public convenience init(root: String) throws(FileSystemError) {
        try self.init(try DiskFileSystem(root: root))
    }

    public init(_ fs: DiskFileSystem) throws(FileSystemError) {
        let shown = fs.root + "/" + WriteLock.name
        fd = fs.open(beneath: WriteLock.name, O_RDWR | O_CREAT | O_NONBLOCK, mode: 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP {
                throw FileSystemError(message: "the lock file \(shown) is a symbolic link (to \(DiskFileSystem.linkTarget(WriteLock.name, in: fs.rootDescriptor))); vault follows no link, and nothing was written",
                                      hint: "remove it (rm \(shown)); the next writer creates a fresh one")
            }
            errno = code
            throw FileSystemError(message: "cannot create \(shown): \(DiskFileSystem.errnoText())",
                                  hint: "check that the project directory is writable")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink <= 1 else {
            let what = info.st_mode & S_IFMT == S_IFREG ? "a file with \(info.st_nlink) hard links" : DiskFileSystem.kind(info.st_mode)
            close(fd)
            throw FileSystemError(message: "the lock file \(shown) is \(what), not a file of its own; vault leaves it as it is, and nothing was written",
                                  hint: "remove it (rm \(shown)); the next writer creates a fresh one")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var holder = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &holder, holder.count, 0)
            let pid = n > 0 ? String(decoding: holder[..<n].prefix { $0 != 0x0A }, as: UTF8.self) : "?"
            close(fd)
            throw FileSystemError(message: "another vault writer (pid \(pid)) is changing this project",
                                  hint: "wait for it to finish, then run the command again; nothing was written")
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
