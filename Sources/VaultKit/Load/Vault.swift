/// An evaluation period as its file defines it.
public struct Period: Sendable {
    public var id: String
    public var file: BoundFile
    public var start: Day?
    public var end: Day?
    public var schemaID: String?
    public var roster: Int64?
    /// Alliances in scope per batch ("1", "2", "3", "later"), where the period states it.
    public var batchRoster: [String: Int64] = [:]
    /// Initial and cross totals differing by more than this need a recheck.
    public var threshold: FixedDecimal?
    /// The day the secretariat closed entries (`entries-closed=`): from then on every
    /// alliance on the roster must be evaluated, incomplete or no-data.
    public var entriesClosed: Day?
    /// The schema, when it exists and has no errors.
    public var schema: Schema?
    /// The expert panel, in file order.
    public var experts: [Expert] = []
    /// Review files by expert id.
    public var reviews: [String: BoundFile] = [:]
}

/// A member of a period's expert panel.
public struct Expert: Sendable {
    public var id: String
    public var name: String
    public var group: String?
    /// The alliances the expert belongs to, whose reviews would be a conflict of interest.
    public var alliances: [String]
    /// Where the expert works, as the panel list printed it: an alliance named here is
    /// the expert's too (`ReviewEligibility`).
    public var affiliation: String? = nil
    /// The expert's code-host account: the same as an alliance's maintainer is a conflict.
    public var handle: String? = nil
    public var record: Record
}

/// An alliance: its directory, its metadata and its record files by period.
public struct Alliance: Sendable {
    public var id: String
    public var metadata: BoundFile?
    public var code: String?
    public var batch: String?
    public var name: String?
    public var short: String?
    /// The names `alias` lines give the alliance (as other sources printed it).
    public var aliases: [String] = []
    /// The `maintainer handle=` accounts of the alliance.
    public var maintainers: [String] = []
    /// Record files by period id.
    public var records: [String: BoundFile] = [:]
}

/// The loaded vault: the typed model every later stage (lint, score, report) reads.
public struct Vault: Sendable {
    public var schemas: [String: Schema] = [:]
    /// Schemas with errors: known to exist, but no record is checked against them.
    public var brokenSchemas: Set<String> = []
    /// The first error of each broken schema, which the periods using it name.
    public var schemaErrors: [String: Diagnostic] = [:]
    public var periods: [String: Period] = [:]
    /// Alliances by directory name; only the loader adds them, so `allianceIDs` stays true.
    public internal(set) var alliances: [String: Alliance] = [:]
    /// Every file read, bound or only parsed (for suppressions and file counts).
    public var files: [ParsedFile] = []
    /// Temporary files an interrupted writer left behind; the next writer removes them.
    public var leftovers: [String] = []
    /// Symbolic links and special files in the tree ("PATH" is WHAT): lint reports
    /// them, nothing opens them, and the writers refuse to run while any is there.
    public var refusedEntries: [Message] = []
    /// `vault/results/PERIOD.tsv` as written, by period.
    public var resultTables: [String: SourceText] = [:]
    /// Record files whose lines were bound to kinds, for per-file rules.
    public var boundFiles: [BoundFile] = []

    public var periodIDs: [String] { periods.keys.sorted() }
    /// Alliance ids in byte order, sorted once when loading ends: scoring and several
    /// rules walk them, and sorting on every walk showed in profiles.
    public internal(set) var allianceIDs: [String] = []

    /// The alliances in the order of `allianceIDs`: walking them needs no lookup by a
    /// Chinese id (hashing one normalises it first, which showed in profiles).
    public internal(set) var orderedAlliances: [Alliance] = []

    mutating func sortAllianceIDs() {
        allianceIDs = alliances.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        orderedAlliances = allianceIDs.map { alliances[$0]! }
    }
}
