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
    public typealias Refusal = CycleRefusal

    /// Takes the lock, loads what it needs, checks everything, then writes.
    public static func open(_ request: Request, root: String) throws(Refusal) -> Plan {
        let fs: DiskFileSystem
        let lock: WriteLock
        do throws(FileSystemError) {
            fs = try DiskFileSystem(root: root)
            lock = try WriteLock(fs)
        } catch {
            throw Refusal(error.message, hint: error.hint)
        }
        defer { withExtendedLifetime(lock) {} }
        let loaded = Loader.loadDefinitions(fs)
        let plan = try self.plan(request, vault: loaded.vault, recordFiles: loaded.recordFiles)
        // A link or special file in the tree: the vault read is not the whole vault (closed world).
        if let refusal = AtomicFile.refusal(loaded.vault.refusedEntries) { throw Refusal(refusal.message, hint: refusal.hint) }
        try checkTargets(plan, root: root)
        lock.removeLeftovers(loaded.vault.leftovers, in: fs)
        try write(plan, in: fs)
        return plan
    }

    /// Checks the request against the vault and works out the files.
    public static func plan(_ request: Request, vault: Vault, recordFiles: [DiscoveredFile]) throws(Refusal) -> Plan {
        let id = request.id
        guard Discovery.isPeriodID(id) else {
            throw Refusal(notPeriodID(["id": .text(id)]), hint: writePeriodID())
        }
        let years = id.split(separator: "-").compactMap { Int($0) }
        if years.count == 2, years[1] <= years[0] {
            let arguments: KeyValuePairs<String, MessageArgument> = ["id": .text(id), "end": .text("\(years[1])"), "start": .text("\(years[0])")]
            throw Refusal(yearsReversed(arguments), hint: earlierYearFirst(arguments))
        }
        let start = try day(request.start, option: "--start")
        let end = try day(request.end, option: "--end")
        guard start <= end else {
            throw Refusal(endBeforeStart(["end": .text("\(end)"), "start": .text("\(start)")]), hint: firstAndLastDay())
        }
        guard start.year == years[0], end.year == years.last! else {
            let name = years.count == 1 ? "\(start.year)" : "\(start.year)-\(end.year)"
            let dates: KeyValuePairs<String, MessageArgument> = [
                "id": .text(id), "start": .text("\(start)"), "end": .text("\(end)"), "first": .text("\(years[0])"), "last": .text("\(years.last!)")]
            throw Refusal(years.count == 1 ? idNamesYear(dates) : idNamesYears(dates),
                          hint: start.year == end.year || start.year < end.year ? nameAfterYears(["name": .text(name)]) : changeDates())
        }
        if let existing = vault.periods[id] {
            throw Refusal(periodExists(["id": .text(id), "path": .text(existing.file.path)]),
                          hint: chooseAnotherID(["path": .text(existing.file.path)]))
        }
        for other in vault.periodIDs {
            guard let period = vault.periods[other], let otherStart = period.start, let otherEnd = period.end,
                  start <= otherEnd, otherStart <= end else { continue }
            throw Refusal(overlaps(["id": .text(id), "start": .text("\(start)"), "end": .text("\(end)"), "other": .text(other),
                                    "otherStart": .text("\(otherStart)"), "otherEnd": .text("\(otherEnd)"), "path": .text(period.file.path)]),
                          hint: moveDates(["otherStart": .text("\(otherStart)"), "otherEnd": .text("\(otherEnd)")]))
        }
        // The period the schema and threshold come from: --from, else the latest period.
        let basis: Period?
        if let from = request.from {
            guard let period = vault.periods[from] else {
                let known = vault.periodIDs
                throw Refusal(noSuchFrom(["from": .text(from), "guess": guess(from, in: known)]),
                              hint: known.isEmpty ? noPeriodYet() : periodList(["periods": .list(known)]))
            }
            basis = period
        } else {
            basis = vault.periodIDs.last.flatMap { vault.periods[$0] }
        }
        guard let schemaID = request.schema ?? basis?.schemaID else {
            throw Refusal(noSchema(["id": .text(id)]), hint: giveSchema())
        }
        guard vault.schemas[schemaID] != nil else {
            let known = vault.schemas.keys.sorted()
            throw Refusal(unknownSchema(["schema": .text(schemaID), "guess": guess(schemaID, in: known),
                                         "named": request.schema == nil ? .message(namedByPeriod(["period": .text(basis!.id)])) : .text("")]),
                          hint: schemaList(["schemas": known.isEmpty ? .message(noSchemas()) : .list(known)]))
        }
        guard !vault.brokenSchemas.contains(schemaID) else {
            throw Refusal(brokenSchema(["schema": .text(schemaID)]), hint: mendSchema(["schema": .text(schemaID)]))
        }
        let stray = recordFiles.filter { $0.id == id }.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if let first = stray.first {
            throw Refusal(strayRecords(["path": .text(first),
                                        "more": stray.count > 1 ? .message(moreStray(["count": .count(stray.count - 1), "id": .text(id)])) : .text("")]),
                          hint: moveStray(["id": .text(id)]))
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
            throw Refusal(notCanonical(["id": .text(id), "reason": .message(CycleRefusal.said(reason))]),
                          hint: mendPanel(["from": .text(request.from ?? "?")]))
        }
        return Plan(id: id, start: start, end: end, schema: schemaID, threshold: threshold, basis: basis?.id,
                    carriedFrom: carried?.id, roster: alliances.count,
                    batchRoster: batches.map { ($0.0, perBatch[$0.0] ?? 0) }, experts: experts, secretariat: secretariat,
                    periodPath: path, periodFile: bytes,
                    recordFiles: alliances.map { "vault/alliances/\($0.id)/\(id).txt" })
    }

    static func day(_ text: String, option: String) throws(Refusal) -> Day {
        guard let day = Day(text), text.utf8.count == 10 else {
            throw Refusal(notADate(["option": .text(option), "text": .text(text)]), hint: writeADay())
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
                throw Refusal(targetExists(["path": .text(path)]), hint: moveItAway())
            } else if errno != ENOENT {
                throw Refusal(cannotCheck(["path": .text(path), "reason": .text(DiskFileSystem.errnoText())]), hint: makeReadable())
            }
            directories.insert(String(path[..<path.lastIndex(of: "/")!]))
        }
        for directory in directories.sorted() {
            var info = stat()
            guard lstat(root + "/" + directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw Refusal(notProjectDirectory(["directory": .text(directory)]), hint: makeRealDirectory())
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
        func fail(_ message: Message, hint: Message?) -> Refusal {
            for path in written { unlink(root + "/" + path) }
            return Refusal(written.isEmpty ? message : removedBefore(["reason": .message(message), "count": .count(written.count)]),
                           hint: leftNothing(["hint": .message(hint ?? mendCause())]))
        }
        let bytes = Plan.recordFile
        for path in plan.recordFiles {
            let (parent, name) = AtomicFile.split(path)
            // The directory is opened beneath the root without following a link, as every writer does.
            let directory = fs.open(beneath: parent, O_RDONLY | O_DIRECTORY | O_NONBLOCK)
            guard directory >= 0 else {
                let error = fs.failure(parent, errno, hint: AtomicFile.directoryWritable())
                throw fail(cannotWrite(["path": .text(path), "reason": .message(CycleRefusal.said(error.message))]),
                           hint: error.hint.map(CycleRefusal.said) ?? checkWritable())
            }
            let fd = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            let openError = fd < 0 ? DiskFileSystem.errnoText() : nil
            close(directory)
            if let openError {
                throw fail(cannotCreate(["path": .text(path), "reason": .text(openError)]), hint: checkWritable())
            }
            let n = bytes.withUnsafeBytes { buffer -> Int in systemWrite(fd, buffer.baseAddress!, buffer.count) }
            var problem: MessageArgument?
            if n < 0 { problem = .text(DiskFileSystem.errnoText()) } else if n != bytes.count { problem = .message(shortWrite()) }
            close(fd)
            written.append(path)
            if let problem {
                throw fail(cannotWrite(["path": .text(path), "reason": problem]), hint: freeDiskSpace())
            }
        }
        sync()
        do throws(FileSystemError) {
            try AtomicFile.write(plan.periodFile, to: plan.periodPath, in: fs)
        } catch {
            throw fail(CycleRefusal.said(error.message), hint: error.hint.map(CycleRefusal.said))
        }
    }

    /// "; did you mean 2023?" after a name that is not there, when one is close.
    static func guess(_ name: String, in known: [String]) -> MessageArgument {
        Suggest.closest(to: name, in: known).map { .message(didYouMean(["suggestion": .text($0)])) } ?? .text("")
    }

    static let notPeriodID = MessageTemplate("cycle.period-new.not-id", en: "\"{id}\" is not a period id", zh: "“{id}”不是评价期 id")
    static let writePeriodID = MessageTemplate(
        "cycle.period-new.not-id.hint", en: "write YYYY for a one-year period or YYYY-YYYY for several years, e.g. 2024-2025; nothing was written",
        zh: "一年的评价期写 YYYY，跨几年的写 YYYY-YYYY，例如 2024-2025；未写入任何文件")
    static let yearsReversed = MessageTemplate(
        "cycle.period-new.years-reversed", en: "period id \"{id}\" ends in {end}, not after it starts in {start}",
        zh: "评价期 id“{id}”的结束年份 {end} 不晚于开始年份 {start}")
    static let earlierYearFirst = MessageTemplate(
        "cycle.period-new.years-reversed.hint", en: "write the earlier year first, e.g. {end}-{start}, or YYYY for one year; nothing was written",
        zh: "请把较早的年份写在前面，例如 {end}-{start}；一年的评价期写 YYYY；未写入任何文件")
    static let notADate = MessageTemplate("cycle.period-new.not-date", en: "{option} \"{text}\" is not a date", zh: "{option}“{text}”不是日期")
    static let writeADay = MessageTemplate(
        "cycle.period-new.not-date.hint", en: "write YYYY-MM-DD, a day that exists (2024-02-29 does, 2023-02-29 does not); nothing was written",
        zh: "请写成 YYYY-MM-DD，并且是确实存在的日子（2024-02-29 存在，2023-02-29 不存在）；未写入任何文件")
    static let endBeforeStart = MessageTemplate(
        "cycle.period-new.end-before-start", en: "--end {end} is before --start {start}: the dates are not a valid range",
        zh: "--end {end} 早于 --start {start}：日期范围无效")
    static let firstAndLastDay = MessageTemplate(
        "cycle.period-new.end-before-start.hint", en: "give the period's first day as --start and its last day as --end; nothing was written",
        zh: "请用 --start 给出评价期的第一天，用 --end 给出最后一天；未写入任何文件")
    static let idNamesYear = MessageTemplate(
        "cycle.period-new.id-year", en: "period {id} would run from {start} to {end}, but its id names the year {first}",
        zh: "评价期 {id} 将从 {start} 到 {end}，但它的 id 表示的是 {first} 年")
    static let idNamesYears = MessageTemplate(
        "cycle.period-new.id-years", en: "period {id} would run from {start} to {end}, but its id names the years {first} to {last}",
        zh: "评价期 {id} 将从 {start} 到 {end}，但它的 id 表示的是 {first} 至 {last} 年")
    static let nameAfterYears = MessageTemplate(
        "cycle.period-new.id-years.hint", en: "name it after the years of its first and last day ({name}) or change the dates; nothing was written",
        zh: "请按第一天和最后一天所在的年份命名（{name}），或修改日期；未写入任何文件")
    static let changeDates = MessageTemplate(
        "cycle.period-new.id-years.dates.hint", en: "change the dates; nothing was written", zh: "请修改日期；未写入任何文件")
    static let periodExists = MessageTemplate(
        "cycle.period-new.exists", en: "period {id} already exists ({path})", zh: "评价期 {id} 已经存在（{path}）")
    static let chooseAnotherID = MessageTemplate(
        "cycle.period-new.exists.hint", en: "choose another id, or edit {path} to change the period; nothing was written",
        zh: "请换一个 id，或编辑 {path} 来修改这个评价期；未写入任何文件")
    static let overlaps = MessageTemplate(
        "cycle.period-new.overlaps", en: "period {id} ({start} to {end}) overlaps period {other} ({otherStart} to {otherEnd}, {path})",
        zh: "评价期 {id}（{start} 至 {end}）与评价期 {other}（{otherStart} 至 {otherEnd}，{path}）重叠")
    static let moveDates = MessageTemplate(
        "cycle.period-new.overlaps.hint",
        en: "start it after {otherEnd} or end it before {otherStart}; an alliance's records must belong to one period; nothing was written",
        zh: "请让它在 {otherEnd} 之后开始，或在 {otherStart} 之前结束；联盟的每条记录只能属于一个评价期；未写入任何文件")
    static let didYouMean = MessageTemplate("cycle.period-new.did-you-mean", en: "; did you mean {suggestion}?", zh: "；是否应为 {suggestion}？")
    static let noSuchFrom = MessageTemplate(
        "cycle.period-new.no-from", en: "--from {from}: no period \"{from}\" in vault/periods/{guess}",
        zh: "--from {from}：vault/periods/ 中没有评价期“{from}”{guess}")
    static let noPeriodYet = MessageTemplate(
        "cycle.period-new.no-from.empty.hint", en: "the vault has no period yet: leave out --from and give --schema; nothing was written",
        zh: "vault 中还没有评价期：请去掉 --from，并给出 --schema；未写入任何文件")
    static let periodList = MessageTemplate(
        "cycle.period-new.no-from.hint", en: "periods: {periods}; nothing was written", zh: "现有的评价期：{periods}；未写入任何文件")
    static let noSchema = MessageTemplate(
        "cycle.period-new.no-schema", en: "no schema for period {id}: the vault has no period to take it from",
        zh: "评价期 {id} 没有指标体系：vault 中没有可以沿用的评价期")
    static let giveSchema = MessageTemplate(
        "cycle.period-new.no-schema.hint", en: "give --schema ID (a file in schemas/, without .txt); nothing was written",
        zh: "请用 --schema ID 指定指标体系（schemas/ 中的文件名，不带 .txt）；未写入任何文件")
    static let unknownSchema = MessageTemplate(
        "cycle.period-new.unknown-schema", en: "no schema \"{schema}\" in schemas/{guess}{named}",
        zh: "schemas/ 中没有指标体系“{schema}”{guess}{named}")
    static let namedByPeriod = MessageTemplate(
        "cycle.period-new.unknown-schema.named", en: " (named by period {period})", zh: "（由评价期 {period} 指定）")
    static let schemaList = MessageTemplate(
        "cycle.period-new.unknown-schema.hint", en: "schemas: {schemas}; give --schema ID; nothing was written",
        zh: "现有的指标体系：{schemas}；请用 --schema ID 指定；未写入任何文件")
    static let noSchemas = MessageTemplate("cycle.period-new.unknown-schema.none", en: "none", zh: "无")
    static let brokenSchema = MessageTemplate(
        "cycle.period-new.broken-schema", en: "schema \"{schema}\" has errors, so no record of the new period could be checked",
        zh: "指标体系“{schema}”有错误，新评价期的记录都无法核对")
    static let mendSchema = MessageTemplate(
        "cycle.period-new.broken-schema.hint", en: "mend the errors `vault lint` reports in schemas/{schema}.txt, then run again; nothing was written",
        zh: "请改正 `vault lint` 在 schemas/{schema}.txt 中报告的错误，再运行一次；未写入任何文件")
    static let strayRecords = MessageTemplate(
        "cycle.period-new.stray-records", en: "{path} already exists{more}, but no period file does", zh: "{path} 已经存在{more}，但评价期文件不存在")
    static let moreStray = MessageTemplate(
        "cycle.period-new.stray-records.more", en: " (and {count} more record files of {id})", zh: "（另有 {count} 个 {id} 的记录文件）")
    static let moveStray = MessageTemplate(
        "cycle.period-new.stray-records.hint", en: "move or remove the record files of {id} (or write vault/periods/{id}.txt by hand); nothing was written",
        zh: "请移走或删除 {id} 的记录文件（或手工编写 vault/periods/{id}.txt）；未写入任何文件")
    static let notCanonical = MessageTemplate(
        "cycle.period-new.not-canonical", en: "the period file for {id} could not be put in canonical form: {reason}",
        zh: "{id} 的评价期文件无法整理成规范格式：{reason}")
    static let mendPanel = MessageTemplate(
        "cycle.period-new.not-canonical.hint", en: "mend the panel lines of vault/periods/{from}.txt (vault lint shows them); nothing was written",
        zh: "请改正 vault/periods/{from}.txt 中的专家记录（vault lint 会列出它们）；未写入任何文件")
    static let targetExists = MessageTemplate("cycle.period-new.target-exists", en: "{path} already exists", zh: "{path} 已经存在")
    static let moveItAway = MessageTemplate(
        "cycle.period-new.target-exists.hint", en: "move it away, or choose another period id; nothing was written",
        zh: "请把它移走，或换一个评价期 id；未写入任何文件")
    static let cannotCheck = MessageTemplate("cycle.period-new.cannot-check", en: "cannot check {path}: {reason}", zh: "无法检查 {path}：{reason}")
    static let makeReadable = MessageTemplate(
        "cycle.period-new.cannot-check.hint", en: "make its directory readable, then run again; nothing was written",
        zh: "请让它所在的目录可读，再运行一次；未写入任何文件")
    static let notProjectDirectory = MessageTemplate(
        "cycle.period-new.not-directory", en: "{directory} is not a directory of the project (a link, or missing)",
        zh: "{directory} 不是项目中的目录（是链接，或不存在）")
    static let makeRealDirectory = MessageTemplate(
        "cycle.period-new.not-directory.hint", en: "make it a real directory; `vault period new` writes only inside the project; nothing was written",
        zh: "请把它改成真正的目录；`vault period new` 只在项目之内写入；未写入任何文件")
    static let cannotWrite = MessageTemplate("cycle.period-new.cannot-write", en: "cannot write {path}: {reason}", zh: "无法写入 {path}：{reason}")
    static let cannotCreate = MessageTemplate("cycle.period-new.cannot-create", en: "cannot create {path}: {reason}", zh: "无法创建 {path}：{reason}")
    static let shortWrite = MessageTemplate("cycle.period-new.short-write", en: "short write", zh: "写入不完整")
    static let checkWritable = MessageTemplate(
        "cycle.period-new.cannot-write.hint", en: "check that the directory is writable", zh: "请检查该目录是否可写")
    static let freeDiskSpace = MessageTemplate(
        "cycle.period-new.short-write.hint", en: "free disk space (or raise the file-size limit) and run again",
        zh: "请腾出磁盘空间（或调高文件大小上限），再运行一次")
    static let removedBefore = MessageTemplate(
        "cycle.period-new.removed", en: "{reason}; the {count} files written before it were removed", zh: "{reason}；此前写入的 {count} 个文件已删除")
    static let leftNothing = MessageTemplate(
        "cycle.period-new.removed.hint", en: "nothing was left written; {hint}", zh: "没有留下任何写入的文件；{hint}")
    static let mendCause = MessageTemplate("cycle.period-new.mend.hint", en: "mend the cause and run again", zh: "请排除原因后再运行一次")

    static let messages = [notPeriodID, writePeriodID, yearsReversed, earlierYearFirst, notADate, writeADay, endBeforeStart,
                           firstAndLastDay, idNamesYear, idNamesYears, nameAfterYears, changeDates, periodExists, chooseAnotherID,
                           overlaps, moveDates, didYouMean, noSuchFrom, noPeriodYet, periodList, noSchema, giveSchema, unknownSchema,
                           namedByPeriod, schemaList, noSchemas, brokenSchema, mendSchema, strayRecords, moreStray, moveStray,
                           notCanonical, mendPanel, targetExists, moveItAway, cannotCheck, makeReadable, notProjectDirectory,
                           makeRealDirectory, cannotWrite, cannotCreate, shortWrite, checkWritable, freeDiskSpace, removedBefore,
                           leftNothing, mendCause]
}
