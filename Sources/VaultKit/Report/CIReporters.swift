import Foundation

/// `vault lint --format github`: workflow commands that GitHub shows as
/// annotations on the pull request's files. GitHub shows at most ten errors and
/// ten warnings per step, so those get annotations and the rest are summarised
/// in one notice (every finding is also printed as a plain line in the log).
public enum GitHubReporter {
    public static let annotationsPerSeverity = 10

    public static func render(_ diagnostics: [Diagnostic], files: Int, language: Language = .en) -> String {
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
                let message = withHint(d).text(language)
                out += "::\(command) file=\(property(d.location.path)),line=\(d.location.line),col=\(d.location.column),title=\(property(d.ruleID))::\(data(message))\n"
            } else {
                hidden[d.ruleID, default: 0] += 1
            }
        }
        if !hidden.isEmpty {
            let total = hidden.values.reduce(0, +)
            let rules = hidden.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            out += "::notice title=vault lint::\(data(notAnnotated(["total": .count(total), "rules": .list(rules)]).text(language)))\n"
        }
        for d in diagnostics {
            // A plain log line: user text never starts it (the path leads, escaped so it
            // cannot begin `::`) and never runs as a command (no newline, no `##[`).
            out += "\(Escape.terminal(d.location.description)): \(d.severity.rawValue): \(Escape.terminal(d.message.text(language))) [\(d.ruleID)]\n"
        }
        out += DiagnosticTextReporter(color: false, language: language).summary(diagnostics, files: files) + "\n"
        return out
    }

    /// A finding's message with its hint, as one annotation or SARIF message says it.
    static func withHint(_ d: Diagnostic) -> Message {
        guard let hint = d.hint else { return d.message }
        return messageWithHint(["message": .message(d.message), "hint": .message(hint)])
    }

    static let messageWithHint = MessageTemplate("report.with-hint", en: "{message} (hint: {hint})", zh: "{message}（提示：{hint}）")
    static let notAnnotated = MessageTemplate(
        "report.github.not-annotated",
        en: "{total} more findings are not annotated ({rules}); they are listed below and by `vault lint`",
        zh: "另有 {total} 处问题未加注释（{rules}）；见下方列表，或运行 `vault lint`")
    static let messages = [messageWithHint, notAnnotated]

    /// Escaping for a workflow command's message.
    static func data(_ text: String) -> String { Escape.githubCommandData(text) }

    /// Escaping for a workflow command's property values.
    static func property(_ text: String) -> String { Escape.githubCommandProperty(text) }
}

/// `vault lint --format sarif`: SARIF 2.1.0 for code-scanning tools, valid against
/// the OASIS schema with its format checks (`.ci/run` validates the shipped vault's
/// output). Rule ids are the stable lint rule ids; `helpUri` is absolute (the rule's
/// section of `docs/rules.md` under `rulesURL`, left out when no URL is known); file
/// URIs are project-relative references, percent-encoded; columns count Unicode code
/// points (`columnKind`). Each result's `partialFingerprints["vaultFinding/v2"]`
/// hashes its rule, file and the text of its line (not the line number, not the
/// message, which may quote line numbers), so it survives edits elsewhere in the file.
public enum SARIFReporter {
    /// The key of the fingerprint in `partialFingerprints`; the suffix changes when
    /// what it hashes does.
    public static let fingerprintKey = "vaultFinding/v2"

    /// `rulesURL`: the absolute URL of `docs/rules.md` (without a fragment); each
    /// rule's `helpUri` is it followed by `#RULE-ID`, the rule's heading there.
    public static func render(_ diagnostics: [Diagnostic], version: String, rulesURL: String? = nil, language: Language = .en) -> String {
        let rules = Rules.all.map { $0.description }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let ruleObjects = rules.map { r in
            var fields = [
                ("id", JSONWriter.quote(r.id)),
                ("shortDescription", JSONWriter.object([("text", JSONWriter.quote(r.summary))])),
                ("fullDescription", JSONWriter.object([("text", JSONWriter.quote(r.rationale))])),
                ("defaultConfiguration", JSONWriter.object([("level", JSONWriter.quote(level(r.severity)))])),
            ]
            if let rulesURL { fields.append(("helpUri", JSONWriter.quote(rulesURL + "#" + uriPath(r.id)))) }
            return JSONWriter.object(fields)
        }
        let fingerprints = self.fingerprints(diagnostics)
        let results = zip(diagnostics, fingerprints).map { d, fingerprint in
            var fields: [(String, String)] = [
                ("ruleId", JSONWriter.quote(d.ruleID)),
                ("level", JSONWriter.quote(level(d.severity))),
                ("message", JSONWriter.object([("text", JSONWriter.quote(GitHubReporter.withHint(d).text(language)))])),
                ("locations", JSONWriter.array([JSONWriter.object([("physicalLocation", JSONWriter.object([
                    ("artifactLocation", JSONWriter.object([("uri", JSONWriter.quote(uriPath(d.location.path)))])),
                    ("region", JSONWriter.object([("startLine", String(d.location.line)), ("startColumn", String(d.location.column))])),
                ]))])])),
                ("partialFingerprints", JSONWriter.object([(fingerprintKey, JSONWriter.quote(fingerprint))])),
            ]
            if let index = ruleIndex[d.ruleID] { fields.insert(("ruleIndex", String(index)), at: 1) }
            return JSONWriter.object(fields)
        }
        var driverFields = [("name", JSONWriter.quote("vault")), ("version", JSONWriter.quote(version))]
        if let rulesURL { driverFields.append(("informationUri", JSONWriter.quote(rulesURL))) }
        driverFields.append(("rules", JSONWriter.array(ruleObjects)))
        let run = JSONWriter.object([("tool", JSONWriter.object([("driver", JSONWriter.object(driverFields))])),
                                     ("columnKind", JSONWriter.quote("unicodeCodePoints")),
                                     ("results", JSONWriter.array(results))])
        return JSONWriter.object([
            ("$schema", JSONWriter.quote("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", JSONWriter.quote("2.1.0")),
            ("runs", JSONWriter.array([run])),
        ]) + "\n"
    }

    /// One fingerprint per finding, in order: FNV-1a (64 bits, hex) of the rule id,
    /// the path, the line's text with its whitespace trimmed, and how many findings
    /// before it had those three (two findings of one rule on one line, or on two
    /// identical lines, stay apart). The line number and the message are not hashed.
    public static func fingerprints(_ diagnostics: [Diagnostic]) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { d in
            let base = "\(d.ruleID)\u{0}\(d.location.path)\u{0}\((d.lineText ?? "").trimmingCharacters(in: .whitespaces))"
            let occurrence = seen[base, default: 0]
            seen[base] = occurrence + 1
            return hex(fnv(base + "\u{0}\(occurrence)"))
        }
    }

    /// A path as a URI reference (RFC 3986): each byte of its UTF-8 other than the
    /// unreserved characters and `/` percent-encoded (`%E7%A4%BA`, `%20`, `%23`, `%25`,
    /// and `%3A`, so a first segment cannot read as a scheme).
    public static func uriPath(_ path: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for b in path.utf8 {
            switch b {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F: out.append(b)
            default: out += [0x25, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The web address of `docs/rules.md` in a repository whose `origin` remote is
    /// `remote` (`https://host/owner/repo(.git)`, `git@host:owner/repo(.git)` or
    /// `ssh://git@host/owner/repo(.git)`): `https://host/owner/repo/blob/HEAD/docs/rules.md`.
    /// Credentials in the remote are dropped; any other remote (a path, a file URL)
    /// gives nil.
    public static func rulesURL(fromRemote remote: String) -> String? {
        var rest = remote.trimmingCharacters(in: .whitespacesAndNewlines)
        var host: Substring
        var path: Substring
        if let scheme = ["https://", "http://", "ssh://", "git://"].first(where: { rest.hasPrefix($0) }) {
            rest.removeFirst(scheme.count)
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            host = rest[..<slash]
            path = rest[rest.index(after: slash)...]
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            if scheme != "https://" && scheme != "http://", let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        } else if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
            host = rest[..<colon]
            path = rest[rest.index(after: colon)...]
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        } else {
            return nil
        }
        if path.hasSuffix(".git") { path = path.dropLast(4) }
        while path.hasSuffix("/") { path = path.dropLast() }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let hostOK = !host.isEmpty && host.utf8.allSatisfy { b in
            b >= 0x61 && b <= 0x7A || b >= 0x41 && b <= 0x5A || b >= 0x30 && b <= 0x39 || b == 0x2D || b == 0x2E || b == 0x3A
        }
        guard hostOK, segments.count >= 2, segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return "https://\(host.lowercased())/" + segments.map { uriPath(String($0)) }.joined(separator: "/") + "/blob/HEAD/docs/rules.md"
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
