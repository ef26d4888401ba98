/// Renders findings for a terminal or a log: `path:line:column: severity: message [rule]`,
/// the source line with a caret under the column, and the fix hint.
public struct DiagnosticTextReporter: Sendable {
    public var color: Bool
    /// How a path is shown: text output names it from the user's directory.
    public var paths: PathDisplay
    /// The language of the messages, hints and summary.
    public var language: Language

    public init(color: Bool, paths: PathDisplay = .projectRelative, language: Language = .en) {
        self.color = color
        self.paths = paths
        self.language = language
    }

    public func render(_ diagnostics: [Diagnostic], files: Int) -> String {
        var out = ""
        for diagnostic in diagnostics { out += render(diagnostic) }
        out += summary(diagnostics, files: files) + "\n"
        return out
    }

    public func render(_ d: Diagnostic) -> String {
        let severity: String = switch d.severity {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "1;33")
        case .info: paint("info", "1;36")
        }
        // Every piece of user text is escaped (a value, a name, a file name may hold
        // control characters): nothing printed here starts a line or sends an escape.
        var out = "\(paint(Escape.terminal("\(paths(d.location.path)):\(d.location.line):\(d.location.column)"), "1")): \(severity): \(Escape.terminal(d.message.text(language))) \(paint("[\(d.ruleID)]", "2"))\n"
        if let line = d.lineText {
            let number = String(d.location.line)
            let gutter = String(repeating: " ", count: number.count)
            let shown = Escape.terminal(line.replacingTabs())
            out += "\(paint(number, "2")) | \(shown)\n"
            // The excerpt of a long line is a window (from `…`) around the column.
            let characters = line.unicodeScalars.count
            let caret = d.location.column - d.lineTextColumn
            if caret >= 0, caret <= characters {
                // The caret goes under what is shown: an escaped character takes the
                // columns of its escape (`\u{1B}` is six).
                // (A leading `::` is escaped only as a pair, so a one-character prefix of it is taken from the shown line.)
                var before = Escape.terminal(String(String.UnicodeScalarView(line.replacingTabs().unicodeScalars.prefix(caret))))
                if before == ":" && shown.hasPrefix("\\u{3A}") { before = "\\u{3A}" }
                let pad = UTF8Columns.displayWidth(of: before, characters: before.unicodeScalars.count)
                out += "\(gutter) | \(String(repeating: " ", count: pad))\(paint("^", "1;32"))\n"
            }
        }
        if let hint = d.hint { out += "  = hint: \(Escape.terminal(hint.text(language)))\n" }
        return out
    }

    public func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        let infos = diagnostics.count { $0.severity == .info }
        let checked = "\(files) \(files == 1 ? "file" : "files") checked"
        if diagnostics.isEmpty { return "no problems; \(checked)" }
        var parts = [plural(errors, "error"), plural(warnings, "warning")]
        if infos > 0 { parts.append(plural(infos, "info")) }
        return parts.joined(separator: ", ") + "; \(checked)"
    }

    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// Tabs shown as one space, so the caret lines up with what the terminal shows.
    func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
