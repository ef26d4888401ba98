#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `vault score --write`: each alliance's `result` line in its period file, and
/// `vault/results/PERIOD.tsv`. Writes are atomic (a temporary file beside the
/// target, then rename), touch no other line, and a second run changes no byte.
public enum ResultWriter {
    /// What a result line must say, as written to the file.
    public static func line(for a: AllianceResult) -> String {
        var fields = ["result", "status=\(a.status.rawValue)"]
        if let score = a.score { fields.append("score=\(score)") }
        if let band = a.band { fields.append("band=\(band.id)") }
        if let rank = a.rank { fields.append("rank=\(rank)") }
        return fields.joined(separator: " ")
    }

    /// The text of a written result line, for comparing with `line(for:)`.
    public static func line(for w: WrittenResult) -> String {
        var fields = ["result", "status=\(w.status)"]
        if let score = w.score { fields.append("score=\(Points(FixedDecimal(score) ?? FixedDecimal(0)))") }
        if let band = w.band { fields.append("band=\(band)") }
        if let rank = w.rank { fields.append("rank=\(rank)") }
        return fields.joined(separator: " ")
    }

    /// The new content of a record file: its `result` lines removed and the new one put
    /// where `vault fmt` would put it (after the undated published, designation and
    /// participation lines, before the comment lines that belong to the next record),
    /// keeping the old line's trailing comment and the comment lines directly above it
    /// (a suppression of it among them); no other line changes. In a file in canonical
    /// form that is the old line's place, so the file stays canonical. A suppression
    /// alone on the line above a further `result` line (a union merge can leave two) goes
    /// with it: left, it would acknowledge the findings of whatever record came next.
    /// The bytes are parsed afresh, so an edit made since the vault was loaded is kept.
    public static func updated(_ bytes: [UInt8], result a: AllianceResult) -> [UInt8] {
        let parsed = LineParser.parse(SourceText(path: "", bytes: bytes))
        let results = parsed.lines.filter { parsed.string($0.kind) == "result" }
        func lineEnd(_ start: Int, in bytes: [UInt8]) -> Int {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            return end
        }
        /// The start of the comment lines directly above the line starting at `offset`.
        func attachedComments(above offset: Int, in bytes: [UInt8]) -> Int {
            var top = offset
            while top > 0 {
                var start = top - 1
                while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                let text = bytes[start..<(top - 1)].drop { $0 == 0x20 || $0 == 0x09 }
                guard text.first == UInt8(ascii: "#") else { break }
                top = start
            }
            return top
        }
        var newLine: [UInt8] = []
        var cuts: [Range<Int>] = []
        if let first = results.first {
            let start = Int(first.start)
            let top = attachedComments(above: start, in: bytes)
            newLine += bytes[top..<start]
            cuts.append(top..<min(bytes.count, lineEnd(start, in: bytes) + 1))
        }
        newLine += Array(line(for: a).utf8)
        if let first = results.first, let hash = Formatter.trailingComment(first, parsed: parsed) {
            newLine += Array(("  " + hash).utf8)
        }
        newLine.append(0x0A)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
        let duplicates = Set(results.dropFirst().map { Int($0.number) })
        for suppression in parsed.suppressions
        where duplicates.contains(suppression.target) && suppression.location.line < suppression.target {
            let start = lineStarts[suppression.location.line - 1]
            cuts.append(start..<min(bytes.count, lineEnd(start, in: bytes) + 1))
        }
        for line in results.dropFirst() {
            let start = Int(line.start)
            cuts.append(start..<min(bytes.count, lineEnd(start, in: bytes) + 1))   // the line and its LF
        }
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count + newLine.count)
        var cursor = 0
        for cut in cuts.sorted(by: { $0.lowerBound < $1.lowerBound }) where cut.lowerBound >= cursor {
            body += bytes[cursor..<cut.lowerBound]
            cursor = cut.upperBound
        }
        if cursor < bytes.count { body += bytes[cursor...] }
        if let last = body.last, last != 0x0A { body.append(0x0A) }
        let remaining = results.isEmpty ? parsed : LineParser.parse(SourceText(path: "", bytes: body))
        let before = precedingKinds
        var insertAt = body.count
        if let next = remaining.lines.first(where: { $0.date != nil || !before.contains(remaining.string($0.kind)) }) {
            // The comment lines directly above a record travel with it (vault fmt keeps them together).
            insertAt = attachedComments(above: Int(next.start), in: body)
        }
        return Array(body[..<insertAt]) + newLine + Array(body[insertAt...])
    }

    /// The record kinds `vault fmt` sorts before an (undated) `result` line: the core kinds above it.
    static let precedingKinds: Set<String> = {
        let kinds = CoreSchema.kinds(for: .records).map(\.id)
        return Set(kinds.prefix { $0 != "result" })
    }()

    /// Writes every result of `results` under `root`; returns the files that changed.
    /// `leftovers` are temporary files interrupted writers left (`Vault.leftovers`); they are removed.
    /// `refused` are the links and special files the load met (`Vault.refusedEntries`):
    /// while any is there nothing is written, since the vault read is not the whole vault.
    public static func write(_ results: [String: PeriodResult], root: String,
                             leftovers: [String] = [], refused: [Message] = []) throws(FileSystemError) -> [String] {
        if let refusal = AtomicFile.refusal(refused) { throw refusal }
        var changed: [String] = []
        let fs = try DiskFileSystem(root: root)
        let lock = try WriteLock(fs)
        defer { withExtendedLifetime(lock) {} }
        lock.removeLeftovers(leftovers, in: fs)
        for periodID in results.keys.sorted() {
            let result = results[periodID]!
            guard result.schema != nil else { continue }
            for alliance in result.alliances {
                let path = "vault/alliances/\(alliance.id)/\(periodID).txt"
                guard alliance.written.map({ line(for: $0) != line(for: alliance) || !$0.extraLineStarts.isEmpty }) ?? true else { continue }
                // Only alliances with a record file for the period get a result line; a
                // record file that became a link or a FIFO since the load is refused.
                let before: [UInt8]
                do throws(FileSystemError) {
                    before = try fs.read(path)
                } catch {
                    if error.code == ENOENT { continue }
                    throw AtomicFile.cannotWrite(path, error)
                }
                let after = updated(before, result: alliance)
                if after != before {
                    try AtomicFile.write(after, to: path, in: fs)
                    changed.append(path)
                }
            }
            guard result.hasResults else { continue }
            let table = Array(ScoreTable.tsv(result).utf8)
            let path = "vault/results/\(periodID).tsv"
            try AtomicFile.ensureDirectory("vault/results", in: fs)
            let current: [UInt8]?
            do throws(FileSystemError) {
                current = try fs.read(path)
            } catch {
                guard error.code == ENOENT else { throw AtomicFile.cannotWrite(path, error) }
                current = nil
            }
            if current != table {
                try AtomicFile.write(table, to: path, in: fs)
                changed.append(path)
            }
        }
        return changed
    }
}

/// Replaces a file's content atomically: a reader sees the old bytes or the new, never half.
///
/// The closed world holds for writing too: the file and every directory on its way
/// are opened without following a link (`DiskFileSystem.open(beneath:)`); a link, a
/// special file or a file with other hard links is refused and left as it was; the
/// new file keeps the old one's mode (and owner, where allowed); the temporary file
/// beside it has an unpredictable name (`.NAME.tmp-RANDOM`) and is created with
/// `O_EXCL`, so nothing planted under that name is followed or overwritten.
public enum AtomicFile {
    /// Writes `bytes` to `path`, relative to the project root of `fs`.
    public static func write(_ bytes: [UInt8], to path: String, in fs: DiskFileSystem) throws(FileSystemError) {
        let (parent, name) = split(path)
        let directory = fs.open(beneath: parent, O_RDONLY | O_DIRECTORY | O_NONBLOCK)
        guard directory >= 0 else {
            throw cannotWrite(path, fs.failure(parent, errno, hint: directoryWritable()), on: parent)
        }
        defer { close(directory) }
        try write(bytes, name: name, in: directory, shown: path)
    }

    /// Writes a file named on the command line (`--output`): inside the project as
    /// `write(_:to:in:)`; elsewhere the directories on its way are the user's, but the
    /// file itself is still never a link, a special file or a hard-linked file.
    public static func write(_ bytes: [UInt8], toPath path: String, project fs: DiskFileSystem) throws(FileSystemError) {
        if let inside = relative(path, to: fs) { return try write(bytes, to: inside, in: fs) }
        let (parent, name) = split(path)
        let directory = Glibc.open(parent.isEmpty ? "/" : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else {
            throw FileSystemError(message: cannotWritePath(["path": .text(path), "reason": .text(DiskFileSystem.errnoText())]),
                                  hint: directoryExists())
        }
        defer { close(directory) }
        try write(bytes, name: name, in: directory, shown: path)
    }

    /// The bytes of a file named on the command line, or nil when it is missing or is
    /// not a regular file (the write that follows then says why).
    public static func current(atPath path: String, project fs: DiskFileSystem) -> [UInt8]? {
        if let inside = relative(path, to: fs) { return try? fs.read(inside) }
        let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return (try? DiskFileSystem.readOpened(fd, path: path, into: nil)).map(Array.init)
    }

    /// `path` relative to the project root when it lies inside the project.
    static func relative(_ path: String, to fs: DiskFileSystem) -> String? {
        guard path.hasPrefix(fs.root + "/") else { return nil }
        var inside = String(path.dropFirst(fs.root.count + 1))
        while inside.hasPrefix("./") { inside.removeFirst(2) }
        return inside
    }

    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// The refusal of every writer while the tree holds links or special files.
    public static func refusal(_ refused: [Message]) -> FileSystemError? {
        let more = refused.count > 5 ? [andMore(["count": .count(refused.count - 5)])] : []
        guard let shown = Message.joined(Array(refused.prefix(5)) + more, by: entries) else { return nil }
        return FileSystemError(message: neverOpened(["entries": .message(shown)]), hint: replaceEntries())
    }

    /// One entry a load refused (`Vault.refusedEntries`): `"vault" is a symbolic link (to …)`.
    static let refusedEntry = MessageTemplate("write.refused.entry", en: "\"{path}\" is {what}", zh: "“{path}”是{what}")
    static let entries = MessageTemplate("write.refused.entries", en: "{first}; {rest}", zh: "{first}；{rest}")
    static let andMore = MessageTemplate("write.refused.more", en: "and {count} more", zh: "另有 {count} 项")

    /// A read or open failure met while writing `path`, said as a refusal to write it.
    static func cannotWrite(_ path: String, _ error: FileSystemError, on entry: String? = nil) -> FileSystemError {
        var error = error
        let subject: Message = entry.map { $0.isEmpty ? projectRoot() : quoted(["path": .text($0)]) } ?? quoted(["path": .text(path)])
        let reason = error.withSubject.map { $0(.message(subject)) } ?? error.message
        error.message = cannotWriteQuoted(["path": .text(path), "reason": .message(reason)])
        error.withSubject = nil
        return error
    }

    /// Writes `name` in the open directory `directory`.
    static func write(_ bytes: [UInt8], name: String, in directory: Int32, shown path: String) throws(FileSystemError) {
        var mode: mode_t = 0o644
        var owner: (uid: uid_t, gid: gid_t)?
        var info = stat()
        if fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            let type = info.st_mode & S_IFMT
            guard type == S_IFREG else {
                let what = type == S_IFLNK ? FileSystemError.link(["target": .text(DiskFileSystem.linkTarget(name, in: directory))])
                    : DiskFileSystem.kind(info.st_mode)
                throw FileSystemError(message: notRegular(["path": .text(path), "what": .message(what)]), hint: replaceByFile())
            }
            guard info.st_nlink <= 1 else {
                throw FileSystemError(message: hardLinked(["path": .text(path), "links": .text("\(info.st_nlink)")]),
                                      hint: ownFile(["name": .text(name)]))
            }
            // A file its owner made read-only stays as it is (rename would replace it regardless).
            guard info.st_mode & S_IWUSR != 0 else {
                throw FileSystemError(message: readOnly(["path": .text(path)]), hint: makeWritable())
            }
            mode = info.st_mode & 0o7777
            owner = (info.st_uid, info.st_gid)
        } else if errno != ENOENT {
            throw FileSystemError(message: cannotWritePath(["path": .text(path), "reason": .text(DiskFileSystem.errnoText())]),
                                  hint: FileSystemError.directoryPermissions())
        }
        // An unpredictable name, created exclusively: a planted file or link is never followed.
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<16 {
            temporary = ".\(name).tmp-\(UInt64.random(in: 0...UInt64.max))"
            fd = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw FileSystemError(message: cannotWritePath(["path": .text(path), "reason": .text(DiskFileSystem.errnoText())]),
                                  hint: diskNotFull())
        }
        // The mode exactly as it was (the umask narrowed the one given to open), and the owner where allowed.
        _ = fchmod(fd, mode)
        if let owner, owner.uid != geteuid() || owner.gid != getegid() { _ = fchown(fd, owner.uid, owner.gid) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let tooLarge = errno == EFBIG
                let message = DiskFileSystem.errnoText()
                close(fd)
                unlinkat(directory, temporary, 0)
                throw FileSystemError(message: cannotWritePath(["path": .text(path), "reason": .text(message)]),
                                      hint: tooLarge ? sizeLimit() : freeDiskSpace())
            }
            offset += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, renameat(directory, temporary, directory, name) == 0 else {
            let message = DiskFileSystem.errnoText()
            unlinkat(directory, temporary, 0)
            throw FileSystemError(message: cannotReplace(["path": .text(path), "reason": .text(message)]), hint: leftAsItWas())
        }
        _ = fsync(directory)
    }

    /// Creates the directory `path` (relative to the root of `fs`) when it is missing;
    /// one that is a link or a special file is refused.
    public static func ensureDirectory(_ path: String, in fs: DiskFileSystem) throws(FileSystemError) {
        let (parent, name) = split(path)
        let directory = fs.open(beneath: parent, O_RDONLY | O_DIRECTORY | O_NONBLOCK)
        guard directory >= 0 else { throw cannotWrite(path, fs.failure(parent, errno, hint: FileSystemError.directoryPermissions()), on: parent) }
        defer { close(directory) }
        if mkdirat(directory, name, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError(message: cannotCreate(["path": .text(path), "reason": .text(DiskFileSystem.errnoText())]), hint: nil)
        }
        let made = fs.open(beneath: path, O_RDONLY | O_DIRECTORY | O_NONBLOCK)
        guard made >= 0 else { throw cannotWrite(path, fs.failure(path, errno, hint: FileSystemError.directoryPermissions()), on: path) }
        close(made)
    }

    // The writers' refusals.
    static let cannotWritePath = MessageTemplate("write.cannot-write", en: "cannot write {path}: {reason}", zh: "无法写入 {path}：{reason}")
    static let cannotWriteQuoted = MessageTemplate(
        "write.cannot-write-quoted", en: "cannot write \"{path}\": {reason}; nothing was written to it", zh: "无法写入“{path}”：{reason}；没有写入任何内容")
    static let projectRoot = MessageTemplate("write.project-root", en: "the project root", zh: "项目根目录")
    static let quoted = MessageTemplate("write.quoted", en: "\"{path}\"", zh: "“{path}”")
    static let directoryWritable = MessageTemplate("write.directory-writable.hint", en: "check that the directory is writable", zh: "请检查目录是否可写")
    static let directoryExists = MessageTemplate(
        "write.directory-exists.hint", en: "check that the directory exists and is writable", zh: "请检查目录是否存在且可写")
    static let neverOpened = MessageTemplate(
        "write.refused", en: "the project holds entries vault never opens: {entries}; nothing was written",
        zh: "项目中有 vault 从不打开的目录项：{entries}；什么也没有写入")
    static let replaceEntries = MessageTemplate(
        "write.refused.hint", en: "replace each by a regular file or directory (`vault lint` lists them), then run again",
        zh: "请把它们逐一换成普通文件或目录（`vault lint` 会列出），然后再运行")
    static let notRegular = MessageTemplate(
        "write.not-regular", en: "{path} is {what}; vault writes only regular files and never through a link; it was left as it was",
        zh: "{path} 是{what}；vault 只写普通文件，也从不经由链接写入；它保持原样")
    static let replaceByFile = MessageTemplate(
        "write.not-regular.hint", en: "replace it by a regular file if vault should write it, then run again",
        zh: "如果应由 vault 写入，请把它换成普通文件，然后再运行")
    static let hardLinked = MessageTemplate(
        "write.hard-links", en: "{path} has {links} hard links; replacing it would leave the other names with the old content; it was left as it was",
        zh: "{path} 有 {links} 个硬链接；替换它会让其他名称仍指向旧内容；它保持原样")
    static let ownFile = MessageTemplate(
        "write.hard-links.hint", en: "give it a file of its own (cp {name} {name}.new && mv {name}.new {name}), then run again",
        zh: "请让它成为独立的文件（cp {name} {name}.new && mv {name}.new {name}），然后再运行")
    static let readOnly = MessageTemplate("write.read-only", en: "{path} is read-only; it was left as it was", zh: "{path} 是只读的；它保持原样")
    static let makeWritable = MessageTemplate(
        "write.read-only.hint", en: "make it writable (chmod u+w) if it should change, then run again", zh: "如果它应当修改，请设为可写（chmod u+w），然后再运行")
    static let diskNotFull = MessageTemplate(
        "write.disk.hint", en: "check that the directory is writable and the disk is not full", zh: "请检查目录是否可写、磁盘是否已满")
    static let sizeLimit = MessageTemplate(
        "write.size-limit.hint", en: "the file was left as it was; the file-size limit (ulimit -f) is too small for it",
        zh: "文件保持原样；文件大小上限（ulimit -f）太小，写不下它")
    static let freeDiskSpace = MessageTemplate(
        "write.free-disk.hint", en: "the file was left as it was; free disk space and run again", zh: "文件保持原样；请腾出磁盘空间后再运行")
    static let cannotReplace = MessageTemplate("write.replace", en: "cannot replace {path}: {reason}", zh: "无法替换 {path}：{reason}")
    static let leftAsItWas = MessageTemplate("write.replace.hint", en: "the file was left as it was", zh: "文件保持原样")
    static let cannotCreate = MessageTemplate("write.create", en: "cannot create {path}: {reason}", zh: "无法创建 {path}：{reason}")

    public static let messages = [
        cannotWritePath, cannotWriteQuoted, projectRoot, quoted, directoryWritable, directoryExists, neverOpened, replaceEntries,
        notRegular, replaceByFile, hardLinked, ownFile, readOnly, makeWritable, diskNotFull, sizeLimit, freeDiskSpace,
        cannotReplace, leftAsItWas, cannotCreate, refusedEntry, entries, andMore,
    ] + WriteLock.messages
}
