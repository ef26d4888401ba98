#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `vault period new`: opens an evaluation period. Writes `vault/periods/ID.txt` (dates,
/// schema, review threshold, the roster counted from the vault, and the panel and
/// secretariat of the period it follows) and one record file per alliance on the
/// roster, `participation status=open`, so that every alliance says where it stands
/// from the first day (docs/scoring.md#participation). Every check runs before the
/// first byte is written; the writes are atomic, under the writers' lock, and a failed
/// one removes the files written before it.
public enum PeriodOpener {
    public struct Request: Sendable {
        public var id: String
        public var start: String
        public var end: String
        public var schema: String?
        /// The period to take the schema, threshold, panel and secretariat from.
        public var from: String?

        public init(id: String, start: String, end: String, schema: String? = nil, from: String? = nil) {
            self.id = id
            self.start = start
            self.end = end
            self.schema = schema
            self.from = from
        }
    }

    /// What opening the period writes, worked out before anything is written.
    public struct Plan: Sendable {
        public var id: String
        public var start: Day
        public var end: Day
        public var schema: String
        public var threshold: String?
        /// The period the threshold (and, with `--from`, the panel) came from.
        public var basis: String?
        public var carriedFrom: String?
        public var roster: Int
        public var batchRoster: [(batch: String, count: Int)]
        public var experts: Int
        public var secretariat: Int
        public var periodPath: String
        public var periodFile: [UInt8]
        /// One record file per alliance on the roster, in byte order of the path.
        public var recordFiles: [String]
        public static let recordFile = Array("participation status=open\n".utf8)
    }

    /// A refusal: why, and what to do. Nothing was written.
    public typealias Refusal = FileSystemError

    /// Takes the lock, loads what it needs, checks everything, then writes.
    public static func open(_ request: Request, root: String) throws(Refusal) -> Plan {
        let fs = try DiskFileSystem(root: root)
        let lock = try WriteLock(fs)
        defer { withExtendedLifetime(lock) {} }
        let loaded = Loader.loadDefinitions(fs)
        let plan = try self.plan(request, vault: loaded.vault, recordFiles: loaded.recordFiles)
        // A link or special file in the tree: the vault read is not the whole vault (closed world).
        if let refusal = AtomicFile.refusal(loaded.vault.refusedEntries) { throw refusal }
        try checkTargets(plan, root: root)
        lock.removeLeftovers(loaded.vault.leftovers, in: fs)
        try write(plan, in: fs)
        return plan
    }

    /// Checks the request against the vault and works out the files.
    public static func plan(_ request: Request, vault: Vault, recordFiles: [DiscoveredFile]) throws(Refusal) -> Plan {
        let id = request.id
        guard Discovery.isPeriodID(id) else {
            throw Refusal(message: "\"\(id)\" is not a period id",
                          hint: "write YYYY for a one-year period or YYYY-YYYY for several years, e.g. 2024-2025; nothing was written")
        }
        let years = id.split(separator: "-").compactMap { Int($0) }
        if years.count == 2, years[1] <= years[0] {
            throw Refusal(message: "period id \"\(id)\" ends in \(years[1]), not after it starts in \(years[0])",
                          hint: "write the earlier year first, e.g. \(years[1])-\(years[0]), or YYYY for one year; nothing was written")
        }
        let start = try day(request.start, option: "--start")
        let end = try day(request.end, option: "--end")
        guard start <= end else {
            throw Refusal(message: "--end \(end) is before --start \(start): the dates are not a valid range",
                          hint: "give the period's first day as --start and its last day as --end; nothing was written")
        }
        guard start.year == years[0], end.year == years.last! else {
            let name = years.count == 1 ? "\(start.year)" : "\(start.year)-\(end.year)"
            throw Refusal(message: "period \(id) would run from \(start) to \(end), but its id names \(years.count == 1 ? "the year" : "the years") \(years.map(String.init).joined(separator: " to "))",
                          hint: start.year == end.year || start.year < end.year
                            ? "name it after the years of its first and last day (\(name)) or change the dates; nothing was written"
                            : "change the dates; nothing was written")
        }
        if let existing = vault.periods[id] {
            throw Refusal(message: "period \(id) already exists (\(existing.file.path))",
                          hint: "choose another id, or edit \(existing.file.path) to change the period; nothing was written")
        }
        for other in vault.periodIDs {
            guard let period = vault.periods[other], let otherStart = period.start, let otherEnd = period.end,
                  start <= otherEnd, otherStart <= end else { continue }
            throw Refusal(message: "period \(id) (\(start) to \(end)) overlaps period \(other) (\(otherStart) to \(otherEnd), \(period.file.path))",
                          hint: "start it after \(otherEnd) or end it before \(otherStart); an alliance's records must belong to one period; nothing was written")
        }
        // The period the schema and threshold come from: --from, else the latest period.
        let basis: Period?
        if let from = request.from {
            guard let period = vault.periods[from] else {
                let known = vault.periodIDs
                let guess = Suggest.closest(to: from, in: known).map { "; did you mean \($0)?" } ?? ""
                throw Refusal(message: "--from \(from): no period \"\(from)\" in vault/periods/\(guess)",
                              hint: known.isEmpty ? "the vault has no period yet: leave out --from and give --schema; nothing was written"
                                                  : "periods: \(known.joined(separator: ", ")); nothing was written")
            }
            basis = period
        } else {
            basis = vault.periodIDs.last.flatMap { vault.periods[$0] }
        }
        guard let schemaID = request.schema ?? basis?.schemaID else {
            throw Refusal(message: "no schema for period \(id): the vault has no period to take it from",
                          hint: "give --schema ID (a file in schemas/, without .txt); nothing was written")
        }
        guard vault.schemas[schemaID] != nil else {
            let known = vault.schemas.keys.sorted()
            let guess = Suggest.closest(to: schemaID, in: known).map { "; did you mean \($0)?" } ?? ""
            throw Refusal(message: "no schema \"\(schemaID)\" in schemas/\(guess)\(request.schema == nil ? " (named by period \(basis!.id))" : "")",
                          hint: "schemas: \(known.isEmpty ? "none" : known.joined(separator: ", ")); give --schema ID; nothing was written")
        }
        guard !vault.brokenSchemas.contains(schemaID) else {
            throw Refusal(message: "schema \"\(schemaID)\" has errors, so no record of the new period could be checked",
                          hint: "mend the errors `vault lint` reports in schemas/\(schemaID).txt, then run again; nothing was written")
        }
        let stray = recordFiles.filter { $0.id == id }.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if let first = stray.first {
            throw Refusal(message: "\(first) already exists\(stray.count > 1 ? " (and \(stray.count - 1) more record files of \(id))" : ""), but no period file does",
                          hint: "move or remove the record files of \(id) (or write vault/periods/\(id).txt by hand); nothing was written")
        }
        let threshold = basis.flatMap { p in p.file.records(of: "period").first.flatMap { p.file.text($0, "threshold") } }
        // The roster: every alliance of the vault, counted per batch.
        let alliances = vault.orderedAlliances
        var perBatch: [String: Int] = [:]
        for alliance in alliances { if let batch = alliance.batch { perBatch[batch, default: 0] += 1 } }
        let batches = [("1", "roster1"), ("2", "roster2"), ("3", "roster3"), ("later", "roster-later")]
        var line = "period start=\(start) end=\(end) schema=\(Escapes.quoteIfNeeded(schemaID)) roster=\(alliances.count)"
        // Batch rosters that must add up to the roster (`roster-sum`): written only when every
        // alliance has a batch; otherwise a comment says how many lack one.
        let unbatched = alliances.filter { $0.batch == nil }.map(\.id)
        if unbatched.isEmpty { for (batch, field) in batches { line += " \(field)=\(perBatch[batch] ?? 0)" } }
        if let threshold { line += " threshold=\(threshold)" }
        line += " title=\(Escapes.quoteIfNeeded("\(id) 年度产业技术创新战略联盟活跃度评价"))"
        var lines: [String] = []
        if !unbatched.isEmpty {
            // The count only: a directory name may hold anything, a comment line must not.
            lines.append("# no batch rosters: \(unbatched.count) of the \(alliances.count) alliances have no batch in their alliance.txt; add roster1, roster2, roster3 and roster-later once they are known")
        }
        lines.append(line)
        var experts = 0, secretariat = 0
        let carried = request.from.flatMap { vault.periods[$0] }
        if let carried {
            lines.append("# panel and secretariat carried over from \(carried.id) by `vault period new`")
            let parsed = LineParser.parse(carried.file.parsed.text)
            for raw in parsed.lines {
                let kind = parsed.string(raw.kind)
                guard kind == "expert" || kind == "secretariat", raw.date == nil else { continue }
                var text = kind
                for field in parsed.fields[raw.fieldRange] {
                    text += " \(parsed.string(field.key))=\(Escapes.quoteIfNeeded(parsed.value(field)))"
                }
                lines.append(text)
                if kind == "expert" { experts += 1 } else { secretariat += 1 }
            }
        }
        var bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let path = "vault/periods/\(id).txt"
        switch Formatter.format(bytes, path: path, table: KindTable(CoreSchema.kinds(for: .period)), sort: false) {
        case .changed(let canonical): bytes = canonical
        case .unchanged: break
        case .refused(let reason):
            throw Refusal(message: "the period file for \(id) could not be put in canonical form: \(reason.text(.en))",
                          hint: "mend the panel lines of vault/periods/\(request.from ?? "?").txt (vault lint shows them); nothing was written")
        }
        return Plan(id: id, start: start, end: end, schema: schemaID, threshold: threshold, basis: basis?.id,
                    carriedFrom: carried?.id, roster: alliances.count,
                    batchRoster: batches.map { ($0.0, perBatch[$0.0] ?? 0) }, experts: experts, secretariat: secretariat,
                    periodPath: path, periodFile: bytes,
                    recordFiles: alliances.map { "vault/alliances/\($0.id)/\(id).txt" })
    }

    static func day(_ text: String, option: String) throws(Refusal) -> Day {
        guard let day = Day(text), text.utf8.count == 10 else {
            throw Refusal(message: "\(option) \"\(text)\" is not a date",
                          hint: "write YYYY-MM-DD, a day that exists (2024-02-29 does, 2023-02-29 does not); nothing was written")
        }
        return day
    }

    /// Every file to write must not exist yet, in a real directory of the project (not a
    /// link, which could lead the write elsewhere): checked for all before writing any.
    static func checkTargets(_ plan: Plan, root: String) throws(Refusal) {
        var directories: Set<String> = []
        for path in [plan.periodPath] + plan.recordFiles {
            var info = stat()
            if lstat(root + "/" + path, &info) == 0 {
                throw Refusal(message: "\(path) already exists",
                              hint: "move it away, or choose another period id; nothing was written")
            } else if errno != ENOENT {
                throw Refusal(message: "cannot check \(path): \(DiskFileSystem.errnoText())",
                              hint: "make its directory readable, then run again; nothing was written")
            }
            directories.insert(String(path[..<path.lastIndex(of: "/")!]))
        }
        for directory in directories.sorted() {
            var info = stat()
            guard lstat(root + "/" + directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw Refusal(message: "\(directory) is not a directory of the project (a link, or missing)",
                              hint: "make it a real directory; `vault period new` writes only inside the project; nothing was written")
            }
        }
    }

    static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
        #else
        Darwin.write(fd, bytes, count)
        #endif
    }

    /// Record files first, the period file last: until it exists the period is not open.
    /// A record file is new (checked above), so it is created in place, exclusively and
    /// never through a link, in one `write`; the file systems are flushed once (`sync`), and only
    /// then is the period file written, atomically, by the writers' `AtomicFile`. So a
    /// crash leaves either no period (and record files the next run names) or all of it;
    /// one flush instead of one per file keeps 1,000 alliances below the time of a lint.
    /// A failed write removes the files written before it.
    static func write(_ plan: Plan, in fs: DiskFileSystem) throws(Refusal) {
        let root = fs.root
        var written: [String] = []
        func fail(_ message: String, hint: String?) -> Refusal {
            for path in written { unlink(root + "/" + path) }
            return Refusal(message: message + (written.isEmpty ? "" : "; the \(written.count) files written before it were removed"),
                           hint: "nothing was left written; " + (hint ?? "mend the cause and run again"))
        }
        let bytes = Plan.recordFile
        for path in plan.recordFiles {
            let (parent, name) = AtomicFile.split(path)
            // The directory is opened beneath the root without following a link, as every writer does.
            let directory = fs.open(beneath: parent, O_RDONLY | O_DIRECTORY | O_NONBLOCK)
            guard directory >= 0 else {
                let error = fs.failure(parent, errno, hint: AtomicFile.directoryWritable())
                throw fail("cannot write \(path): \(error.message.text(.en))", hint: error.hint?.text(.en))
            }
            let fd = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            let openError = fd < 0 ? DiskFileSystem.errnoText() : nil
            close(directory)
            if let openError {
                throw fail("cannot create \(path): \(openError)", hint: "check that the directory is writable")
            }
            let n = bytes.withUnsafeBytes { buffer -> Int in systemWrite(fd, buffer.baseAddress!, buffer.count) }
            var problem: String?
            if n < 0 { problem = DiskFileSystem.errnoText() } else if n != bytes.count { problem = "short write" }
            close(fd)
            written.append(path)
            if let problem {
                throw fail("cannot write \(path): \(problem)", hint: "free disk space (or raise the file-size limit) and run again")
            }
        }
        sync()
        do throws(FileSystemError) {
            try AtomicFile.write(plan.periodFile, to: plan.periodPath, in: fs)
        } catch {
            throw fail(error.message.text(.en), hint: error.hint?.text(.en))
        }
    }
}
