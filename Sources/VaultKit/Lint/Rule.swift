/// A small project written for a rule's example: files by path, relative to the
/// project root. In a triggering example, `↓` marks where the finding must land.
public struct RuleExample: Sendable {
    public var files: [String: String]
    /// Files of the base example project to leave out.
    public var removing: [String]
    /// Where the finding lands when no file can hold a marker (a missing file): `path:line:column`.
    public var expectedAt: String?

    public init(_ files: [String: String], removing: [String] = [], expectedAt: String? = nil) {
        self.files = files
        self.removing = removing
        self.expectedAt = expectedAt
    }

    /// The common case: one file.
    public init(_ path: String, _ content: String) { self.init([path: content]) }

    /// The marker for where a finding lands.
    public static let marker = "↓"
}

/// What a rule is: its id, what it finds and why, how severe, and examples
/// that trigger it and that do not. One generic test runs every example, and
/// `docs/rules.md` is generated from these values.
public struct RuleDescription: Sendable {
    public let id: String
    public let summary: String
    public let rationale: String
    /// The summary and rationale in Chinese (`vault rules`, docs/rules.md).
    public let summaryZH: String
    public let rationaleZH: String
    public let severity: Severity
    public let triggering: [RuleExample]
    public let nonTriggering: [RuleExample]

    public init(id: String, summary: String, rationale: String,
                summaryZH: String = "", rationaleZH: String = "", severity: Severity,
                triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.summaryZH = summaryZH
        self.rationaleZH = rationaleZH
        self.severity = severity
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

extension RuleDescription {
    /// A finding about a whole file (missing, unreadable, misplaced), at its line 1, column 1.
    /// A finding about a whole file, in the catalogue's words.
    public func fileDiagnostic(_ path: String, _ message: Message, hint: Message?) -> Diagnostic {
        Diagnostic(ruleID: id, severity: severity, location: .file(path), message: message, hint: hint)
    }

    /// The same rule at another severity: an info where the rule cannot check something.
    public func with(severity: Severity) -> RuleDescription {
        RuleDescription(id: id, summary: summary, rationale: rationale,
                        summaryZH: summaryZH, rationaleZH: rationaleZH, severity: severity,
                        triggering: triggering, nonTriggering: nonTriggering)
    }
}

/// A lint rule. Rules met while loading (syntax, unknown fields …) are reported by
/// the loader under their rule's id; the others check the loaded vault.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// When the rule runs: given by the protocol it conforms to (the default of each).
    static var stage: RuleStage { get }
    /// Every message the rule's findings say (`Catalogue` lists them all).
    static var messages: [MessageTemplate] { get }
}

extension Rule {
    public static var messages: [MessageTemplate] { [] }
    /// A rule the loader applies (syntax, unknown fields …): no check of its own.
    public static var stage: RuleStage { .loading }
}

/// When a rule runs, with the rule as the protocol that runs it.
public enum RuleStage: Sendable {
    case loading
    case file(any FileRule.Type)
    case vault(any VaultRule.Type)
    case scored(any ScoredRule.Type)
}

extension FileRule {
    public static var stage: RuleStage { .file(self) }
}

extension VaultRule {
    public static var stage: RuleStage { .vault(self) }
}

extension ScoredRule {
    public static var stage: RuleStage { .scored(self) }
}

/// A rule that checks the loaded vault as a whole (across files).
public protocol VaultRule: Rule {
    static func check(_ vault: Vault) -> [Diagnostic]
}

/// A rule that checks one loaded file at a time; the linter runs these in parallel.
public protocol FileRule: Rule {
    static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic]
}

/// A rule that needs the scores (stale results, review stages).
public protocol ScoredRule: Rule {
    static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic]
}
