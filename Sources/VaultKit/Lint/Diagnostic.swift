/// How much a finding matters. Errors fail `vault lint`; warnings fail it only
/// with `--strict`; infos never do.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case error
    case warning
    case info
}

/// One finding: which rule, where, what is wrong (naming the offending text)
/// and, where one exists, what to do about it.
public struct Diagnostic: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String?
    /// The source line the location points into, for the excerpt under the message.
    public var lineText: String?
    /// The column of `lineText`'s first character: 1 unless the excerpt is a window
    /// far along a long line (it then starts with `…`).
    public var lineTextColumn: Int
    /// How many further findings on this line this one stands for: nonzero only for
    /// the summary that the per-line cap (`Linter.findingsPerLine`) puts after the
    /// findings it shows.
    public var hidden: Int

    public init(ruleID: String, severity: Severity, location: SourceLocation,
                message: String, hint: String? = nil, lineText: String? = nil,
                lineTextColumn: Int = 1, hidden: Int = 0) {
        self.ruleID = ruleID
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.lineText = lineText
        self.lineTextColumn = lineTextColumn
        self.hidden = hidden
    }

    /// The order every report uses: location, then rule, then message.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}

/// Builds diagnostics for places in one file, so that call sites name only the
/// rule, the byte offset and the words.
public struct DiagnosticSite: Sendable {
    public let text: SourceText
    public let line: Int
    public let lineStart: Int

    public init(text: SourceText, line: Int, lineStart: Int) {
        self.text = text
        self.line = line
        self.lineStart = lineStart
    }

    public func diagnostic(_ rule: RuleDescription, at offset: Int, _ message: String,
                           hint: String? = nil) -> Diagnostic {
        let excerpt = text.lineWindow(startingAt: lineStart, around: offset)
        return Diagnostic(ruleID: rule.id, severity: rule.severity,
                          location: text.location(line: line, lineStart: lineStart, offset: offset),
                          message: message, hint: hint, lineText: excerpt.text, lineTextColumn: excerpt.column)
    }
}
