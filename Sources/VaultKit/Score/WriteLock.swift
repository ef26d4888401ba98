#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two writers (`vault score --write`, `vault fmt`) from interleaving in one
/// project: an exclusive `flock` on `.vault.lock` at the project root, released
/// when the writer ends, however it ends (the kernel drops it with the process).
public final class WriteLock {
    private let fd: Int32

    /// Takes the lock, or says who holds it.
    public init(root: String) throws(FileSystemError) {
        let path = root + "/.vault.lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileSystemError(message: "cannot create \(path): \(DiskFileSystem.errnoText())",
                                  hint: "check that the project directory is writable")
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
    /// other writer can be using them.
    public func removeLeftovers(_ paths: [String], root: String) {
        for path in paths { unlink(root + "/" + path) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
