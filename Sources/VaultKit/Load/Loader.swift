/// The load stage: discover files, read and parse them in parallel, build the
/// schemas, then bind every file to the kinds its place allows. Whatever the
/// bytes, loading finishes; every problem becomes a diagnostic.
public enum Loader {
    public struct Result: Sendable {
        public var vault: Vault
        public var diagnostics: [Diagnostic]
        /// The files `checkingEachRecordFile` already checked (their findings are in `diagnostics`).
        public var checked: Set<ObjectIdentifier> = []
    }

    /// A check to run on each alliance record file as soon as it is bound, while its
    /// bytes are still in cache; `vault` holds the schemas, periods and alliances.
    public typealias FileCheck = @Sendable (_ file: BoundFile, _ vault: Vault) -> [Diagnostic]

    /// `reusing`: a vault loaded before (the other side of a diff). A record file whose
    /// bytes, period file and schema are unchanged there is taken as it was bound,
    /// findings included, instead of being parsed and bound again.
    public static func load(_ fs: any FileSystem, checkingEachRecordFile check: FileCheck? = nil,
                            reusing previous: Vault? = nil) -> Result {
        let discovered = StageTimer.measure("discover") { Discovery.discover(fs) }
        var diagnostics = discovered.diagnostics
        var vault = Vault()
        // The files' bytes and the records bound from them: one arena for the whole load.
        let arena = Arena()
        vault.leftovers = discovered.leftovers
        vault.refusedEntries = discovered.refused
        for path in discovered.leftovers {
            diagnostics.append(InterruptedWriteRule.description.fileDiagnostic(path,
                InterruptedWriteRule.leftover(["path": .text(path)]), hint: InterruptedWriteRule.leftoverHint()))
        }
        let (allianceDirectories, files) = screenIdentities(discovered, &diagnostics)
        for directory in allianceDirectories {
            vault.alliances[directory] = Alliance(id: directory)
        }
        for file in files where file.role == .results {
            if let bytes = try? fs.read(file.path, into: arena) { vault.resultTables[file.id] = SourceText(path: file.path, bytes: bytes) }
        }
        // Schemas, periods and metadata first: binding records needs them.
        loadDefinitionFiles(files, from: fs, arena: arena, into: &vault, &diagnostics)
        let checked = StageTimer.measure("records") {
            loadRecords(files.filter { $0.role == .records }, from: fs, arena: arena, check: check,
                        reusable: previous.map { reusableFiles(in: $0, for: vault) } ?? [:], into: &vault, &diagnostics)
        }
        vault.sortAllianceIDs()
        return Result(vault: vault, diagnostics: diagnostics, checked: checked)
    }

    /// The vault without its alliances' record files: schemas, periods (panels included),
    /// alliance metadata and reviews, and the record files that exist, found but not read.
    /// What `vault period new` needs, at a small part of a full load's cost.
    public static func loadDefinitions(_ fs: any FileSystem) -> (vault: Vault, diagnostics: [Diagnostic], recordFiles: [DiscoveredFile]) {
        let discovered = Discovery.discover(fs)
        var diagnostics = discovered.diagnostics
        var vault = Vault()
        let arena = Arena()
        vault.leftovers = discovered.leftovers
        vault.refusedEntries = discovered.refused
        let (allianceDirectories, files) = screenIdentities(discovered, &diagnostics)
        for directory in allianceDirectories { vault.alliances[directory] = Alliance(id: directory) }
        loadDefinitionFiles(files, from: fs, arena: arena, into: &vault, &diagnostics)
        vault.sortAllianceIDs()
        return (vault, diagnostics, files.filter { $0.role == .records })
    }

    /// Reads and loads every file that is not a record file or a results table:
    /// schemas, periods, alliance metadata and reviews, in that order (each needs the one before).
    static func loadDefinitionFiles(_ files: [DiscoveredFile], from fs: any FileSystem, arena: Arena,
                                    into vault: inout Vault, _ diagnostics: inout [Diagnostic]) {
        var byRole: [FileRole: [(DiscoveredFile, ParsedFile)]] = [:]
        let definitions = files.filter { $0.role != .records && $0.role != .results }
        for (file, (parsed, problem)) in zip(definitions, parallelMap(definitions, { read($0, from: fs, into: arena) })) {
            if let problem { diagnostics.append(problem) }
            guard let parsed else { continue }
            vault.files.append(parsed.withoutFields)
            diagnostics += parsed.diagnostics
            byRole[file.role, default: []].append((file, parsed))
        }
        loadSchemas(byRole[.schema] ?? [], into: &vault, &diagnostics)
        loadPeriods(byRole[.period] ?? [], into: &vault, &diagnostics)
        loadAlliances(byRole[.alliance] ?? [], into: &vault, &diagnostics)
        loadReviews(byRole[.review] ?? [], into: &vault, &diagnostics)
    }

    /// One identity per name (`Identity`): alliance directories, schema files and each
    /// period's review files whose names are one in NFC are reported, and the one not in
    /// NFC (or the later in byte order) is left out, so that it cannot take the other's
    /// place in the vault's dictionaries; look-alike names are reported. Returns the
    /// alliance directories and files to load. Nothing is copied when all is well.
    static func screenIdentities(_ discovered: Discovery.Result, _ diagnostics: inout [Diagnostic])
        -> (directories: [String], files: [DiscoveredFile]) {
        var directories = discovered.allianceDirectories
        var files = discovered.files
        let alliances = Identity.screen(directories.map { Identity.Entry(name: $0, path: "vault/alliances/" + $0) },
                                        what: Identity.allianceDirectory)
        diagnostics += alliances.diagnostics
        var refusedFiles: Set<Int> = []
        var groups: [String: [Int]] = ["schema": []]
        for (index, file) in files.enumerated() {
            switch file.role {
            case .schema: groups["schema"]!.append(index)
            case .review: groups["review " + (file.period ?? ""), default: []].append(index)
            default: break
            }
        }
        for (key, indices) in groups {
            let screening = Identity.screen(indices.map { Identity.Entry(name: files[$0].id, path: files[$0].path) },
                                            what: key == "schema" ? Identity.schemaFile : Identity.reviewFile)
            diagnostics += screening.diagnostics
            for position in screening.refused { refusedFiles.insert(indices[position]) }
        }
        guard !alliances.refused.isEmpty || !refusedFiles.isEmpty else { return (directories, files) }
        // A refused directory is matched by its bytes: by String it equals the one that stays.
        let refusedNames = Set(alliances.refused.map { Array(directories[$0].utf8) })
        directories = directories.enumerated().filter { !alliances.refused.contains($0.offset) }.map(\.element)
        files = files.enumerated().filter { index, file in
            if refusedFiles.contains(index) { return false }
            guard !refusedNames.isEmpty, let alliance = file.alliance else { return true }
            return !refusedNames.contains(Array(alliance.utf8))
        }.map(\.element)
        return (directories, files)
    }

    /// The kinds an alliance's record file may hold under `schema`: the core record
    /// kinds, then the schema's. Scoring compiles its rubrics against the same table.
    public static func recordTable(_ schema: Schema) -> KindTable {
        KindTable(CoreSchema.kinds(for: .records) + schema.kinds.filter { $0.role == .records }, measured: schema.measured)
    }

    /// Reads and parses one file; an unreadable file becomes an `io` finding.
    static func read(_ file: DiscoveredFile, from fs: any FileSystem, into arena: Arena) -> (ParsedFile?, Diagnostic?) {
        let (bytes, problem) = readBytes(file, from: fs, into: arena)
        return (bytes.map { LineParser.parse(SourceText(path: file.path, bytes: $0)) }, problem)
    }

    /// One file's bytes, or the `io` finding that says why they cannot be read.
    static func readBytes(_ file: DiscoveredFile, from fs: any FileSystem, into arena: Arena?) -> (Slab<UInt8>?, Diagnostic?) {
        do throws(FileSystemError) {
            return (try fs.read(file.path, into: arena), nil)
        } catch {
            return (nil, IORule.description.fileDiagnostic(file.path, IORule.cannotRead(["path": .text(file.path), "reason": error.reason]),
                                                              hint: error.hint))
        }
    }

    static func loadSchemas(_ files: [(DiscoveredFile, ParsedFile)], into vault: inout Vault, _ diagnostics: inout [Diagnostic]) {
        for (file, parsed) in files {
            let (bound, bindProblems) = Binder.bind(parsed, table: MetaSchema.table, bands: [], place: .schema)
            let (schema, problems) = SchemaBuilder.build(id: file.id, file: bound)
            diagnostics += bindProblems + problems
            vault.schemas[file.id] = schema
            // Only errors disable a schema: a warning (a byte-order mark, CRLF line ends)
            // leaves it usable. The first error is kept, so each period that cannot use
            // the schema names what stops it.
            let errors = (parsed.diagnostics + bindProblems + problems).filter { $0.severity == .error }
            if let first = errors.sorted(by: Diagnostic.ordered).first {
                vault.brokenSchemas.insert(file.id)
                vault.schemaErrors[file.id] = first
            }
        }
    }

    /// The finding of a period whose schema is broken, naming the schema's first error.
    static func brokenSchema(_ vault: Vault, _ schemaID: String, period: String) -> Message {
        guard let error = vault.schemaErrors[schemaID] else { return SchemaRule.broken(["schema": .text(schemaID), "period": .text(period)]) }
        return SchemaRule.brokenFirst(["schema": .text(schemaID), "period": .text(period),
                                       "location": .text("\(error.location)"), "first": .message(error.message)])
    }

    static func loadPeriods(_ files: [(DiscoveredFile, ParsedFile)], into vault: inout Vault, _ diagnostics: inout [Diagnostic]) {
        let table = KindTable(CoreSchema.kinds(for: .period))
        for (file, parsed) in files {
            let (bound, problems) = Binder.bind(parsed, table: table, bands: [], place: .period)
            diagnostics += problems
            vault.boundFiles.append(bound)
            var period = Period(id: file.id, file: bound)
            if let record = bound.records(of: "period").first {
                period.start = bound.date(record, "start")
                period.end = bound.date(record, "end")
                // A roster or threshold below 0 means nothing: a bad value, and not used.
                func notNegative<T: Comparable>(_ field: String, _ value: T?, zero: T, _ what: MessageTemplate) -> T? {
                    guard let value, value < zero else { return value }
                    diagnostics.append(bound.site(record).diagnostic(BadValueRule.description, at: bound.offset(of: field, in: record),
                        BadValueRule.negative(["field": .text(field), "value": .text("\(value)"), "what": .message(what())]),
                        hint: BadValueRule.notNegativeHint()))
                    return nil
                }
                period.roster = notNegative("roster", bound.int(record, "roster"), zero: 0, BadValueRule.allianceCount)
                period.threshold = notNegative("threshold", bound.decimal(record, "threshold"), zero: FixedDecimal(0), BadValueRule.pointDifference)
                period.entriesClosed = bound.date(record, "entries-closed")
                for (field, batch) in [("roster1", "1"), ("roster2", "2"), ("roster3", "3"), ("roster-later", "later")] {
                    if let count = notNegative(field, bound.int(record, field), zero: 0, BadValueRule.allianceCount) { period.batchRoster[batch] = count }
                }
                period.schemaID = bound.text(record, "schema")
                if let schemaID = period.schemaID {
                    if vault.brokenSchemas.contains(schemaID) {
                        diagnostics.append(bound.site(record).diagnostic(SchemaRule.description,
                            at: bound.offset(of: "schema", in: record),
                            Self.brokenSchema(vault, schemaID, period: file.id), hint: SchemaRule.brokenHint(["schema": .text(schemaID)])))
                    } else if let schema = vault.schemas[schemaID] {
                        period.schema = schema
                    } else {
                        diagnostics.append(UnknownSchemaRule.diagnostic(bound, record, schemaID, known: vault.schemas.keys.sorted()))
                    }
                }
            } else if !bound.writes(kind: "period") {
                diagnostics.append(MissingFieldRule.description.fileDiagnostic(file.path,
                    MissingFieldRule.noPeriodRecord(["path": .text(file.path)]), hint: MissingFieldRule.addPeriodRecord()))
            }
            for record in bound.records(of: "expert") {
                period.experts.append(Expert(id: bound.text(record, "id") ?? "", name: bound.text(record, "name") ?? "",
                                             group: bound.text(record, "group"),
                                             alliances: (bound.text(record, "alliances") ?? "").split(separator: ",").map(String.init),
                                             affiliation: bound.text(record, "affiliation"), handle: bound.text(record, "handle"),
                                             record: record))
            }
            vault.periods[file.id] = period
        }
    }

    /// Binds each expert's review file to the review kind of its period's schema:
    /// the core fields plus one decimal field per indicator.
    static func loadReviews(_ files: [(DiscoveredFile, ParsedFile)], into vault: inout Vault, _ diagnostics: inout [Diagnostic]) {
        let core = CoreSchema.kinds(for: .review)
        for (file, parsed) in files {
            guard let periodID = file.period, vault.periods[periodID] != nil else {
                let period = file.period ?? "?"
                diagnostics.append(UnknownPeriodRule.diagnostic(path: file.path, period: period, known: vault.periodIDs))
                continue
            }
            guard let schema = vault.periods[periodID]!.schema else { continue }
            let kinds = core.map { kind in
                var kind = kind
                if kind.id == "review" {
                    kind.fields += schema.indicators.map { FieldSpec(id: $0.id, type: .decimal, title: $0.title) }
                }
                return kind
            }
            let (bound, problems) = Binder.bind(parsed, table: KindTable(kinds), bands: schema.bands, place: .review)
            diagnostics += problems
            vault.boundFiles.append(bound)
            vault.periods[periodID]!.reviews[file.id] = bound
        }
    }

    static func loadAlliances(_ files: [(DiscoveredFile, ParsedFile)], into vault: inout Vault, _ diagnostics: inout [Diagnostic]) {
        let table = KindTable(CoreSchema.kinds(for: .alliance))
        for (file, parsed) in files {
            let (bound, problems) = Binder.bind(parsed, table: table, bands: [], place: .allianceMetadata)
            diagnostics += problems
            vault.boundFiles.append(bound)
            guard let id = file.alliance else { continue }
            var alliance = vault.alliances[id] ?? Alliance(id: id)
            alliance.metadata = bound
            if let record = bound.records(of: "alliance").first {
                alliance.code = bound.text(record, "code")
                alliance.batch = bound.text(record, "batch")
                alliance.name = bound.text(record, "name")
                alliance.short = bound.text(record, "short")
            }
            alliance.aliases = bound.records(of: "alias").compactMap { bound.text($0, "name") }
            alliance.maintainers = bound.records(of: "maintainer").compactMap { bound.text($0, "handle") }
            vault.alliances[id] = alliance
        }
    }

    /// Reads, parses and binds each alliance's record files in one parallel pass,
    /// so each file's bytes are still in cache when they are bound.
    /// Returns the files `check` ran on.
    /// The record files of `previous` that can stand for the same files of `vault`, by
    /// path, if their bytes are the same: those of the periods whose period file and
    /// schema file are byte for byte the same in both.
    static func reusableFiles(in previous: Vault, for vault: Vault) -> [String: BoundFile] {
        func bytes(_ vault: Vault) -> [String: Slab<UInt8>] {
            var out: [String: Slab<UInt8>] = [:]
            for file in vault.files where !file.text.path.hasPrefix("vault/alliances/") { out[file.text.path] = file.text.bytes }
            return out
        }
        let before = bytes(previous), after = bytes(vault)
        var reusable: [String: BoundFile] = [:]
        for (id, period) in vault.periods {
            guard let old = previous.periods[id], let schemaID = period.schemaID, period.schema != nil,
                  old.schemaID == schemaID, old.file.parsed.text.bytes == period.file.parsed.text.bytes,
                  let schema = after["schemas/\(schemaID).txt"], before["schemas/\(schemaID).txt"] == schema else { continue }
            for alliance in previous.orderedAlliances {
                if let file = alliance.records[id] { reusable[file.path] = file }
            }
        }
        return reusable
    }

    static func loadRecords(_ files: [DiscoveredFile], from fs: any FileSystem, arena: Arena, check: FileCheck?,
                            reusable: [String: BoundFile] = [:],
                            into vault: inout Vault, _ diagnostics: inout [Diagnostic]) -> Set<ObjectIdentifier> {
        // Each period's table and bands, looked up once per file: reading them from the
        // period copied the whole `Period` (and retained all it holds) for every file.
        let bindings = vault.periods.compactMapValues { period in period.schema.map { (recordTable($0), $0.bands) } }
        let snapshot = vault
        // Results carry no copy of their `DiscoveredFile`; they are matched with `files` by position.
        let results: [(ParsedFile?, BoundFile?, [Diagnostic])] = parallelMap(files) { file in
            let old = reusable[file.path]
            // A file that may be reused is read outside the arena: when it is, its bytes are let go.
            let (read, problem) = readBytes(file, from: fs, into: old == nil ? arena : nil)
            guard let bytes = read else { return (nil, nil, problem.map { [$0] } ?? []) }
            if let old, bytes == old.parsed.text.bytes {
                return (old.parsed, old, old.parsed.diagnostics + old.problems + (check?(old, snapshot) ?? []))
            }
            let parsed = LineParser.parse(SourceText(path: file.path, bytes: bytes))
            guard snapshot.periods[file.id] != nil else {
                let unknown = UnknownPeriodRule.diagnostic(path: file.path, period: file.id, known: snapshot.periodIDs)
                return (parsed.withoutFields, nil, parsed.diagnostics + [unknown])
            }
            guard let (table, bands) = bindings[file.id] else { return (parsed.withoutFields, nil, parsed.diagnostics) }
            let (bound, problems) = Binder.bind(parsed, table: table, bands: bands, place: .allianceRecords, arena: arena)
            // Raw fields are dropped here, not after the pass: kept for every file, they were a fifth of the peak memory.
            let found = check?(bound, snapshot) ?? []
            return (bound.parsed, bound, parsed.diagnostics + problems + found)
        }
        var checked: Set<ObjectIdentifier> = []
        checked.reserveCapacity(check == nil ? 0 : files.count)
        vault.files.reserveCapacity(vault.files.count + files.count)
        vault.boundFiles.reserveCapacity(vault.boundFiles.count + files.count)
        // An alliance's files come one after another: its record files are gathered and
        // stored once per alliance, since each lookup by a Chinese id hashes it anew.
        var current: (id: String, records: [String: BoundFile])?
        func store() {
            if let (id, records) = current { vault.alliances[id, default: Alliance(id: id)].records.merge(records) { _, new in new } }
        }
        StageTimer.measure("assemble") {
            for (file, (parsed, bound, problems)) in zip(files, results) {
                diagnostics += problems
                if let parsed { vault.files.append(parsed) }
                guard let bound, let id = file.alliance else { continue }
                if current?.id != id {
                    store()
                    current = (id, [:])
                }
                current!.records[file.id] = bound
                vault.boundFiles.append(bound)
                if check != nil { checked.insert(ObjectIdentifier(bound)) }
            }
            store()
        }
        return checked
    }
}
