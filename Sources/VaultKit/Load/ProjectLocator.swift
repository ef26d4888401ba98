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
            throw FileSystemError(message: cannotUse(["path": .text(start), "reason": .text(DiskFileSystem.errnoText())]), hint: checkPath())
        }
        guard isDirectory(directory) else {
            throw FileSystemError(message: notADirectory(["path": .text(start)]), hint: giveDirectory())
        }
        while true {
            if isEntry(directory + "/vault"), isEntry(directory + "/schemas") { return directory }
            guard directory != "/", let slash = directory.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
            directory = slash == directory.utf8.startIndex ? "/" : String(directory[..<slash])
        }
        throw FileSystemError(message: noProject(["path": .text(start)]), hint: runInside())
    }

    static let cannotUse = MessageTemplate("fs.project.directory", en: "cannot use directory \"{path}\": {reason}", zh: "无法使用目录“{path}”：{reason}")
    static let checkPath = MessageTemplate("fs.project.directory.hint", en: "check the path given to -C", zh: "请检查 -C 给出的路径")
    static let notADirectory = MessageTemplate("fs.project.not-directory", en: "\"{path}\" is not a directory", zh: "“{path}”不是目录")
    static let giveDirectory = MessageTemplate("fs.project.not-directory.hint", en: "give -C a directory", zh: "-C 后面请给一个目录")
    static let noProject = MessageTemplate(
        "fs.project.none", en: "no vault project in \"{path}\" or any directory above it", zh: "“{path}”及其上级目录中都没有 vault 项目")
    static let runInside = MessageTemplate(
        "fs.project.none.hint", en: "a project root holds vault/ and schemas/; run vault inside one, or pass -C DIR",
        zh: "项目根目录下有 vault/ 和 schemas/；请在项目中运行 vault，或用 -C DIR 指定项目")

    static let messages = [cannotUse, checkPath, notADirectory, giveDirectory, noProject, runInside]

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
