/// Runs the formatter over a project's files: which files, with which kind table.
public enum FormatRun {
    public struct Report: Sendable {
        public var changed: [String] = []
        public var refused: [(path: String, reason: String)] = []
    }

    /// Formats every vault and schema file whose path starts with one of `paths`
    /// (all when empty); writes them unless `check`.
    public static func run(_ fs: DiskFileSystem, paths: [String], check: Bool) throws(FileSystemError) -> Report {
        let lock = check ? nil : try WriteLock(fs)
        defer { withExtendedLifetime(lock) {} }
        let vault = Loader.load(fs).vault
        // A link or special file in the tree: its files were not read, so none is written.
        if !check, let refusal = AtomicFile.refusal(vault.refusedEntries) { throw refusal }
        lock?.removeLeftovers(vault.leftovers, in: fs)
        var tables: [String: KindTable] = [:]
        for file in vault.boundFiles { tables[file.path] = file.table }
        var report = Report()
        for file in vault.files.sorted(by: { $0.text.path.utf8.lexicographicallyPrecedes($1.text.path.utf8) }) {
            let path = file.text.path
            guard paths.isEmpty || paths.contains(where: { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else { continue }
            let table = path.hasPrefix("schemas/") ? MetaSchema.table : tables[path]
            let sort = path.hasPrefix("vault/alliances/") && !path.hasSuffix("/alliance.txt")
            switch Formatter.format(Array(file.text.bytes), path: path, table: table, sort: sort) {
            case .unchanged: continue
            case .refused(let reason): report.refused.append((path, reason))
            case .changed(let bytes):
                if !check { try AtomicFile.write(bytes, to: path, in: fs) }
                report.changed.append(path)
            }
        }
        return report
    }
}
