/// The load stage: discover files, read and parse them in parallel, build the
/// schemas, then bind every file to the kinds its place allows. Whatever the
/// bytes, loading finishes; every problem becomes a diagnostic.
public enum Loader {
    public struct Result: Sendable {
        public var vault: Vault
        public var diagnostics: [Diagnostic]
    }

    public static func load(_ fs: any FileSystem) -> Result {
        let discovered = Discovery.discover(fs)
        var diagnostics = discovered.diagnostics
        let parsed: [(DiscoveredFile, ParsedFile?, Diagnostic?)] = parallelMap(discovered.files) { file in
            do throws(FileSystemError) {
                let bytes = try fs.read(file.path)
                return (file, LineParser.parse(SourceText(path: file.path, bytes: bytes)), nil)
            } catch {
                let diagnostic = Diagnostic(ruleID: IORule.description.id, severity: IORule.description.severity,
                                            location: .file(file.path), message: "cannot read \"\(file.path)\": \(error.message)",
                                            hint: error.hint)
                return (file, nil, diagnostic)
            }
        }
        var vault = Vault()
        var byRole: [FileRole: [(DiscoveredFile, ParsedFile)]] = [:]
        for (file, parsedFile, problem) in parsed {
            if let problem { diagnostics.append(problem) }
            guard let parsedFile else { continue }
            vault.files.append(parsedFile)
            diagnostics += parsedFile.diagnostics
            byRole[file.role, default: []].append((file, parsedFile))
        }
        for directory in discovered.allianceDirectories {
            vault.alliances[directory] = Alliance(id: directory)
        }
        loadSchemas(byRole[.schema] ?? [], into: &vault, &diagnostics)
        loadPeriods(byRole[.period] ?? [], into: &vault, &diagnostics)
        loadAlliances(byRole[.alliance] ?? [], into: &vault, &diagnostics)
        loadRecords(byRole[.records] ?? [], into: &vault, &diagnostics)
        return Result(vault: vault, diagnostics: diagnostics)
    }

    static func loadSchemas(_ files: [(DiscoveredFile, ParsedFile)], into vault: inout Vault, _ diagnostics: inout [Diagnostic]) {
        for (file, parsed) in files {
            let (bound, bindProblems) = Binder.bind(parsed, table: MetaSchema.table, bands: [], place: "a schema file")
            let (schema, problems) = SchemaBuilder.build(id: file.id, file: bound)
            diagnostics += bindProblems + problems
            vault.schemas[file.id] = schema
            if !parsed.diagnostics.isEmpty || !bindProblems.isEmpty || !problems.isEmpty {
                vault.brokenSchemas.insert(file.id)
            }
        }
    }

    static func loadPeriods(_ files: [(DiscoveredFile, ParsedFile)], into vault: inout Vault, _ diagnostics: inout [Diagnostic]) {
        let table = KindTable(CoreSchema.kinds(for: .period))
        for (file, parsed) in files {
            let (bound, problems) = Binder.bind(parsed, table: table, bands: [], place: "a period file")
            diagnostics += problems
            vault.boundFiles.append(bound)
            var period = Period(id: file.id, file: bound)
            if let record = bound.records(of: "period").first {
                period.start = bound.date(record, "start")
                period.end = bound.date(record, "end")
                period.roster = bound.int(record, "roster")
                period.schemaID = bound.text(record, "schema")
                if let schemaID = period.schemaID {
                    if vault.brokenSchemas.contains(schemaID) {
                        diagnostics.append(bound.site(record).diagnostic(SchemaRule.description,
                            at: bound.offset(of: "schema", in: record),
                            "schema \"\(schemaID)\" has errors, so the records of period \(file.id) are checked for syntax only",
                            hint: "mend the errors reported in schemas/\(schemaID).txt"))
                    } else if let schema = vault.schemas[schemaID] {
                        period.schema = schema
                    } else {
                        diagnostics.append(UnknownSchemaRule.diagnostic(bound, record, schemaID, known: vault.schemas.keys.sorted()))
                    }
                }
            } else if bound.records.isEmpty || !problems.contains(where: { $0.location.line == 1 }) {
                diagnostics.append(Diagnostic(ruleID: MissingFieldRule.description.id, severity: .error,
                    location: .file(file.path), message: "period file \"\(file.path)\" has no \"period\" record",
                    hint: "add: period start=YYYY-MM-DD end=YYYY-MM-DD schema=ID"))
            }
            vault.periods[file.id] = period
        }
    }

    static func loadAlliances(_ files: [(DiscoveredFile, ParsedFile)], into vault: inout Vault, _ diagnostics: inout [Diagnostic]) {
        let table = KindTable(CoreSchema.kinds(for: .alliance))
        for (file, parsed) in files {
            let (bound, problems) = Binder.bind(parsed, table: table, bands: [], place: "an alliance.txt file")
            diagnostics += problems
            vault.boundFiles.append(bound)
            guard let id = file.alliance else { continue }
            var alliance = vault.alliances[id] ?? Alliance(id: id)
            alliance.metadata = bound
            if let record = bound.records(of: "alliance").first {
                alliance.code = bound.text(record, "code")
                alliance.batch = bound.text(record, "batch")
                alliance.name = bound.text(record, "name")
            }
            vault.alliances[id] = alliance
        }
    }

    static func loadRecords(_ files: [(DiscoveredFile, ParsedFile)], into vault: inout Vault, _ diagnostics: inout [Diagnostic]) {
        let core = CoreSchema.kinds(for: .records)
        let tables = vault.periods.compactMapValues { period in
            period.schema.map { KindTable(core + $0.kinds.filter { $0.role == .records }) }
        }
        let snapshot = vault
        let results: [(DiscoveredFile, BoundFile?, [Diagnostic])] = parallelMap(files) { file, parsed in
            guard let period = snapshot.periods[file.id] else {
                return (file, nil, [UnknownPeriodRule.diagnostic(path: file.path, period: file.id, known: snapshot.periodIDs)])
            }
            guard let table = tables[file.id] else { return (file, nil, []) }
            let (bound, problems) = Binder.bind(parsed, table: table, bands: period.schema?.bands ?? [],
                                                place: "an alliance's period file")
            return (file, bound, problems)
        }
        for (file, bound, problems) in results {
            diagnostics += problems
            guard let bound, let id = file.alliance else { continue }
            vault.alliances[id, default: Alliance(id: id)].records[file.id] = bound
            vault.boundFiles.append(bound)
        }
    }
}
