import Foundation

/// `vault lint --format github`: workflow commands that GitHub shows as
/// annotations on the pull request's files. GitHub shows at most ten errors and
/// ten warnings per step, so those get annotations and the rest are summarised
/// in one notice (every finding is also printed as a plain line in the log).
public enum GitHubReporter {
    public static let annotationsPerSeverity = 10

    public static func render(_ diagnostics: [Diagnostic], files: Int) -> String {
        var out = ""
        var shown: [Severity: Int] = [:]
        var hidden: [String: Int] = [:]
        for d in diagnostics {
            let command: String = switch d.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            if shown[d.severity, default: 0] < annotationsPerSeverity {
                shown[d.severity, default: 0] += 1
                let message = d.message + (d.hint.map { " (hint: \($0))" } ?? "")
                out += "::\(command) file=\(property(d.location.path)),line=\(d.location.line),col=\(d.location.column),title=\(property(d.ruleID))::\(data(message))\n"
            } else {
                hidden[d.ruleID, default: 0] += 1
            }
        }
        if !hidden.isEmpty {
            let total = hidden.values.reduce(0, +)
            let rules = hidden.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out += "::notice title=vault lint::\(data("\(total) more findings are not annotated (\(rules)); they are listed below and by `vault lint`"))\n"
        }
        for d in diagnostics {
            // A plain log line: user text never starts it (the path leads, escaped so it
            // cannot begin `::`) and never runs as a command (no newline, no `##[`).
            out += "\(Escape.terminal(d.location.description)): \(d.severity.rawValue): \(Escape.terminal(d.message)) [\(d.ruleID)]\n"
        }
        out += DiagnosticTextReporter(color: false).summary(diagnostics, files: files) + "\n"
        return out
    }

    /// Escaping for a workflow command's message.
    static func data(_ text: String) -> String { Escape.githubCommandData(text) }

    /// Escaping for a workflow command's property values.
    static func property(_ text: String) -> String { Escape.githubCommandProperty(text) }
}

/// `vault lint --format sarif`: SARIF 2.1.0 for code-scanning tools. Rule ids are
/// the stable lint rule ids; each result's fingerprint hashes its rule, file,
/// message and the text of its line (not the line number), so it survives edits
/// elsewhere in the file.
public enum SARIFReporter {
    public static func render(_ diagnostics: [Diagnostic], version: String) -> String {
        let rules = Rules.all.map { $0.description }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let ruleObjects = rules.map { r in
            JSONWriter.object([
                ("id", JSONWriter.quote(r.id)),
                ("shortDescription", JSONWriter.object([("text", JSONWriter.quote(r.summary))])),
                ("fullDescription", JSONWriter.object([("text", JSONWriter.quote(r.rationale))])),
                ("defaultConfiguration", JSONWriter.object([("level", JSONWriter.quote(level(r.severity)))])),
                ("helpUri", JSONWriter.quote("docs/rules.md#\(r.id)")),
            ])
        }
        var seen: [String: Int] = [:]
        let results = diagnostics.map { d in
            let base = "\(d.ruleID)\u{0}\(d.location.path)\u{0}\(d.message)\u{0}\((d.lineText ?? "").trimmingCharacters(in: .whitespaces))"
            let occurrence = seen[base, default: 0]
            seen[base] = occurrence + 1
            let fingerprint = hex(fnv(base + "\u{0}\(occurrence)"))
            var fields: [(String, String)] = [
                ("ruleId", JSONWriter.quote(d.ruleID)),
                ("level", JSONWriter.quote(level(d.severity))),
                ("message", JSONWriter.object([("text", JSONWriter.quote(d.message + (d.hint.map { " (hint: \($0))" } ?? "")))])),
                ("locations", JSONWriter.array([JSONWriter.object([("physicalLocation", JSONWriter.object([
                    ("artifactLocation", JSONWriter.object([("uri", JSONWriter.quote(d.location.path))])),
                    ("region", JSONWriter.object([("startLine", String(d.location.line)), ("startColumn", String(d.location.column))])),
                ]))])])),
                ("partialFingerprints", JSONWriter.object([("vaultFinding/v1", JSONWriter.quote(fingerprint))])),
            ]
            if let index = ruleIndex[d.ruleID] { fields.insert(("ruleIndex", String(index)), at: 1) }
            return JSONWriter.object(fields)
        }
        let driver = JSONWriter.object([("name", JSONWriter.quote("vault")), ("version", JSONWriter.quote(version)),
                                        ("rules", JSONWriter.array(ruleObjects))])
        let run = JSONWriter.object([("tool", JSONWriter.object([("driver", driver)])), ("results", JSONWriter.array(results))])
        return JSONWriter.object([
            ("$schema", JSONWriter.quote("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", JSONWriter.quote("2.1.0")),
            ("runs", JSONWriter.array([run])),
        ]) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func fnv(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
