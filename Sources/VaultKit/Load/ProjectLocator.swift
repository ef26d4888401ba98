#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the project root, the directory holding both `vault/` and `schemas/`,
/// from a start directory upward, as git finds `.git`.
public enum ProjectLocator {
    public static func findRoot(from start: String) throws(FileSystemError) -> String {
        guard var directory = DiskFileSystem.realPath(start) else {
            throw FileSystemError(message: "cannot use directory \"\(start)\": \(DiskFileSystem.errnoText())",
                                  hint: "check the path given to -C")
        }
        guard isDirectory(directory) else {
            throw FileSystemError(message: "\"\(start)\" is not a directory", hint: "give -C a directory")
        }
        while true {
            if isEntry(directory + "/vault"), isEntry(directory + "/schemas") { return directory }
            guard directory != "/", let slash = directory.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
            directory = slash == directory.utf8.startIndex ? "/" : String(directory[..<slash])
        }
        throw FileSystemError(message: "no vault project in \"\(start)\" or any directory above it",
                              hint: "a project root holds vault/ and schemas/; run vault inside one, or pass -C DIR")
    }

    /// A directory, or a symbolic link standing where `vault/` or `schemas/` belongs:
    /// such a root is still found, so that the link is reported (and never followed)
    /// instead of the search going on to a project above.
    static func isEntry(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT == S_IFDIR || info.st_mode & S_IFMT == S_IFLNK)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
