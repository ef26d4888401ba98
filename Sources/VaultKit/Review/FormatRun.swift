#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the formatter over a project's files: which files, with which kind table.
public enum FormatRun {
    public struct Report: Sendable {
        public var changed: [String] = []
        public var refused: [(path: String, reason: Message)] = []
    }

    /// Formats every vault and schema file whose path starts with one of `paths`
    /// (all when empty); writes them unless `check`.
    public static func run(_ fs: DiskFileSystem, paths: [String], check: Bool) throws(FileSystemError) -> Report {
        let lock = check ? nil : try WriteLock(fs)
        defer { withExtendedLifetime(lock) {} }
        let vault = Loader.load(fs).vault
        try checkPaths(paths, in: vault, root: fs.root)
        // A link or special file in the tree: its files were not read, so none is written.
        if !check, let refusal = AtomicFile.refusal(vault.refusedEntries) { throw refusal }
        lock?.removeLeftovers(vault.leftovers, in: fs)
        var tables: [String: KindTable] = [:]
        for file in vault.boundFiles { tables[file.path] = file.table }
        var report = Report()
        for file in vault.files.sorted(by: { $0.text.path.utf8.lexicographicallyPrecedes($1.text.path.utf8) }) {
            let path = file.text.path
            guard paths.isEmpty || paths.contains(where: { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else { continue }
            switch format(Array(file.text.bytes), path: path, table: tables[path]) {
            case .unchanged: continue
            case .refused(let reason): report.refused.append((path, reason))
            case .changed(let bytes):
                if !check { try AtomicFile.write(bytes, to: path, in: fs) }
                report.changed.append(path)
            }
        }
        return report
    }

    /// A file's bytes as `vault fmt` writes them: a schema with the schema language's
    /// kinds, a record file with `table` (its schema's kinds, from the load), and an
    /// alliance's period file with its records sorted. The language server formats
    /// an unsaved document through this too, so the editor and the CLI agree.
    public static func format(_ bytes: [UInt8], path: String, table: KindTable?) -> Formatter.Outcome {
        let table = path.hasPrefix("schemas/") ? MetaSchema.table : table
        let sort = path.hasPrefix("vault/alliances/") && !path.hasSuffix("/alliance.txt")
        return Formatter.format(bytes, path: path, table: table, sort: sort)
    }

    /// Every path given must name a record or schema file of the vault, or a directory
    /// holding some: a path that does not exist, leads outside the project or names
    /// another file (README.md, a results table) is refused before anything is written.
    static func checkPaths(_ paths: [String], in vault: Vault, root: String) throws(FileSystemError) {
        let files = vault.files.map(\.text.path)
        for path in paths {
            var parts: [Substring] = []
            var outside = path.hasPrefix("/")
            for part in path.split(separator: "/") where part != "." {
                if part == ".." {
                    if parts.isEmpty { outside = true } else { parts.removeLast() }
                } else {
                    parts.append(part)
                }
            }
            if outside {
                throw FileSystemError(message: FormatRun.outside(["path": .text(path), "root": .text(root)]), hint: FormatRun.insideHint())
            }
            let relative = parts.joined(separator: "/")
            if relative.isEmpty { continue }
            if files.contains(where: { $0 == relative || $0.hasPrefix(relative + "/") }) { continue }
            var info = stat()
            let exists = lstat(root + "/" + relative, &info) == 0
            throw FileSystemError(message: exists ? notVaultFile(["path": .text(path)]) : noSuchPath(["path": .text(path)]),
                                  hint: exists ? notVaultFileHint() : noSuchPathHint(["root": .text(root)]))
        }
    }

    static let outside = MessageTemplate("fmt.outside", en: "{path} is outside the project ({root})", zh: "{path} 在项目（{root}）之外")
    static let insideHint = MessageTemplate(
        "fmt.outside.hint", en: "give paths inside the project, relative to its root: vault/…, schemas/…; nothing was formatted",
        zh: "请给出项目内、相对于项目根目录的路径：vault/…、schemas/…；什么也没有格式化")
    static let notVaultFile = MessageTemplate(
        "fmt.not-vault-file", en: "{path} is not a record or schema file of the vault", zh: "{path} 不是 vault 的记录文件或指标体系文件")
    static let notVaultFileHint = MessageTemplate(
        "fmt.not-vault-file.hint",
        en: "vault fmt formats schemas/*.txt and the .txt files of vault/periods, vault/alliances and vault/reviews; nothing was formatted",
        zh: "vault fmt 只格式化 schemas/*.txt 以及 vault/periods、vault/alliances、vault/reviews 下的 .txt 文件；什么也没有格式化")
    static let noSuchPath = MessageTemplate(
        "fmt.no-such-path", en: "{path}: no such file or directory in the project", zh: "{path}：项目中没有这个文件或目录")
    static let noSuchPathHint = MessageTemplate(
        "fmt.no-such-path.hint", en: "give a path relative to the project root ({root}), e.g. vault/alliances/ID/PERIOD.txt; nothing was formatted",
        zh: "请给出相对于项目根目录（{root}）的路径，例如 vault/alliances/ID/PERIOD.txt；什么也没有格式化")

    public static let messages = [outside, insideHint, notVaultFile, notVaultFileHint, noSuchPath, noSuchPathHint, Formatter.refusedAt]
}
